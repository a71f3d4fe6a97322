// Every ECS call slipway makes, each following its operation's row in ECS_CALL_POLICY (call-policy.ts):
// throttling is retried, a 5xx on a call that may have been applied is read back before anything is sent
// again, AccessDenied names the missing permission, and an optional call that the endpoint does not support
// switches its feature off with one warning.
import {
  ECSClient,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  ListServiceDeploymentsCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  StopServiceDeploymentCommand,
  ContinueServiceDeploymentCommand,
  ListTasksCommand,
  DescribeTasksCommand,
  TagResourceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type ServiceDeployment,
  type ServiceDeploymentBrief,
  type Task,
  type TaskDefinition,
  type Tag,
} from '@aws-sdk/client-ecs';
import { awsClientConfig } from '../aws-client.js';
import { backoffDelay, classifyError, sleep as realSleep } from '../retry.js';
import { ActionError, errorMessage, errorName } from '../errors.js';
import type { Log } from '../log.js';
import { TAG } from '../revision.js';
import { ECS_CALL_POLICY, throttleAttempts, type EcsOperation } from './call-policy.js';

export class AccessDeniedError extends ActionError {}

export function missingPermission(err: unknown, operation: string): string {
  const m = /not authorized to perform: ([\w:-]+)/.exec(errorMessage(err));
  return m?.[1] ?? `ecs:${operation}`;
}

/** The answer of an optional call: its value, skipped for this poll, or not available on this endpoint. */
export type Optional<T> =
  { kind: 'ok'; value: T } | { kind: 'skipped'; reason: string } | { kind: 'unavailable'; reason: string };

/** Optional features, each switched off (once, with one warning) when the endpoint or the role lacks it. */
export type Feature = 'service-deployments' | 'diagnosis' | 'tagging';
const FEATURE_OF: Partial<Record<EcsOperation, Feature>> = {
  ListServiceDeployments: 'service-deployments',
  DescribeServiceDeployments: 'service-deployments',
  DescribeServiceRevisions: 'service-deployments',
  ListTasks: 'diagnosis',
  DescribeTasks: 'diagnosis',
  TagResource: 'tagging',
};
const FEATURE_FALLBACK: Record<Feature, string> = {
  'service-deployments': "the watch uses the service's deployments array instead",
  diagnosis: 'stopped tasks are not explained',
  tagging: 'revisions are not tagged',
};

/** The ECS API answered in a way that means "this endpoint does not have that operation". */
export function isUnsupported(err: unknown): boolean {
  const name = errorName(err);
  if (
    [
      'UnknownOperationException',
      'InvalidAction',
      'UnsupportedOperation',
      'UnsupportedOperationException',
      'UnknownOperation',
    ].includes(name)
  )
    return true;
  // A body that is not the ECS JSON protocol (an HTML error page from a proxy or an emulator): the SDK
  // cannot parse it.
  const msg = errorMessage(err);
  return (
    (name === 'SyntaxError' && /Deserialization error|Unexpected token|JSON/i.test(msg)) ||
    /Deserialization error|Unexpected token '<'|is not valid JSON/i.test(msg)
  );
}

export interface EcsApiOptions {
  /** Attempts for a 5xx / reset on a read (throttling gets twice as many). */
  maxAttempts: number;
  log: Log;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Base delay of the retry backoff (ms). */
  baseDelayMs?: number;
}

export class EcsApi {
  private readonly client: ECSClient;
  /** Number of calls sent, by operation (for the summary and the benchmarks). */
  readonly calls = new Map<string, number>();
  /** Retries, by operation. */
  readonly retries = new Map<string, number>();
  private readonly off = new Map<Feature, string>();
  private readonly log: Log;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly baseDelayMs: number;

  constructor(region: string, opts: EcsApiOptions) {
    // The SDK does not retry (maxAttempts 1): this class does, by the policy table, so every retry is
    // visible in the log and nothing that changes the service is ever silently sent twice.
    this.client = new ECSClient(awsClientConfig({ region, maxAttempts: 1, retryMode: 'standard' }));
    this.log = opts.log;
    this.maxAttempts = opts.maxAttempts;
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
    this.baseDelayMs = opts.baseDelayMs ?? 500;
  }

  destroy(): void {
    this.client.destroy();
  }

  /** What a CloudWatch Logs client signs with: this client's credentials and hash. */
  signingSource(): {
    credentials: ECSClient['config']['credentials'];
    sha256: ECSClient['config']['sha256'];
  } {
    return { credentials: this.client.config.credentials, sha256: this.client.config.sha256 };
  }

