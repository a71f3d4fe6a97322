// The retry policy of every ECS call (call-policy.ts) on edge cases the simulator does not produce on
// demand: a connection that fails after ECS may already have applied a change, throttling on a call that
// changes something, and optional calls an endpoint does not support.
import { mockClient } from 'aws-sdk-client-mock';
import {
  ECSClient,
  UpdateServiceCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  DescribeTaskDefinitionCommand,
  ListServiceDeploymentsCommand,
  DescribeServiceDeploymentsCommand,
} from '@aws-sdk/client-ecs';
import { EcsApi } from '../../../../actions/shared/src/ecs/ecs-api.js';
import { ECS_CALL_POLICY, policyTable } from '../../../../actions/shared/src/ecs/call-policy.js';

const ecs = mockClient(ECSClient);
const warnings: string[] = [];
const slept: number[] = [];
const api = () =>
  new EcsApi('us-east-1', {
    maxAttempts: 3,
    log: { info: () => undefined, warning: (m) => warnings.push(m), debug: () => undefined },
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
const throttled = () =>
  Object.assign(new Error('Rate exceeded'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 400 },
  });
const server = () =>
  Object.assign(new Error('Service unavailable'), {
    name: 'ServerException',
    $metadata: { httpStatusCode: 500 },
  });
const reset = () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7';
const service = (createdAt: Date) => ({
  serviceName: 'web',
  status: 'ACTIVE',
  deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: TD, createdAt }],
});

beforeEach(() => {
  ecs.reset();
  warnings.length = 0;
  slept.length = 0;
});

test('forced: the deployment had started before the connection failed -> not sent again', async () => {
  ecs.on(UpdateServiceCommand).rejects(reset());
  ecs.on(DescribeServicesCommand).resolves({ services: [service(new Date())] });
  const svc = await api().updateService({
    cluster: 'c',
    service: 'web',
    taskDefinition: TD,
    forceNewDeployment: true,
  });
  expect(svc.deployments?.[0]?.id).toBe('ecs-svc/1');
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  expect(warnings.join('\n')).toContain('but it was applied: not sending it again');
});

test('forced: no deployment started -> sent exactly once more', async () => {
  ecs
    .on(UpdateServiceCommand)
    .rejectsOnce(reset())
    .resolves({ service: service(new Date()) });
  ecs.on(DescribeServicesCommand).resolves({ services: [service(new Date(Date.now() - 3_600_000))] });
  await api().updateService({ cluster: 'c', service: 'web', taskDefinition: TD, forceNewDeployment: true });
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(2);
  expect(warnings.join('\n')).toContain('and it was not applied: sending it again');
});

test('not forced: a reset is read back too, and sent again only when it did not land', async () => {
  ecs
    .on(UpdateServiceCommand)
    .rejectsOnce(reset())
    .resolves({ service: service(new Date()) });
  ecs.on(DescribeServicesCommand).resolves({ services: [service(new Date(Date.now() - 3_600_000))] });
  await api().updateService({ cluster: 'c', service: 'web', taskDefinition: TD });
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(2);
  expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(1);
});

test('a throttled UpdateService was never applied: it is retried without a read-back', async () => {
  ecs
    .on(UpdateServiceCommand)
    .rejectsOnce(throttled())
    .rejectsOnce(throttled())
    .resolves({ service: service(new Date()) });
  await api().updateService({ cluster: 'c', service: 'web', taskDefinition: TD });
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(3);
  expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  expect(warnings.filter((w) => w.startsWith('UpdateService throttled'))).toHaveLength(2);
  expect(slept).toHaveLength(2);
});

test('throttling gets twice the attempts of a 5xx (it never did anything)', async () => {
  ecs.on(DescribeServicesCommand).rejects(throttled());
  await expect(api().describeService('c', 'web')).rejects.toThrow('Rate exceeded');
  expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(6);
});

