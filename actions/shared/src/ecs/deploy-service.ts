// Deploys one task definition to one service and sees it through: UpdateService once, watch, and on failure
// wait for ECS's own rollback or roll back to the recorded previous revision and watch that too. A deployment
// someone else started over ours is reported `superseded` and never rolled back.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import type { ServicePoller } from './service-poller.js';
import {
  watchRollout,
  type StageSpan,
  type WatchOptions,
  type WatchOutcome,
  type WatchResult,
} from './watch.js';
import { WatchMemory } from './stop-explainer.js';
import { autoTimeout, expectedDuration, strategyOf, timeoutLine } from './strategy.js';
import { answerPause, type OnPause, type PauseDecision } from './pause-hooks.js';
import { formatDuration } from '../inputs.js';
import { circuitBreakerThreshold, primaryOf } from './rollout.js';
import { startRollback } from './rollback-start.js';
import { describeReplacement, WHO_STARTED, type Replacement } from './verdict.js';
import { ActionError, errorMessage } from '../errors.js';
import { revisionLabel } from '../revision.js';
import type { Log } from '../log.js';
import type { DeployStatus, ServiceDeployResult } from './deploy-result.js';

export interface DeployToServiceOptions {
  api: EcsApi;
  poller: ServicePoller;
  cluster: string;
  service: string;
  /** The service as described before anything changed. */
  before: Service;
  target: string;
  desiredCount?: number;
  forceNewDeployment: boolean;
  wait: boolean;
  timeoutMs: number;
  /** timeout: auto: computed from the service's own deployment configuration. */
  timeoutAuto?: boolean;
  /** What to do when a PAUSE lifecycle hook waits (default: wait for a person). */
  onPause?: OnPause;
  verifyCommand?: string;
  region?: string;
  /** Last lines of a failing container's log in the reason (0: off; default 20). */
  logLines?: number;
  pollIntervalMs: number;
  rollbackOnFailure: boolean;
  maxFailedTasks?: number;
  log: Log;
  sleep?: (ms: number) => Promise<void>;
}

export function supersededReason(target: string, by: Replacement): string {
  return `${revisionLabel(target)} was replaced by ${describeReplacement(by)} before it finished: another deployment (a pipeline, a person, Terraform or ECS) took over the service, so slipway did not roll back (${WHO_STARTED})`;
}

/** A rollback slipway asked for at a PAUSE hook says why first. */
function failureCause(pauses: PauseDecision[], reason: string): string {
  const rollback = pauses.find((p) => p.action === 'ROLLBACK');
  return rollback ? `${rollback.why} at ${rollback.stage}, so slipway rolled back` : reason;
}

