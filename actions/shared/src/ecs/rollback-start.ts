// Starting a rollback slipway decides on itself, after a failed deployment: first make sure the deployment
// is still ours (another PRIMARY means someone else took over: never undo theirs), then StopServiceDeployment
// (ROLLBACK) while the service deployment is in progress, so ECS rolls back by the service's own strategy, or
// UpdateService to the previous revision where that API is missing or refused.
import type { EcsApi } from './ecs-api.js';
import type { ServicePoller } from './service-poller.js';
import type { WatchResult } from './watch.js';
import { findOurDeployment, primaryOf, type RolloutContext } from './rollout.js';
import type { Replacement } from './verdict.js';
import { classifyError } from '../retry.js';
import { errorMessage } from '../errors.js';
import { revisionLabel } from '../revision.js';
import type { Log } from '../log.js';

export type RollbackStart =
  | { kind: 'superseded'; by: Replacement }
  | {
      kind: 'started';
      rollbackStart: Date;
      /** The service deployment ECS now rolls back, to follow; undefined after an UpdateService rollback. */
      followSd?: string;
      /** The deployment of the previous revision that UpdateService created. */
      deploymentId?: string;
    };

export async function startRollback(
  o: { api: EcsApi; poller: ServicePoller; cluster: string; service: string; target: string; log: Log },
  watched: WatchResult,
  ctx: RolloutContext,
  previous: string,
): Promise<RollbackStart> {
  const now = await o.api.describeService(o.cluster, o.service);
  if (!('missing' in now)) {
    const primary = primaryOf(now);
    const ours = findOurDeployment(now, ctx);
    if (primary && ours !== primary && primary.taskDefinition !== o.target) {
      o.log.warning(
        `not rolling back: another deployment is PRIMARY now (${revisionLabel(primary.taskDefinition)})`,
      );
      return {
        kind: 'superseded',
        by: {
          deploymentId: primary.id,
          taskDefinition: primary.taskDefinition,
          createdAt: primary.createdAt,
        },
      };
    }
  }
  const rollbackStart = new Date();
  const sdStatus = watched.serviceDeployment?.status;
  if (
    watched.serviceDeploymentArn &&
    watched.serviceDeploymentsSupported &&
    (sdStatus === 'IN_PROGRESS' || sdStatus === 'PENDING')
  ) {
    try {
      await o.api.stopServiceDeployment(watched.serviceDeploymentArn);
      o.poller.invalidate(o.service);
      o.log.info(
        `Rolling back: StopServiceDeployment(ROLLBACK) on ${watched.serviceDeploymentArn.split('/').pop()} → ${revisionLabel(previous)}`,
      );
      return { kind: 'started', rollbackStart, followSd: watched.serviceDeploymentArn };
    } catch (err) {
      if (classifyError(err) === 'access-denied') throw err;
      o.log.warning(
        `StopServiceDeployment failed (${errorMessage(err)}); rolling back with UpdateService instead`,
      );
    }
  }
  const back = await o.api.updateService({
    cluster: o.cluster,
    service: o.service,
    taskDefinition: previous,
  });
  o.poller.invalidate(o.service);
  o.log.info(`Rolling back: UpdateService → ${revisionLabel(previous)}`);
  return {
    kind: 'started',
    rollbackStart,
    deploymentId: (back.deployments ?? []).find(
      (d) => d.status === 'PRIMARY' && d.taskDefinition === previous,
    )?.id,
  };
}
