// Every ECS call slipway makes, as one method each: what is sent and, for a call that may have been applied,
// how it is read back. How a call is sent, retried and counted is EcsCallRunner's job (ecs-call.ts).
// long-file: one method per ECS operation slipway sends (15), each with its read-back beside it; splitting
// them would part a call from the check that says whether it landed.
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
import { backoffDelay } from '../retry.js';
import { ActionError } from '../errors.js';
import { TAG } from '../revision.js';
import { EcsCallRunner, type EcsCallOptions, type Feature, type Optional } from './ecs-call.js';

export type EcsApiOptions = EcsCallOptions;

export class EcsApi {
  private readonly client: ECSClient;
  private readonly runner: EcsCallRunner;

  constructor(region: string, opts: EcsApiOptions) {
    // The SDK does not retry (maxAttempts 1): the runner does, by the policy table, so every retry is
    // visible in the log and nothing that changes the service is ever silently sent twice.
    this.client = new ECSClient(awsClientConfig({ region, maxAttempts: 1, retryMode: 'standard' }));
    this.runner = new EcsCallRunner(opts);
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
    return this.runner.has(feature);
  }

  /** Calls sent, by operation. */
  get calls(): ReadonlyMap<string, number> {
    return this.runner.calls;
  }

  /** `ECS calls: 42 (DescribeServices 30, …), 3 retries` for the log. */
  callsLine(): string {
    return this.runner.callsLine();
  }

  // ---------- services ----------

  /** DescribeServices for up to 10 names (the API's limit); the missing ones map to their failure reason. */
  async describeServices(
    cluster: string,
    names: string[],
  ): Promise<Map<string, Service | { missing: string }>> {
    if (names.length > 10) throw new ActionError('internal: DescribeServices takes at most 10 services');
    const res = await this.runner.call('DescribeServices', () =>
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
    const res = await this.runner.call(
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
    const td = await this.runner.call(
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
    const res = await this.runner.call('DescribeTaskDefinition', () =>
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
      const res = await this.runner.call('ListTaskDefinitions', () =>
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
    await this.runner.call(
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
      const r = await this.runner.optional('TagResource', () =>
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
        this.runner.count(this.runner.retries, 'TagResource');
        await this.runner.sleep(backoffDelay(attempt, 250, 1000, this.runner.random));
      } else {
        this.runner.warn(
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
    return this.runner.optional('ListServiceDeployments', async () => {
      const res = await this.client.send(
        new ListServiceDeploymentsCommand({ cluster, service, createdAt: { after } }),
      );
      return res.serviceDeployments ?? [];
    });
  }

  describeServiceDeployment(arn: string): Promise<Optional<ServiceDeployment | undefined>> {
    return this.runner.optional('DescribeServiceDeployments', async () => {
      const res = await this.client.send(
        new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }),
      );
      return res.serviceDeployments?.[0];
    });
  }

  /** The task definition of a service revision. */
  revisionTaskDefinition(arn: string): Promise<Optional<string | undefined>> {
    return this.runner.optional('DescribeServiceRevisions', async () => {
      const res = await this.client.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [arn] }));
      return res.serviceRevisions?.[0]?.taskDefinition;
    });
  }

  /**
   * StopServiceDeployment(ROLLBACK). After a 5xx the service deployment is read back: STOP_* / ROLLBACK_*
   * (or finished) means it landed.
   */
  async stopServiceDeployment(arn: string): Promise<void> {
    await this.runner.call(
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
    await this.runner.call(
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
    const list = await this.runner.optional('ListTasks', () =>
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
    const res = await this.runner.optional('DescribeTasks', () =>
      this.client.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(0, 100) })),
    );
    return res.kind === 'ok' ? { kind: 'ok', value: res.value.tasks ?? [] } : res;
  }
}
