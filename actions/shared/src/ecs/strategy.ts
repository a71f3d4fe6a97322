// A service's deployment strategy, read from its own deploymentConfiguration, and how long a deployment of
// it is expected to take: the basis of `timeout: auto` and of slower polling during long bakes. Pure.
import type { DeploymentConfiguration, Service } from '@aws-sdk/client-ecs';
import { formatDuration } from '../inputs.js';

const MINUTE = 60_000;
/** Scale-up, health checks and draining, for any strategy (ECS's own defaults leave about this much). */
export const BASE_MINUTES = 10;
/** ECS's defaults where the configuration leaves a value out (API reference, LinearConfiguration etc.). */
export const DEFAULTS = {
  stepPercent: 10,
  stepBakeTimeInMinutes: 6,
  canaryPercent: 5,
  canaryBakeTimeInMinutes: 10,
  hookTimeoutMinutes: 60,
};

export type Strategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY' | string;

export function strategyOf(service: Pick<Service, 'deploymentConfiguration'>): Strategy {
  return service.deploymentConfiguration?.strategy ?? 'ROLLING';
}

/** Number of production traffic steps of a linear deployment (the last one reaches 100 %). */
export function linearSteps(stepPercent: number): number {
  return Math.ceil(100 / stepPercent - 1e-9);
}

export interface ExpectedDuration {
  ms: number;
  /** What it is made of, for the log: `10 steps × 6m step bake`, `bake 15m`, … */
  parts: string[];
}

/** The time a deployment of this configuration needs when nothing goes wrong (PAUSE hooks: their time-outs). */
export function expectedDuration(config: DeploymentConfiguration | undefined): ExpectedDuration {
  const c = config ?? {};
  const parts = [`${BASE_MINUTES}m to scale up and settle`];
  let minutes = BASE_MINUTES;
  const strategy = c.strategy ?? 'ROLLING';
  if (strategy === 'LINEAR') {
    const step = c.linearConfiguration?.stepPercent ?? DEFAULTS.stepPercent;
    const bake = c.linearConfiguration?.stepBakeTimeInMinutes ?? DEFAULTS.stepBakeTimeInMinutes;
    const steps = linearSteps(step);
    // No step bake after the step that reaches 100 %.
    minutes += (steps - 1) * bake;
    parts.push(`${steps} steps of ${step} % with ${steps - 1} × ${bake}m step bakes`);
  } else if (strategy === 'CANARY') {
    const bake = c.canaryConfiguration?.canaryBakeTimeInMinutes ?? DEFAULTS.canaryBakeTimeInMinutes;
    minutes += bake;
    parts.push(`canary ${c.canaryConfiguration?.canaryPercent ?? DEFAULTS.canaryPercent} % for ${bake}m`);
  }
  if (strategy !== 'ROLLING' && c.bakeTimeInMinutes) {
    minutes += c.bakeTimeInMinutes;
    parts.push(`bake ${c.bakeTimeInMinutes}m`);
  }
  for (const hook of c.lifecycleHooks ?? []) {
    if (hook.targetType !== 'PAUSE') continue;
    const t = hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULTS.hookTimeoutMinutes;
    minutes += t;
    parts.push(`PAUSE hook at ${(hook.lifecycleStages ?? []).join(', ') || '?'} up to ${t}m`);
  }
  return { ms: minutes * MINUTE, parts };
}

/** `timeout: auto`: the expected duration plus a margin (a quarter, at least 10 minutes), at least 20 minutes. */
export function autoTimeout(expected: ExpectedDuration): number {
  return Math.max(20 * MINUTE, expected.ms + Math.max(10 * MINUTE, Math.round(expected.ms / 4)));
}

/** The line printed at the start of a watch. */
export function timeoutLine(
  strategy: Strategy,
  expected: ExpectedDuration,
  timeoutMs: number,
  auto: boolean,
): string {
  return `strategy ${strategy}: expected ${formatDuration(expected.ms)} (${expected.parts.join(', ')}); timeout ${formatDuration(timeoutMs)}${auto ? ' (auto)' : ''}`;
}

/**
 * How long the current stage is expected to last from when it began, when it is a bake: nothing can change
 * before its end unless something fails. Undefined when the stage has no known duration.
 */
export function stageBakeMs(
  config: DeploymentConfiguration | undefined,
  stage: string | undefined,
): number | undefined {
  if (!config || !stage) return undefined;
  if (stage === 'BAKE_TIME') return (config.bakeTimeInMinutes ?? 0) * MINUTE;
  return undefined;
}
