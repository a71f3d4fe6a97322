// What is sent to RunTask, as pure functions: the container that decides, the placement copied from the
// service, the overrides, and the client token that makes a retried RunTask start no second task.
import { createHash } from 'node:crypto';
import type { RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { InputError } from '../../shared/src/errors.js';

/** The parts of a task definition the request needs (the SDK's TaskDefinition fits). */
export interface TaskDefinitionShape {
  taskDefinitionArn?: string;
  networkMode?: string;
  requiresCompatibilities?: string[];
  containerDefinitions?: Array<{ name?: string; essential?: boolean }>;
}

/** The parts of a service copied into the request (the SDK's Service fits). */
export interface ServiceShape {
  serviceName?: string;
  launchType?: string;
  capacityProviderStrategy?: Array<{ capacityProvider?: string; weight?: number; base?: number }>;
  platformVersion?: string;
  networkConfiguration?: RunTaskCommandInput['networkConfiguration'];
}

/**
 * The container whose exit code decides: the one named, or else the only essential container (a container
 * without `essential` is essential, as in ECS).
 */
export function chooseContainer(td: TaskDefinitionShape, requested: string | undefined): string {
  const containers = td.containerDefinitions ?? [];
  const names = containers.map((c) => c.name ?? '');
  if (requested !== undefined) {
    if (!names.includes(requested))
      throw new InputError(
        'container',
        requested,
        `the task definition has no such container; its containers are ${names.join(', ')}`,
      );
    return requested;
  }
  const essential = containers.filter((c) => c.essential !== false).map((c) => c.name ?? '');
  if (essential.length === 1) return essential[0]!;
  throw new InputError(
    'container',
    '',
    essential.length === 0
      ? `the task definition has no essential container; name the one whose exit code decides (${names.join(', ')})`
      : `the task definition has ${essential.length} essential containers (${essential.join(', ')}); name the one whose exit code decides`,
  );
}

/** Placement copied from the service: network configuration, capacity providers or launch type, platform. */
export function placementFrom(service: ServiceShape | undefined): Partial<RunTaskCommandInput> {
  if (!service) return {};
  const out: Partial<RunTaskCommandInput> = {};
  if (service.networkConfiguration) out.networkConfiguration = service.networkConfiguration;
  const strategy = (service.capacityProviderStrategy ?? []).filter((s) => s.capacityProvider);
  if (strategy.length)
    out.capacityProviderStrategy = strategy.map((s) => ({
      capacityProvider: s.capacityProvider!,
      ...(s.weight !== undefined ? { weight: s.weight } : {}),
      ...(s.base !== undefined ? { base: s.base } : {}),
    }));
  else if (service.launchType) out.launchType = service.launchType as RunTaskCommandInput['launchType'];
  if (service.platformVersion) out.platformVersion = service.platformVersion;
  return out;
}

/** A task in awsvpc mode cannot start without subnets; say so before RunTask rather than after. */
export function checkNetwork(td: TaskDefinitionShape, placement: Partial<RunTaskCommandInput>): void {
  if (td.networkMode === 'awsvpc' && !placement.networkConfiguration?.awsvpcConfiguration?.subnets?.length)
    throw new InputError(
      'service',
      '',
      'the task definition uses the awsvpc network mode, so the task needs subnets: name the service whose network configuration it should copy',
    );
}

export interface RequestParts {
  cluster: string;
  taskDefinitionArn: string;
  container: string;
  command?: string[];
  environment: Array<[string, string]>;
  startedBy: string;
  placement: Partial<RunTaskCommandInput>;
}

export function runTaskRequest(parts: RequestParts): Omit<RunTaskCommandInput, 'clientToken'> {
  const override = {
    name: parts.container,
    ...(parts.command ? { command: parts.command } : {}),
    ...(parts.environment.length
      ? { environment: parts.environment.map(([name, value]) => ({ name, value })) }
      : {}),
  };
  return {
    cluster: parts.cluster,
    taskDefinition: parts.taskDefinitionArn,
    count: 1,
    startedBy: parts.startedBy,
    ...parts.placement,
    ...(parts.command || parts.environment.length ? { overrides: { containerOverrides: [override] } } : {}),
  };
}

/**
 * `slipway-<run id>-<attempt>-<hash>`: the same step of the same run attempt sending the same request gets the
 * same token (so ECS answers a retry with the task it already started), any other request another. At most 64
 * characters from ASCII 33–126, as RunTask requires.
 */
export function clientToken(
  request: Omit<RunTaskCommandInput, 'clientToken'>,
  run: { id: string; attempt: string; job: string; step: string },
): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([run.job, run.step, request]))
    .digest('hex')
    .slice(0, 16);
  const prefix = `slipway-${run.id}-${run.attempt}-`.replace(/[^\x21-\x7e]/g, '_');
  return `${prefix.slice(0, 64 - hash.length)}${hash}`;
}
