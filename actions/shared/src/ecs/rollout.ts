// Pure views of a service's deployments array: which deployment is ours, a one-line progress view, new
// events, and fingerprints of what moved. The verdict itself is in verdict.ts. No I/O here.
import type { Deployment, Service, ServiceEvent } from '@aws-sdk/client-ecs';
import { revisionLabel } from '../revision.js';

export { revisionLabel };

export interface RolloutContext {
  /** Task definition ARN being deployed. */
  target: string;
  /** Deployment id returned by UpdateService (ecs-svc/...), when known. */
  deploymentId?: string;
  /** Failed task count at which the watcher declares failure itself (used when ECS's breaker is off). */
  maxFailedTasks: number;
  /** The revision the service ran before (ECS's and slipway's rollback target). */
  previous?: string;
}

export function circuitBreakerThreshold(desired: number): number {
  return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
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
