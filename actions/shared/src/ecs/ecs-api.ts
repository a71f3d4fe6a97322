// Every ECS call slipway makes, with retries decided in one place: throttling, 5xx and network errors are
// retried with backoff; AccessDenied is not, and names the missing permission.
import {
  ECSClient,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  ListServiceDeploymentsCommand,
  DescribeServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  ListTasksCommand,
  DescribeTasksCommand,
  TagResourceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type ServiceDeployment,
  type Task,
  type TaskDefinition,
  type Tag,
} from '@aws-sdk/client-ecs';
import { awsClientConfig } from '../aws-client.js';
import { classifyError, isRetryable, withRetry } from '../retry.js';
import { ActionError, errorMessage, errorName } from '../errors.js';

export interface ApiLogger {
  warning(message: string): void;
  debug(message: string): void;
}

export class AccessDeniedError extends ActionError {}

export function missingPermission(err: unknown, operation: string): string {
  const m = /not authorized to perform: ([\w:-]+)/.exec(errorMessage(err));
  return m?.[1] ?? `ecs:${operation}`;
}

export class EcsApi {
  private readonly client: ECSClient;
  /** Number of calls sent, by operation (for the summary and the benchmarks). */
  readonly calls = new Map<string, number>();

  constructor(
    region: string,
    private readonly maxAttempts: number,
    private readonly log: ApiLogger,
  ) {
    // The SDK does not retry (maxAttempts 1): withRetry does, so every retry is visible in the log and an
    // UpdateService is never silently sent twice.
    this.client = new ECSClient(awsClientConfig({ region, maxAttempts: 1 }));
  }

  destroy(): void {
    this.client.destroy();
  }

  private async call<T>(operation: string, send: () => Promise<T>, attempts = this.maxAttempts): Promise<T> {
    try {
      return await withRetry(
        async () => {
          this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
          return await send();
        },
        {
          attempts,
          baseDelayMs: 1000,
          maxDelayMs: 15_000,
          onRetry: (err, attempt, delay) =>
            this.log.warning(
              `${operation} ${classifyError(err) === 'throttling' ? 'throttled' : 'failed'} (${errorName(err)}: ${errorMessage(err)}); retry ${attempt} in ${(delay / 1000).toFixed(1)}s`,
            ),
        },
      );
    } catch (err) {
      if (classifyError(err) === 'access-denied') {
        throw new AccessDeniedError(
          `${operation} was denied: the deploy role needs ${missingPermission(err, operation)} (${errorMessage(err)})`,
          { cause: err },
        );
      }
      throw err;
    }
  }

  async describeService(cluster: string, service: string): Promise<Service | { missing: string }> {
    const res = await this.call('DescribeServices', () =>
      this.client.send(new DescribeServicesCommand({ cluster, services: [service] })),
    );
    const found = res.services?.[0];
    if (found) return found;
    return { missing: res.failures?.[0]?.reason ?? 'MISSING' };
  }

