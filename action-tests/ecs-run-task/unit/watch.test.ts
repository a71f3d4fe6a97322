import { watchTask, LOG_PREFIX } from '../../../actions/ecs-run-task/src/watch.js';
import { LogStreamReader, type LogsReader } from '../../../actions/shared/src/container-logs.js';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc';

/** A fake clock that only moves when the watch sleeps, and a task whose status follows it. */
function harness(statusAt: (t: number) => string, opts: { stopLandsAfterMs?: number } = {}) {
  let t = 0;
  let stoppedAt: number | undefined;
  const calls = { describe: 0, stop: 0 };
  const api = {
    describeTask: async () => {
      calls.describe++;
      const status = stoppedAt !== undefined && t >= stoppedAt ? 'STOPPED' : statusAt(t);
      return { taskArn: ARN, lastStatus: status, containers: [{ name: 'api', exitCode: 0 }] };
    },
    stopTask: async () => {
      calls.stop++;
      if (opts.stopLandsAfterMs !== undefined) stoppedAt = t + opts.stopLandsAfterMs;
    },
  };
  const out: string[] = [];
  const log = {
    info: (l: string) => out.push(l),
    warning: (l: string) => out.push(`W ${l}`),
    debug: () => {},
  };
  return {
    api,
    calls,
    out,
    log,
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

test('prints each status once and stops at STOPPED', async () => {
  const h = harness((t) => (t < 2000 ? 'PENDING' : t < 5000 ? 'RUNNING' : 'STOPPED'));
  const r = await watchTask({
    ...h,
    cluster: 'prod',
    taskArn: ARN,
    timeoutMs: 60_000,
    pollIntervalMs: 1000,
    keepLines: 5,
  });
  expect(r).toMatchObject({ timedOut: false, stillRunning: false });
  expect(h.out).toEqual([
    '⟳ task PENDING after 0.0s',
    '⟳ task RUNNING after 2.0s',
    '⟳ task STOPPED after 5.0s',
  ]);
  expect(h.calls.stop).toBe(0);
});

test('time-out: exactly one StopTask, then waits for STOPPED', async () => {
  const h = harness(() => 'RUNNING', { stopLandsAfterMs: 3000 });
  const r = await watchTask({
    ...h,
    cluster: 'prod',
    taskArn: ARN,
    timeoutMs: 10_000,
    pollIntervalMs: 1000,
    keepLines: 5,
  });
  expect(r).toMatchObject({ timedOut: true, stillRunning: false });
  expect(h.calls.stop).toBe(1);
});

test('a task that never stops after StopTask: bounded by the grace period', async () => {
  const h = harness(() => 'RUNNING');
  const r = await watchTask({
    ...h,
    cluster: 'prod',
    taskArn: ARN,
    timeoutMs: 10_000,
    pollIntervalMs: 1000,
    keepLines: 5,
    stopGraceMs: 5000,
  });
  expect(r).toMatchObject({ timedOut: true, stillRunning: true });
  expect(h.calls.stop).toBe(1);
  expect(h.now()).toBeLessThanOrEqual(16_000);
});

test('log lines are printed behind the prefix, the last N kept; a workflow command in the log stays text', async () => {
  const events = ['::add-mask::x', 'two', 'three'];
  let served = false;
  const reader: LogsReader = {
    getLogEvents: async (input) => {
      if (served || input.nextToken) return { events: [], nextForwardToken: input.nextToken ?? 'f/0' };
      served = true;
      return { events: events.map((message) => ({ message })), nextForwardToken: 'f/3' };
    },
  };
  const h = harness((t) => (t < 1000 ? 'RUNNING' : 'STOPPED'));
  const logs = new LogStreamReader(reader, {
    container: 'api',
    group: 'g',
    region: 'eu-west-1',
    stream: 's',
  });
  const r = await watchTask({
    ...h,
    cluster: 'prod',
    taskArn: ARN,
    timeoutMs: 60_000,
    pollIntervalMs: 1000,
    keepLines: 2,
    logs,
  });
  expect(h.out.filter((l) => l.startsWith(LOG_PREFIX))).toEqual(events.map((e) => LOG_PREFIX + e));
  expect(r.lastLines).toEqual(['two', 'three']);
  expect(r.linesPrinted).toBe(3);
});
