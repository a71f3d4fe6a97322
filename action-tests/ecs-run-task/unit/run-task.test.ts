import { parseCommand } from '../../../actions/ecs-run-task/src/command.js';
import { getInputs } from '../../../actions/ecs-run-task/src/inputs.js';
import {
  checkNetwork,
  chooseContainer,
  clientToken,
  placementFrom,
  runTaskRequest,
} from '../../../actions/ecs-run-task/src/request.js';
import { outcomeOf } from '../../../actions/ecs-run-task/src/outcome.js';
import { errorText, summaryMarkdown } from '../../../actions/ecs-run-task/src/report.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';

const ENV = { AWS_REGION: 'eu-west-1', GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'deploy' };
const base = { cluster: 'prod', 'task-definition': 'td.json', service: 'api' };
const parse = (values: Record<string, string>) => getInputs(new Inputs((n) => values[n] ?? ''), ENV);

describe('command', () => {
  test.each([
    ['python manage.py migrate', ['python', 'manage.py', 'migrate']],
    [`sh -c 'echo "$HOME" && ls'`, ['sh', '-c', 'echo "$HOME" && ls']],
    [`echo "a \\"b\\"" c\\ d`, ['echo', 'a "b"', 'c d']],
    ['  spaced   out  ', ['spaced', 'out']],
    ['["rake", "db:migrate"]', ['rake', 'db:migrate']],
    [`echo '&&'`, ['echo', '&&']],
  ])('%s', (input, words) => expect(parseCommand(input)).toEqual(words));

  test.each([
    ['migrate && seed', "'&&' is a shell operator"],
    ['migrate | tee x', "'|' is a shell operator"],
    ['echo $(date)', "'$(date)' is a shell operator"],
    ["echo 'x", "unclosed ' quote"],
    ['echo "x', 'unclosed " quote'],
    ['["a", 1]', 'JSON array of strings'],
    ['[]', 'JSON array of strings'],
    ['[not json', 'not valid JSON'],
  ])('%s is refused', (input, message) => expect(() => parseCommand(input)).toThrow(message));
});

describe('inputs', () => {
  test('defaults', () => {
    expect(parse(base)).toEqual({
      cluster: 'prod',
      taskDefinition: { kind: 'file', path: 'td.json' },
      service: 'api',
      environment: [],
      timeoutMs: 1_800_000,
      startedBy: 'slipway/77',
      logLines: 50,
      wait: true,
      pollIntervalMs: 1000,
      region: 'eu-west-1',
      maxAttempts: 5,
      run: { id: '77', attempt: '2', job: 'deploy', step: '' },
    });
  });

  test('values may contain =; command, container, ARN', () => {
    const r = parse({
      ...base,
      'task-definition': 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7',
      container: 'api',
      command: '["migrate"]',
      environment: 'URL=postgres://h/db?a=b\nMODE=x',
    });
    expect(r.environment).toEqual([
      ['URL', 'postgres://h/db?a=b'],
      ['MODE', 'x'],
    ]);
    expect(r.command).toEqual(['migrate']);
    expect(r.taskDefinition).toEqual({
      kind: 'arn',
      arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7',
    });
  });

  test.each([
    [{ cluster: '' }, "input 'cluster' is empty"],
    [{ 'task-definition': 'arn:aws:ecs:eu-west-1:1:task-definition/x' }, "input 'task-definition'"],
    [{ 'started-by': 'has space' }, "input 'started-by' is 'has space'"],
    [{ 'log-lines': '-1' }, "input 'log-lines' is '-1'"],
    [{ 'log-lines': 'lots' }, "input 'log-lines' is 'lots'"],
    [{ timeout: '2s' }, "input 'timeout' is '2s'"],
    [{ environment: '1BAD=x' }, "key '1BAD' must match an environment variable name"],
    [{ environment: 'A=1\nA=2' }, "key 'A' appears more than once"],
    [{ wait: 'yes' }, "input 'wait' is 'yes'"],
    [{ service: 'bad name' }, "input 'service' is 'bad name'"],
  ])('%j is refused', (values, message) => {
    expect(() => parse({ ...base, ...values })).toThrow(message);
  });
});

