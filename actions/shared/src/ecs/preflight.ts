// Before anything changes: every service must exist and be ACTIVE (all problems reported at once), and a
// deployment already in progress is waited for, refused, or replaced, as `if-in-progress` says.
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import type { ServicePoller } from './service-poller.js';
import { ActionError, errorName } from '../errors.js';
import { revisionLabel } from '../revision.js';
import { primaryOf } from './rollout.js';
import { WHO_STARTED } from './verdict.js';
import { formatDuration } from '../inputs.js';
import { sleep as realSleep } from '../retry.js';
import type { Log } from '../log.js';
import { unsupportedCapacityProviders, type TaskDefinitionDocument } from '../task-definition.js';

export type IfInProgress = 'wait' | 'fail' | 'replace';

export async function describeServicesForChange(
  poller: ServicePoller,
  cluster: string,
  region: string,
  names: string[],
  log: Log,
): Promise<Map<string, Service>> {
  const found = new Map<string, Service>();
  const problems: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      try {
        const svc = await poller.describe(name);
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
  }
  return found;
}

/** The deployment in progress on a service, if any: a PRIMARY still rolling out, or more than one deployment. */
export function deploymentInProgress(service: Service): Deployment | undefined {
  const primary = primaryOf(service);
  const deployments = service.deployments ?? [];
  if (primary?.rolloutState === 'IN_PROGRESS') return primary;
  if (deployments.length > 1) return primary ?? deployments[0];
  return undefined;
}

/** `web:3 (deployment ecs-svc/…, running for 42s; ECS does not record who…)` */
export function describeInProgress(d: Deployment, now = Date.now()): string {
  const age = d.createdAt ? `, running for ${formatDuration(Math.max(0, now - d.createdAt.getTime()))}` : '';
  return `${revisionLabel(d.taskDefinition)} (deployment ${d.id ?? '?'}${age}; started by: ${WHO_STARTED})`;
}

/**
 * Applies `if-in-progress` to every service: `fail` refuses before anything changes, `replace` warns and
 * goes on, `wait` polls until each service has no deployment in progress (within `timeoutMs`) and returns the
 * services as they are then (their PRIMARY is the rollback target).
 */
export async function settleInProgress(o: {
  api: Pick<EcsApi, 'has' | 'listServiceDeployments'>;
  poller: ServicePoller;
  cluster: string;
  before: Map<string, Service>;
  mode: IfInProgress;
  timeoutMs: number;
  pollIntervalMs: number;
  log: Log;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}): Promise<Map<string, Service>> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? realSleep;
  const busy = [...o.before].flatMap(([name, svc]) => {
    const d = deploymentInProgress(svc);
    return d ? [{ name, d }] : [];
  });
  if (busy.length === 0) return o.before;
  const list = busy.map((b) => `${b.name}: ${describeInProgress(b.d, now())}`).join('; ');
  if (o.mode === 'fail')
    throw new ActionError(
      `nothing was changed: a deployment is already in progress (${list}); if-in-progress is fail. Wait for it, or set if-in-progress: wait (or replace)`,
    );
  if (o.mode === 'replace') {
    o.log.warning(
      `a deployment is already in progress and this one replaces it (if-in-progress: replace): ${list}`,
    );
    return o.before;
  }
  o.log.info(
    `waiting for the deployment in progress to end before deploying (if-in-progress: wait): ${list}`,
  );
  const deadline = now() + o.timeoutMs;
  const current = new Map(o.before);
  let waiting = busy.map((b) => b.name);
  while (waiting.length) {
    if (now() >= deadline)
      throw new ActionError(
        `nothing was changed: the deployment in progress on ${waiting.join(', ')} did not end within ${formatDuration(o.timeoutMs)} (if-in-progress: wait)`,
      );
    await sleep(Math.min(o.pollIntervalMs, Math.max(0, deadline - now())));
    const answers = await Promise.all(waiting.map(async (n) => [n, await o.poller.describe(n)] as const));
    const still: string[] = [];
    for (const [name, svc] of answers) {
      if ('missing' in svc)
        throw new ActionError(`service ${name} disappeared while waiting (${svc.missing})`);
      current.set(name, svc);
      if (deploymentInProgress(svc)) still.push(name);
      else
        o.log.info(
          `${name}: the deployment in progress ended; ${revisionLabel(svc.taskDefinition)} is PRIMARY`,
        );
    }
    waiting = still;
  }
  return current;
}

/** Each service's capacity providers must be able to run the revision (Fargate Spot: Linux only). */
export function refuseUnrunnable(before: Map<string, Service>, doc: TaskDefinitionDocument): void {
  const mismatches = [...before].flatMap(([name, svc]) => {
    const providers = (svc.capacityProviderStrategy ?? []).map((s) => s.capacityProvider ?? '');
    const bad = unsupportedCapacityProviders(doc, providers);
    return bad.length
      ? [
          `service ${name} uses ${bad.join(', ')}, which cannot run this task definition's platform (Windows tasks need FARGATE)`,
        ]
      : [];
  });
  if (mismatches.length) throw new ActionError(`nothing was changed: ${mismatches.join('; ')}`);
}

/**
 * Only services on the ECS deployment controller can be deployed with UpdateService: CODE_DEPLOY and EXTERNAL
 * services are refused here, before anything is registered, with what to do instead.
 */
export function refuseController(before: Map<string, Service>): void {
  const problems = [...before].flatMap(([name, svc]) => {
    const type = svc.deploymentController?.type ?? 'ECS';
    if (type === 'CODE_DEPLOY')
      return [
        `service ${name} uses the CODE_DEPLOY deployment controller: its deployments are CodeDeploy deployments (AppSpec, CreateDeployment), which slipway does not drive. Move the service to the ECS controller with strategy BLUE_GREEN (ECS-native blue/green, watched by slipway), or deploy it with CodeDeploy`,
      ];
    if (type === 'EXTERNAL')
      return [
        `service ${name} uses the EXTERNAL deployment controller: its task sets are managed by your own controller (CreateTaskSet, UpdateServicePrimaryTaskSet), not by UpdateService. Deploy it with that controller, or move the service to the ECS controller`,
      ];
    return [];
  });
  if (problems.length) throw new ActionError(`nothing was changed: ${problems.join('; ')}`);
}
