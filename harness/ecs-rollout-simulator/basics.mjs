// The rollout simulator's shared basics: the ECS JSON target prefix, the fake account, the clock, random ids,
// ECS's epoch-seconds timestamps, the default timing and the circuit breaker threshold formula.
import { randomBytes } from 'node:crypto';

export const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
export const ACCOUNT = '123456789012';

export const now = () => Date.now();
export const rid = (n = 8) => randomBytes(n).toString('hex');
export const deploymentId = () => `ecs-svc/${BigInt('0x' + rid(8)) % 10n ** 19n}`.padEnd(27, '0');
export const epoch = (ms) => ms / 1000;
export const clusterArn = (region, cluster) => `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${cluster}`;

export const DEFAULT_TIMING = {
  stepMs: 300,
  slowStepMs: 1500,
  healthCheckMs: 400,
  crashMs: 250,
  eventGapMs: 5000,
  /** How long one configured minute (bake times, hook time-outs) lasts. */
  minuteMs: 200,
  /** How long a lifecycle stage without a bake lasts. */
  stageMs: 150,
};

/** The deployment circuit breaker as AWS documents it: 0.5 x desired count, at least 3, at most 200. */
export function breakerThreshold(desired) {
  return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
}
