// The verdict table: one look at the service (and its service deployment) -> where our deployment stands.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import {
  decide,
  decideReturn,
  rollbackReason,
  type Observation,
} from '../../../../actions/shared/src/ecs/verdict.js';
import { OLD, NEW, ctx, dep, svc } from './service-shapes.js';

const off = (service: Service): Observation => ({ service, sdMode: 'off' });
const tracking = (service: Service, sd: ServiceDeployment): Observation => ({
  service,
  sd,
  sdMode: 'tracking',
});
const inProgress = svc([
  dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS', { running: 1, pending: 1 }),
  dep('ecs-svc/1', OLD, 'ACTIVE', 'COMPLETED', { running: 2 }),
]);
const completed = svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'COMPLETED', { running: 2 })]);

describe('without the Service Deployments API: the deployments array decides', () => {
  test.each<[string, Service, string]>([
    ['new deployment in progress', inProgress, 'in-progress'],
    ['COMPLETED and settled', completed, 'succeeded'],
    [
      'COMPLETED but counts not settled yet',
      svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'COMPLETED', { running: 1, pending: 1 })]),
      'in-progress',
    ],
    [
      'no rolloutState (old API), only deployment, settled',
      svc([dep('ecs-svc/2', NEW, 'PRIMARY', undefined, { running: 2 })]),
      'succeeded',
    ],
    [
      'no rolloutState, old deployment still draining',
      svc([
        dep('ecs-svc/2', NEW, 'PRIMARY', undefined, { running: 2 }),
        dep('ecs-svc/1', OLD, 'ACTIVE', undefined, { running: 1 }),
      ]),
      'in-progress',
    ],
    [
      'circuit breaker FAILED, ECS rolling back to the previous revision',
      svc([
        dep('ecs-svc/3', OLD, 'PRIMARY', 'IN_PROGRESS'),
        dep('ecs-svc/2', NEW, 'ACTIVE', 'FAILED', { failed: 3 }),
      ]),
      'ecs-rolling-back',
    ],
    [
      'circuit breaker FAILED without rollback',
      svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'FAILED', { failed: 3 })]),
      'ecs-stopped',
    ],
    [
      "another revision's deployment is PRIMARY: someone else's",
      svc([
        dep(
          'ecs-svc/9',
          'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8',
          'PRIMARY',
          'IN_PROGRESS',
        ),
        dep('ecs-svc/2', NEW, 'ACTIVE', 'IN_PROGRESS'),
      ]),
      'superseded',
    ],
    [
      'the previous revision PRIMARY while ours did not fail: a person rolled back, not ECS',
      svc([dep('ecs-svc/9', OLD, 'PRIMARY', 'IN_PROGRESS')]),
      'superseded',
    ],
    [
      'tasks keep failing without a breaker',
      svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS', { failed: 3 })], false),
      'failing',
    ],
    [
      'failing below the limit without a breaker',
      svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS', { failed: 2 })], false),
      'in-progress',
    ],
    [
      'failed tasks with a breaker: ECS decides',
      svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS', { failed: 5 })], true),
      'in-progress',
    ],
  ])('%s -> %s', (_name, service, expected) => {
    expect(decide(off(service), ctx).state).toBe(expected);
  });

  test('a COMPLETED deployment of another revision is never success for ours', () => {
    const service = svc([dep('ecs-svc/1', OLD, 'PRIMARY', 'COMPLETED', { running: 2 })]);
    expect(decide(off(service), ctx).state).not.toBe('succeeded');
  });

  test('while the API works but our service deployment was not read yet, counts never mean success', () => {
    expect(decide({ service: completed, sdMode: 'pending' }, ctx).state).toBe('in-progress');
  });
});

describe('with the service deployment: its status decides', () => {
  test.each<[string, Partial<ServiceDeployment>, Service, string]>([
    ['SUCCESSFUL', { status: 'SUCCESSFUL' }, completed, 'succeeded'],
    ['SUCCESSFUL while counts still move', { status: 'SUCCESSFUL' }, inProgress, 'succeeded'],
    [
      'IN_PROGRESS although every task runs and rolloutState is COMPLETED (a bake)',
      { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' },
      completed,
      'in-progress',
    ],
    ['ROLLBACK_REQUESTED', { status: 'ROLLBACK_REQUESTED' }, inProgress, 'ecs-rolling-back'],
    ['ROLLBACK_IN_PROGRESS', { status: 'ROLLBACK_IN_PROGRESS' }, inProgress, 'ecs-rolling-back'],
    ['ROLLBACK_SUCCESSFUL', { status: 'ROLLBACK_SUCCESSFUL' }, inProgress, 'ecs-rolled-back'],
    ['ROLLBACK_FAILED', { status: 'ROLLBACK_FAILED' }, inProgress, 'ecs-rollback-failed'],
    ['STOPPED with no one else PRIMARY', { status: 'STOPPED' }, inProgress, 'ecs-stopped'],
    [
      'STOPPED by a newer deployment',
      { status: 'STOPPED', statusReason: 'Stopped by a newer deployment.' },
      svc([
        dep(
          'ecs-svc/9',
          'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8',
          'PRIMARY',
          'IN_PROGRESS',
        ),
        dep('ecs-svc/2', NEW, 'ACTIVE', 'IN_PROGRESS'),
      ]),
      'superseded',
    ],
    [
      'a status this version does not know',
      { status: 'SOMETHING_NEW' as 'PENDING' },
      completed,
      'in-progress',
    ],
  ])('%s -> %s', (_name, sd, service, expected) => {
    expect(decide(tracking(service, sd), ctx).state).toBe(expected);
  });

  test('the rollback reason names the alarm and the breaker', () => {
    expect(
      rollbackReason({
        status: 'ROLLBACK_SUCCESSFUL',
        statusReason: 'Deployment rolled back.',
        alarms: {
          status: 'TRIGGERED',
          alarmNames: ['web-5xx', 'web-latency'],
          triggeredAlarmNames: ['web-5xx'],
        },
      }),
    ).toBe('alarm web-5xx went into ALARM; Deployment rolled back');
    expect(
      rollbackReason({
        status: 'ROLLBACK_IN_PROGRESS',
        deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
      }),
    ).toBe('circuit breaker triggered: 3/3 tasks failed');
  });
});

describe('watching a rollback', () => {
  test('in the service deployment: ROLLBACK_SUCCESSFUL is done, ROLLBACK_FAILED is not', () => {
    expect(decideReturn(tracking(inProgress, { status: 'ROLLBACK_IN_PROGRESS' }), OLD).state).toBe(
      'in-progress',
    );
    expect(decideReturn(tracking(inProgress, { status: 'ROLLBACK_SUCCESSFUL' }), OLD).state).toBe(
      'succeeded',
    );
    expect(decideReturn(tracking(inProgress, { status: 'ROLLBACK_FAILED' }), OLD).state).toBe(
      'ecs-rollback-failed',
    );
  });

  test('without the API: the previous revision PRIMARY and COMPLETED', () => {
    expect(
      decideReturn(off(svc([dep('ecs-svc/3', OLD, 'PRIMARY', 'COMPLETED', { running: 2 })])), OLD).state,
    ).toBe('succeeded');
    expect(
      decideReturn(off(svc([dep('ecs-svc/3', OLD, 'PRIMARY', 'IN_PROGRESS', { running: 1 })])), OLD).state,
    ).toBe('in-progress');
  });
});