describe('request', () => {
  const td = {
    networkMode: 'awsvpc',
    containerDefinitions: [{ name: 'api' }, { name: 'log-router', essential: false }],
  };
  test('the only essential container decides; a named one must exist', () => {
    expect(chooseContainer(td, undefined)).toBe('api');
    expect(chooseContainer(td, 'log-router')).toBe('log-router');
    expect(() => chooseContainer(td, 'x')).toThrow('its containers are api, log-router');
    expect(() =>
      chooseContainer({ containerDefinitions: [{ name: 'a' }, { name: 'b' }] }, undefined),
    ).toThrow('2 essential containers (a, b)');
  });

  test('placement: capacity providers win over launch type; network and platform copied', () => {
    const network = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };
    expect(
      placementFrom({
        launchType: 'FARGATE',
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        platformVersion: 'LATEST',
        networkConfiguration: network,
      }),
    ).toEqual({
      networkConfiguration: network,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      platformVersion: 'LATEST',
    });
    expect(placementFrom({ launchType: 'EC2' })).toEqual({ launchType: 'EC2' });
    expect(() => checkNetwork(td, {})).toThrow('awsvpc network mode');
    expect(() => checkNetwork(td, { networkConfiguration: network })).not.toThrow();
  });

  test('client token: stable for the same request and run attempt, different otherwise, ≤ 64 chars', () => {
    const req = runTaskRequest({
      cluster: 'prod',
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7',
      container: 'api',
      command: ['migrate'],
      environment: [['A', '1']],
      startedBy: 'slipway/77',
      placement: {},
    });
    expect(req.overrides).toEqual({
      containerOverrides: [{ name: 'api', command: ['migrate'], environment: [{ name: 'A', value: '1' }] }],
    });
    const run = { id: '77', attempt: '1', job: 'deploy', step: 'migrate' };
    const t = clientToken(req, run);
    expect(t).toMatch(/^slipway-77-1-[0-9a-f]{16}$/);
    expect(clientToken(req, run)).toBe(t);
    expect(clientToken(req, { ...run, attempt: '2' })).not.toBe(t);
    expect(clientToken({ ...req, startedBy: 'x' }, run)).not.toBe(t);
    expect(clientToken(req, { ...run, id: '9'.repeat(80) }).length).toBeLessThanOrEqual(64);
  });
});

describe('outcome and report', () => {
  const task = (over: object) => ({ containers: [{ name: 'api', exitCode: 0 }], ...over });
  test.each([
    [task({}), false, { status: 'succeeded', exitCode: 0 }],
    [
      task({
        containers: [{ name: 'api', exitCode: 3 }],
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
      }),
      false,
      {
        status: 'failed',
        exitCode: 3,
        reason:
          'container api exited with 3; task stopped: EssentialContainerExited: Essential container in task exited',
      },
    ],
    [
      task({
        containers: [{ name: 'api', reason: 'CannotPullContainerError: not found' }],
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'CannotPullContainerError: not found',
      }),
      false,
      {
        status: 'failed',
        reason:
          'the task stopped before container api exited: TaskFailedToStart: CannotPullContainerError: not found; container api: CannotPullContainerError: not found',
      },
    ],
    [
      task({ containers: [{ name: 'api', exitCode: 143 }], stopCode: 'UserInitiated' }),
      true,
      { status: 'timed-out', exitCode: 143 },
    ],
  ])('%j', (t, timedOut, expected) => {
    expect(outcomeOf(t, 'api', timedOut)).toMatchObject(expected);
  });

  test('error text and summary carry the last lines; a backtick run cannot close the fence', () => {
    const outcome = { status: 'failed' as const, exitCode: 1, reason: 'container api exited with 1' };
    const arn = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc';
    expect(errorText(outcome, arn, ['x', 'y', 'z'], 2)).toBe(
      'task abc failed: container api exited with 1. Last 2 log line(s):\ny\nz',
    );
    const md = summaryMarkdown({
      cluster: 'prod',
      region: 'eu-west-1',
      taskArn: arn,
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7',
      container: 'api',
      outcome,
      durationMs: 61_000,
      lastLines: ['```', 'boom'],
      logUrl: 'https://example.invalid/log',
    });
    expect(md).toContain('### ❌ ecs-run-task: failed on cluster `prod`');
    expect(md).toContain('| api:7 | api | 1 | 1m1s |');
    expect(md).toContain('````text\n```\nboom\n````');
  });
});
