import { getInputs } from '../../../actions/ecs-deploy/src/inputs.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';

const base = { cluster: 'prod', services: 'web', 'task-definition': 'td.json' };
const parse = (values: Record<string, string>) =>
  getInputs(new Inputs((n) => values[n] ?? ''), { AWS_REGION: 'eu-west-1' });

test('defaults', () => {
  expect(parse(base)).toEqual({
    cluster: 'prod',
    services: ['web'],
    taskDefinition: { kind: 'file', path: 'td.json' },
    wait: true,
    timeoutMs: 1_200_000,
    timeoutAuto: true,
    onPause: 'wait',
    logLines: 20,
    rollbackOnFailure: true,
    forceNewDeployment: false,
    desiredCount: undefined,
    deregisterFailed: true,
    pollIntervalMs: 2000,
    maxFailedTasks: undefined,
    rollbackScope: 'failed',
    ifInProgress: 'wait',
    region: 'eu-west-1',
    maxAttempts: 5,
  });
});

test.each(['wait', 'fail', 'replace'])('if-in-progress %s', (mode) => {
  expect(parse({ ...base, 'if-in-progress': mode }).ifInProgress).toBe(mode);
});

test('if-in-progress names the allowed values', () => {
  expect(() => parse({ ...base, 'if-in-progress': 'queue' })).toThrow(
    "input 'if-in-progress' is 'queue': allowed values are 'wait', 'fail', 'replace'",
  );
});

test('several services and an ARN', () => {
  const r = parse({
    ...base,
    services: 'api, worker\nscheduler',
    'task-definition': 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42',
  });
  expect(r.services).toEqual(['api', 'worker', 'scheduler']);
  expect(r.taskDefinition).toEqual({
    kind: 'arn',
    arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42',
  });
});

test.each([
  [{ cluster: '' }, "input 'cluster' is empty"],
  [{ cluster: 'my cluster' }, "input 'cluster' is 'my cluster': expected a cluster name"],
  [{ services: '' }, "input 'services' is empty"],
  [{ services: 'web\nweb' }, "input 'services' is 'web': a service is listed twice"],
  [{ services: 'web/api' }, "input 'services' is 'web/api'"],
  [
    { 'task-definition': 'arn:aws:ecs:eu-west-1:123:task-definition/web' },
    "input 'task-definition' is 'arn:aws:ecs:eu-west-1:123:task-definition/web': expected a file path or a task definition ARN",
  ],
  [{ timeout: '2s' }, "input 'timeout' is '2s': expected a duration"],
  [{ timeout: 'forever' }, "input 'timeout' is 'forever'"],
  [{ 'poll-interval': '500ms' }, "input 'poll-interval' is '500ms'"],
  [
    { timeout: '10s', 'poll-interval': '5s' },
    "input 'poll-interval' is '5s': must be at most a third of timeout (10s)",
  ],
  [{ 'desired-count': '-1' }, "input 'desired-count' is '-1'"],
  [{ 'desired-count': 'two' }, "input 'desired-count' is 'two'"],
  [{ wait: 'no' }, "input 'wait' is 'no': expected 'true' or 'false'"],
  [{ 'rollback-on-failure': 'maybe' }, "input 'rollback-on-failure' is 'maybe'"],
  [{ 'max-attempts': '11' }, "input 'max-attempts' is '11'"],
  [{ 'rollback-scope': 'some' }, "input 'rollback-scope' is 'some': allowed values are 'failed', 'all'"],
  [
    { 'rollback-scope': 'all', wait: 'false' },
    "input 'rollback-scope' is 'all': 'all' rolls every service back when one fails, so it needs wait: true and rollback-on-failure: true (they are false and true)",
  ],
  [
    { 'rollback-scope': 'all', 'rollback-on-failure': 'false' },
    "input 'rollback-scope' is 'all': 'all' rolls every service back when one fails, so it needs wait: true and rollback-on-failure: true (they are true and false)",
  ],
  [{ region: 'moon-1' }, "input 'region' is 'moon-1'"],
])('%p fails with %s', (override, message) => {
  expect(() => parse({ ...base, ...override })).toThrow(message);
});

test('rollback-scope all, with the defaults it needs', () => {
  expect(parse({ ...base, services: 'api,worker', 'rollback-scope': 'ALL' }).rollbackScope).toBe('all');
});

test('timeout auto (the default) and explicit', () => {
  expect(parse(base).timeoutAuto).toBe(true);
  expect(parse({ ...base, timeout: 'auto' }).timeoutAuto).toBe(true);
  const explicit = parse({ ...base, timeout: '45m' });
  expect([explicit.timeoutAuto, explicit.timeoutMs]).toEqual([false, 2_700_000]);
});

test('on-pause verify needs verify-command, and verify-command needs verify', () => {
  expect(() => parse({ ...base, 'on-pause': 'verify' })).toThrow(
    "input 'verify-command' is empty: on-pause is verify",
  );
  expect(() => parse({ ...base, 'verify-command': 'curl x' })).toThrow(
    "input 'verify-command' is 'curl x': is only used with on-pause: verify (on-pause is wait)",
  );
  expect(parse({ ...base, 'on-pause': 'verify', 'verify-command': 'curl x' })).toEqual(
    expect.objectContaining({ onPause: 'verify', verifyCommand: 'curl x' }),
  );
});

test('log-lines: 0 turns it off; at most 200', () => {
  expect(parse({ ...base, 'log-lines': '0' }).logLines).toBe(0);
  expect(() => parse({ ...base, 'log-lines': '500' })).toThrow(/log-lines/);
});
