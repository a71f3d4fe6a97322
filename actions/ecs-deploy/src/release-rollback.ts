// rollback-scope: all. One revision deployed to several services is one release: when any service fails,
// the services where it succeeded are put back on their own previous revision too, so no cluster is left
// running a mix of the new release and the old one.
import type { EcsApi } from '../../shared/src/ecs/ecs-api.js';
import type { ServicePoller } from '../../shared/src/ecs/service-poller.js';
import type { Log } from '../../shared/src/log.js';
import type { ServiceDeployResult } from '../../shared/src/ecs/deploy-result.js';
import { revisionLabel } from '../../shared/src/revision.js';
import { errorMessage } from '../../shared/src/errors.js';

export type RollbackScope = 'failed' | 'all';

/** A failure of this release. A service someone else's deployment took over (superseded) is not: rolling the
 * other services back would not bring the release back together, and would undo nothing of theirs. */
const isFailure = (r: ServiceDeployResult): boolean =>
  r.status !== 'succeeded' && r.status !== 'started' && r.status !== 'superseded';

/** The services to put back because another one failed: those that succeeded and have an earlier revision. */
export function releaseRollbackPlan(
  scope: RollbackScope,
  results: ServiceDeployResult[],
): { failed: string[]; toRollBack: ServiceDeployResult[] } {
  const failed = results.filter(isFailure).map((r) => r.service);
  if (scope !== 'all' || failed.length === 0) return { failed, toRollBack: [] };
  return {
    failed,
    toRollBack: results.filter(
      (r) =>
        r.status === 'succeeded' && r.previousTaskDefinition && r.previousTaskDefinition !== r.taskDefinition,
    ),
  };
}

export interface ReleaseRollbackOptions {
  api: EcsApi;
  poller: ServicePoller;
  cluster: string;
  region: string;
  timeoutMs: number;
  timeoutAuto?: boolean;
  pollIntervalMs: number;
  /** Lines about one service (prefixed with its name by the caller) and lines about the release. */
  log: (service: string) => Log;
  releaseLog: Log;
}

/**
 * Rolls back each succeeded service in `plan.toRollBack` (in parallel, each watched like a deploy, never rolled
 * forward again) and returns every result with those services' entries replaced.
 */
export async function rollBackRelease(
  results: ServiceDeployResult[],
  plan: { failed: string[]; toRollBack: ServiceDeployResult[] },
  o: ReleaseRollbackOptions,
): Promise<ServiceDeployResult[]> {
  if (plan.toRollBack.length === 0) return results;
  const { describeServicesForChange } = await import('../../shared/src/ecs/preflight.js');
  const { deployToService } = await import('../../shared/src/ecs/deploy-service.js');
  const why = `${plan.failed.join(', ')} failed and rollback-scope is all`;
  const names = plan.toRollBack.map((r) => r.service);
  o.releaseLog.warning(`rolling back ${names.join(', ')} too: ${why}`);
  const now = await describeServicesForChange(o.poller, o.cluster, o.region, names, o.releaseLog);
  const replaced = await Promise.all(
    plan.toRollBack.map(async (r): Promise<ServiceDeployResult> => {
      const log = o.log(r.service);
      log.info(`↩ rolling back to ${revisionLabel(r.previousTaskDefinition)}: ${why}`);
      const reason = `rolled back with the release: ${why}`;
      try {
        const back = await deployToService({
          api: o.api,
          poller: o.poller,
          cluster: o.cluster,
          service: r.service,
          before: now.get(r.service)!,
          target: r.previousTaskDefinition,
          forceNewDeployment: false,
          wait: true,
          timeoutMs: o.timeoutMs,
          timeoutAuto: o.timeoutAuto,
          pollIntervalMs: o.pollIntervalMs,
          rollbackOnFailure: false,
          log,
        });
        if (back.status === 'succeeded') {
          log.info(
            `↩ rolled back with the release: ${revisionLabel(r.previousTaskDefinition)} is serving again`,
          );
          return {
            ...r,
            status: 'rolled-back',
            reason,
            rolledBack: true,
            finalTaskDefinition: r.previousTaskDefinition,
            durationMs: r.durationMs + back.durationMs,
            stopGroups: back.stopGroups,
          };
        }
        return {
          ...r,
          status: 'failed',
          reason: `${reason}, but that rollback did not complete: ${back.reason}`,
          rolledBack: false,
          finalTaskDefinition: back.finalTaskDefinition,
          durationMs: r.durationMs + back.durationMs,
          stopGroups: back.stopGroups,
        };
      } catch (err) {
        return {
          ...r,
          status: 'failed',
          reason: `${reason}, but that rollback could not be done: ${errorMessage(err)}`,
          rolledBack: false,
        };
      }
    }),
  );
  const byName = new Map(replaced.map((r) => [r.service, r]));
  return results.map((r) => byName.get(r.service) ?? r);
}
