// The revision to deploy: a task definition file registered once (recognised by this run's registration tag
// if the call has to be read back), or an existing ARN that must exist before anything changes.
import type { EcsApi } from '../../shared/src/ecs/ecs-api.js';
import { ActionError, InputError, errorMessage, errorName } from '../../shared/src/errors.js';
import {
  fromDescribeOutput,
  loadTaskDefinitionFile,
  toRegisterInput,
  type TaskDefinitionDocument,
} from '../../shared/src/task-definition.js';
import { registrationId, revisionLabel } from '../../shared/src/revision.js';
import type { DeployInputs } from './inputs.js';
import type { Log } from '../../shared/src/log.js';

export interface ResolvedTarget {
  /** The document, for the preflight checks (capacity providers, strategy). */
  doc: TaskDefinitionDocument;
  /** For a file: registers it and returns the ARN. For an ARN: the ARN. */
  register(): Promise<{ arn: string; registered: boolean }>;
}

export async function loadTarget(
  api: EcsApi,
  taskDefinition: DeployInputs['taskDefinition'],
  region: string,
  log: Log,
): Promise<ResolvedTarget> {
  if (taskDefinition.kind === 'arn') {
    const arn = taskDefinition.arn;
    let described;
    try {
      described = await api.describeTaskDefinition(arn);
    } catch (err) {
      if (errorName(err) === 'ClientException' || /Unable to describe|not found/i.test(errorMessage(err)))
        throw new InputError(
          'task-definition',
          arn,
          `no such task definition in ${region} (ECS: ${errorMessage(err)}); give an existing revision's ARN or a task definition file. Nothing was changed`,
        );
      throw err;
    }
    const doc = fromDescribeOutput(described.taskDefinition, described.tags);
    return { doc, register: () => Promise.resolve({ arn, registered: false }) };
  }
  const doc = await loadTaskDefinitionFile(taskDefinition.path);
  if (typeof doc.family !== 'string' || !Array.isArray(doc.containerDefinitions)) {
    throw new ActionError(
      `task definition file ${taskDefinition.path} needs a family and containerDefinitions`,
    );
  }
  return {
    doc,
    async register() {
      const td = await api.registerTaskDefinition(toRegisterInput(doc), registrationId());
      const arn = td.taskDefinitionArn!;
      log.info(`Registered ${revisionLabel(arn)} (${arn})`);
      return { arn, registered: true };
    },
  };
}

/** `name=image` for each container, for the summary. */
export function containerImages(doc: TaskDefinitionDocument): string[] {
  const list = Array.isArray(doc.containerDefinitions) ? doc.containerDefinitions : [];
  return list.flatMap((c) =>
    c && typeof c === 'object' && !Array.isArray(c)
      ? [`${String(c.name ?? '?')}=${String(c.image ?? '?')}`]
      : [],
  );
}
