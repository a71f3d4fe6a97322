// Wait: the loop that owns time. It polls one service (through the step's shared ServicePoller) until the
// verdict (verdict.ts) is terminal or the timeout passes, and prints only what changed (narrate.ts).
// Optional calls run beside the verdict: the service deployment is read with one bounded attempt per poll,
// stopped tasks are explained in the background, and neither is ever retried in front of a verdict.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import { AccessDeniedError } from './ecs-call.js';
import type { ServicePoller } from './service-poller.js';
import {
  findOurDeployment,
  fingerprint,
  stateFingerprint,
  newEvents,
  progressLine,
  type RolloutContext,
} from './rollout.js';
import { decide, decideReturn, type Observation, type Verdict } from './verdict.js';
import { ServiceDeploymentFollower, type StageSpan } from './sd-follower.js';
import type { PauseDecision } from './pause-hooks.js';
import { stageBakeMs } from './strategy.js';
import { StopExplainer, type WatchMemory } from './stop-explainer.js';
import { bakeDelay, nextDelay } from './poll-timing.js';
import { classifyError, sleep as realSleep } from '../retry.js';
import { errorMessage, errorName } from '../errors.js';
import { formatDuration } from '../inputs.js';
import type { Log } from '../log.js';

export type WatchOutcome =
  Exclude<Verdict, { state: 'in-progress' }> | { state: 'timed-out'; reason: string };

