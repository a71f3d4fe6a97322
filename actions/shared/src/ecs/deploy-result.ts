// What deploying one service ends in: the one status vocabulary of ecs-deploy and ecs-rollback, and the
// result each service reports (the summary, the outputs and the release rollback read it).
import type { StopGroup } from './diagnose.js';
import type { StageSpan } from './watch.js';
import type { PauseDecision } from './pause-hooks.js';
import type { Replacement } from './verdict.js';

/** The one status vocabulary of ecs-deploy and ecs-rollback. */
export type DeployStatus = 'succeeded' | 'rolled-back' | 'failed' | 'timed-out' | 'superseded' | 'started';

export interface ServiceDeployResult {
  service: string;
  status: DeployStatus;
  /** Why it did not succeed; empty on success. */
  reason: string;
  taskDefinition: string;
  previousTaskDefinition: string;
  deploymentId?: string;
  rolledBack: boolean;
  /** The revision the service runs at the end, as far as the watch could tell. */
  finalTaskDefinition: string;
  /** Who replaced our deployment, when status is superseded. */
  supersededBy?: Replacement;
  durationMs: number;
  stopGroups: StopGroup[];
  /** The service's deployment strategy, and the lifecycle stages the watch saw. */
  strategy: string;
  stages: StageSpan[];
  /** How PAUSE hooks were answered. */
  pauses: PauseDecision[];
}
