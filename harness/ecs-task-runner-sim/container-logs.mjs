// Container output in moto's CloudWatch Logs, written as the awslogs driver would (group and stream created
// when missing, one event per line): the two steps the task runner (task-runner.mjs) uses as its tasks print,
// and `putContainerLines()` (re-exported by ../ecs-task-runner-sim.mjs) for other simulators' tasks. Does not
// model the driver's batching, log retention or CloudWatch Logs' quotas.
import { motoClient } from './moto-calls.mjs';

/** Creates the log group and stream unless they exist; throws on any other answer. */
export async function ensureLogStream(logs, group, stream) {
  for (const [op, payload] of [
    ['CreateLogGroup', { logGroupName: group }],
    ['CreateLogStream', { logGroupName: group, logStreamName: stream }],
  ]) {
    const r = await logs(op, payload);
    if (r.status !== 200 && r.json.__type !== 'ResourceAlreadyExistsException')
      throw new Error(`${op}: ${JSON.stringify(r.json)}`);
  }
}

/** PutLogEvents of `logEvents` ({timestamp, message}) to an existing stream; throws unless moto accepts. */
export async function putEvents(logs, group, stream, logEvents) {
  const r = await logs('PutLogEvents', { logGroupName: group, logStreamName: stream, logEvents });
  if (r.status !== 200) throw new Error(`PutLogEvents: ${JSON.stringify(r.json)}`);
}

/**
 * Writes a container's output to moto's CloudWatch Logs at once, as the awslogs driver would have (group and
 * stream created when missing, one event per line): for simulators of tasks that are not the runner's, e.g.
 * a service's crashing task whose last lines a deploy's failure reason shows.
 * @param {{ motoUrl: string, region?: string, group: string, stream: string, lines: string[], at?: number }} o
 */
export async function putContainerLines({
  motoUrl,
  region = 'us-east-1',
  group,
  stream,
  lines,
  at = Date.now(),
}) {
  const logs = motoClient(motoUrl, region, 'logs');
  await ensureLogStream(logs, group, stream);
  if (lines.length === 0) return;
  await putEvents(
    logs,
    group,
    stream,
    lines.map((message, i) => ({ timestamp: Math.round(at) + i, message })),
  );
}