export interface WatchOptions {
  api: EcsApi;
  poller: ServicePoller;
  cluster: string;
  service: string;
  ctx: RolloutContext;
  /** When the change being watched was sent; service deployments created after it are candidates. */
  startedAt: Date;
  timeoutMs: number;
  pollIntervalMs: number;
  log: Log;
  memory: WatchMemory;
  /** `deploy`: the rollout of ctx.target; `return`: ECS's (or our) rollback to ctx.previous. */
  mode: 'deploy' | 'return';
  /** Look for (or keep following) the service deployment. */
  useServiceDeployments: boolean;
  /** A service deployment already known to be the one to follow. */
  serviceDeploymentArn?: string;
  /** When ECS created the deployment UpdateService returned: service deployments before it are not ours. */
  deploymentCreatedAt?: Date;
  /** Last lines of a failing container's log in each stop reason (0: off). */
  logLines?: number;
  region?: string;
  /** Answers a PAUSE hook that awaits an action (on-pause); called once per hook. */
  onPause?: (
    sd: ServiceDeployment,
    hook: NonNullable<ServiceDeployment['lifecycleHookDetails']>[number],
  ) => Promise<PauseDecision>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type { StageSpan } from './sd-follower.js';

export interface WatchResult {
  outcome: WatchOutcome;
  service?: Service;
  serviceDeployment?: ServiceDeployment;
  serviceDeploymentArn?: string;
  /** False when the endpoint showed it has no Service Deployments API. */
  serviceDeploymentsSupported: boolean;
  elapsedMs: number;
  polls: number;
  /** The lifecycle stages seen, in order, with their times. */
  stages: StageSpan[];
  /** How PAUSE hooks were answered. */
  pauses: PauseDecision[];
}

const SD_HEARTBEAT_MS = 15_000;
const DIAGNOSIS_WAIT_MS = 1_000;

function time(d: Date | undefined): string {
  return (d ?? new Date()).toISOString().slice(11, 19);
}

export async function watchRollout(opts: WatchOptions): Promise<WatchResult> {
  const { api, poller, cluster, service, ctx, log, memory } = opts;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const started = now();
  const deadline = started + opts.timeoutMs;
  const since = opts.startedAt.getTime() - 2_000;
  const follower = new ServiceDeploymentFollower(opts, since, now);
  let lastLine = '';
  let lastFp = '';
  let lastStateFp = '';
  let lastFailed = 0;
  const recentPolls: number[] = [];
  let polls = 0;
  let lastService: Service | undefined;
  let consecutiveErrors = 0;
  let finalStretch = 0;
  const pauses: PauseDecision[] = [];
  const answered = new Set<string>();
  let quietDelay: number | undefined;

  const stops = new StopExplainer(opts, since, now);
  const explainStops = (deploymentId: string | undefined) => stops.explain(deploymentId);

  const result = (outcome: WatchOutcome): WatchResult => ({
    outcome,
    service: lastService,
    serviceDeployment: follower.sd,
    serviceDeploymentArn: follower.arn,
    serviceDeploymentsSupported: api.has('service-deployments'),
    elapsedMs: now() - started,
    polls,
    stages: follower.stages,
    pauses,
  });

  poller.watch(service);
  try {
    for (;;) {
      if (now() >= deadline) {
        const inProgress = lastService ? progressLine(lastService) : 'no answer from ECS yet';
        const sdState = follower.sd
          ? `; service deployment ${follower.sd.status}${follower.sd.lifecycleStage ? ` in ${follower.sd.lifecycleStage}` : ''}`
          : '';
        return result({
          state: 'timed-out',
          reason: `not stable after ${formatDuration(opts.timeoutMs)}; still in progress: ${inProgress}${sdState}`,
        });
      }
      let changed = false;
      try {
        polls++;
        const described = await poller.describe(service);
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
        lastFp = fp;
        const stateFp = stateFingerprint(described);
        const stateChanged = stateFp !== lastStateFp;
        lastStateFp = stateFp;
        const ours = findOurDeployment(described, ctx);
        const failed = ours?.failedTasks ?? 0;
        if (failed > lastFailed) {
          lastFailed = failed;
          explainStops(ours?.id ?? ctx.deploymentId);
        }
        // The service deployment is read at every poll of a staged strategy (its stages and traffic are only
        // there); for a rolling one when something moved, in the final stretch, until it is found, and every
        // 15 s. One attempt, bounded, beside the DescribeServices verdict.
        const settled =
          ours !== undefined &&
          (ours.runningCount ?? 0) === (ours.desiredCount ?? -1) &&
          (ours.pendingCount ?? 0) === 0;
        const staged = (described.deploymentConfiguration?.strategy ?? 'ROLLING') !== 'ROLLING';
        if (
          !follower.sd ||
          staged ||
          changed ||
          stateChanged ||
          settled ||
          now() - follower.lastRead >= SD_HEARTBEAT_MS ||
          opts.mode === 'return'
        )
          await follower.refresh();
        // A PAUSE hook that awaits an action is answered once, as on-pause says.
        for (const hook of follower.sd?.lifecycleHookDetails ?? []) {
          if (hook.targetType !== 'PAUSE' || hook.status !== 'AWAITING_ACTION' || !hook.hookId) continue;
          if (answered.has(hook.hookId) || !opts.onPause || !follower.sd) continue;
          answered.add(hook.hookId);
          pauses.push(await opts.onPause(follower.sd, hook));
          await follower.refresh();
        }
        const obs: Observation = { service: described, sd: follower.sd, sdMode: follower.mode };
        const verdict = opts.mode === 'return' ? decideReturn(obs, ctx.previous ?? '') : decide(obs, ctx);
        if (verdict.state !== 'in-progress') {
          if (verdict.state !== 'succeeded') {
            explainStops(ours?.id ?? ctx.deploymentId);
            await stops.settle(DIAGNOSIS_WAIT_MS);
          }
          return result(verdict);
        }
        finalStretch = settled && ours?.status === 'PRIMARY' ? finalStretch + 1 : 0;
        // During a long bake nothing changes unless something fails (an alarm, the breaker: seen within one
        // slow poll): every 15 s, every 10 s in its last minute, then the usual pace once the stage moves on.
        const bake = stageBakeMs(described.deploymentConfiguration, follower.sd?.lifecycleStage);
        const stageStart = follower.stages.at(-1)?.startedAt;
        const remaining = bake !== undefined && stageStart !== undefined ? stageStart + bake - now() : 0;
        quietDelay = bakeDelay(bake, remaining);
        if (quietDelay) finalStretch = 0;
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
            quietDelay && consecutiveErrors === 0
              ? Math.max(opts.pollIntervalMs, quietDelay)
              : nextDelay({
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
  } finally {
    poller.unwatch(service);
  }
}
