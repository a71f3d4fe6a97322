// Waits for the task to stop and streams its container's log meanwhile: one DescribeTasks and one log poll
// per interval, status changes printed once, every log line printed once and in order, a StopTask (once) at
// the time-out. Bounded: after the StopTask the task gets `stopGraceMs` to reach STOPPED.
import type { Task } from '@aws-sdk/client-ecs';
import type { LogStreamReader } from '../../shared/src/container-logs.js';
import { formatDuration } from '../../shared/src/inputs.js';
import { sleep as realSleep } from '../../shared/src/retry.js';
import type { TaskApi } from './task-api.js';

export interface WatchLog {
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
}

export interface WatchOptions {
  api: Pick<TaskApi, 'describeTask' | 'stopTask'>;
  cluster: string;
  taskArn: string;
  timeoutMs: number;
  pollIntervalMs: number;
  logs?: LogStreamReader;
  /** How many of the last lines to keep for the failure reason. */
  keepLines: number;
  log: WatchLog;
  stopGraceMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface WatchResult {
  task: Task | undefined;
  timedOut: boolean;
  /** The task never reached STOPPED (even after the StopTask): its last known state is in `task`. */
  stillRunning: boolean;
  lastLines: string[];
  linesPrinted: number;
  /** When this process first saw STOPPED (ms epoch), for the benchmark. */
  stoppedSeenAt?: number;
}

/** Log lines are printed behind a prefix so that a line the container prints never acts as a workflow command. */
export const LOG_PREFIX = '│ ';

export async function watchTask(o: WatchOptions): Promise<WatchResult> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? realSleep;
  const started = now();
  const deadline = started + o.timeoutMs;
  let stopDeadline = Infinity;
  let timedOut = false;
  let lastStatus: string | undefined;
  let task: Task | undefined;
  const tail: string[] = [];
  let printed = 0;
  let warned = false;

  const pump = async (): Promise<number> => {
    if (!o.logs) return 0;
    const r = await o.logs.poll();
    for (const line of r.lines) {
      o.log.info(LOG_PREFIX + line);
      tail.push(line);
      if (tail.length > o.keepLines) tail.shift();
    }
    printed += r.lines.length;
    if (r.disabled && !warned) {
      warned = true;
      o.log.warning(`The container's log cannot be read, so it is not shown: ${r.disabled}`);
    }
    if (r.interrupted) o.log.debug(`log read interrupted (${r.interrupted}); continuing at the next poll`);
    return r.lines.length;
  };

  for (;;) {
    task = (await o.api.describeTask(o.cluster, o.taskArn)) ?? task;
    const status = task?.lastStatus;
    if (status && status !== lastStatus) {
      lastStatus = status;
      o.log.info(`⟳ task ${status} after ${((now() - started) / 1000).toFixed(1)}s`);
    }
    await pump();
    if (status === 'STOPPED') {
      const stoppedSeenAt = now();
      // awslogs flushes before the container stops; whatever is still on its way is read now, bounded.
      for (let i = 0; i < 5 && (await pump()) > 0; i++);
      return { task, timedOut, stillRunning: false, lastLines: tail, linesPrinted: printed, stoppedSeenAt };
    }
    if (!timedOut && now() >= deadline) {
      timedOut = true;
      o.log.info(`Timed out after ${formatDuration(o.timeoutMs)}: stopping the task (StopTask)`);
      await o.api.stopTask(
        o.cluster,
        o.taskArn,
        `slipway: the task did not finish within ${formatDuration(o.timeoutMs)}`,
      );
      stopDeadline = now() + (o.stopGraceMs ?? 120_000);
    }
    if (now() >= stopDeadline)
      return { task, timedOut, stillRunning: true, lastLines: tail, linesPrinted: printed };
    await sleep(o.pollIntervalMs);
  }
}
