// Edge cases of UpdateService that the simulator does not produce on demand: a connection that fails after
// ECS may already have started the deployment. With forceNewDeployment a blind retry would start two.
import { mockClient } from 'aws-sdk-client-mock';
import { ECSClient, UpdateServiceCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { EcsApi } from '../../../actions/shared/src/ecs/ecs-api.js';

const ecs = mockClient(ECSClient);
const warnings: string[] = [];
const api = () => new EcsApi('us-east-1', 3, { warning: (m) => warnings.push(m), debug: () => undefined });
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
  expect(warnings.join('\n')).toContain('but its deployment had started; not sending it again');
});

test('forced: no deployment started -> sent exactly once more', async () => {
  ecs
    .on(UpdateServiceCommand)
    .rejectsOnce(reset())
    .resolves({ service: service(new Date()) });
  ecs.on(DescribeServicesCommand).resolves({ services: [service(new Date(Date.now() - 3_600_000))] });
  await api().updateService({ cluster: 'c', service: 'web', taskDefinition: TD, forceNewDeployment: true });
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(2);
  expect(warnings.join('\n')).toContain('no deployment started; sending it once more');
});

test('not forced: UpdateService is idempotent, so transient errors are retried', async () => {
  ecs
    .on(UpdateServiceCommand)
    .rejectsOnce(reset())
    .resolves({ service: service(new Date()) });
  await api().updateService({ cluster: 'c', service: 'web', taskDefinition: TD });
  expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(2);
  expect(ecs.commandCalls(DescribeServicesCommand)).toHaveLength(0);
}, 10_000);

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
