import * as core from '../../shared/src/core.js';
import { errorMessage } from '../../shared/src/errors.js';
import { cliDocker, logout, removeBuilder, type Docker } from './docker.js';
import { STATE } from './state.js';

/**
 * The post step: log out of the registry main logged in to and remove the builder it created. A failure
 * here is a warning: the image is pushed and the job's result must not depend on cleanup.
 */
export async function runPost(docker: Docker = cliDocker()): Promise<void> {
  const registry = core.getState(STATE.registry);
  const builder = core.getState(STATE.builder);
  if (!registry && !builder) {
    core.info('build-push: nothing to clean up');
    return;
  }
  if (registry) {
    try {
      const res = await logout(docker, registry);
      if (res.code === 0) core.info(`Logged out of ${registry}`);
      else core.warning(`build-push: docker logout ${registry} exited ${res.code}: ${res.stderr.trim()}`);
    } catch (err) {
      core.warning(`build-push: docker logout ${registry} failed: ${errorMessage(err)}`);
    }
  }
  if (builder) {
    try {
      const res = await removeBuilder(docker, builder);
      if (res.code === 0) core.info(`Removed builder ${builder}`);
      else core.warning(`build-push: docker buildx rm ${builder} exited ${res.code}: ${res.stderr.trim()}`);
    } catch (err) {
      core.warning(`build-push: docker buildx rm ${builder} failed: ${errorMessage(err)}`);
    }
  }
}
