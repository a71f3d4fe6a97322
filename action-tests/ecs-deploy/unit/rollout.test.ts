import { circuitBreakerThreshold, newEvents, progressLine } from '../../../actions/shared/src/ecs/rollout.js';
import { groupStoppedTasks, describeGroups, hintFor } from '../../../actions/shared/src/ecs/diagnose.js';

import { OLD, NEW, dep, svc } from '../../shared/unit/ecs/service-shapes.js';

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
