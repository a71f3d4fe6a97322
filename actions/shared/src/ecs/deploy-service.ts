// Deploys one task definition to one service and sees it through: UpdateService once, watch, and on failure
// wait for ECS's own rollback or roll back to the recorded previous revision and watch that too.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import { watchRollout, WatchMemory, type WatchLog, type WatchResult } from './watch.js';
import { circuitBreakerThreshold, primaryOf, revisionLabel } from './rollout.js';
import type { StopGroup } from './diagnose.js';
import { classifyError } from '../retry.js';
import { ActionError, errorMessage } from '../errors.js';

export type DeployStatus = 'succeeded' | 'rolled-back' | 'failed' | 'timed-out' | 'started';

export interface ServiceDeployResult {
  service: string;
  status: DeployStatus;
  /** Why it did not succeed; empty on success. */
  reason: string;
  taskDefinition: string;
  previousTaskDefinition: string;
  deploymentId?: string;
  rolledBack: boolean;
  /** The revision the service runs at the end, as far as the watch could tell. */
  finalTaskDefinition: string;
  durationMs: number;
  stopGroups: StopGroup[];
}

export interface DeployToServiceOptions {
  api: EcsApi;
  cluster: string;
  service: string;
  /** The service as described before anything changed. */
  before: Service;
  target: string;
  desiredCount?: number;
  forceNewDeployment: boolean;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  rollbackOnFailure: boolean;
  maxFailedTasks?: number;
  log: WatchLog;
  sleep?: (ms: number) => Promise<void>;
}