export async function deployToService(o: DeployToServiceOptions): Promise<ServiceDeployResult> {
  const started = Date.now();
  const previous = primaryOf(o.before)?.taskDefinition ?? o.before.taskDefinition ?? '';
  const memory = new WatchMemory();
  // Events that were already there before this deploy are history, not news.
  for (const e of o.before.events ?? []) if (e.id) memory.seenEvents.add(e.id);
  const desired = o.desiredCount ?? o.before.desiredCount ?? 1;
  // How long this deployment should take, from the service's own configuration (printed before anything
  // changes; an explicit timeout shorter than that is a warning).
  const strategy = strategyOf(o.before);
  const expected = expectedDuration(o.before.deploymentConfiguration);
  const timeoutMs = o.timeoutAuto ? autoTimeout(expected) : o.timeoutMs;
  o.log.info(timeoutLine(strategy, expected, timeoutMs, Boolean(o.timeoutAuto)));
  if (!o.timeoutAuto && timeoutMs < expected.ms)
    o.log.warning(
      `timeout ${formatDuration(timeoutMs)} is shorter than this ${strategy} deployment is expected to take (${formatDuration(expected.ms)}): a healthy release would be rolled back; use timeout: auto`,
    );
  const stages: StageSpan[] = [];
  const pauses: PauseDecision[] = [];
  const onPause: WatchOptions['onPause'] = (sd, hook) =>
    answerPause(
      {
        api: o.api,
        onPause: o.onPause ?? 'wait',
        verifyCommand: o.verifyCommand,
        cluster: o.cluster,
        service: o.service,
        region: o.region ?? '',
        target: o.target,
        log: o.log,
      },
      sd,
      hook,
    );

  const startedAt = new Date();
  const updated = await o.api.updateService({
    cluster: o.cluster,
    service: o.service,
    taskDefinition: o.target,
    desiredCount: o.desiredCount,
    forceNewDeployment: o.forceNewDeployment,
  });
  o.poller.invalidate(o.service);
  const ourDeployment = (updated.deployments ?? []).find(
    (d) => d.status === 'PRIMARY' && d.taskDefinition === o.target,
  );
  const deploymentId = ourDeployment?.id;
  const finish = (
    r: Omit<
      ServiceDeployResult,
      | 'service'
      | 'taskDefinition'
      | 'previousTaskDefinition'
      | 'durationMs'
      | 'stopGroups'
      | 'deploymentId'
      | 'strategy'
      | 'stages'
      | 'pauses'
    >,
  ): ServiceDeployResult => ({
    service: o.service,
    taskDefinition: o.target,
    previousTaskDefinition: previous,
    deploymentId,
    ...r,
    durationMs: Date.now() - started,
    stopGroups: memory.stopGroups(),
    strategy,
    stages,
    pauses,
  });

  o.log.info(
    `UpdateService: ${revisionLabel(previous)} → ${revisionLabel(o.target)}` +
      (o.desiredCount !== undefined ? `, desired count ${o.desiredCount}` : '') +
      (o.forceNewDeployment ? ', forced new deployment' : '') +
      (deploymentId ? ` (deployment ${deploymentId})` : ''),
  );
  if (!o.wait) {
    o.log.warning(
      'wait is false: the deployment was started but not watched, so this step does not prove the new revision is serving',
    );
    return finish({ status: 'started', reason: '', rolledBack: false, finalTaskDefinition: o.target });
  }

  const ctx = {
    target: o.target,
    deploymentId,
    previous,
    maxFailedTasks: o.maxFailedTasks ?? circuitBreakerThreshold(desired),
  };
  const watchOpts = {
    api: o.api,
    poller: o.poller,
    cluster: o.cluster,
    service: o.service,
    pollIntervalMs: o.pollIntervalMs,
    log: o.log,
    memory,
    sleep: o.sleep,
    logLines: o.logLines ?? 20,
    region: o.region,
  };
  let watched: WatchResult;
  try {
    watched = await watchRollout({
      ...watchOpts,
      ctx,
      startedAt,
      timeoutMs,
      mode: 'deploy',
      useServiceDeployments: true,
      deploymentCreatedAt: ourDeployment?.createdAt,
      onPause,
    });
    stages.push(...watched.stages);
    pauses.push(...watched.pauses);
  } catch (err) {
    throw new ActionError(
      `service ${o.service}: ${errorMessage(err)}. The deployment of ${revisionLabel(o.target)}${deploymentId ? ` (${deploymentId})` : ''} was started and is no longer watched: check it in the ECS console`,
      { cause: err },
    );
  }
  const outcome = watched.outcome;
  if (outcome.state === 'succeeded') {
    o.log.info(
      `✔ ${revisionLabel(o.target)} is serving: deployment completed, ${desired}/${desired} tasks running` +
        (outcome.early ? ' (ECS declared early success; scaling continues)' : ''),
    );
    return finish({ status: 'succeeded', reason: '', rolledBack: false, finalTaskDefinition: o.target });
  }
  if (outcome.state === 'superseded') return superseded(outcome.by);
  if (outcome.state === 'ecs-rolled-back') {
    o.log.info(`↩ ECS rolled back: ${revisionLabel(previous)} is serving again`);
    return finish({
      status: 'rolled-back',
      reason: failureCause(watched.pauses, outcome.reason),
      rolledBack: true,
      finalTaskDefinition: previous,
    });
  }
  if (outcome.state === 'ecs-rollback-failed') {
    o.log.warning(`ECS could not roll back: ${outcome.reason}`);
    return finish({
      status: 'failed',
      reason: `${outcome.reason}; ECS's rollback to ${revisionLabel(previous)} FAILED: the service may be broken, check it now`,
      rolledBack: false,
      finalTaskDefinition: primaryOf(watched.service ?? o.before)?.taskDefinition ?? '?',
    });
  }

  const cause = failureCause(watched.pauses, outcome.reason);
  const timedOut = outcome.state === 'timed-out';
  o.log.warning(`deployment of ${revisionLabel(o.target)} failed: ${cause}`);
  const endStatus: DeployStatus = timedOut ? 'timed-out' : 'failed';
  if (!previous || previous === o.target) {
    return finish({
      status: endStatus,
      reason: `${cause}; there is no earlier revision to roll back to`,
      rolledBack: false,
      finalTaskDefinition: o.target,
    });
  }

  let followSd: string | undefined;
  let rollbackCtx = { ...ctx, target: previous, deploymentId: undefined as string | undefined };
  let rollbackStart = new Date();
  if (outcome.state === 'ecs-rolling-back') {
    o.log.info(`ECS is rolling back to ${revisionLabel(previous)}; waiting for it to finish`);
    followSd = watched.serviceDeploymentArn;
  } else if (!o.rollbackOnFailure) {
    return finish({
      status: endStatus,
      reason: `${cause}; rollback-on-failure is false, so the service was left on ${revisionLabel(o.target)}`,
      rolledBack: false,
      finalTaskDefinition: o.target,
    });
  } else {
    const begun = await startRollback(o, watched, ctx, previous);
    if (begun.kind === 'superseded') return superseded(begun.by);
    ({ followSd, rollbackStart } = begun);
    rollbackCtx = { ...rollbackCtx, deploymentId: begun.deploymentId };
  }

  const rollback = await watchRollout({
    ...watchOpts,
    ctx: followSd ? { ...ctx } : { ...rollbackCtx, previous: o.target },
    startedAt: rollbackStart,
    timeoutMs: Math.max(timeoutMs, 5 * 60_000),
    mode: followSd ? 'return' : 'deploy',
    useServiceDeployments: Boolean(followSd),
    serviceDeploymentArn: followSd,
  });
  stages.push(
    ...rollback.stages.filter(
      (st) => !stages.some((x) => x.stage === st.stage && x.startedAt === st.startedAt),
    ),
  );
  const back: WatchOutcome = rollback.outcome;
  if (back.state === 'succeeded') {
    o.log.info(`↩ rolled back: ${revisionLabel(previous)} is serving again`);
    return finish({
      status: timedOut ? 'timed-out' : 'rolled-back',
      reason: cause,
      rolledBack: true,
      finalTaskDefinition: previous,
    });
  }
  if (back.state === 'superseded') return superseded(back.by, `${cause}; while rolling back, `);
  const rollbackProblem = back.reason;
  return finish({
    status: 'failed',
    reason: `${cause}; the rollback to ${revisionLabel(previous)} did not complete either: ${rollbackProblem}`,
    rolledBack: false,
    finalTaskDefinition: primaryOf(rollback.service ?? o.before)?.taskDefinition ?? '?',
  });

  function superseded(by: Replacement, prefix = ''): ServiceDeployResult {
    o.log.warning(
      `superseded: ${revisionLabel(o.target)} was replaced by ${describeReplacement(by)}; not rolling back`,
    );
    return finish({
      status: 'superseded',
      reason: `${prefix}${supersededReason(o.target, by)}`,
      rolledBack: false,
      finalTaskDefinition: by.taskDefinition ?? '?',
      supersededBy: by,
    });
  }
}