  /** False once the endpoint showed it lacks the feature (or the role may not use it). */
  has(feature: Feature): boolean {
    return !this.off.has(feature);
  }

  private switchOff(feature: Feature, why: string): void {
    if (this.off.has(feature)) return;
    this.off.set(feature, why);
    this.log.warning(`${why}; ${FEATURE_FALLBACK[feature]}`);
  }

  private count(map: Map<string, number>, op: string): void {
    map.set(op, (map.get(op) ?? 0) + 1);
  }

  /**
   * Sends one call by its policy. `readBack` (for calls that may have been applied) answers the value the
   * call would have returned if it landed, or undefined if it did not.
   */
  private async call<T>(
    op: EcsOperation,
    send: () => Promise<T>,
    readBack?: () => Promise<T | undefined>,
  ): Promise<T> {
    const policy = ECS_CALL_POLICY[op];
    let transientLeft = this.maxAttempts - 1;
    let throttleLeft = throttleAttempts(this.maxAttempts) - 1;
    for (let attempt = 1; ; attempt++) {
      try {
        this.count(this.calls, op);
        return await send();
      } catch (err) {
        const kind = classifyError(err);
        if (kind === 'access-denied') {
          throw new AccessDeniedError(
            `${op} was denied: the deploy role needs ${missingPermission(err, op)} (${errorMessage(err)})`,
            { cause: err },
          );
        }
        if (isUnsupported(err)) throw err;
        const what = `${op} ${kind === 'throttling' ? 'throttled' : 'failed'} (${errorName(err) || 'error'}: ${errorMessage(err)})`;
        if (kind === 'throttling') {
          if (throttleLeft-- <= 0) throw err;
        } else if (kind === 'transient') {
          if (transientLeft-- <= 0) throw err;
          if (policy.onTransient === 'read-back' && readBack) {
            const landed = await readBack();
            if (landed !== undefined) {
              this.log.warning(`${what}, but it was applied: not sending it again`);
              return landed;
            }
            this.log.warning(`${what}, and it was not applied: sending it again`);
            this.count(this.retries, op);
            continue;
          }
        } else {
          throw err;
        }
        const delay = backoffDelay(attempt, this.baseDelayMs, 10_000, this.random);
        this.log.warning(`${what}; retry ${attempt} in ${(delay / 1000).toFixed(1)}s`);
        this.count(this.retries, op);
        await this.sleep(delay);
      }
    }
  }

  /** One attempt of an optional call: skipped on throttling or 5xx, its feature switched off when unsupported. */
  private async optional<T>(op: EcsOperation, send: () => Promise<T>): Promise<Optional<T>> {
    const feature = FEATURE_OF[op];
    if (feature && this.off.has(feature)) return { kind: 'unavailable', reason: this.off.get(feature)! };
    try {
      this.count(this.calls, op);
      return { kind: 'ok', value: await send() };
    } catch (err) {
      const kind = classifyError(err);
      if (isUnsupported(err) || kind === 'access-denied') {
        const why =
          kind === 'access-denied'
            ? `${op} was denied: the deploy role needs ${missingPermission(err, op)}`
            : `${op} is not supported by this endpoint (${errorName(err) || 'error'}: ${errorMessage(err).slice(0, 120)})`;
        if (feature) this.switchOff(feature, why);
        return { kind: 'unavailable', reason: why };
      }
      if (kind === 'throttling' || kind === 'transient') {
        this.log.debug(
          `${op} ${kind === 'throttling' ? 'throttled' : 'failed'} (${errorName(err)}); skipped for this poll`,
        );
        return { kind: 'skipped', reason: `${errorName(err) || kind}: ${errorMessage(err)}` };
      }
      throw err;
    }
  }

  // ---------- services ----------

  /** DescribeServices for up to 10 names (the API's limit); the missing ones map to their failure reason. */
  async describeServices(
    cluster: string,
    names: string[],
  ): Promise<Map<string, Service | { missing: string }>> {
    if (names.length > 10) throw new ActionError('internal: DescribeServices takes at most 10 services');
    const res = await this.call('DescribeServices', () =>
      this.client.send(new DescribeServicesCommand({ cluster, services: names })),
    );
    const out = new Map<string, Service | { missing: string }>();
    for (const s of res.services ?? []) if (s.serviceName) out.set(s.serviceName, s);
    for (const f of res.failures ?? []) {
      const name = (f.arn ?? '').split('/').pop() ?? '';
      if (name && !out.has(name)) out.set(name, { missing: f.reason ?? 'MISSING' });
    }
    for (const n of names) if (!out.has(n)) out.set(n, { missing: 'MISSING' });
    return out;
  }

