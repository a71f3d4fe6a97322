import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';
import { clusterInput, ECS_NAME } from '../../shared/src/ecs/inputs.js';
import { requiredRegion } from '../../shared/src/aws-client.js';
import { parseCommand } from './command.js';

export interface RunTaskInputs {
  cluster: string;
  taskDefinition: { kind: 'file'; path: string } | { kind: 'arn'; arn: string };
  service?: string;
  container?: string;
  command?: string[];
  environment: Array<[string, string]>;
  timeoutMs: number;
  startedBy: string;
  logLines: number;
  wait: boolean;
  pollIntervalMs: number;
  region: string;
  maxAttempts: number;
  /** GITHUB_RUN_ID / GITHUB_RUN_ATTEMPT / GITHUB_JOB, for the RunTask client token. */
  run: { id: string; attempt: string; job: string; step: string };
}

export const TASK_DEFINITION_ARN =
  /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
/** ECS startedBy: up to 128 letters, digits, hyphens, forward slashes and underscores. */
const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function getInputs(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): RunTaskInputs {
  const cluster = clusterInput(inputs);
  const td = inputs.required('task-definition', 'a rendered task definition file or a task definition ARN');
  const taskDefinition: RunTaskInputs['taskDefinition'] = td.startsWith('arn:')
    ? { kind: 'arn', arn: td }
    : { kind: 'file', path: td };
  if (taskDefinition.kind === 'arn' && !TASK_DEFINITION_ARN.test(td))
    throw new InputError(
      'task-definition',
      td,
      'expected a file path or a task definition ARN such as arn:aws:ecs:eu-west-1:123456789012:task-definition/migrate:7',
    );

  const service = inputs.optional('service');
  if (service !== undefined && !ECS_NAME.test(service))
    throw new InputError('service', service, 'expected a service name (letters, digits, - and _, up to 255)');
  const container = inputs.optional('container');
  if (container !== undefined && !ECS_NAME.test(container))
    throw new InputError('container', container, 'expected a container name from the task definition');

  const rawCommand = inputs.optional('command');
  const command = rawCommand === undefined ? undefined : parseCommand(rawCommand);
  const environment = inputs.map('environment', {
    keyPattern: ENV_NAME,
    keyDescription: 'an environment variable name (letters, digits and _, not starting with a digit)',
  });

  const runId = env.GITHUB_RUN_ID || 'local';
  const startedBy = inputs.string('started-by', `slipway/${runId}`);
  if (!STARTED_BY.test(startedBy))
    throw new InputError(
      'started-by',
      startedBy,
      'expected up to 128 letters, digits, hyphens (-), forward slashes (/) and underscores (_)',
    );
  const wait = inputs.bool('wait', true);
  const timeoutMs = inputs.duration('timeout', { fallback: '30m', minMs: 5_000, maxMs: 6 * 3_600_000 });
  const pollIntervalMs = inputs.duration('poll-interval', {
    fallback: '1s',
    minMs: 100,
    maxMs: 60_000,
  });
  if (pollIntervalMs * 3 > timeoutMs)
    throw new InputError(
      'poll-interval',
      inputs.raw('poll-interval'),
      `must be at most a third of timeout (${inputs.raw('timeout') || '30m'})`,
    );
  return {
    cluster,
    taskDefinition,
    ...(service !== undefined ? { service } : {}),
    ...(container !== undefined ? { container } : {}),
    ...(command !== undefined ? { command } : {}),
    environment,
    timeoutMs,
    startedBy,
    logLines: inputs.int('log-lines', { min: 0, max: 10_000, fallback: 50 }),
    wait,
    pollIntervalMs,
    region: requiredRegion(inputs, env),
    maxAttempts: inputs.int('max-attempts', { min: 1, max: 10, fallback: 5 }),
    run: {
      id: runId,
      attempt: env.GITHUB_RUN_ATTEMPT || '1',
      job: env.GITHUB_JOB || '',
      step: env.GITHUB_ACTION || '',
    },
  };
}
