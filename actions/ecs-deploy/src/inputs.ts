import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';
import { clusterInput, ECS_NAME, watchInputs, type WatchInputs } from '../../shared/src/ecs/inputs.js';
import { requiredRegion } from '../../shared/src/aws-client.js';
import type { RollbackScope } from './release-rollback.js';

export interface DeployInputs extends WatchInputs {
  cluster: string;
  services: string[];
  taskDefinition: { kind: 'file'; path: string } | { kind: 'arn'; arn: string };
  rollbackOnFailure: boolean;
  forceNewDeployment: boolean;
  desiredCount?: number;
  deregisterFailed: boolean;
  maxFailedTasks?: number;
  rollbackScope: RollbackScope;
  region: string;
}

export const TASK_DEFINITION_ARN =
  /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;

export function getInputs(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): DeployInputs {
  const cluster = clusterInput(inputs);
  inputs.required('services', 'one or more ECS service names');
  const services = inputs.list('services', { commas: true });
  for (const s of services) {
    if (!ECS_NAME.test(s))
      throw new InputError(
        'services',
        s,
        'each service must be a service name (letters, digits, - and _, up to 255)',
      );
  }
  const dup = services.find((s, i) => services.indexOf(s) !== i);
  if (dup) throw new InputError('services', dup, 'a service is listed twice');

  const td = inputs.required('task-definition', 'a rendered task definition file or a task definition ARN');
  const taskDefinition: DeployInputs['taskDefinition'] = td.startsWith('arn:')
    ? { kind: 'arn', arn: td }
    : { kind: 'file', path: td };
  if (taskDefinition.kind === 'arn' && !TASK_DEFINITION_ARN.test(td)) {
    throw new InputError(
      'task-definition',
      td,
      'expected a file path or a task definition ARN such as arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42',
    );
  }

  const region = requiredRegion(inputs, env);

  const watch = watchInputs(inputs);
  const { wait } = watch;
  const rollbackOnFailure = inputs.bool('rollback-on-failure', true);
  const rollbackScope = inputs.oneOf('rollback-scope', ['failed', 'all'] as const, 'failed');
  if (rollbackScope === 'all' && (!wait || !rollbackOnFailure)) {
    throw new InputError(
      'rollback-scope',
      rollbackScope,
      `'all' rolls every service back when one fails, so it needs wait: true and rollback-on-failure: true (they are ${wait} and ${rollbackOnFailure})`,
    );
  }
  return {
    cluster,
    services,
    taskDefinition,
    ...watch,
    rollbackOnFailure,
    forceNewDeployment: inputs.bool('force-new-deployment', false),
    desiredCount: inputs.optionalInt('desired-count', { min: 0, max: 10_000 }),
    deregisterFailed: inputs.bool('deregister-failed', true),
    maxFailedTasks: inputs.optionalInt('max-failed-tasks', { min: 1, max: 10_000 }),
    rollbackScope,
    region,
  };
}
