import type { Service } from '@aws-sdk/client-ecs';
import {
  assess,
  circuitBreakerThreshold,
  newEvents,
  progressLine,
} from '../../../actions/shared/src/ecs/rollout.js';
import { groupStoppedTasks, describeGroups, hintFor } from '../../../actions/shared/src/ecs/diagnose.js';

const OLD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:6';
const NEW = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7';
const ctx = { target: NEW, deploymentId: 'ecs-svc/2', maxFailedTasks: 3 };
const dep = (
  id: string,
  td: string,
  status: string,
  rolloutState?: string,
  counts: Partial<{ desired: number; running: number; pending: number; failed: number }> = {},
) => ({
  id,
  taskDefinition: td,
  status,
  rolloutState: rolloutState as 'IN_PROGRESS' | undefined,
  rolloutStateReason:
    rolloutState === 'FAILED' ? 'ECS deployment circuit breaker: tasks failed to start.' : undefined,
  desiredCount: counts.desired ?? 2,
  runningCount: counts.running ?? 0,
  pendingCount: counts.pending ?? 0,
  failedTasks: counts.failed ?? 0,
});
const svc = (deployments: ReturnType<typeof dep>[], breaker = true): Service => ({
  deployments,
  deploymentConfiguration: { deploymentCircuitBreaker: { enable: breaker, rollback: breaker } },
});

describe('assess', () => {
  test.each<[string, Service, string]>([
    [
      'new deployment in progress',
      svc([
        dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS', { running: 1, pending: 1 }),
        dep('ecs-svc/1', OLD, 'ACTIVE', 'COMPLETED', { running: 2 }),
      ]),
      'in-progress',
    ],
    [
      'COMPLETED and settled',
      svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'COMPLETED', { running: 2 })]),
      'succeeded',
    ],
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
      'circuit breaker FAILED, ECS rolling back',
      svc([
        dep('ecs-svc/3', OLD, 'PRIMARY', 'IN_PROGRESS'),
        dep('ecs-svc/2', NEW, 'ACTIVE', 'FAILED', { failed: 3 }),
      ]),
      'ecs-failed',
    ],
    [
      'PRIMARY replaced by another revision',
      svc([dep('ecs-svc/9', OLD, 'PRIMARY', 'IN_PROGRESS')]),
      'ecs-failed',
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
    expect(assess(service, ctx).state).toBe(expected);
  });

  test('a COMPLETED deployment of another revision is never success for ours', () => {
    const service = svc([dep('ecs-svc/1', OLD, 'PRIMARY', 'COMPLETED', { running: 2 })]);
    expect(assess(service, ctx)).toEqual(expect.objectContaining({ state: 'ecs-failed' }));
  });

  test.each(['ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_REQUESTED'] as const)(
    'service deployment %s is an ECS rollback',
    (status) => {
      const service = svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS')]);
      expect(assess(service, ctx, { status, statusReason: 'circuit breaker' })).toEqual({
        state: 'ecs-failed',
        reason: 'circuit breaker',
        ecsRollingBack: true,
      });
    },
  );

  test('service deployment SUCCESSFUL with settled counts is success', () => {
    const service = svc([dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS', { running: 2 })]);
    expect(assess(service, ctx, { status: 'SUCCESSFUL' }).state).toBe('succeeded');
  });
});

test.each([
  [1, 3],
  [2, 3],
  [7, 4],
  [10, 5],
  [1000, 200],
])('circuit breaker threshold for %d tasks is %d', (desired, threshold) => {
  expect(circuitBreakerThreshold(desired)).toBe(threshold);
});

test('progress line', () => {
  expect(
    progressLine(
      svc([
        dep('ecs-svc/2', NEW, 'PRIMARY', 'IN_PROGRESS', { running: 1, pending: 1 }),
        dep('ecs-svc/1', OLD, 'ACTIVE', 'COMPLETED', { running: 2 }),
      ]),
    ),
  ).toBe(
    'PRIMARY web:7 IN_PROGRESS 1/2 running, 1 pending, 0 failed | ACTIVE web:6 COMPLETED 2/2 running, 0 pending, 0 failed',
  );
});

test('newEvents deduplicates by id, drops old ones, returns oldest first', () => {
  const seen = new Set<string>(['a']);
  const at = (s: number) => new Date(1_000_000 + s * 1000);
  const events = [
    { id: 'c', createdAt: at(3), message: 'third' },
    { id: 'b', createdAt: at(2), message: 'second' },
    { id: 'a', createdAt: at(1), message: 'first' },
    { id: 'z', createdAt: at(-100), message: 'ancient' },
  ];
  expect(newEvents(events, seen, 1_000_000).map((e) => e.message)).toEqual(['second', 'third']);
  expect(newEvents(events, seen, 1_000_000)).toEqual([]);
});

test('stopped tasks are grouped by reason with container exits', () => {
  const groups = groupStoppedTasks([
    {
      taskArn: 'arn:x/t1',
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
      containers: [{ name: 'app', exitCode: 1 }],
    },
    {
      taskArn: 'arn:x/t2',
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
      containers: [{ name: 'app', exitCode: 1 }],
    },
    {
      taskArn: 'arn:x/t3',
      stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
      containers: [{ name: 'app', reason: 'CannotPullContainerError' }],
    },
  ]);
  expect(describeGroups(groups)).toEqual([
    '2 tasks stopped: Essential container in task exited [EssentialContainerExited]; app: exit 1 (task t1, t2)',
    '1 task stopped: CannotPullContainerError: pull image manifest has been retried 5 time(s); app: no exit code (CannotPullContainerError) (task t3)',
  ]);
  expect(hintFor(describeGroups(groups)[1]!)).toContain('image cannot be pulled');
});