  async describeService(cluster: string, service: string): Promise<Service | { missing: string }> {
    return (await this.describeServices(cluster, [service])).get(service)!;
  }

  /**
   * UpdateService. After a 5xx or a reset the service is read back: if a PRIMARY deployment of the revision
   * was created after the call was sent, it landed and is not sent again.
   */
  async updateService(input: {
    cluster: string;
    service: string;
    taskDefinition: string;
    desiredCount?: number;
    forceNewDeployment?: boolean;
  }): Promise<Service> {
    const sentAt = Date.now();
    const res = await this.call(
      'UpdateService',
      async () =>
        (
          await this.client.send(
            new UpdateServiceCommand({
              cluster: input.cluster,
              service: input.service,
              taskDefinition: input.taskDefinition,
              ...(input.desiredCount !== undefined ? { desiredCount: input.desiredCount } : {}),
              ...(input.forceNewDeployment ? { forceNewDeployment: true } : {}),
            }),
          )
        ).service,
      async () => {
        const svc = await this.describeService(input.cluster, input.service);
        if ('missing' in svc) return undefined;
        const landed = (svc.deployments ?? []).some(
          (d) =>
            d.status === 'PRIMARY' &&
            d.taskDefinition === input.taskDefinition &&
            (d.createdAt?.getTime() ?? 0) >= sentAt - 1000,
        );
        // Without forceNewDeployment, an unchanged revision needs no new deployment: sending it again is safe.
        return landed ? svc : undefined;
      },
    );
    if (!res) throw new ActionError('UpdateService answered without the service');
    return res;
  }

  // ---------- task definitions ----------

  /**
   * RegisterTaskDefinition with this run's `slipway:registration` tag. After a 5xx or a reset, the family's
   * newest revisions are read back: one carrying the tag is the revision that was registered.
   */
  async registerTaskDefinition(
    input: RegisterTaskDefinitionCommandInput,
    registration: string,
  ): Promise<TaskDefinition> {
    const tags = [
      ...(input.tags ?? []).filter((t) => t.key !== TAG.registration),
      { key: TAG.registration, value: registration },
    ];
    const td = await this.call(
      'RegisterTaskDefinition',
      async () =>
        (await this.client.send(new RegisterTaskDefinitionCommand({ ...input, tags }))).taskDefinition,
      async () => {
        const arns = await this.listTaskDefinitions(input.family ?? '', 'ACTIVE', 5);
        for (const arn of arns) {
          const found = await this.describeTaskDefinition(arn);
          if (found.tags.some((t) => t.key === TAG.registration && t.value === registration))
            return found.taskDefinition;
        }
        return undefined;
      },
    );
    if (!td?.taskDefinitionArn)
      throw new ActionError('RegisterTaskDefinition answered without a task definition ARN');
    return td;
  }