describe('RegisterTaskDefinition', () => {
  const input = { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx' }] };
  const registered = (tag: string) => ({
    taskDefinition: { taskDefinitionArn: TD, family: 'web', revision: 7 },
    tags: [{ key: 'slipway:registration', value: tag }],
  });

  test('carries the run registration tag', async () => {
    ecs.on(RegisterTaskDefinitionCommand).resolves(registered('run-1'));
    await api().registerTaskDefinition(
      { ...input, tags: [{ key: 'slipway:commit', value: 'abc' }] },
      'run-1',
    );
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input.tags).toEqual([
      { key: 'slipway:commit', value: 'abc' },
      { key: 'slipway:registration', value: 'run-1' },
    ]);
  });

  test('throttled: retried (a throttled request registered nothing)', async () => {
    ecs.on(RegisterTaskDefinitionCommand).rejectsOnce(throttled()).resolves(registered('run-1'));
    const td = await api().registerTaskDefinition(input, 'run-1');
    expect(td.taskDefinitionArn).toBe(TD);
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(2);
  });

  test('5xx after it was applied: recognised by its tag, never registered twice', async () => {
    ecs.on(RegisterTaskDefinitionCommand).rejects(server());
    ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [TD] });
    ecs.on(DescribeTaskDefinitionCommand).resolves(registered('run-1'));
    const td = await api().registerTaskDefinition(input, 'run-1');
    expect(td.taskDefinitionArn).toBe(TD);
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(1);
    expect(warnings.join('\n')).toContain(
      'RegisterTaskDefinition failed (ServerException: Service unavailable), but it was applied',
    );
  });

  test("5xx before it was applied: the newest revision is another run's, so it is sent again", async () => {
    ecs.on(RegisterTaskDefinitionCommand).rejectsOnce(server()).resolves(registered('run-1'));
    ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [TD] });
    ecs.on(DescribeTaskDefinitionCommand).resolves(registered('someone-else'));
    await api().registerTaskDefinition(input, 'run-1');
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(2);
  });
});

describe('optional calls', () => {
  test('unsupported: the feature is switched off at once, with one warning, and not called again', async () => {
    const a = api();
    ecs
      .on(ListServiceDeploymentsCommand)
      .rejects(Object.assign(new Error(''), { name: 'UnknownOperationException' }));
    expect((await a.listServiceDeployments('c', 'web', new Date())).kind).toBe('unavailable');
    expect((await a.describeServiceDeployment('arn')).kind).toBe('unavailable');
    expect(a.has('service-deployments')).toBe(false);
    expect(ecs.commandCalls(ListServiceDeploymentsCommand)).toHaveLength(1);
    expect(ecs.commandCalls(DescribeServiceDeploymentsCommand)).toHaveLength(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'ListServiceDeployments is not supported by this endpoint (UnknownOperationException',
    );
    expect(slept).toEqual([]);
  });

  test('a body that is not JSON (an HTML error page) is unsupported, not retried', async () => {
    const a = api();
    ecs.on(DescribeServiceDeploymentsCommand).rejects(
      Object.assign(new Error('Unexpected token \'<\', "<html><hea"... is not valid JSON'), {
        name: 'SyntaxError',
      }),
    );
    expect((await a.describeServiceDeployment('arn')).kind).toBe('unavailable');
    expect(a.has('service-deployments')).toBe(false);
    expect(slept).toEqual([]);
  });

  test('throttled or 5xx: skipped for this poll, one attempt, no wait, the feature stays on', async () => {
    const a = api();
    ecs.on(DescribeServiceDeploymentsCommand).rejectsOnce(throttled()).rejectsOnce(server());
    expect((await a.describeServiceDeployment('arn')).kind).toBe('skipped');
    expect((await a.describeServiceDeployment('arn')).kind).toBe('skipped');
    expect(a.has('service-deployments')).toBe(true);
    expect(ecs.commandCalls(DescribeServiceDeploymentsCommand)).toHaveLength(2);
    expect(slept).toEqual([]);
  });
});

test('the policy table covers every operation the API sends, and renders for the READMEs', () => {
  expect(ECS_CALL_POLICY.RegisterTaskDefinition.onTransient).toBe('read-back');
  expect(ECS_CALL_POLICY.UpdateService.onTransient).toBe('read-back');
  expect(ECS_CALL_POLICY.DescribeServices.onTransient).toBe('retry');
  expect(ECS_CALL_POLICY.ListServiceDeployments.optional).toBe(true);
  const table = policyTable();
  expect(table.split('\n')).toHaveLength(2 + Object.keys(ECS_CALL_POLICY).length);
  expect(table).toContain('| `ListServiceDeployments` | skipped for this poll | skipped for this poll |');
});

test('AccessDenied is never retried and names the permission', async () => {
  ecs.on(UpdateServiceCommand).rejects(
    Object.assign(new Error('User: x is not authorized to perform: ecs:UpdateService on resource: y'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    }),
  );
  await expect(api().updateService({ cluster: 'c', service: 'web', taskDefinition: TD })).rejects.toThrow(
    'UpdateService was denied: the deploy role needs ecs:UpdateService',
  );
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
});
