// Decide: where a deployment slipway started stands, from one look at the service (DescribeServices) and,
// when the endpoint has the Service Deployments API, at its service deployment. Pure: no I/O, no clock.
//
// The service deployment is ECS's own record and outranks task counts: while it is known, success is only
// ever SUCCESSFUL, and ECS's rollbacks are read from its status. The deployments array decides only on
// endpoints without the API. In both, a PRIMARY deployment slipway did not start is someone else's work:
// `superseded`, never a failure to roll back from.
import type { Deployment, Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import { findOurDeployment, primaryOf, type RolloutContext } from './rollout.js';
import { revisionLabel } from '../revision.js';

export const WHO_STARTED =
  'ECS does not record who starts a deployment: the UpdateService events of the service in CloudTrail say who';

/** Who replaced our deployment, as far as ECS says. */
export interface Replacement {
  deploymentId?: string;
  taskDefinition?: string;
  serviceDeploymentArn?: string;
  createdAt?: Date;
}

export type Verdict =
  | { state: 'in-progress' }
  | { state: 'succeeded'; early?: boolean }
  /** ECS is rolling the deployment back (breaker, alarm, StopServiceDeployment, hook). */
  | { state: 'ecs-rolling-back'; reason: string }
  /** ECS finished rolling back: the previous revision serves. */
  | { state: 'ecs-rolled-back'; reason: string }
  /** ECS could not roll back: the service may be broken. */
  | { state: 'ecs-rollback-failed'; reason: string }
  /** ECS stopped the deployment without a rollback. */
  | { state: 'ecs-stopped'; reason: string }
  /** Slipway's own judgement: tasks keep failing and nothing in ECS will stop them. */
  | { state: 'failing'; reason: string }
  /** Someone else's deployment became PRIMARY. */
  | { state: 'superseded'; by: Replacement };

export interface Observation {
  service: Service;
  /** Our service deployment, when the API answered and it was found. */
  sd?: ServiceDeployment;
  /** `tracking`: sd is ours and current; `pending`: the API works but ours was not read yet; `off`: no API. */
  sdMode: 'tracking' | 'pending' | 'off';
  /** A service deployment created after ours (someone else's), when one was seen. */
  newerSd?: { arn: string; createdAt?: Date; taskDefinition?: string };
}

const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);

/** Why ECS rolled back, in the words a person needs: the alarm, the breaker's count, ECS's reason. */
export function rollbackReason(sd: ServiceDeployment): string {
  const parts: string[] = [];
  const alarms = sd.alarms?.triggeredAlarmNames ?? [];
  const cb = sd.deploymentCircuitBreaker;
  const said = sd.statusReason ?? sd.rollback?.reason;
  // ECS's own words already name the alarm: say it once.
  if (alarms.length && !alarms.every((a) => said?.includes(a)))
    parts.push(`alarm ${alarms.join(', ')} went into ALARM`);
  if (said) parts.push(said.replace(/\.$/, ''));
  if (cb?.status === 'TRIGGERED' && !/circuit breaker/i.test(said ?? ''))
    parts.push(`circuit breaker triggered: ${cb.failureCount ?? '?'}/${cb.threshold ?? '?'} tasks failed`);
  return parts.join('; ') || `service deployment ${sd.status}`;
}

function replacementOf(primary: Deployment | undefined, obs: Observation): Replacement {
  return {
    deploymentId: primary?.id,
    taskDefinition: primary?.taskDefinition ?? obs.newerSd?.taskDefinition,
    serviceDeploymentArn: obs.newerSd?.arn,
    createdAt: primary?.createdAt ?? obs.newerSd?.createdAt,
  };
}

/**
 * Is the PRIMARY someone else's? Ours is the deployment UpdateService returned (by id), else the PRIMARY of
 * our revision. An ECS rollback of ours (a PRIMARY of the previous revision while ours FAILED) is not.
 */
function othersPrimary(service: Service, ctx: RolloutContext): Deployment | undefined {
  const primary = primaryOf(service);
  if (!primary) return undefined;
  if (ctx.deploymentId ? primary.id === ctx.deploymentId : primary.taskDefinition === ctx.target)
    return undefined;
  const ours = findOurDeployment(service, ctx);
  const ecsRollback =
    ours?.rolloutState === 'FAILED' &&
    Boolean(ctx.previous) &&
    primary.taskDefinition === ctx.previous &&
    (primary.createdAt?.getTime() ?? 0) >= (ours.createdAt?.getTime() ?? 0);
  return ecsRollback ? undefined : primary;
}

