// The last lines of a stopped task's failing container, from CloudWatch Logs (where its task definition's
// awslogs options send them), for the failure reason. Optional: a missing permission or stream is one
// warning, never a failure, and the read is bounded in time.
import type { Task, TaskDefinition } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import type { ContainerLogTail } from './diagnose.js';
import { containerLogLocation, logStreamUrl, tailLines, type ContainerLogConfig } from '../container-logs.js';
import { errorMessage } from '../errors.js';
import type { Log } from '../log.js';

const definitions = new Map<string, Promise<TaskDefinition | undefined>>();
let warned = false;

export async function readContainerTail(
  api: EcsApi,
  task: Task,
  container: string,
  n: number,
  region: string,
  log: Log,
): Promise<ContainerLogTail> {
  const arn = task.taskDefinitionArn ?? '';
  if (!definitions.has(arn))
    definitions.set(
      arn,
      api.describeTaskDefinition(arn).then(
        (r) => r.taskDefinition,
        () => undefined,
      ),
    );
  const td = await definitions.get(arn);
  const unavailable = (why: string): ContainerLogTail => {
    if (!warned) {
      warned = true;
      log.warning(`the container's log lines cannot be shown: ${why}`);
    }
    return { container, unavailable: why };
  };
  if (!td) return unavailable(`the task definition ${arn.split('/').pop()} could not be read`);
  const location = containerLogLocation(
    { containerDefinitions: (td.containerDefinitions ?? []) as ContainerLogConfig[] },
    container,
    task.taskArn ?? '',
    region,
  );
  if ('unavailable' in location) return unavailable(location.unavailable);
  try {
    const { CloudWatchLogsApi } = await import('../logs-api.js');
    const tail = await tailLines(new CloudWatchLogsApi(location.region, api.signingSource()), location, n);
    if ('unavailable' in tail) return unavailable(tail.unavailable);
    const where = `${location.group} ${location.stream}`;
    if (tail.lines.length) {
      log.info(`  ↳ last ${tail.lines.length} lines of ${container} (${where}):`);
      for (const l of tail.lines) log.info(`  │ ${l}`);
    }
    return { container, lines: tail.lines, url: logStreamUrl(location), where };
  } catch (err) {
    return unavailable(errorMessage(err));
  }
}
