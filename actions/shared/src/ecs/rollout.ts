// Pure logic of a rolling ECS deployment: what the service looks like now, what changed since the last
// look, and whether the rollout has reached a terminal state. No I/O here.
import type { Deployment, Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs';

export type Verdict =
  | { state: 'in-progress' }
  | { state: 'succeeded' }
  /** ECS itself gave up on the deployment (circuit breaker, or a rollback deployment replaced it). */
  | { state: 'ecs-failed'; reason: string; ecsRollingBack: boolean }
  /** The watcher decided it failed (tasks keep failing without a breaker). */
  | { state: 'failing'; reason: string };

export interface RolloutContext {
  /** Task definition ARN being deployed. */
  target: string;
  /** Deployment id returned by UpdateService (ecs-svc/...), when known. */
  deploymentId?: string;
  /** Failed task count at which the watcher declares failure itself (used when ECS's breaker is off). */
  maxFailedTasks: number;
}

export function circuitBreakerThreshold(desired: number): number {
  return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
}

export function revisionLabel(arn: string | undefined): string {
  if (!arn) return '?';
  return arn.split('/').pop() ?? arn;
}

export function findOurDeployment(service: Service, ctx: RolloutContext): Deployment | undefined {
  const deployments = service.deployments ?? [];
  if (ctx.deploymentId) {
    const byId = deployments.find((d) => d.id === ctx.deploymentId);
    if (byId) return byId;
  }
  return deployments.find((d) => d.taskDefinition === ctx.target && d.status === 'PRIMARY');
}

export function primaryOf(service: Service): Deployment | undefined {
  return (service.deployments ?? []).find((d) => d.status === 'PRIMARY');
}

/** Decides the state of the rollout of ctx.target from one DescribeServices (and optional service deployment). */
export function assess(service: Service, ctx: RolloutContext, sd?: ServiceDeployment): Verdict {
  const ours = findOurDeployment(service, ctx);
  const primary = primaryOf(service);
  const breakerOn = Boolean(service.deploymentConfiguration?.deploymentCircuitBreaker?.enable);

  if (
    sd?.status === 'ROLLBACK_REQUESTED' ||
    sd?.status === 'ROLLBACK_IN_PROGRESS' ||
    sd?.status === 'ROLLBACK_SUCCESSFUL' ||
    sd?.status === 'ROLLBACK_FAILED'
  ) {
    return {
      state: 'ecs-failed',
      reason: sd.statusReason ?? `service deployment ${sd.status}`,
      ecsRollingBack: true,
    };
  }
  if (ours?.rolloutState === 'FAILED') {
    const rollingBack = Boolean(primary && primary !== ours && primary.taskDefinition !== ctx.target);
    return {
      state: 'ecs-failed',
      reason: ours.rolloutStateReason ?? 'rollout FAILED',
      ecsRollingBack: rollingBack,
    };
  }
  if (sd?.status === 'STOPPED' || sd?.status === 'STOP_REQUESTED') {
    return {
      state: 'ecs-failed',
      reason: sd.statusReason ?? 'service deployment stopped',
      ecsRollingBack: false,
    };
  }
  if (primary && primary.taskDefinition !== ctx.target) {
    return {
      state: 'ecs-failed',
      reason: `the service's PRIMARY deployment runs ${revisionLabel(primary.taskDefinition)}, not ${revisionLabel(ctx.target)}: a rollback or another deployment replaced this one`,
      ecsRollingBack: Boolean(ours),
    };
  }
  if (ours && ours.status === 'PRIMARY' && ours.taskDefinition === ctx.target) {
    const desired = ours.desiredCount ?? 0;
    const settled = (ours.runningCount ?? 0) === desired && (ours.pendingCount ?? 0) === 0;
    if (ours.rolloutState === 'COMPLETED' || sd?.status === 'SUCCESSFUL') {
      if (settled) return { state: 'succeeded' };
    } else if (!ours.rolloutState && settled && (service.deployments ?? []).length === 1) {
      return { state: 'succeeded' };
    }
    if (!breakerOn && (ours.failedTasks ?? 0) >= ctx.maxFailedTasks) {
      return {
        state: 'failing',
        reason: `${ours.failedTasks} tasks of the new deployment failed (limit ${ctx.maxFailedTasks}) and the service has no circuit breaker`,
      };
    }
  }
  return { state: 'in-progress' };
}

/** A one-line view of the deployments, e.g. `PRIMARY web:7 IN_PROGRESS 1/3 running, 2 pending, 0 failed | ACTIVE web:6 2 running`. */
export function progressLine(service: Service): string {
  const parts = (service.deployments ?? []).map((d) => {
    const counts = `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;
    return `${d.status} ${revisionLabel(d.taskDefinition)}${d.rolloutState ? ` ${d.rolloutState}` : ''} ${counts}`;
  });
  return parts.join(' | ') || '(no deployments)';
}

/** Events not seen before (by id), oldest first, limited to those at or after `since` (ms). */
export function newEvents(
  events: ServiceEvent[] | undefined,
  seen: Set<string>,
  since: number,
): ServiceEvent[] {
  const fresh: ServiceEvent[] = [];
  for (const e of events ?? []) {
    const id = e.id ?? `${e.createdAt?.getTime()}:${e.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (e.createdAt && e.createdAt.getTime() < since) continue;
    fresh.push(e);
  }
  return fresh.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}

/** What a person would call "something moved": deployments, their states and counts, the newest event. */
export function fingerprint(service: Service): string {
  return JSON.stringify([
    (service.deployments ?? []).map((d) => [
      d.id,
      d.status,
      d.rolloutState,
      d.runningCount,
      d.pendingCount,
      d.failedTasks,
    ]),
    service.events?.[0]?.id,
  ]);
}

/** Changes that may change the service deployment's status: deployments coming and going, states, failures. */
export function stateFingerprint(service: Service): string {
  return JSON.stringify(
    (service.deployments ?? []).map((d) => [d.id, d.status, d.rolloutState, d.failedTasks]),
  );
}
