// Narrate: what to print about a service deployment, only when something a person cares about changed:
// its status, the lifecycle stage (with how long the last one took), traffic weights, bake time left,
// lifecycle hooks, the circuit breaker and alarms. Pure: the caller passes the clock and keeps the memory.
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { formatDuration } from '../inputs.js';

/** What was last printed about one service deployment. */
export interface SdNarration {
  status?: string;
  stage?: string;
  stageSince?: number;
  weights?: string;
  hooks?: string;
  monitors?: string;
  bakeNoticeAt?: number;
}

function short(arn: string | undefined): string {
  return (arn ?? '').split('/').pop() ?? '';
}

/** `prod 20 % → new, test 100 %` from the target revision's requested weights. */
export function trafficLine(sd: ServiceDeployment): string | undefined {
  const t = sd.targetServiceRevision;
  if (!t || (t.requestedProductionTrafficWeight === undefined && t.requestedTestTrafficWeight === undefined))
    return undefined;
  const parts: string[] = [];
  if (t.requestedProductionTrafficWeight !== undefined)
    parts.push(`production ${Math.round(t.requestedProductionTrafficWeight)} %`);
  if (t.requestedTestTrafficWeight !== undefined)
    parts.push(`test ${Math.round(t.requestedTestTrafficWeight)} %`);
  return `traffic to the new revision: ${parts.join(', ')}`;
}

function monitorsLine(sd: ServiceDeployment): string {
  const parts: string[] = [];
  const cb = sd.deploymentCircuitBreaker;
  if (cb?.status && cb.status !== 'DISABLED')
    parts.push(`circuit breaker ${cb.status}, ${cb.failureCount ?? 0}/${cb.threshold ?? '?'} failures`);
  const al = sd.alarms;
  if (al?.status && al.status !== 'DISABLED') {
    const triggered = al.triggeredAlarmNames ?? [];
    parts.push(
      `alarms ${al.status}${al.alarmNames?.length ? ` (${al.alarmNames.join(', ')})` : ''}${triggered.length ? `, in ALARM: ${triggered.join(', ')}` : ''}`,
    );
  }
  return parts.join('; ');
}

function hooksLine(sd: ServiceDeployment, now: number): string {
  return (sd.lifecycleHookDetails ?? [])
    .map((h) => {
      const left = h.expiresAt
        ? `, expires in ${formatDuration(Math.max(0, h.expiresAt.getTime() - now))} (then ${h.timeoutAction ?? '?'})`
        : '';
      return `hook ${h.hookId ?? '?'} (${h.targetType ?? '?'}) ${h.status ?? '?'}${h.status === 'AWAITING_ACTION' ? left : ''}`;
    })
    .join('; ');
}

/** The lines to print for this reading of the service deployment (and updates `memory`). */
export function narrateServiceDeployment(memory: SdNarration, sd: ServiceDeployment, now: number): string[] {
  const lines: string[] = [];
  const id = short(sd.serviceDeploymentArn);
  const status = sd.status ?? 'UNKNOWN';
  if (status !== memory.status) {
    lines.push(`◆ service deployment ${id}: ${status}${sd.statusReason ? ` — ${sd.statusReason}` : ''}`);
    memory.status = status;
  }
  const stage = sd.lifecycleStage;
  if (stage && stage !== memory.stage) {
    const took =
      memory.stage && memory.stageSince !== undefined
        ? ` (${memory.stage} took ${formatDuration(now - memory.stageSince)})`
        : '';
    lines.push(`◆ stage ${stage}${took}`);
    memory.stage = stage;
    memory.stageSince = now;
  }
  const weights = trafficLine(sd);
  if (weights && weights !== memory.weights) {
    lines.push(`◆ ${weights}`);
    memory.weights = weights;
  }
  const monitors = monitorsLine(sd);
  if (monitors && monitors !== memory.monitors) {
    lines.push(`◆ ${monitors}`);
    memory.monitors = monitors;
  }
  const hooks = hooksLine(sd, now).replace(/, expires in [^(]*\(then [A-Z_?]+\)/g, '');
  if (hooks && hooks !== memory.hooks) {
    lines.push(`◆ ${hooksLine(sd, now)}`);
    memory.hooks = hooks;
  }
  return lines;
}
