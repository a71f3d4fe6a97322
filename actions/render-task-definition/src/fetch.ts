import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { awsClientConfig } from '../../shared/src/aws-client.js';
import { ActionError, errorMessage, errorName } from '../../shared/src/errors.js';
import { classifyError } from '../../shared/src/retry.js';
import { fromDescribeOutput, type TaskDefinitionDocument } from '../../shared/src/task-definition.js';

export interface FetchedTemplate {
  document: TaskDefinitionDocument;
  arn: string;
  status: string;
}

/** DescribeTaskDefinition (with its tags) -> a template document. Loaded with `await import()` only when needed. */
export async function fetchTaskDefinition(
  reference: string,
  opts: { region: string; maxAttempts: number },
): Promise<FetchedTemplate> {
  const ecs = new ECSClient(awsClientConfig(opts));
  try {
    const res = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: reference, include: ['TAGS'] }),
    );
    if (!res.taskDefinition)
      throw new ActionError(`DescribeTaskDefinition returned no task definition for '${reference}'`);
    return {
      document: fromDescribeOutput(res.taskDefinition, res.tags),
      arn: res.taskDefinition.taskDefinitionArn ?? reference,
      status: res.taskDefinition.status ?? 'ACTIVE',
    };
  } catch (err) {
    if (err instanceof ActionError) throw err;
    const name = errorName(err);
    if (name === 'ClientException' || name === 'InvalidParameterException') {
      throw new ActionError(
        `input 'task-definition' is '${reference}': there is no such file, and ECS in ${opts.region} has no task ` +
          `definition '${reference}' (${errorMessage(err)}). Check the path, or the family/revision and the region.`,
        { cause: err },
      );
    }
    const hint = classifyError(err) === 'access-denied' ? ' The role needs ecs:DescribeTaskDefinition.' : '';
    throw new ActionError(
      `DescribeTaskDefinition '${reference}' in ${opts.region} failed: ${name}: ${errorMessage(err)}.${hint}`,
      {
        cause: err,
      },
    );
  } finally {
    ecs.destroy();
  }
}
