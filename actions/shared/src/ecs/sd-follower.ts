// Follows the service deployment of one change, beside the watch's DescribeServices verdict: finds it (created
// at or after our deployment, targeting our revision), then reads it with one bounded attempt per poll, keeping
// the stages it passed through and narrating what changed.
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import type { Observation } from './verdict.js';
import { narrateServiceDeployment, type SdNarration } from './narrate.js';
import type { EcsApi } from './ecs-api.js';
import type { RolloutContext } from './rollout.js';
import type { Log } from '../log.js';

/** One lifecycle stage as the watch saw it. */
export interface StageSpan {
  stage: string;
  startedAt: number;
  endedAt?: number;
}

/** The part of the watch's options the follower reads. */
export interface FollowerOptions {
  api: EcsApi;
  cluster: string;
  service: string;
  ctx: RolloutContext;
  log: Log;
  mode: 'deploy' | 'return';
  useServiceDeployments: boolean;
  serviceDeploymentArn?: string;
  deploymentCreatedAt?: Date;
}

const SD_WAIT_MS = 1_500;

/** Resolves with the promise's value, or undefined once `ms` passed (the promise keeps running). */
export function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<undefined>((r) => {
      timer = setTimeout(() => r(undefined), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Follows the service deployment of one change: finds it, then reads it, one attempt at a time. */
export class ServiceDeploymentFollower {
  arn?: string;
  sd?: ServiceDeployment;
  lastRead = 0;
  private inFlight?: Promise<void>;
  readonly narration: SdNarration = {};
  readonly stages: StageSpan[] = [];

  constructor(
    private readonly o: FollowerOptions,
    private readonly since: number,
    private readonly now: () => number,
  ) {
    this.arn = o.serviceDeploymentArn;
  }

  get mode(): Observation['sdMode'] {
    if (!this.o.useServiceDeployments || !this.o.api.has('service-deployments'))
      return this.sd ? 'tracking' : 'off';
    return this.sd ? 'tracking' : 'pending';
  }

  /** Starts a read when none is in flight; resolves when it is done, or after a short bound. */
  async refresh(): Promise<void> {
    if (!this.o.useServiceDeployments || !this.o.api.has('service-deployments')) return;
    this.inFlight ??= this.read().finally(() => (this.inFlight = undefined));
    await within(this.inFlight, SD_WAIT_MS);
  }

  private async read(): Promise<void> {
    const { api, cluster, service, ctx, log } = this.o;
    if (!this.arn) {
      const list = await api.listServiceDeployments(cluster, service, new Date(this.since));
      if (list.kind !== 'ok') return;
      // Ours was created at or after the deployment UpdateService returned (ECS's own clock), and targets our
      // revision: a candidate whose revision cannot be checked this poll is not adopted yet, never guessed.
      const notBefore = this.o.deploymentCreatedAt
        ? this.o.deploymentCreatedAt.getTime() - 1_000
        : this.since;
      const candidates = list.value
        .filter((d) => (d.createdAt?.getTime() ?? 0) >= notBefore)
        .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
      const want = this.o.mode === 'return' ? ctx.previous : ctx.target;
      for (const c of candidates) {
        if (!c.serviceDeploymentArn) continue;
        if (c.targetServiceRevisionArn && api.has('service-deployments')) {
          const td = await api.revisionTaskDefinition(c.targetServiceRevisionArn);
          if (td.kind === 'skipped') return;
          if (td.kind === 'ok' && td.value && td.value !== want) continue;
        }
        this.arn = c.serviceDeploymentArn;
        break;
      }
      if (!this.arn) return;
    }
    const r = await api.describeServiceDeployment(this.arn);
    if (r.kind !== 'ok' || !r.value) return;
    this.sd = r.value;
    this.lastRead = this.now();
    const stage = r.value.lifecycleStage;
    if (stage && this.stages.at(-1)?.stage !== stage) {
      const last = this.stages.at(-1);
      if (last) last.endedAt = this.now();
      this.stages.push({ stage, startedAt: this.now() });
    }
    if (/SUCCESSFUL|FAILED|STOPPED/.test(r.value.status ?? '')) {
      const last = this.stages.at(-1);
      if (last && last.endedAt === undefined) last.endedAt = this.now();
    }
    for (const line of narrateServiceDeployment(this.narration, r.value, this.now())) log.info(line);
  }
}
