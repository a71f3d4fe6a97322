// The watch loop shared by ecs-deploy and ecs-rollback: polls one service until its rollout of `target`
// reaches a terminal state or the timeout, printing only what changed. Bounded in time, always.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import { AccessDeniedError, type EcsApi } from './ecs-api.js';
import {
  assess,
  findOurDeployment,
  fingerprint,
  stateFingerprint,
  newEvents,
  progressLine,
  revisionLabel,
  type RolloutContext,
} from './rollout.js';
import { describeGroups, groupStoppedTasks, hintFor, type StopGroup } from './diagnose.js';
import { classifyError, sleep as realSleep } from '../retry.js';
import { errorMessage, errorName } from '../errors.js';
import { formatDuration } from '../inputs.js';

export interface WatchLog {
  info(line: string): void;
  warning(line: string): void;
}

/** What one service's watches remember across the deploy watch and a rollback watch. */
export class WatchMemory {
  readonly seenEvents = new Set<string>();
  readonly seenTasks = new Set<string>();
  readonly stopped: Parameters<typeof groupStoppedTasks>[0] = [];
  firstStopPrintedAt?: number;
  stopGroups(): StopGroup[] {
    return groupStoppedTasks(this.stopped);
  }
}

export interface WatchOptions {
  api: EcsApi;
  cluster: string;
  service: string;
  ctx: RolloutContext;
  startedAt: Date;
  timeoutMs: number;
  pollIntervalMs: number;
  log: WatchLog;
  memory: WatchMemory;
  /** Look for the service deployment (Service Deployments API) created at/after startedAt. */
  useServiceDeployments: boolean;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type WatchOutcome =
  | { outcome: 'succeeded' }
  | { outcome: 'ecs-failed'; reason: string; ecsRollingBack: boolean }
  | { outcome: 'failing'; reason: string }
  | { outcome: 'timed-out'; reason: string };

export interface WatchResult {
  result: WatchOutcome;
  service?: Service;
  serviceDeploymentArn?: string;
  serviceDeploymentsSupported: boolean;
  elapsedMs: number;
  polls: number;
}

const SD_HEARTBEAT_MS = 15_000;
const FAST_POLL_MS = 500;
const MAX_FINAL_STRETCH_POLLS = 10;
/** Fast polls are allowed while fewer DescribeServices than this were sent in the last minute. */
export const FAST_POLL_BUDGET_PER_MINUTE = 30;

/**
 * How long to wait before the next poll. The interval is the default; right after a visible change, and in
 * the final stretch (all new tasks running, waiting for ECS to call it steady), poll every 500 ms while the
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

function time(d: Date | undefined): string {
  return (d ?? new Date()).toISOString().slice(11, 19);
}

export async function watchRollout(opts: WatchOptions): Promise<WatchResult> {
  const { api, cluster, service, ctx, log, memory } = opts;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const started = now();
  const deadline = started + opts.timeoutMs;
  const since = opts.startedAt.getTime() - 2_000;
  let lastLine = '';
  let lastFp = '';
  let lastStateFp = '';
  let lastFailed = 0;
  let sdArn: string | undefined;
  let sdSupported = opts.useServiceDeployments;
  let sd: ServiceDeployment | undefined;
  let lastSdStatus = '';
  let lastSdCheck = 0;
  const recentPolls: number[] = [];
  let polls = 0;
  let lastService: Service | undefined;
  let consecutiveErrors = 0;
  let finalStretch = 0;

  const printStops = async (ourDeploymentId: string | undefined) => {
    const tasks = await api.stoppedTasks(cluster, service, ourDeploymentId);
    const fresh = tasks.filter(
      (t) =>
        t.taskArn && !memory.seenTasks.has(t.taskArn) && (!t.stoppedAt || t.stoppedAt.getTime() >= since),
    );
    for (const t of fresh) memory.seenTasks.add(t.taskArn ?? '');
    if (fresh.length === 0) return;
    memory.stopped.push(...fresh);
    memory.firstStopPrintedAt ??= now();
    for (const line of describeGroups(groupStoppedTasks(fresh))) {
      log.info(`✖ ${line}`);
      const hint = hintFor(line);
      if (hint) log.info(`  ↳ ${hint}`);
    }
  };

  for (;;) {
    if (now() >= deadline) {
      const inProgress = lastService ? progressLine(lastService) : 'no answer from ECS yet';
      return {
        result: {
          outcome: 'timed-out',
          reason: `not stable after ${formatDuration(opts.timeoutMs)}; still in progress: ${inProgress}`,
        },
        service: lastService,
        serviceDeploymentArn: sdArn,
        serviceDeploymentsSupported: sdSupported,
        elapsedMs: now() - started,
        polls,
      };
    }
    let changed = false;
    try {
      polls++;
      const described = await api.describeService(cluster, service);
      if ('missing' in described)
        throw new AccessDeniedError(
          `service ${service} is no longer found in cluster ${cluster} (${described.missing})`,
        );
      lastService = described;
      consecutiveErrors = 0;
      for (const e of newEvents(described.events, memory.seenEvents, since))
        log.info(`${time(e.createdAt)} ${e.message ?? ''}`);
      const line = progressLine(described);
      if (line !== lastLine) {
        log.info(`⟳ ${line}`);
        lastLine = line;
      }
      const fp = fingerprint(described);
      changed = fp !== lastFp;
      const stateFp = stateFingerprint(described);
      const stateChanged = stateFp !== lastStateFp;
      lastStateFp = stateFp;
      lastFp = fp;
      const ours = findOurDeployment(described, ctx);
      const failed = ours?.failedTasks ?? 0;
      if (failed > lastFailed) {
        lastFailed = failed;
        await printStops(ours?.id ?? ctx.deploymentId);
      }
      if (sdSupported && !sdArn) {
        const list = await api.listServiceDeployments(cluster, service, new Date(since));
        if (list === undefined) sdSupported = false;
        else {
          const newest = list
            .filter((d) => (d.createdAt?.getTime() ?? 0) >= since)
            .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
          sdArn = newest?.serviceDeploymentArn;
        }
      }
      // The deployments array answers most polls; the service deployment is read when something moved (or
      // every 15 s), and never when the array already shows a terminal state.
      let verdict = assess(described, ctx, sd);
      if (
        verdict.state === 'in-progress' &&
        sdArn &&
        (stateChanged || now() - lastSdCheck >= SD_HEARTBEAT_MS)
      ) {
        sd = await api.describeServiceDeployment(sdArn);
        lastSdCheck = now();
        const cb = sd?.deploymentCircuitBreaker;
        const status = sd
          ? `${sd.status}${cb?.status && cb.status !== 'DISABLED' ? ` (circuit breaker ${cb.status}, ${cb.failureCount ?? 0}/${cb.threshold ?? '?'} failures)` : ''}`
          : '';
        if (status && status !== lastSdStatus) {
          log.info(
            `◆ service deployment ${sdArn.split('/').pop()}: ${status}${sd?.statusReason ? ` — ${sd.statusReason}` : ''}`,
          );
          lastSdStatus = status;
        }
        verdict = assess(described, ctx, sd);
      }
      if (verdict.state !== 'in-progress') {
        if (verdict.state !== 'succeeded')
          await printStops(ours?.id ?? ctx.deploymentId).catch(() => undefined);
        const result: WatchOutcome =
          verdict.state === 'succeeded'
            ? { outcome: 'succeeded' }
            : verdict.state === 'ecs-failed'
              ? { outcome: 'ecs-failed', reason: verdict.reason, ecsRollingBack: verdict.ecsRollingBack }
              : { outcome: 'failing', reason: verdict.reason };
        return {
          result,
          service: described,
          serviceDeploymentArn: sdArn,
          serviceDeploymentsSupported: sdSupported,
          elapsedMs: now() - started,
          polls,
        };
      }
      // Final stretch: all new tasks run and only the steady-state check is left; look more often for a
      // while, so success is reported within about half a second of ECS declaring it.
      finalStretch =
        ours !== undefined &&
        ours.status === 'PRIMARY' &&
        (ours.runningCount ?? 0) === (ours.desiredCount ?? -1) &&
        (ours.pendingCount ?? 0) === 0
          ? finalStretch + 1
          : 0;
    } catch (err) {
      if (err instanceof AccessDeniedError) throw err;
      const kind = classifyError(err);
      if (kind === 'fatal') throw err;
      consecutiveErrors++;
      log.warning(
        `watch: ${errorName(err)} (${errorMessage(err)}); ${kind === 'throttling' ? 'backing off' : 'retrying'} — the watch continues until ${new Date(deadline).toISOString().slice(11, 19)}`,
      );
    }
    recentPolls.push(now());
    while (recentPolls.length && recentPolls[0]! < now() - 60_000) recentPolls.shift();
    await sleep(
      Math.max(
        0,
        Math.min(
          nextDelay({
            consecutiveErrors,
            changed,
            finalStretch,
            recentPolls: recentPolls.length,
            intervalMs: opts.pollIntervalMs,
          }),
          deadline - now(),
        ),
      ),
    );
  }
}

export { revisionLabel };
