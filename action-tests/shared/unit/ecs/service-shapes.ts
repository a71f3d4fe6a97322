// Service shapes for the pure ECS tests: deployments as DescribeServices returns them.
import type { Service } from '@aws-sdk/client-ecs';

export const OLD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:6';
export const NEW = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7';
export const ctx = { target: NEW, deploymentId: 'ecs-svc/2', previous: OLD, maxFailedTasks: 3 };
export const dep = (
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
export const svc = (deployments: ReturnType<typeof dep>[], breaker = true): Service => ({
  deployments,
  deploymentConfiguration: { deploymentCircuitBreaker: { enable: breaker, rollback: breaker } },
});
