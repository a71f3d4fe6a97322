// Everything decided before RunTask: the task definition (read from the file, or described), the container
// that decides, the placement copied from the service, the log location. Bad input fails here, before
// anything is registered or started.
import type { RunTaskCommandInput, TaskDefinition } from '@aws-sdk/client-ecs';
import { ActionError, InputError } from '../../shared/src/errors.js';
import { awslogsSettings } from '../../shared/src/container-logs.js';
import type { TaskDefinitionDocument } from '../../shared/src/task-definition.js';
import type { RunTaskInputs } from './inputs.js';
import type { TaskApi } from './task-api.js';
import { checkNetwork, chooseContainer, placementFrom, type TaskDefinitionShape } from './request.js';

export interface Prepared {
  /** The file's document, registered just before RunTask; undefined for an ARN. */
  fileDoc?: TaskDefinitionDocument;
  /** The described task definition (ARN input), or the file's content. */
  taskDefinition: TaskDefinitionShape & Pick<TaskDefinition, 'containerDefinitions'>;
  container: string;
  placement: Partial<RunTaskCommandInput>;
  /** Why the container's log will not be shown, when it will not. */
  logsUnavailable?: string;
}

export async function prepare(
  inputs: RunTaskInputs,
  api: TaskApi,
  log: { info(l: string): void },
): Promise<Prepared> {
  let fileDoc: TaskDefinitionDocument | undefined;
  let taskDefinition: Prepared['taskDefinition'];
  if (inputs.taskDefinition.kind === 'file') {
    const { loadTaskDefinitionFile } = await import('../../shared/src/task-definition.js');
    fileDoc = await loadTaskDefinitionFile(inputs.taskDefinition.path);
    if (typeof fileDoc.family !== 'string' || !Array.isArray(fileDoc.containerDefinitions))
      throw new ActionError(
        `task definition file ${inputs.taskDefinition.path} needs a family and containerDefinitions`,
      );
    taskDefinition = fileDoc as unknown as Prepared['taskDefinition'];
  } else {
    const found = await api.describeTaskDefinition(inputs.taskDefinition.arn);
    if (!found)
      throw new InputError(
        'task-definition',
        inputs.taskDefinition.arn,
        `no such task definition in ${inputs.region}`,
      );
    taskDefinition = found;
  }
  const container = chooseContainer(taskDefinition, inputs.container);

  let placement: Partial<RunTaskCommandInput> = {};
  if (inputs.service) {
    const svc = await api.describeService(inputs.cluster, inputs.service);
    if ('missing' in svc) throw new InputError('service', inputs.service, svc.missing);
    placement = placementFrom(svc);
    log.info(
      `Placement from service ${inputs.service}: ${describePlacement(placement) || 'nothing to copy'}`,
    );
  } else if (!(await api.clusterExists(inputs.cluster))) {
    throw new InputError('cluster', inputs.cluster, `no such cluster in ${inputs.region}`);
  }
  checkNetwork(taskDefinition, placement);

  const def = (taskDefinition.containerDefinitions ?? []).find((c) => c.name === container) ?? {};
  const settings = awslogsSettings(def as Parameters<typeof awslogsSettings>[0], inputs.region);
  return {
    ...(fileDoc ? { fileDoc } : {}),
    taskDefinition,
    container,
    placement,
    ...('unavailable' in settings ? { logsUnavailable: settings.unavailable } : {}),
  };
}

export function describePlacement(p: Partial<RunTaskCommandInput>): string {
  const parts: string[] = [];
  if (p.capacityProviderStrategy?.length)
    parts.push(`capacity providers ${p.capacityProviderStrategy.map((s) => s.capacityProvider).join(', ')}`);
  if (p.launchType) parts.push(`launch type ${p.launchType}`);
  if (p.platformVersion) parts.push(`platform ${p.platformVersion}`);
  const vpc = p.networkConfiguration?.awsvpcConfiguration;
  if (vpc)
    parts.push(
      `subnets ${(vpc.subnets ?? []).join(', ')}${vpc.securityGroups?.length ? `, security groups ${vpc.securityGroups.join(', ')}` : ''}${vpc.assignPublicIp ? `, public IP ${vpc.assignPublicIp}` : ''}`,
    );
  return parts.join('; ');
}