  async registerTaskDefinition(input: RegisterTaskDefinitionCommandInput): Promise<TaskDefinition> {
    const res = await this.call(
      'RegisterTaskDefinition',
      () => this.client.send(new RegisterTaskDefinitionCommand(input)),
      1,
    );
    if (!res.taskDefinition?.taskDefinitionArn)
      throw new ActionError('RegisterTaskDefinition answered without a task definition ARN');
    return res.taskDefinition;
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

  async listTaskDefinitions(family: string, status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE'): Promise<string[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await this.call('ListTaskDefinitions', () =>
        this.client.send(
          new ListTaskDefinitionsCommand({ familyPrefix: family, status, sort: 'DESC', nextToken }),
        ),
      );
      arns.push(...(res.taskDefinitionArns ?? []));
      nextToken = res.nextToken;
      if (!nextToken) break;
    }
    return arns.filter((a) => a.split('/').pop()?.replace(/:\d+$/, '') === family);
  }

  /**
   * UpdateService. Without forceNewDeployment it is idempotent (the same task definition twice starts one
   * deployment), so transient errors are retried. With it, a retry could start a second deployment: after a
   * transient error the service is described first, and the call is repeated only if no deployment of ours
   * started.
   */
  async updateService(input: {
    cluster: string;
    service: string;
    taskDefinition: string;
    desiredCount?: number;
    forceNewDeployment?: boolean;
  }): Promise<Service> {
    const send = () =>
      this.client.send(
        new UpdateServiceCommand({
          cluster: input.cluster,
          service: input.service,
          taskDefinition: input.taskDefinition,
          ...(input.desiredCount !== undefined ? { desiredCount: input.desiredCount } : {}),
          ...(input.forceNewDeployment ? { forceNewDeployment: true } : {}),
        }),
      );
    const started = Date.now();
    let res;
    try {
      res = await this.call('UpdateService', send, input.forceNewDeployment ? 1 : this.maxAttempts);
    } catch (err) {
      if (!input.forceNewDeployment || !isRetryable(err)) throw err;
      const svc = await this.describeService(input.cluster, input.service);
      const landed =
        'deployments' in svc &&
        (svc.deployments ?? []).some(
          (d) =>
            d.status === 'PRIMARY' &&
            d.taskDefinition === input.taskDefinition &&
            (d.createdAt?.getTime() ?? 0) >= started - 1000,
        );
      if (landed) {
        this.log.warning(
          `UpdateService failed (${errorName(err)}: ${errorMessage(err)}), but its deployment had started; not sending it again`,
        );
        return svc as Service;
      }
      this.log.warning(
        `UpdateService failed (${errorName(err)}: ${errorMessage(err)}) and no deployment started; sending it once more`,
      );
      res = await this.call('UpdateService', send, 1);
    }
    if (!res.service) throw new ActionError('UpdateService answered without the service');
    return res.service;
  }

  /** undefined when the endpoint does not have the Service Deployments API (or the role may not use it). */
  async listServiceDeployments(
    cluster: string,
    service: string,
    after: Date,
  ): Promise<ServiceDeployment[] | undefined> {
    try {
      const res = await this.call('ListServiceDeployments', () =>
        this.client.send(new ListServiceDeploymentsCommand({ cluster, service, createdAt: { after } })),
      );
      return res.serviceDeployments ?? [];
    } catch (err) {
      if (isUnsupported(err)) {
        this.log.debug(`ListServiceDeployments unavailable (${errorName(err)}); using the deployments array`);
        return undefined;
      }
      if (err instanceof AccessDeniedError) {
        this.log.warning(`${err.message}; falling back to the service's deployments array`);
        return undefined;
      }
      throw err;
    }
  }

  async describeServiceDeployment(arn: string): Promise<ServiceDeployment | undefined> {
    const res = await this.call('DescribeServiceDeployments', () =>
      this.client.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })),
    );
    return res.serviceDeployments?.[0];
  }

  async stopServiceDeployment(arn: string): Promise<void> {
    await this.call(
      'StopServiceDeployment',
      () =>
        this.client.send(
          new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }),
        ),
      1,
    );
  }

  async stoppedTasks(cluster: string, service: string, deploymentId: string | undefined): Promise<Task[]> {
    const list = await this.call('ListTasks', () =>
      this.client.send(
        new ListTasksCommand({
          cluster,
          serviceName: service,
          desiredStatus: 'STOPPED',
          ...(deploymentId ? { startedBy: deploymentId } : {}),
        }),
      ),
    );
    const arns = list.taskArns ?? [];
    if (arns.length === 0) return [];
    const res = await this.call('DescribeTasks', () =>
      this.client.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(0, 100) })),
    );
    return res.tasks ?? [];
  }

  async tagResource(arn: string, tags: Record<string, string>): Promise<void> {
    await this.call('TagResource', () =>
      this.client.send(
        new TagResourceCommand({
          resourceArn: arn,
          tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
        }),
      ),
    );
  }

  async deregisterTaskDefinition(arn: string): Promise<void> {
    await this.call('DeregisterTaskDefinition', () =>
      this.client.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn })),
    );
  }

  totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }
}

export function isUnsupported(err: unknown): boolean {
  const name = errorName(err);
  return (
    [
      'UnknownOperationException',
      'InvalidAction',
      'UnsupportedOperation',
      'UnsupportedOperationException',
    ].includes(name) ||
    // An emulator without the API answers an HTML 404/500 page that the SDK cannot parse.
    (name === 'SyntaxError' && /Deserialization error/.test(errorMessage(err)))
  );
}
