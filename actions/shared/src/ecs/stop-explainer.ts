// Explains a deployment's stopped tasks, in the background: ListTasks + DescribeTasks (optional calls), the
// stop reasons grouped and printed once with a hint, and the failing container's last log lines read once
// per distinct reason. The verdict loop never waits on it, except for a bounded moment before a failure
// verdict so the reason can name what stopped.
import type { Task } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import { within } from './sd-follower.js';
import {
  containerToRead,
  describeGroups,
  groupStoppedTasks,
  hintFor,
  stopReasonOf,
  type ContainerLogTail,
  type StopGroup,
} from './diagnose.js';
import { readContainerTail } from './stop-logs.js';
import { errorMessage } from '../errors.js';
import type { Log } from '../log.js';

/** What one service's watches remember across the deploy watch and a rollback watch. */
export class WatchMemory {
  readonly seenEvents = new Set<string>();
  readonly seenTasks = new Set<string>();
  readonly stopped: Task[] = [];
  /** Container log tails, by stop reason: read once per distinct group. */
  readonly logs = new Map<string, ContainerLogTail>();
  firstStopPrintedAt?: number;
  stopGroups(): StopGroup[] {
    return groupStoppedTasks(this.stopped).map((g) => {
      const logs = this.logs.get(g.reason);
      return logs ? { ...g, logs } : g;
    });
  }
}

export class StopExplainer {
  private running: Promise<void> | undefined;

  constructor(
    private readonly o: {
      api: EcsApi;
      cluster: string;
      service: string;
      log: Log;
      memory: WatchMemory;
      logLines?: number;
      region?: string;
    },
    /** Tasks stopped before this (epoch ms) belong to an earlier deployment. */
    private readonly since: number,
    private readonly now: () => number,
  ) {}

  /** Starts one explanation unless one is running; never awaited by the verdict loop. */
  explain(deploymentId: string | undefined): void {
    if (this.running) return;
    this.running = this.run(deploymentId)
      .catch((err) => this.o.log.debug(`diagnosis: ${errorMessage(err)}`))
      .finally(() => (this.running = undefined));
  }

  /** Waits at most `ms` for a running explanation. */
  async settle(ms: number): Promise<void> {
    if (this.running) await within(this.running, ms);
  }

  private async run(deploymentId: string | undefined): Promise<void> {
    const { api, cluster, service, log, memory } = this.o;
    const r = await api.stoppedTasks(cluster, service, deploymentId);
    if (r.kind !== 'ok') return;
    const fresh = r.value.filter(
      (t) =>
        t.taskArn &&
        !memory.seenTasks.has(t.taskArn) &&
        (!t.stoppedAt || t.stoppedAt.getTime() >= this.since),
    );
    for (const t of fresh) memory.seenTasks.add(t.taskArn ?? '');
    if (fresh.length === 0) return;
    memory.stopped.push(...fresh);
    memory.firstStopPrintedAt ??= this.now();
    for (const line of describeGroups(groupStoppedTasks(fresh))) {
      log.info(`✖ ${line}`);
      const hint = hintFor(line);
      if (hint) log.info(`  ↳ ${hint}`);
    }
    // The container's own last words, once per distinct stop reason.
    const lines = this.o.logLines ?? 20;
    for (const t of fresh) {
      const reason = stopReasonOf(t);
      const container = containerToRead(t);
      if (!container || memory.logs.has(reason) || !lines) continue;
      memory.logs.set(reason, await readContainerTail(api, t, container, lines, this.o.region ?? '', log));
    }
  }
}
