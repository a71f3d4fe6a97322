import { releaseRollbackPlan } from '../../../actions/ecs-deploy/src/release-rollback.js';
import type { DeployStatus, ServiceDeployResult } from '../../../actions/shared/src/ecs/deploy-result.js';

const TD = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/shop';
const result = (service: string, status: DeployStatus, previous = `${TD}:1`): ServiceDeployResult => ({
  service,
  status,
  reason: status === 'succeeded' ? '' : 'tasks failed to start',
  taskDefinition: `${TD}:2`,
  previousTaskDefinition: previous,
  rolledBack: status === 'rolled-back',
  finalTaskDefinition: status === 'succeeded' ? `${TD}:2` : previous,
  durationMs: 1000,
  stopGroups: [],
  strategy: 'ROLLING',
  stages: [],
  pauses: [],
});

describe('releaseRollbackPlan', () => {
  const mixed = [result('api', 'succeeded'), result('worker', 'rolled-back'), result('cron', 'succeeded')];

  test('scope failed never touches a service that succeeded', () => {
    expect(releaseRollbackPlan('failed', mixed)).toEqual({ failed: ['worker'], toRollBack: [] });
  });

  test('scope all rolls back every service that succeeded when one failed', () => {
    const plan = releaseRollbackPlan('all', mixed);
    expect(plan.failed).toEqual(['worker']);
    expect(plan.toRollBack.map((r) => r.service)).toEqual(['api', 'cron']);
  });

  test('scope all with no failure rolls back nothing', () => {
    const plan = releaseRollbackPlan('all', [result('api', 'succeeded'), result('cron', 'succeeded')]);
    expect(plan.toRollBack).toEqual([]);
  });

  test.each<DeployStatus>(['failed', 'timed-out', 'rolled-back'])(
    'a %s service counts as a failure',
    (status) => {
      expect(
        releaseRollbackPlan('all', [result('api', 'succeeded'), result('w', status)]).toRollBack,
      ).toHaveLength(1);
    },
  );

  test('a service with no earlier revision (or the same one) is not rolled back', () => {
    const plan = releaseRollbackPlan('all', [
      result('new', 'succeeded', ''),
      result('same', 'succeeded', `${TD}:2`),
      result('w', 'failed'),
    ]);
    expect(plan.toRollBack).toEqual([]);
  });
});
