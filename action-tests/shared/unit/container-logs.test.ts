import {
  awslogsSettings,
  containerLogLocation,
  eventLines,
  logStreamUrl,
  LogStreamReader,
  tailLines,
  taskIdOf,
  type GetLogEventsInput,
  type GetLogEventsOutput,
  type LogLocation,
  type LogsReader,
} from '../../../actions/shared/src/container-logs.js';

const awslogs = (options: Record<string, string>) => ({
  name: 'api',
  logConfiguration: { logDriver: 'awslogs', options },
});
const TASK = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef';
const LOC: LogLocation = {
  container: 'api',
  group: '/ecs/api',
  region: 'eu-west-1',
  stream: 'ecs/api/0123456789abcdef0123456789abcdef',
};

function awsError(name: string, message = name, status = 400) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

/** A log stream in memory with CloudWatch's forward-token semantics, and scripted failures per call. */
class FakeLogs implements LogsReader {
  events: string[] = [];
  calls: GetLogEventsInput[] = [];
  failures: Array<Error | undefined> = [];
  pageSize = 1000;
  exists = true;
  async getLogEvents(input: GetLogEventsInput): Promise<GetLogEventsOutput> {
    this.calls.push(input);
    const f = this.failures.shift();
    if (f) throw f;
    if (!this.exists) throw awsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    if (!input.startFromHead) {
      const n = input.limit ?? 10_000;
      return { events: this.events.slice(-n).map((message) => ({ message })) };
    }
    const from = input.nextToken ? Number(input.nextToken.slice(2)) : 0;
    const page = this.events.slice(from, from + this.pageSize);
    return { events: page.map((message) => ({ message })), nextForwardToken: `f/${from + page.length}` };
  }
}

describe('log location', () => {
  test.each([
    [{}, 'has no logConfiguration'],
    [{ logConfiguration: { logDriver: 'awsfirelens' } }, 'logs with awsfirelens, not awslogs'],
    [awslogs({ 'awslogs-stream-prefix': 'ecs' }), 'no awslogs-group'],
    [awslogs({ 'awslogs-group': '/ecs/api' }), 'no awslogs-stream-prefix'],
  ])('%j is unavailable: %s', (container, reason) => {
    const r = awslogsSettings({ name: 'api', ...container }, 'eu-west-1');
    expect(r).toEqual({ unavailable: expect.stringContaining(reason) });
  });

  test('group, region (default: the task region) and stream prefix/container/task-id', () => {
    const td = {
      containerDefinitions: [awslogs({ 'awslogs-group': '/ecs/api', 'awslogs-stream-prefix': 'ecs' })],
    };
    expect(containerLogLocation(td, 'api', TASK, 'eu-west-1')).toEqual(LOC);
    const other = {
      containerDefinitions: [
        awslogs({ 'awslogs-group': 'g', 'awslogs-stream-prefix': 'p', 'awslogs-region': 'us-west-2' }),
      ],
    };
    expect(containerLogLocation(other, 'api', TASK, 'eu-west-1')).toMatchObject({ region: 'us-west-2' });
    expect(containerLogLocation(td, 'worker', TASK, 'eu-west-1')).toEqual({
      unavailable: 'the task definition has no container named worker',
    });
  });

  test('task id, console URL, multi-line events', () => {
    expect(taskIdOf(TASK)).toBe('0123456789abcdef0123456789abcdef');
    expect(logStreamUrl(LOC)).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Fapi/log-events/ecs$252Fapi$252F0123456789abcdef0123456789abcdef',
    );
    expect(eventLines([{ message: 'a\n' }, { message: 'b\nc' }, { message: '' }])).toEqual([
      'a',
      'b',
      'c',
      '',
    ]);
  });
});

describe('tailLines', () => {
  test('the last N lines in one call from the tail', async () => {
    const logs = new FakeLogs();
    logs.events = ['1', '2', '3', '4'];
    expect(await tailLines(logs, LOC, 2)).toEqual({ lines: ['3', '4'] });
    expect(logs.calls).toEqual([
      { logGroupName: '/ecs/api', logStreamName: LOC.stream, startFromHead: false, limit: 2 },
    ]);
    expect(await tailLines(logs, LOC, 0)).toEqual({ lines: [] });
    expect(logs.calls).toHaveLength(1);
  });

  test.each([
    [
      awsError('AccessDeniedException', 'User: x is not authorized to perform: logs:GetLogEvents'),
      'the role needs logs:GetLogEvents on that log group',
    ],
    [awsError('ResourceNotFoundException'), 'does not exist (the container may not have started)'],
    [awsError('ThrottlingException'), 'throttled'],
    [awsError('ServiceUnavailableException', 'down', 503), 'ServiceUnavailableException: down'],
  ])('%s → unavailable, never thrown', async (err, reason) => {
    const logs = new FakeLogs();
    logs.failures = [err];
    expect(await tailLines(logs, LOC, 5)).toEqual({ unavailable: expect.stringContaining(reason) });
  });

  test('bounded in time: a call that never answers is unavailable after timeoutMs', async () => {
    let aborted = false;
    const hanging: LogsReader = {
      getLogEvents: (_input, signal) =>
        new Promise(() => signal?.addEventListener('abort', () => (aborted = true))),
    };
    const started = Date.now();
    const r = await tailLines(hanging, LOC, 5, { timeoutMs: 100 });
    expect(r).toEqual({ unavailable: 'CloudWatch Logs did not answer within 100 ms' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(aborted).toBe(true);
  });
});

describe('LogStreamReader', () => {
  test('each line once, in order, across pages, polls and failures', async () => {
    const logs = new FakeLogs();
    logs.pageSize = 2;
    const reader = new LogStreamReader(logs, LOC);
    logs.exists = false;
    expect(await reader.poll()).toEqual({ lines: [], notYet: true });
    logs.exists = true;
    logs.events = ['a', 'b', 'c'];
    expect(await reader.poll()).toEqual({ lines: ['a', 'b', 'c'] });
    logs.events.push('d', 'e', 'f');
    // Page 2 of this poll is throttled: page 1 is handed out, page 2 is asked for again next time.
    logs.failures = [undefined, awsError('ThrottlingException', 'Rate exceeded')];
    expect(await reader.poll()).toEqual({
      lines: ['d', 'e'],
      interrupted: expect.stringContaining('throttled'),
    });
    logs.failures = [awsError('ServiceUnavailableException', 'down', 503)];
    expect(await reader.poll()).toMatchObject({ lines: [], interrupted: expect.any(String) });
    expect(await reader.poll()).toEqual({ lines: ['f'] });
    expect(await reader.poll()).toEqual({ lines: [] });
    expect(reader.delivered).toBe(6);
  });

  test('no permission: disabled once, no further calls', async () => {
    const logs = new FakeLogs();
    logs.failures = [awsError('AccessDeniedException', 'not authorized to perform: logs:GetLogEvents')];
    const reader = new LogStreamReader(logs, LOC);
    const first = await reader.poll();
    expect(first.disabled).toContain('logs:GetLogEvents');
    expect(await reader.poll()).toEqual({ lines: [], disabled: first.disabled });
    expect(logs.calls).toHaveLength(1);
  });
});
