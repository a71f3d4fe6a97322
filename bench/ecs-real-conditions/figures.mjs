// What the sections of bench/ecs-real-conditions.mjs share to turn calls and outputs into figures: tallies,
// bursts of calls (one poll), the action's own `ECS calls:` line, and a green step that came too early.

export const CLUSTER = 'bench-real';
export const SD_OPS = ['ListServiceDeployments', 'DescribeServiceDeployments'];

/** How often each value occurs. */
export const tally = (xs) => {
  const out = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
};

/** `a 2, b 1` for a tally. */
export const tallyText = (t) =>
  Object.entries(t)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** A green step whose new deployment had not completed when the action exited: green did not mean serving. */
export const falseSuccess = (status, completedAt, exitedAt) =>
  status === 'succeeded' && (completedAt === undefined || completedAt > exitedAt);

/** Parses the action's `ECS calls: N (Op n, …), M retries (Op m, …)` line. */
export function parseCallsLine(stdout) {
  const m = /ECS calls: (\d+) \(([^)]*)\)(?:, (\d+) retries \(([^)]*)\))?/.exec(stdout);
  if (!m) return undefined;
  const perOp = (s) =>
    Object.fromEntries(
      (s ?? '')
        .split(', ')
        .filter(Boolean)
        .map((p) => {
          const i = p.lastIndexOf(' ');
          return [p.slice(0, i), Number(p.slice(i + 1))];
        }),
    );
  return { calls: Number(m[1]), perOp: perOp(m[2]), retries: Number(m[3] ?? 0), retriesPerOp: perOp(m[4]) };
}

/** Groups call times into polls: calls less than `gapMs` apart belong to the same poll. */
export function bursts(times, gapMs = 250) {
  const sizes = [];
  let last = -Infinity;
  for (const t of [...times].sort((a, b) => a - b)) {
    if (t - last > gapMs) sizes.push(0);
    sizes[sizes.length - 1]++;
    last = t;
  }
  return sizes;
}
