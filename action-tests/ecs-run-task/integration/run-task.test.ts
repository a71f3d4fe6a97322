// long-file: one suite around one task runner, logs proxy and moto; one run-task scenario per test
// ecs-run-task's bundle against moto + the ECS rollout simulator (which hands RunTask to the task runner,
// ecs-task-runner-sim.mjs) + the CloudWatch Logs proxy: a migration as it runs before a deploy.
import { runAction } from '../../../harness/run-action.mjs';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { startEcsRolloutSimulator } from '../../../harness/ecs-rollout-simulator.mjs';
import { createMotoNetwork, startLogsProxy } from '../../../harness/ecs-task-runner-sim.mjs';
import * as fx from '../../../harness/ecs-fixture.mjs';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';

type Sim = Awaited<ReturnType<typeof startEcsRolloutSimulator>>;
type Logs = Awaited<ReturnType<typeof startLogsProxy>>;
let sim: Sim;
let logs: Logs;
let ecs: ReturnType<typeof fx.ecsClient>;
const CLUSTER = 'migrations';
const SERVICE = 'api';
let SUBNETS: string[] = [];
let SECURITY_GROUP = '';

/** The api's task definition as render-task-definition writes it, with the awslogs driver. */
function apiTaskDefinition({ awslogs = true, containers = ['api'] } = {}) {
  const doc = fx.taskDefinitionDoc('api', `${fx.REGISTRY}/api:v2`) as {
    containerDefinitions: Array<Record<string, unknown>>;
  };
  const base = doc.containerDefinitions[0]!;
  doc.containerDefinitions = containers.map((name, i) => ({
    ...base,
    name,
    essential: i === 0,
    ...(awslogs
      ? {
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': '/ecs/api',
              'awslogs-region': 'us-east-1',
              'awslogs-stream-prefix': 'ecs',
            },
          },
        }
      : {}),
  }));
  return doc;
}

beforeAll(async () => {
  await resetMoto();
  sim = await startEcsRolloutSimulator({ motoUrl: motoUrl() });
  logs = await startLogsProxy({ motoUrl: motoUrl(), beforeRead: () => sim.taskRunner.flush() });
  ecs = fx.ecsClient(sim.url);
  ({ subnets: SUBNETS, securityGroup: SECURITY_GROUP } = await createMotoNetwork(motoUrl()));
  await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  const { tags: _t, ...input } = fx.taskDefinitionDoc('api', `${fx.REGISTRY}/api:v1`);
  const td = await ecs.send(new RegisterTaskDefinitionCommand(input as never));
  await ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: SERVICE,
      taskDefinition: td.taskDefinition!.taskDefinitionArn!,
      desiredCount: 1,
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: SUBNETS,
          securityGroups: [SECURITY_GROUP],
          assignPublicIp: 'DISABLED',
        },
      },
    }),
  );
});
afterAll(async () => {
  ecs.destroy();
  await logs.close();
  await sim.close();
});
afterEach(() => logs.clearFaults());

const runTaskCalls = () => sim.calls().filter((c: { op: string }) => c.op === 'RunTask').length;

async function runTask(inputs: Record<string, string> = {}, doc: object = apiTaskDefinition()) {
  const path = fx.writeTaskDefinition(doc);
  return runAction({
    action: 'ecs-run-task',
    inputs: {
      cluster: CLUSTER,
      service: SERVICE,
      'task-definition': path,
      command: 'python manage.py migrate --noinput',
      'poll-interval': '200ms',
      timeout: '60s',
      ...inputs,
    },
    env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logs.url },
    timeoutMs: 90_000,
  });
}

const printed = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('│ '))
    .map((l) => l.slice(2));
const migrationLines = (n: number) =>
  Array.from({ length: n }, (_, i) => `Applying app.${String(i + 1).padStart(4, '0')}_change... OK`);

