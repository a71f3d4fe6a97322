// The ECS calls ecs-run-task makes, each with its retry policy (the table is in README.md):
//   RunTask          throttling, 5xx, reset, time-out -> retried with the same clientToken: ECS starts at
//                    most one task per token (within 24 h, same parameters), so a retry never starts a second
//   RegisterTaskDefinition  throttling only (a throttled call was not applied; a 5xx one may have been)
//   StopTask         retried on every transient error (stopping a stopping task changes nothing)
//   reads            retried on every transient error
// The SDK itself sends each request once (maxAttempts 1), so every retry is visible in the log.
import {
  ECSClient,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type RegisterTaskDefinitionCommandInput,
  type RunTaskCommandInput,
  type Failure,
  type Service,
  type Task,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { awsClientConfig } from '../../shared/src/aws-client.js';
import { classifyError, isRetryable, withRetry } from '../../shared/src/retry.js';
import { ActionError, errorMessage, errorName } from '../../shared/src/errors.js';
import type { SigningSource } from '../../shared/src/logs-api.js';
import { missingPermission } from '../../shared/src/ecs/ecs-call.js';

export interface ApiLog {
  warning(message: string): void;
}

type Policy = 'all-transient' | 'throttling-only';

export class TaskApi {
  private readonly client: ECSClient;
  readonly calls = new Map<string, number>();

  constructor(
    readonly region: string,
    private readonly maxAttempts: number,
    private readonly log: ApiLog,
    private readonly baseDelayMs = 1000,
  ) {
    this.client = new ECSClient(awsClientConfig({ region, maxAttempts: 1 }));
  }

  /** Credentials and hashing of this client, for the CloudWatch Logs requests. */
  signingSource(): SigningSource {
    return { credentials: this.client.config.credentials, sha256: this.client.config.sha256 };
  }

  destroy(): void {
    this.client.destroy();
  }

  count(operation: string): number {
    return this.calls.get(operation) ?? 0;
  }

  private async call<T>(
    operation: string,
    send: () => Promise<T>,
    policy: Policy = 'all-transient',
    onRetry?: (err: unknown) => string,
  ): Promise<T> {
    try {
      return await withRetry(
        async () => {
          this.calls.set(operation, this.count(operation) + 1);
          return await send();
        },
        {
          attempts: this.maxAttempts,
          baseDelayMs: this.baseDelayMs,
          maxDelayMs: 15_000,
          retryable: (err) =>
            policy === 'throttling-only' ? classifyError(err) === 'throttling' : isRetryable(err),
          onRetry: (err, attempt, delay) =>
            this.log.warning(
              `${operation} ${classifyError(err) === 'throttling' ? 'throttled' : 'failed'} (${errorName(err)}: ${errorMessage(err)}); retry ${attempt} in ${(delay / 1000).toFixed(1)}s${onRetry ? `: ${onRetry(err)}` : ''}`,
            ),
        },
      );
    } catch (err) {
      if (classifyError(err) === 'access-denied') {
        throw new ActionError(
          `${operation} was denied: the role needs ${missingPermission(err, operation)} (${errorMessage(err)})`,
          { cause: err },
        );
      }
      throw err;
    }
  }

  /** The service, or why it cannot be used (missing, draining, or the cluster does not exist). */
  async describeService(cluster: string, service: string): Promise<Service | { missing: string }> {
    try {
      const res = await this.call('DescribeServices', () =>
        this.client.send(new DescribeServicesCommand({ cluster, services: [service] })),
      );
      const found = res.services?.[0];
      if (found && found.status === 'ACTIVE') return found;
      if (found) return { missing: `service ${service} is ${found.status}` };
      return {
        missing: `service ${service} was not found in cluster ${cluster} (${res.failures?.[0]?.reason ?? 'MISSING'})`,
      };
    } catch (err) {
      if (errorName(err) === 'ClusterNotFoundException')
        return { missing: `cluster ${cluster} was not found in ${this.region}` };
      throw err;
    }
  }

  /** Whether the cluster exists (ListTasks answers ClusterNotFoundException otherwise). */
  async clusterExists(cluster: string): Promise<boolean> {
    try {
      await this.call('ListTasks', () => this.client.send(new ListTasksCommand({ cluster, maxResults: 1 })));
      return true;
    } catch (err) {
      if (errorName(err) === 'ClusterNotFoundException') return false;
      throw err;
    }
  }

  async describeTaskDefinition(taskDefinition: string): Promise<TaskDefinition | undefined> {
    try {
      const res = await this.call('DescribeTaskDefinition', () =>
        this.client.send(new DescribeTaskDefinitionCommand({ taskDefinition })),
      );
      return res.taskDefinition;
    } catch (err) {
      if (errorName(err) === 'ClientException' && /not|unable/i.test(errorMessage(err))) return undefined;
      throw err;
    }
  }

  async registerTaskDefinition(input: RegisterTaskDefinitionCommandInput): Promise<TaskDefinition> {
    const res = await this.call(
      'RegisterTaskDefinition',
      () => this.client.send(new RegisterTaskDefinitionCommand(input)),
      'throttling-only',
    );
    if (!res.taskDefinition?.taskDefinitionArn)
      throw new ActionError('RegisterTaskDefinition answered without a task definition ARN');
    return res.taskDefinition;
  }

  /** RunTask, retried with the same clientToken (the input carries it). */
  async runTask(input: RunTaskCommandInput): Promise<{ tasks: Task[]; failures: Failure[] }> {
    const res = await this.call(
      'RunTask',
      () => this.client.send(new RunTaskCommand(input)),
      'all-transient',
      (err) =>
        classifyError(err) === 'throttling'
          ? 'the request was not applied'
          : `sending it again with the same client token ${input.clientToken}, so ECS starts at most one task`,
    );
    return { tasks: res.tasks ?? [], failures: res.failures ?? [] };
  }

  async describeTask(cluster: string, taskArn: string): Promise<Task | undefined> {
    const res = await this.call('DescribeTasks', () =>
      this.client.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] })),
    );
    return res.tasks?.[0];
  }

  async stopTask(cluster: string, taskArn: string, reason: string): Promise<void> {
    await this.call('StopTask', () =>
      this.client.send(new StopTaskCommand({ cluster, task: taskArn, reason: reason.slice(0, 255) })),
    );
  }
}
