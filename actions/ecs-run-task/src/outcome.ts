// What a stopped task means, as a pure function: the chosen container's exit code decides; a task stopped for
// another reason (image pull, resources, someone's StopTask, a spot interruption) says which.
import type { Task } from '@aws-sdk/client-ecs';

export type RunStatus = 'succeeded' | 'failed' | 'timed-out' | 'started';

export interface Outcome {
  status: RunStatus;
  exitCode?: number;
  /** One line for a person: what happened to the task. */
  reason: string;
}

export function outcomeOf(task: Task, container: string, timedOut: boolean): Outcome {
  const c = (task.containers ?? []).find((x) => x.name === container);
  const stop = [task.stopCode, task.stoppedReason].filter(Boolean).join(': ');
  const exitCode = typeof c?.exitCode === 'number' ? c.exitCode : undefined;
  if (timedOut)
    return {
      status: 'timed-out',
      ...(exitCode !== undefined ? { exitCode } : {}),
      reason: `the task did not finish in time and was stopped${stop ? ` (${stop})` : ''}`,
    };
  if (exitCode === 0)
    return { status: 'succeeded', exitCode, reason: `container ${container} exited with 0` };
  if (exitCode !== undefined)
    return {
      status: 'failed',
      exitCode,
      reason: `container ${container} exited with ${exitCode}${c?.reason ? ` (${c.reason})` : ''}${stop ? `; task stopped: ${stop}` : ''}`,
    };
  const containerReason = c?.reason ? `; container ${container}: ${c.reason}` : '';
  return {
    status: 'failed',
    reason: `the task stopped before container ${container} exited: ${stop || 'no reason given'}${containerReason}`,
  };
}

/** What a RunTask failure reason means, for the error message. */
export function failureHint(reason: string): string {
  if (/^RESOURCE:/.test(reason))
    return 'no container instance had enough of that resource; add capacity or lower the task size';
  if (reason === 'MISSING') return 'the cluster or container instance does not exist';
  if (/^AGENT/.test(reason)) return 'the container agent on the instance is disconnected';
  if (/^ATTRIBUTE/.test(reason)) return 'no container instance has the attributes the task requires';
  if (/capacity/i.test(reason)) return 'the capacity provider could not supply capacity';
  return '';
}