describe('ecs-run-task', () => {
  test('migration exits 0: every line printed once, in order; outputs set; one RunTask where the service runs', async () => {
    const lines = migrationLines(25);
    sim.taskRunner.script({ exitCode: 0, lines });
    const before = runTaskCalls();
    const r = await runTask({
      environment: 'DATABASE_URL=postgres://app:s3cr3t-pw@db:5432/app?sslmode=require\nLOG_LEVEL=info',
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(printed(r.stdout)).toEqual(lines);
    expect(r.outputs.status).toBe('succeeded');
    expect(r.outputs['exit-code']).toBe('0');
    expect(r.outputs['task-arn']).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:task\/migrations\/[0-9a-f]{32}$/,
    );
    expect(r.outputs['log-url']).toContain(
      '#logsV2:log-groups/log-group/$252Fecs$252Fapi/log-events/ecs$252Fapi$252F',
    );
    expect(runTaskCalls() - before).toBe(1);
    const sent = sim.taskRunner.runTaskRequests().at(-1)!.payload;
    expect(sent).toMatchObject({
      cluster: CLUSTER,
      count: 1,
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      startedBy: 'slipway/4242',
      networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } },
      overrides: {
        containerOverrides: [
          {
            name: 'api',
            command: ['python', 'manage.py', 'migrate', '--noinput'],
            environment: [
              { name: 'DATABASE_URL', value: 'postgres://app:s3cr3t-pw@db:5432/app?sslmode=require' },
              { name: 'LOG_LEVEL', value: 'info' },
            ],
          },
        ],
      },
    });
    expect(sent.clientToken).toMatch(/^slipway-4242-1-[0-9a-f]{16}$/);
    expect(sent.taskDefinition).toMatch(/task-definition\/api:\d+$/);
    // Environment values are not printed (only their names).
    expect(r.stdout).not.toContain('s3cr3t-pw');
    expect(r.stdout).toContain('environment DATABASE_URL, LOG_LEVEL');
    expect(r.summary).toContain('✅ ecs-run-task: succeeded');
  });

  test('migration exits 3: the step fails, the last lines are in ::error:: and the summary', async () => {
    const lines = [
      ...migrationLines(8),
      'django.db.utils.ProgrammingError: relation "orders" already exists',
    ];
    sim.taskRunner.script({ exitCode: 3, lines });
    const r = await runTask({ 'log-lines': '5' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('failed');
    expect(r.outputs['exit-code']).toBe('3');
    expect(printed(r.stdout)).toEqual(lines);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^ecs-run-task: task [0-9a-f]{32} failed: container api exited with 3/);
    expect(r.errors[0]).toContain('Essential container in task exited');
    expect(r.errors[0]).toContain(`Last 5 log line(s):\n${lines.slice(-5).join('\n')}`);
    expect(r.errors[0]).not.toContain(lines[3]);
    expect(r.summary).toContain('❌ ecs-run-task: failed');
    expect(r.summary).toContain(['```text', ...lines.slice(-5), '```'].join('\n'));
  });

  test('time-out: one StopTask, status timed-out', async () => {
    sim.taskRunner.script({ exitCode: null, lines: ['waiting for lock...'] });
    const r = await runTask({ timeout: '5s', 'poll-interval': '500ms' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('timed-out');
    expect(sim.calls().filter((c: { op: string }) => c.op === 'StopTask')).toHaveLength(1);
    const task = sim.taskRunner
      .state()
      .find((t: { taskArn: string }) => t.taskArn === r.outputs['task-arn'])!;
    expect(task).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated', stopCalls: 1 });
    expect(r.errors[0]).toContain('timed-out: the task did not finish in time and was stopped');
    expect(r.errors[0]).toContain('waiting for lock...');
    expect(r.stdout).toContain('Timed out after 5s: stopping the task (StopTask)');
  });

  test('RunTask failures[]: a clear error naming the reason, nothing to wait for', async () => {
    sim.taskRunner.script({ failures: [{ reason: 'RESOURCE:MEMORY' }] });
    const r = await runTask();
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^ecs-run-task: RunTask started no task of api:\d+ in migrations: RESOURCE:MEMORY on arn:aws:ecs:us-east-1:123456789012:cluster\/migrations: no container instance had enough of that resource/,
      ),
    ]);
    expect(r.outputs['task-arn']).toBeUndefined();
  });

  test('image pull failure: says the task stopped before the container ran, and why', async () => {
    sim.taskRunner.script({ failure: 'image-pull' });
    const r = await runTask();
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('failed');
    expect(r.outputs['exit-code']).toBe('');
    expect(r.errors[0]).toContain(
      'the task stopped before container api exited: TaskFailedToStart: CannotPullContainerError',
    );
  });

  test('GetLogEvents throttled mid-stream: no line lost, none repeated', async () => {
    const lines = migrationLines(40);
    sim.taskRunner.script({ exitCode: 0, lines, lineIntervalMs: 30 });
    logs.fault({ operation: 'GetLogEvents', type: 'throttle', count: 3, skip: 4 });
    // Faults are taken in order: the 5xx comes two reads after the last throttle.
    logs.fault({ operation: 'GetLogEvents', type: '5xx', count: 1, skip: 2 });
    const r = await runTask();
    expect(r.code).toBe(0);
    expect(printed(r.stdout)).toEqual(lines);
    const faulted = logs.calls().filter((c: { fault?: string }) => c.fault);
    // The first throttle hit a read in the middle of the stream (it carried a forward token).
    expect(faulted[0].payload.nextToken).toMatch(/^f\//);
    expect(faulted.map((c: { fault?: string }) => c.fault)).toEqual([
      'throttle',
      'throttle',
      'throttle',
      '5xx',
    ]);
  });

  test('RunTask answered 5xx after starting the task: retried with the same client token, one task', async () => {
    sim.taskRunner.script({ exitCode: 0, lines: ['done'], answer5xxAfterApply: true });
    const tasksBefore = sim.taskRunner.state().length;
    const r = await runTask({ command: 'python manage.py migrate --plan' });
    expect(r.code).toBe(0);
    const sent = sim.taskRunner
      .runTaskRequests()
      .slice(-2)
      .map((x: { payload: { clientToken: string } }) => x.payload.clientToken);
    expect(sent[0]).toBe(sent[1]);
    expect(sim.taskRunner.state().length - tasksBefore).toBe(1);
    expect(r.warnings.join('\n')).toContain('with the same client token');
    expect(printed(r.stdout)).toEqual(['done']);
  });

  test('RunTask throttled: retried, one task', async () => {
    sim.taskRunner.script({ exitCode: 0, lines: ['ok'] });
    await sim.fault({ operation: 'RunTask', type: 'throttle', count: 2 });
    const tasksBefore = sim.taskRunner.state().length;
    const r = await runTask({ command: 'true', 'max-attempts': '4' });
    expect(r.code).toBe(0);
    expect(sim.taskRunner.state().length - tasksBefore).toBe(1);
    expect(r.warnings.filter((w: string) => w.startsWith('RunTask throttled'))).toHaveLength(2);
  });

  test('no logs:GetLogEvents permission: one warning, the exit code still decides', async () => {
    sim.taskRunner.script({ exitCode: 0, lines: ['secret-free line'] });
    logs.fault({ operation: 'GetLogEvents', type: 'access-denied', count: 100 });
    const r = await runTask({ command: 'manage migrate' });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('succeeded');
    expect(r.warnings).toEqual([expect.stringContaining('logs:GetLogEvents')]);
    expect(
      logs.calls().filter((c: { op: string; fault?: string }) => c.fault === 'access-denied'),
    ).toHaveLength(1);
  });

  test('no awslogs driver while log-lines > 0: a warning, then the task runs', async () => {
    sim.taskRunner.script({ exitCode: 0 });
    const r = await runTask({}, apiTaskDefinition({ awslogs: false }));
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([expect.stringContaining('container api has no logConfiguration')]);
    expect(r.outputs['log-url']).toContain('/ecs/v2/clusters/migrations/tasks/');
  });

  test('wait: false starts the task and returns at once', async () => {
    sim.taskRunner.script({ exitCode: null });
    const stopsBefore = sim.calls().filter((c: { op: string }) => c.op === 'StopTask').length;
    const r = await runTask({ wait: 'false', command: 'python manage.py clearsessions' });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('started');
    expect(r.outputs['task-arn']).toMatch(/task\/migrations\//);
    expect(r.summary).toContain('⏳ ecs-run-task: started');
    // Nothing waits, so nothing stops it.
    expect(sim.calls().filter((c: { op: string }) => c.op === 'StopTask').length).toBe(stopsBefore);
  });

  describe('bad input fails before RunTask', () => {
    test.each([
      [
        'unknown container',
        { container: 'worker' },
        "input 'container' is 'worker': the task definition has no such container; its containers are api",
      ],
      [
        'command with a shell operator',
        { command: 'migrate && seed' },
        "input 'command' is 'migrate && seed': '&&' is a shell operator",
      ],
      [
        'command as JSON that is not strings',
        { command: '["migrate", 3]' },
        'expected a non-empty JSON array of strings',
      ],
      ['command with an unclosed quote', { command: "migrate 'x" }, "has an unclosed ' quote"],
      [
        'missing service',
        { service: 'nope' },
        "input 'service' is 'nope': service nope was not found in cluster migrations",
      ],
      [
        'missing cluster',
        { cluster: 'nope' },
        "input 'service' is 'api': cluster nope was not found in us-east-1",
      ],
      [
        'missing cluster, no service',
        { cluster: 'nope', service: '' },
        "input 'cluster' is 'nope': no such cluster",
      ],
      ['awsvpc without a service', { service: '' }, 'the task definition uses the awsvpc network mode'],
      [
        'task definition ARN that does not exist',
        { 'task-definition': 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:999' },
        "input 'task-definition' is 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:999': no such task definition",
      ],
      [
        'bad environment line',
        { environment: 'NOT A PAIR' },
        "input 'environment' is 'NOT A PAIR': each line must be KEY=VALUE",
      ],
      ['bad timeout', { timeout: 'soon' }, "input 'timeout' is 'soon'"],
    ])('%s', async (_name, inputs, message) => {
      const before = runTaskCalls();
      const r = await runTask(inputs);
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([expect.stringContaining(message)]);
      expect(r.errors[0]).toMatch(/^ecs-run-task: /);
      expect(runTaskCalls()).toBe(before);
    });

    test('two essential containers and no container input', async () => {
      const doc = apiTaskDefinition({ containers: ['api', 'sidecar'] });
      (doc.containerDefinitions[1] as { essential: boolean }).essential = true;
      const before = runTaskCalls();
      const r = await runTask({}, doc);
      expect(r.errors).toEqual([expect.stringContaining('2 essential containers (api, sidecar)')]);
      expect(runTaskCalls()).toBe(before);
    });
  });
});
