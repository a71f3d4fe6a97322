// Inputs that every ECS-changing action reads the same way: cluster, service names, region, watch timing.
import { InputError } from '../errors.js';
import type { Inputs } from '../inputs.js';

export const ECS_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;

export function clusterInput(inputs: Inputs): string {
  const cluster = inputs.required('cluster', 'the ECS cluster name or ARN');
  if (!ECS_NAME.test(cluster) && !CLUSTER_ARN.test(cluster)) {
    throw new InputError(
      'cluster',
      cluster,
      'expected a cluster name (letters, digits, - and _, up to 255) or a cluster ARN',
    );
  }
  return cluster;
}

/** `timeout` (5s..6h, default 20m) and `poll-interval` (1s..60s, default 2s, at most a third of the timeout). */
export function watchTimingInputs(inputs: Inputs): { timeoutMs: number; pollIntervalMs: number } {
  const timeoutMs = inputs.duration('timeout', { fallback: '20m', minMs: 5_000, maxMs: 6 * 3_600_000 });
  const pollIntervalMs = inputs.duration('poll-interval', { fallback: '2s', minMs: 1000, maxMs: 60_000 });
  if (pollIntervalMs * 3 > timeoutMs) {
    throw new InputError(
      'poll-interval',
      inputs.raw('poll-interval'),
      `must be at most a third of timeout (${inputs.raw('timeout') || '20m'})`,
    );
  }
  return { timeoutMs, pollIntervalMs };
}

/** `if-in-progress`: what to do when the service already has a deployment in progress (default wait). */
export function ifInProgressInput(inputs: Inputs): 'wait' | 'fail' | 'replace' {
  return inputs.oneOf('if-in-progress', ['wait', 'fail', 'replace'] as const, 'wait');
}
