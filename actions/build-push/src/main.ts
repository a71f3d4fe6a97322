import * as core from '../../shared/src/core.js';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { ActionError } from '../../shared/src/errors.js';
import { writeSummary } from '../../shared/src/summary.js';
import { effectiveLabels, getInputs } from './inputs.js';
import { emulatedPlatforms, formatPlatform } from './platforms.js';
import {
  buildArgs,
  ghaCacheAvailable,
  needsContainerBuilder,
  secretEnv,
  type BuildPlan,
} from './build-command.js';
import {
  builderDriver,
  buildxVersion,
  cliDocker,
  createContainerBuilder,
  installQemu,
  login,
  mustRun,
  type Docker,
} from './docker.js';
import { parseMetadata, verifyPushedPlatforms } from './manifest.js';
import { buildSummary } from './summary.js';
import { STATE } from './state.js';

export const ACTION = 'build-push';

/** ECR registry -> login -> QEMU (if foreign) -> builder -> buildx build --push -> platform check -> outputs. */
export async function run(docker: Docker = cliDocker(), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runAction(ACTION, async () => {
    const started = Date.now();
    const inputs = getInputs(new Inputs());
    for (const [, value] of inputs.secrets) core.setSecret(value);

    const buildx = await core.group('Check docker buildx', async () => {
      const version = await buildxVersion(docker);
      core.info(version);
      return version;
    });

    // Loaded only once the inputs are valid: a bad input fails before the AWS SDK is even parsed.
    const { resolveRegistry, checkRepository, getLogin } = await import('./ecr.js');
    const reg = await core.group('Resolve the ECR registry', async () => {
      const r = await resolveRegistry(inputs.destination);
      core.info(`Repository ${r.imageUri} (account ${r.accountId}, ${r.region})`);
      if (inputs.push) await checkRepository(r);
      return r;
    });

    await core.group(`Log in to ${reg.registry}`, async () => {
      const creds = await getLogin(reg, (s) => core.setSecret(s));
      await login(docker, reg.registry, creds.username, creds.password);
      core.saveState(STATE.registry, reg.registry);
      core.info(
        `Logged in to ${reg.registry} as ${creds.username}` +
          (creds.expiresAt ? ` (token valid until ${creds.expiresAt.toISOString()})` : ''),
      );
    });

    const runnerArch = env.RUNNER_ARCH ?? 'X64';
    const emulated = emulatedPlatforms(inputs.platforms, runnerArch);
    const platforms = inputs.platforms.map(formatPlatform);
    if (emulated.length) {
      await core.group('Set up QEMU emulation', async () => {
        const arches = [...new Set(emulated.map((p) => p.architecture))];
        const supported = await installQemu(docker, arches);
        if (supported) {
          const missing = emulated
            .map(formatPlatform)
            .filter((p) => !supported.some((s) => s === p || s.startsWith(`${p}/`)));
          if (missing.length)
            throw new ActionError(
              `QEMU emulation was installed but the kernel does not support ${missing.join(', ')}`,
            );
          core.info(`Emulated platforms available: ${supported.join(', ')}`);
        }
      });
      if (emulated.length === inputs.platforms.length) {
        core.notice(
          `${ACTION}: building ${platforms.join(', ')} on a ${runnerArch} runner through QEMU emulation. A native ARM runner (runs-on: ubuntu-24.04-arm) builds several times faster.`,
        );
      } else {
        core.info(
          `${emulated.map(formatPlatform).join(', ')} will be emulated with QEMU on this ${runnerArch} runner`,
        );
      }
    } else {
      core.info(`The ${runnerArch} runner builds ${platforms.join(', ')} natively: no emulation needed`);
    }

    let cache: BuildPlan['cache'] = inputs.cache;
    if (cache === 'gha' && !ghaCacheAvailable(env)) {
      core.warning(
        `${ACTION}: cache 'gha' needs the runner's cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL), which this process does not have; building without a cache`,
      );
      cache = 'none';
    }

    const builder = await core.group('Set up the builder', async () => {
      const driver = await builderDriver(docker);
      if (!driver) throw new ActionError('docker buildx inspect failed: is the Docker daemon running?');
      if (!needsContainerBuilder(driver, inputs, cache)) {
        core.info(`Using the current builder (driver ${driver})`);
        return { name: undefined, description: `current (${driver} driver)` };
      }
      const name = `slipway-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
      if ((await builderDriver(docker, name)) === 'docker-container') {
        core.info(`Reusing builder ${name} (docker-container driver)`);
      } else {
        core.info(
          `The current builder uses the ${driver} driver, which cannot export a cache, attestations or several platforms: creating ${name} (docker-container driver)`,
        );
        await createContainerBuilder(docker, name);
        core.saveState(STATE.builder, name);
      }
      return { name, description: `${name} (docker-container driver)` };
    });

    const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'slipway-build-push-'));
    const plan: BuildPlan = {
      imageUri: reg.imageUri,
      builder: builder.name,
      metadataFile: join(dir, 'metadata.json'),
      cache,
      labels: effectiveLabels(inputs.labels, env),
    };
    const args = buildArgs(inputs, plan, reg.repository);
    const buildStarted = Date.now();
    await core.group(
      inputs.push ? `Build and push ${platforms.join(', ')}` : `Build ${platforms.join(', ')}`,
      () => mustRun(docker, 'docker buildx build', args, { env: secretEnv(inputs) }),
    );
    const buildMs = Date.now() - buildStarted;

    if (!existsSync(plan.metadataFile))
      throw new ActionError('docker buildx build did not write its metadata file');
    const metadata = parseMetadata(readFileSync(plan.metadataFile, 'utf8'));
    const refs = inputs.tags.map((t) => `${reg.imageUri}:${t}`);
    if (inputs.push) {
      if (!metadata.digest)
        throw new ActionError('docker buildx build pushed no image digest (containerimage.digest)');
      const imageRef = `${reg.imageUri}@${metadata.digest}`;
      await core.group('Verify the pushed platforms', async () => {
        const listed = await verifyPushedPlatforms(docker, imageRef, inputs.platforms);
        core.info(`${imageRef} lists ${listed.map(formatPlatform).join(', ')}`);
      });
      core.setOutput('image-ref', imageRef);
      core.info(`Pushed ${imageRef}`);
    }
    core.setOutput('image', reg.imageUri);
    if (metadata.digest) core.setOutput('digest', metadata.digest);
    core.setOutput('tags', refs.join('\n'));

    writeSummary(
      buildSummary({
        imageUri: reg.imageUri,
        digest: metadata.digest,
        tags: refs,
        platforms,
        pushed: inputs.push,
        emulated: emulated.map(formatPlatform),
        runnerArch,
        cache,
        builder: builder.description,
        provenance: inputs.provenance,
        sbom: inputs.sbom,
        buildMs,
        totalMs: Date.now() - started,
        region: reg.region,
        repository: reg.repository,
      }),
    );
    core.debug(`buildx: ${buildx}`);
  });
}
