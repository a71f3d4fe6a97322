// Explains why tasks stopped: groups stopped tasks by their reason, with stop codes and container exits.
import type { Task } from '@aws-sdk/client-ecs';

export interface StopGroup {
  reason: string;
  count: number;
  tasks: string[];
  containers: string[];
  /** The last lines of the failing container's log, read once for the group (or why they could not be). */
  logs?: ContainerLogTail;
}

export type ContainerLogTail =
  | { container: string; lines: string[]; url: string; where: string }
  | { container: string; unavailable: string };

/** The reason key of a stopped task (its group). */
export function stopReasonOf(t: Task): string {
  return `${t.stoppedReason ?? 'no reason given'}${t.stopCode ? ` [${t.stopCode}]` : ''}`;
}

/**
 * The container whose log explains the stop: one that exited non-zero, else (health checks, OOM) the first
 * essential-looking one; undefined when the task stopped for a reason no log explains (scaling, placement).
 */
export function containerToRead(t: Task): string | undefined {
  const failed = (t.containers ?? []).find((c) => c.exitCode !== undefined && c.exitCode !== 0);
  if (failed?.name) return failed.name;
  if (
    /health check|OutOfMemory|EssentialContainerExited/i.test(
      `${t.stoppedReason ?? ''} ${t.stopCode ?? ''} ${(t.containers ?? []).map((c) => c.reason ?? '').join(' ')}`,
    )
  )
    return t.containers?.[0]?.name;
  return undefined;
}

function containerDetail(task: Task): string[] {
  return (task.containers ?? [])
    .filter((c) => c.exitCode !== undefined || c.reason)
    .map(
      (c) =>
        `${c.name}: ${c.exitCode !== undefined ? `exit ${c.exitCode}` : 'no exit code'}${c.reason ? ` (${c.reason})` : ''}`,
    );
}

export function groupStoppedTasks(tasks: Task[]): StopGroup[] {
  const groups = new Map<string, StopGroup>();
  for (const t of tasks) {
    const reason = stopReasonOf(t);
    const g = groups.get(reason) ?? { reason, count: 0, tasks: [], containers: [] };
    g.count++;
    g.tasks.push((t.taskArn ?? '').split('/').pop() ?? '');
    for (const c of containerDetail(t)) if (!g.containers.includes(c)) g.containers.push(c);
    groups.set(reason, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export function describeGroups(groups: StopGroup[]): string[] {
  return groups.map(
    (g) =>
      `${g.count} task${g.count === 1 ? '' : 's'} stopped: ${g.reason}` +
      (g.containers.length ? `; ${g.containers.join(', ')}` : '') +
      ` (task ${g.tasks.slice(0, 3).join(', ')}${g.tasks.length > 3 ? ', …' : ''})`,
  );
}

/** Hints for the reasons people meet most, so the log says what to look at next. */
export function hintFor(reason: string): string | undefined {
  if (/ELB health checks/i.test(reason))
    return 'the load balancer health check fails: check the health check path/port and that the app listens on the container port';
  if (/container health checks|failed container health/i.test(reason))
    return "the container's HEALTHCHECK command fails: check it with the task's logs";
  if (/EssentialContainerExited|Essential container in task exited/i.test(reason))
    return "the app exited: read the container's logs (awslogs) for the crash";
  if (/CannotPullContainerError/i.test(reason))
    return 'the image cannot be pulled: check the image URI, the execution role ECR permissions and network access to ECR';
  if (/ResourceInitializationError/i.test(reason))
    return 'secrets or logs could not be set up: check the execution role permissions for SSM/Secrets Manager and CloudWatch Logs';
  if (/OutOfMemory|exit 137/i.test(reason))
    return 'a container was killed for memory: raise memory or fix the leak';
  return undefined;
}
