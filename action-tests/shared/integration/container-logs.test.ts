// tailLines and the forward reader through the signed CloudWatch Logs client, against moto's CloudWatch Logs
// behind the logs proxy: what ecs-deploy's failure reasons and ecs-run-task's stream rely on.
import { ECSClient } from '@aws-sdk/client-ecs';
import { motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { putContainerLines, startLogsProxy } from '../../../harness/ecs-task-runner-sim.mjs';
import { CloudWatchLogsApi } from '../../../actions/shared/src/logs-api.js';
import { LogStreamReader, tailLines, type LogLocation } from '../../../actions/shared/src/container-logs.js';

type Logs = Awaited<ReturnType<typeof startLogsProxy>>;
let logs: Logs;
let ecs: ECSClient;
let api: CloudWatchLogsApi;
const LOC: LogLocation = {
  container: 'web',
  group: '/ecs/web',
  region: 'us-east-1',
  stream: 'ecs/web/abc123',
};

beforeAll(async () => {
  await resetMoto();
  logs = await startLogsProxy({ motoUrl: motoUrl() });
  ecs = new ECSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'testing-secret-not-real' },
  });
  api = new CloudWatchLogsApi(
    'us-east-1',
    { credentials: ecs.config.credentials, sha256: ecs.config.sha256 },
    logs.url,
  );
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
  await putContainerLines({ motoUrl: motoUrl(), group: LOC.group, stream: LOC.stream, lines });
});
afterAll(async () => {
  ecs.destroy();
  await logs.close();
});
afterEach(() => logs.clearFaults());

test('the last N lines, in one signed GetLogEvents', async () => {
  const before = logs.calls().length;
  expect(await tailLines(api, LOC, 3)).toEqual({ lines: ['line 28', 'line 29', 'line 30'] });
  const sent = logs.calls().slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ op: 'GetLogEvents', payload: { startFromHead: false, limit: 3 } });
});

test('missing logs:GetLogEvents permission: unavailable with the permission named, never thrown', async () => {
  logs.fault({ operation: 'GetLogEvents', type: 'access-denied' });
  const r = await tailLines(api, LOC, 5);
  expect(r).toEqual({
    unavailable: expect.stringContaining('the role needs logs:GetLogEvents on that log group'),
  });
});

test('a stream that does not exist, and a dropped connection: unavailable', async () => {
  expect(await tailLines(api, { ...LOC, stream: 'ecs/web/none' }, 5)).toEqual({
    unavailable: expect.stringContaining('log stream ecs/web/none in /ecs/web does not exist'),
  });
  logs.fault({ operation: 'GetLogEvents', type: 'drop' });
  expect(await tailLines(api, LOC, 5)).toEqual({ unavailable: expect.any(String) });
});

test('the forward reader reads every line once across a throttle', async () => {
  const reader = new LogStreamReader(api, LOC);
  const first = await reader.poll();
  expect(first.lines).toHaveLength(30);
  logs.fault({ operation: 'GetLogEvents', type: 'throttle' });
  await putContainerLines({ motoUrl: motoUrl(), group: LOC.group, stream: LOC.stream, lines: ['31', '32'] });
  const second = await reader.poll(); // throttled: nothing lost, token kept
  expect(second).toMatchObject({ lines: [], interrupted: expect.stringContaining('throttled') });
  expect((await reader.poll()).lines).toEqual(['31', '32']);
  expect((await reader.poll()).lines).toEqual([]);
});
