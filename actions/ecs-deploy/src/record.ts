// After the watch: record on the revision where it served (slipway:deployed-at, which ecs-rollback reads),
// and deregister a revision this step registered that nothing runs.
import type { EcsApi } from '../../shared/src/ecs/ecs-api.js';
import type { ServiceDeployResult } from '../../shared/src/ecs/deploy-result.js';
import { TAG, revisionLabel } from '../../shared/src/revision.js';
import type { Log } from '../../shared/src/log.js';

/** Tag when the revision became steady somewhere and still serves there. */
export function servesAfterSuccess(
  target: string,
  deployed: ServiceDeployResult[],
  final: ServiceDeployResult[],
): boolean {
  return deployed.some((r, i) => r.status === 'succeeded' && final[i]?.finalTaskDefinition === target);
}

/**
 * Deregister only a revision this step registered, that no service ends on, and that nothing may still run:
 * a deployment that was only started, or that someone else's replaced (its tasks may still drain), keeps it.
 */
export function shouldDeregister(
  target: string,
  registered: boolean,
  deregisterFailed: boolean,
  final: ServiceDeployResult[],
): boolean {
  return (
    registered &&
    deregisterFailed &&
    final.every(
      (r) => r.finalTaskDefinition !== target && r.status !== 'started' && r.status !== 'superseded',
    )
  );
}

export async function recordRevision(
  api: EcsApi,
  o: {
    target: string;
    registered: boolean;
    deregisterFailed: boolean;
    deployed: ServiceDeployResult[];
    final: ServiceDeployResult[];
    log: Log;
  },
): Promise<void> {
  if (servesAfterSuccess(o.target, o.deployed, o.final)) {
    const at = new Date().toISOString();
    if (await api.tagResource(o.target, { [TAG.deployedAt]: at }))
      o.log.info(`Tagged ${revisionLabel(o.target)} ${TAG.deployedAt}=${at}`);
  }
  if (shouldDeregister(o.target, o.registered, o.deregisterFailed, o.final)) {
    await api.deregisterTaskDefinition(o.target);
    o.log.info(`Deregistered ${revisionLabel(o.target)}: no service runs it`);
  }
}