  async describeTaskDefinition(
    taskDefinition: string,
  ): Promise<{ taskDefinition: TaskDefinition; tags: Tag[] }> {
    const res = await this.call('DescribeTaskDefinition', () =>
      this.client.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] })),
    );
    if (!res.taskDefinition) throw new ActionError(`task definition ${taskDefinition} not found`);
    return { taskDefinition: res.taskDefinition, tags: res.tags ?? [] };
  }

  /** Newest first; at most `limit` revisions of exactly this family. */
  async listTaskDefinitions(
    family: string,
    status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE',
    limit = 2000,
  ): Promise<string[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 20 && arns.length < limit; page++) {
      const res = await this.call('ListTaskDefinitions', () =>
        this.client.send(
          new ListTaskDefinitionsCommand({
            familyPrefix: family,
            status,
            sort: 'DESC',
            nextToken,
            maxResults: Math.min(100, limit),
          }),
        ),
      );
      arns.push(...(res.taskDefinitionArns ?? []));
      nextToken = res.nextToken;
      if (!nextToken) break;
    }
    return arns.filter((a) => a.split('/').pop()?.replace(/:\d+$/, '') === family).slice(0, limit);
  }

  async deregisterTaskDefinition(arn: string): Promise<void> {
    await this.call(
      'DeregisterTaskDefinition',
      async () => {
        await this.client.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
        return true;
      },
      async () =>
        (await this.describeTaskDefinition(arn)).taskDefinition.status === 'INACTIVE' ? true : undefined,
    );
  }

  /** Tags a revision; an optional call (retried briefly, a failure is a warning, never the verdict). */
  async tagResource(arn: string, tags: Record<string, string>): Promise<boolean> {
    if (!this.has('tagging')) return false;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const r = await this.optional('TagResource', () =>
        this.client.send(
          new TagResourceCommand({
            resourceArn: arn,
            tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
          }),
        ),
      );
      if (r.kind === 'ok') return true;
      if (r.kind === 'unavailable') return false;
      if (attempt < 3) {
        this.count(this.retries, 'TagResource');
        await this.sleep(backoffDelay(attempt, 250, 1000, this.random));
      } else {
        this.log.warning(
          `TagResource on ${arn.split('/').pop()} failed (${r.reason}); the revision is not tagged`,
        );
      }
    }
    return false;
  }

  // ---------- service deployments (optional) ----------

  listServiceDeployments(
    cluster: string,
    service: string,
    after: Date,
  ): Promise<Optional<ServiceDeploymentBrief[]>> {
    return this.optional('ListServiceDeployments', async () => {
      const res = await this.client.send(
        new ListServiceDeploymentsCommand({ cluster, service, createdAt: { after } }),
      );
      return res.serviceDeployments ?? [];
    });
  }

  describeServiceDeployment(arn: string): Promise<Optional<ServiceDeployment | undefined>> {
    return this.optional('DescribeServiceDeployments', async () => {
      const res = await this.client.send(
        new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }),
      );
      return res.serviceDeployments?.[0];
    });
  }

  /** The task definition of a service revision. */
  revisionTaskDefinition(arn: string): Promise<Optional<string | undefined>> {
    return this.optional('DescribeServiceRevisions', async () => {
      const res = await this.client.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [arn] }));
      return res.serviceRevisions?.[0]?.taskDefinition;
    });
  }

  /**
   * StopServiceDeployment(ROLLBACK). After a 5xx the service deployment is read back: STOP_* / ROLLBACK_*
   * (or finished) means it landed.
   */
  async stopServiceDeployment(arn: string): Promise<void> {
    await this.call(
      'StopServiceDeployment',
      async () => {
        await this.client.send(
          new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }),
        );
        return true;
      },
      async () => {
        const sd = await this.describeServiceDeployment(arn);
        const status = sd.kind === 'ok' ? (sd.value?.status ?? '') : '';
        return /^(STOP|ROLLBACK)/.test(status) ? true : undefined;
      },
    );
  }

  /** ContinueServiceDeployment for a PAUSE hook; read back: the hook no longer awaits an action. */
  async continueServiceDeployment(
    arn: string,
    hookId: string,
    action: 'CONTINUE' | 'ROLLBACK',
  ): Promise<void> {
    await this.call(
      'ContinueServiceDeployment',
      async () => {
        await this.client.send(
          new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId, action }),
        );
        return true;
      },
      async () => {
        const sd = await this.describeServiceDeployment(arn);
        if (sd.kind !== 'ok') return undefined;
        const hook = sd.value?.lifecycleHookDetails?.find((h) => h.hookId === hookId);
        return hook && hook.status !== 'AWAITING_ACTION' ? true : undefined;
      },
    );
  }

  // ---------- diagnosis (optional) ----------

  /** Stopped tasks of a deployment (ListTasks + DescribeTasks, one attempt each). */
  async stoppedTasks(
    cluster: string,
    service: string,
    deploymentId: string | undefined,
  ): Promise<Optional<Task[]>> {
    const list = await this.optional('ListTasks', () =>
      this.client.send(
        new ListTasksCommand({
          cluster,
          serviceName: service,
          desiredStatus: 'STOPPED',
          ...(deploymentId ? { startedBy: deploymentId } : {}),
        }),
      ),
    );
    if (list.kind !== 'ok') return list;
    const arns = list.value.taskArns ?? [];
    if (arns.length === 0) return { kind: 'ok', value: [] };
    const res = await this.optional('DescribeTasks', () =>
      this.client.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(0, 100) })),
    );
    return res.kind === 'ok' ? { kind: 'ok', value: res.value.tasks ?? [] } : res;
  }

  totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  totalRetries(): number {
    let n = 0;
    for (const v of this.retries.values()) n += v;
    return n;
  }

  /** `ECS calls: 42 (DescribeServices 30, …), 3 retries` for the log. */
  callsLine(): string {
    const retries = this.totalRetries();
    return `ECS calls: ${this.totalCalls()} (${[...this.calls].map(([op, n]) => `${op} ${n}`).join(', ')})${retries ? `, ${retries} retries (${[...this.retries].map(([op, n]) => `${op} ${n}`).join(', ')})` : ''}`;
  }
}
