// How long the watch waits before its next poll (pure). The poll interval is the default; right after a
// visible change and in the final stretch it polls fast while the last minute's polls stay under budget;
// after errors it backs off; during a long bake it polls slowly, since nothing changes there unless
// something fails (an alarm, the breaker: seen within one slow poll).
const FAST_POLL_MS = 500;
/** A bake longer than this is polled slowly: every QUIET_POLL_MS (8 ECS calls a minute) while more than
 * QUIET_MARGIN_MS is left, every NEAR_END_POLL_MS (12 a minute) in its last minute. */
const LONG_BAKE_MS = 90_000;
const QUIET_MARGIN_MS = 60_000;
const QUIET_POLL_MS = 15_000;
const NEAR_END_POLL_MS = 10_000;
const MAX_FINAL_STRETCH_POLLS = 10;
/** Fast polls are allowed while fewer DescribeServices than this were sent in the last minute. */
export const FAST_POLL_BUDGET_PER_MINUTE = 30;

/**
 * How long to wait before the next poll. The interval is the default; right after a visible change, and in
 * the final stretch (all new tasks running, waiting for ECS to call it done), poll every 500 ms while the
 * last minute's polls stay under budget; after errors, back off exponentially (at most 15 s).
 */
export function nextDelay(s: {
  consecutiveErrors: number;
  changed: boolean;
  finalStretch: number;
  recentPolls: number;
  intervalMs: number;
}): number {
  if (s.consecutiveErrors > 0) return Math.min(15_000, s.intervalMs * 2 ** Math.min(s.consecutiveErrors, 4));
  const wantFast = s.changed || (s.finalStretch > 0 && s.finalStretch <= MAX_FINAL_STRETCH_POLLS);
  if (wantFast && s.recentPolls < FAST_POLL_BUDGET_PER_MINUTE) return Math.min(FAST_POLL_MS, s.intervalMs);
  return s.intervalMs;
}

/**
 * The slow pace of a long bake: every 15 s while more than a minute is left, every 10 s in its last
 * minute; undefined when the stage is not a long bake (or it is over).
 */
export function bakeDelay(bakeMs: number | undefined, remainingMs: number): number | undefined {
  if (bakeMs === undefined || bakeMs <= LONG_BAKE_MS || remainingMs <= 0) return undefined;
  return remainingMs > QUIET_MARGIN_MS ? QUIET_POLL_MS : Math.min(NEAR_END_POLL_MS, remainingMs + 1_000);
}