export async function deployToService(o: DeployToServiceOptions): Promise<ServiceDeployResult> {
  const started = Date.now();
  const previous = primaryOf(o.before)?.taskDefinition ?? o.before.taskDefinition ?? '';
  const memory = new WatchMemory();
  // Events that were already there before this deploy are history, not news.
  for (const e of o.before.events ?? []) if (e.id) memory.seenEvents.add(e.id);
  const desired = o.desiredCount ?? o.before.desiredCount ?? 1;
  const base = {
    service: o.service,
    taskDefinition: o.target,
    previousTaskDefinition: previous,
  };
  const finish = (
    r: Omit<ServiceDeployResult, keyof typeof base | 'durationMs' | 'stopGroups'>,
  ): ServiceDeployResult => ({
    ...base,
    ...r,
    durationMs: Date.now() - started,
    stopGroups: memory.stopGroups(),
  });

  const startedAt = new Date();
  const updated = await o.api.updateService({
    cluster: o.cluster,
    service: o.service,
    taskDefinition: o.target,
    desiredCount: o.desiredCount,
    forceNewDeployment: o.forceNewDeployment,
  });
  const ours = (updated.deployments ?? []).find(
    (d) => d.status === 'PRIMARY' && d.taskDefinition === o.target,
  );
  o.log.info(
    `UpdateService: ${revisionLabel(previous)} → ${revisionLabel(o.target)}` +
      (o.desiredCount !== undefined ? `, desired count ${o.desiredCount}` : '') +
      (o.forceNewDeployment ? ', forced new deployment' : '') +
      (ours?.id ? ` (deployment ${ours.id})` : ''),
  );
  if (!o.wait) {
    o.log.warning(
      'wait is false: the deployment was started but not watched, so this step does not prove the new revision is serving',
    );
    return finish({
      status: 'started',
      reason: '',
      deploymentId: ours?.id,
      rolledBack: false,
      finalTaskDefinition: o.target,
    });
  }

  const maxFailedTasks = o.maxFailedTasks ?? circuitBreakerThreshold(desired);
  const watchOpts = {
    api: o.api,
    cluster: o.cluster,
    service: o.service,
    pollIntervalMs: o.pollIntervalMs,
    log: o.log,
    memory,
    sleep: o.sleep,
  };
  let watched: WatchResult;
  try {
    watched = await watchRollout({
      ...watchOpts,
      ctx: { target: o.target, deploymentId: ours?.id, maxFailedTasks },
      startedAt,
      timeoutMs: o.timeoutMs,
      useServiceDeployments: true,
    });
  } catch (err) {
    throw new ActionError(
      `service ${o.service}: ${errorMessage(err)}. The deployment of ${revisionLabel(o.target)}${ours?.id ? ` (${ours.id})` : ''} was started and is no longer watched: check it in the ECS console`,
      { cause: err },
    );
  }
  const outcome = watched.result;
  if (outcome.outcome === 'succeeded') {
    o.log.info(
      `✔ ${revisionLabel(o.target)} is serving: deployment completed, ${desired}/${desired} tasks running`,
    );
    return finish({
      status: 'succeeded',
      reason: '',
      deploymentId: ours?.id,
      rolledBack: false,
      finalTaskDefinition: o.target,
    });
  }

  const cause = outcome.reason;
  const timedOut = outcome.outcome === 'timed-out';
  o.log.warning(`deployment of ${revisionLabel(o.target)} failed: ${cause}`);
  if (!previous || previous === o.target) {
    return finish({
      status: timedOut ? 'timed-out' : 'failed',
      reason: `${cause}; there is no earlier revision to roll back to`,
      deploymentId: ours?.id,
      rolledBack: false,
      finalTaskDefinition: o.target,
    });
  }

  let rollbackStart = new Date();
  if (outcome.outcome === 'ecs-failed' && outcome.ecsRollingBack) {
    o.log.info(`ECS is rolling back to ${revisionLabel(previous)}; waiting for it to finish`);
  } else if (!o.rollbackOnFailure) {
    return finish({
      status: timedOut ? 'timed-out' : 'failed',
      reason: `${cause}; rollback-on-failure is false, so the service was left on ${revisionLabel(o.target)}`,
      deploymentId: ours?.id,
      rolledBack: false,
      finalTaskDefinition: o.target,
    });
  } else {
    rollbackStart = new Date();
    let stopped = false;
    if (watched.serviceDeploymentArn && watched.serviceDeploymentsSupported) {
      try {
        await o.api.stopServiceDeployment(watched.serviceDeploymentArn);
        o.log.info(
          `Rolling back: StopServiceDeployment(ROLLBACK) on ${watched.serviceDeploymentArn.split('/').pop()} → ${revisionLabel(previous)}`,
        );
        stopped = true;
      } catch (err) {
        if (classifyError(err) === 'access-denied') throw err;
        o.log.warning(
          `StopServiceDeployment failed (${errorMessage(err)}); rolling back with UpdateService instead`,
        );
      }
    }
    if (!stopped) {
      await o.api.updateService({ cluster: o.cluster, service: o.service, taskDefinition: previous });
      o.log.info(`Rolling back: UpdateService → ${revisionLabel(previous)}`);
    }
  }

  const rollback = await watchRollout({
    ...watchOpts,
    ctx: { target: previous, maxFailedTasks: circuitBreakerThreshold(desired) },
    startedAt: rollbackStart,
    timeoutMs: Math.max(o.timeoutMs, 5 * 60_000),
    useServiceDeployments: false,
  });
  if (rollback.result.outcome === 'succeeded') {
    o.log.info(`↩ rolled back: ${revisionLabel(previous)} is serving again`);
    return finish({
      status: timedOut ? 'timed-out' : 'rolled-back',
      reason: cause,
      deploymentId: ours?.id,
      rolledBack: true,
      finalTaskDefinition: previous,
    });
  }
  const rollbackProblem = rollback.result.reason;
  return finish({
    status: 'failed',
    reason: `${cause}; the rollback to ${revisionLabel(previous)} did not complete either: ${rollbackProblem}`,
    deploymentId: ours?.id,
    rolledBack: false,
    finalTaskDefinition: primaryOf(rollback.service ?? o.before)?.taskDefinition ?? '?',
  });
}
