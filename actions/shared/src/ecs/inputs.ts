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

/**
 * `timeout` (`auto`, the default, or 5s..6h) and `poll-interval` (1s..60s, default 2s, at most a third of an
 * explicit timeout). With `auto`, `timeoutMs` is 20m (the bound for waiting on a deployment in progress) and
 * each watch computes its own from the service's strategy (strategy.ts).
 */
export function watchTimingInputs(inputs: Inputs): {
  timeoutMs: number;
  timeoutAuto: boolean;
  pollIntervalMs: number;
} {
  const raw = inputs.raw('timeout').trim();
  const timeoutAuto = raw === '' || raw.toLowerCase() === 'auto';
  const timeoutMs = timeoutAuto
    ? 20 * 60_000
    : inputs.duration('timeout', { fallback: '20m', minMs: 5_000, maxMs: 6 * 3_600_000 });
  const pollIntervalMs = inputs.duration('poll-interval', { fallback: '2s', minMs: 1000, maxMs: 60_000 });
  if (!timeoutAuto && pollIntervalMs * 3 > timeoutMs) {
    throw new InputError(
      'poll-interval',
      inputs.raw('poll-interval'),
      `must be at most a third of timeout (${inputs.raw('timeout')})`,
    );
  }
  return { timeoutMs, timeoutAuto, pollIntervalMs };
}

/** `if-in-progress`: what to do when the service already has a deployment in progress (default wait). */
export function ifInProgressInput(inputs: Inputs): 'wait' | 'fail' | 'replace' {
  return inputs.oneOf('if-in-progress', ['wait', 'fail', 'replace'] as const, 'wait');
}

/** `on-pause` and `verify-command`: what to do when a PAUSE lifecycle hook waits for an action. */
export function onPauseInputs(inputs: Inputs): {
  onPause: 'wait' | 'continue' | 'rollback' | 'verify';
  verifyCommand?: string;
} {
  const onPause = inputs.oneOf('on-pause', ['wait', 'continue', 'rollback', 'verify'] as const, 'wait');
  const verifyCommand = inputs.optional('verify-command');
  if (onPause === 'verify' && !verifyCommand)
    throw new InputError(
      'verify-command',
      '',
      'on-pause is verify: give the bash command whose exit code decides (0 continues, anything else rolls back)',
    );
  if (onPause !== 'verify' && verifyCommand)
    throw new InputError(
      'verify-command',
      verifyCommand,
      `is only used with on-pause: verify (on-pause is ${onPause})`,
    );
  return { onPause, ...(verifyCommand ? { verifyCommand } : {}) };
}

/** The inputs ecs-deploy and ecs-rollback share: how a deployment is watched and what each call may retry. */
export interface WatchInputs {
  wait: boolean;
  timeoutMs: number;
  timeoutAuto: boolean;
  pollIntervalMs: number;
  onPause: 'wait' | 'continue' | 'rollback' | 'verify';
  verifyCommand?: string;
  logLines: number;
  ifInProgress: 'wait' | 'fail' | 'replace';
  maxAttempts: number;
}

/** `wait`, `timeout`, `poll-interval`, `on-pause`, `verify-command`, `log-lines`, `if-in-progress`, `max-attempts`. */
export function watchInputs(inputs: Inputs): WatchInputs {
  const wait = inputs.bool('wait', true);
  return {
    wait,
    ...watchTimingInputs(inputs),
    ...onPauseInputs(inputs),
    logLines: inputs.int('log-lines', { min: 0, max: 200, fallback: 20 }),
    ifInProgress: ifInProgressInput(inputs),
    maxAttempts: inputs.int('max-attempts', { min: 1, max: 10, fallback: 5 }),
  };
}

/** What deployToService takes from the watch inputs (and the region, for console links and logs). */
export function watchSettings(w: WatchInputs & { region: string }) {
  return {
    wait: w.wait,
    timeoutMs: w.timeoutMs,
    timeoutAuto: w.timeoutAuto,
    onPause: w.onPause,
    verifyCommand: w.verifyCommand,
    logLines: w.logLines,
    region: w.region,
    pollIntervalMs: w.pollIntervalMs,
  };
}
