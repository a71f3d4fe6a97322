// Before anything changes: every service must exist and be ACTIVE. All problems are reported at once.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import { ActionError, errorName } from '../errors.js';
import { revisionLabel } from './rollout.js';

export async function describeServicesForChange(
  api: EcsApi,
  cluster: string,
  region: string,
  names: string[],
  log: { info(l: string): void; warning(l: string): void },
): Promise<Map<string, Service>> {
  const found = new Map<string, Service>();
  const problems: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      try {
        const svc = await api.describeService(cluster, name);
        if ('missing' in svc) {
          problems.push(`service ${name} does not exist in cluster ${cluster} (${svc.missing})`);
        } else if (svc.status !== 'ACTIVE') {
          problems.push(`service ${name} is ${svc.status}, not ACTIVE`);
        } else {
          found.set(name, svc);
        }
      } catch (err) {
        if (errorName(err) === 'ClusterNotFoundException')
          problems.push(`cluster ${cluster} does not exist in ${region}`);
        else throw err;
      }
    }),
  );
  if (problems.length)
    throw new ActionError(`nothing was changed: ${[...new Set(problems)].sort().join('; ')}`);
  for (const name of names) {
    const svc = found.get(name)!;
    const deployments = svc.deployments ?? [];
    log.info(
      `${name}: running ${revisionLabel(svc.taskDefinition)}, ${svc.runningCount ?? 0}/${svc.desiredCount ?? 0} tasks, ${deployments.length} deployment(s)`,
    );
    if (deployments.length > 1)
      log.warning(`${name}: a deployment is already in progress; this one replaces it`);
  }
  return found;
}