/** The state of the rollout of ctx.target. */
export function decide(obs: Observation, ctx: RolloutContext): Verdict {
  const { service, sd } = obs;
  if (obs.sdMode === 'tracking' && sd) {
    const status = sd.status ?? '';
    if (status === 'SUCCESSFUL') {
      // Early success (rolling, earlySuccessCriteria): ECS says done while scaling goes on.
      const early =
        Boolean(service.deploymentConfiguration?.earlySuccessCriteria?.enable) &&
        findOurDeployment(service, ctx)?.rolloutState !== 'COMPLETED';
      return early ? { state: 'succeeded', early } : { state: 'succeeded' };
    }
    if (status === 'ROLLBACK_SUCCESSFUL') return { state: 'ecs-rolled-back', reason: rollbackReason(sd) };
    if (status === 'ROLLBACK_FAILED') return { state: 'ecs-rollback-failed', reason: rollbackReason(sd) };
    if (ROLLING_BACK.has(status)) return { state: 'ecs-rolling-back', reason: rollbackReason(sd) };
    const other = othersPrimary(service, ctx);
    if (status === 'STOPPED' || status === 'STOP_REQUESTED') {
      if (other || obs.newerSd) return { state: 'superseded', by: replacementOf(other, obs) };
      return { state: 'ecs-stopped', reason: sd.statusReason ?? `service deployment ${status}` };
    }
    if (other) return { state: 'superseded', by: replacementOf(other, obs) };
    return failingWithoutBreaker(service, ctx) ?? { state: 'in-progress' };
  }
  return decideFromDeployments(obs, ctx);
}

/** The fallback: the service's deployments array, for endpoints without the Service Deployments API. */
function decideFromDeployments(obs: Observation, ctx: RolloutContext): Verdict {
  const { service } = obs;
  const ours = findOurDeployment(service, ctx);
  if (ours?.rolloutState === 'FAILED') {
    const primary = primaryOf(service);
    const rollingBack = Boolean(primary && primary !== ours && primary.taskDefinition === ctx.previous);
    const reason = ours.rolloutStateReason ?? 'rollout FAILED';
    return rollingBack ? { state: 'ecs-rolling-back', reason } : { state: 'ecs-stopped', reason };
  }
  const other = othersPrimary(service, ctx);
  if (other) return { state: 'superseded', by: replacementOf(other, obs) };
  if (ours && ours.status === 'PRIMARY') {
    const settled = (ours.runningCount ?? 0) === (ours.desiredCount ?? 0) && (ours.pendingCount ?? 0) === 0;
    // While the API works but our service deployment has not been read yet, counts never mean success.
    if (obs.sdMode === 'off' && settled) {
      if (ours.rolloutState === 'COMPLETED') return { state: 'succeeded' };
      if (!ours.rolloutState && (service.deployments ?? []).length === 1) return { state: 'succeeded' };
    }
  }
  return failingWithoutBreaker(service, ctx) ?? { state: 'in-progress' };
}

function failingWithoutBreaker(service: Service, ctx: RolloutContext): Verdict | undefined {
  const ours = findOurDeployment(service, ctx);
  const breakerOn = Boolean(service.deploymentConfiguration?.deploymentCircuitBreaker?.enable);
  if (ours && !breakerOn && (ours.failedTasks ?? 0) >= ctx.maxFailedTasks) {
    return {
      state: 'failing',
      reason: `${ours.failedTasks} tasks of the new deployment failed (limit ${ctx.maxFailedTasks}) and the service has no circuit breaker`,
    };
  }
  return undefined;
}

/**
 * Watching a rollback ECS runs inside our service deployment (ROLLBACK_*): done when it is
 * ROLLBACK_SUCCESSFUL, failed when ROLLBACK_FAILED. Without the API, the previous revision's PRIMARY
 * reaching COMPLETED is the rollback done.
 */
export function decideReturn(obs: Observation, previous: string): Verdict {
  const { service, sd } = obs;
  if (obs.sdMode === 'tracking' && sd) {
    if (sd.status === 'ROLLBACK_SUCCESSFUL') return { state: 'succeeded' };
    if (sd.status === 'ROLLBACK_FAILED') return { state: 'ecs-rollback-failed', reason: rollbackReason(sd) };
    if (sd.status === 'SUCCESSFUL' || sd.status === 'STOPPED')
      return { state: 'ecs-stopped', reason: `the service deployment ended ${sd.status}, not rolled back` };
    return { state: 'in-progress' };
  }
  const primary = primaryOf(service);
  if (primary?.taskDefinition === previous) {
    const settled =
      (primary.runningCount ?? 0) === (primary.desiredCount ?? 0) && (primary.pendingCount ?? 0) === 0;
    if (settled && (primary.rolloutState === 'COMPLETED' || (service.deployments ?? []).length === 1))
      return { state: 'succeeded' };
    if (primary.rolloutState === 'FAILED')
      return { state: 'ecs-rollback-failed', reason: primary.rolloutStateReason ?? 'rollback FAILED' };
  } else if (primary && primary.taskDefinition) {
    return {
      state: 'superseded',
      by: { deploymentId: primary.id, taskDefinition: primary.taskDefinition, createdAt: primary.createdAt },
    };
  }
  return { state: 'in-progress' };
}

/** `web:9 (deployment ecs-svc/123…, started 12:01:02)` for messages about a replacement. */
export function describeReplacement(by: Replacement): string {
  const parts = [
    by.deploymentId ? `deployment ${by.deploymentId}` : '',
    by.serviceDeploymentArn ? `service deployment ${by.serviceDeploymentArn.split('/').pop()}` : '',
    by.createdAt ? `started ${by.createdAt.toISOString().slice(11, 19)} UTC` : '',
  ].filter(Boolean);
  return `${revisionLabel(by.taskDefinition)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
