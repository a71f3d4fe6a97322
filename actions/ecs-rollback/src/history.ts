// The family's recent revisions with their provenance (revision.ts tags), and the revision a rollback goes
// to: the one `to` names, or the newest earlier one that served (slipway:deployed-at).
import type { EcsApi } from '../../shared/src/ecs/ecs-api.js';
import * as core from '../../shared/src/core.js';
import { ActionError, errorName } from '../../shared/src/errors.js';
import { TAG } from '../../shared/src/revision.js';
import { familyAndRevision, requestedRevision, type Revision } from './revisions.js';
import type { Target } from './inputs.js';

const HISTORY = 10;

export async function describeRevision(
  api: Pick<EcsApi, 'describeTaskDefinition'>,
  arn: string,
): Promise<Revision> {
  const { taskDefinition, tags } = await api.describeTaskDefinition(arn);
  const tag = (k: string) => tags.find((t) => t.key === k)?.value;
  return {
    arn: taskDefinition.taskDefinitionArn ?? arn,
    family: taskDefinition.family ?? '',
    revision: taskDefinition.revision ?? 0,
    status: taskDefinition.status ?? 'ACTIVE',
    images: (taskDefinition.containerDefinitions ?? []).map((c) => c.image ?? ''),
    commit: tag(TAG.commit),
    deployedAt: tag(TAG.deployedAt),
    rolledBackAt: tag(TAG.rolledBackAt),
  };
}

/** The newest revisions of the family (ACTIVE and INACTIVE), newest first, with their tags. */
export async function recentRevisions(api: EcsApi, family: string): Promise<Revision[]> {
  return core.group(`Look up the recent revisions of ${family}`, async () => {
    const arns = [
      ...(await api.listTaskDefinitions(family, 'ACTIVE', HISTORY)),
      ...(await api.listTaskDefinitions(family, 'INACTIVE', HISTORY)),
    ]
      .sort((a, b) => familyAndRevision(b).revision - familyAndRevision(a).revision)
      .slice(0, HISTORY);
    return Promise.all(arns.map((arn) => describeRevision(api, arn)));
  });
}

/** The revision to roll back to; errors name what is wrong before anything changes. */
export async function chooseTarget(
  api: EcsApi,
  to: Target,
  current: { family: string; revision: number },
  history: Revision[],
  service: string,
): Promise<Revision> {
  const wanted = requestedRevision(to, current, history);
  if (wanted.revision === current.revision) {
    throw new ActionError(
      `${wanted.family}:${wanted.revision} is already running on ${service}: nothing to roll back to`,
    );
  }
  let target = history.find((r) => r.revision === wanted.revision);
  if (!target) {
    try {
      target = await describeRevision(api, `${wanted.family}:${wanted.revision}`);
    } catch (err) {
      if (errorName(err) === 'ClientException' || /not found|Unable to describe/i.test(String(err))) {
        throw new ActionError(
          `${wanted.family}:${wanted.revision} does not exist (the family's newest revisions: ${
            history
              .slice(0, 5)
              .map((r) => r.revision)
              .join(', ') || 'none'
          })`,
        );
      }
      throw err;
    }
  }
  if (!target.deployedAt) {
    if (!wanted.explicit)
      throw new ActionError(`${wanted.family}:${wanted.revision} was never deployed successfully`);
    core.warning(
      `${wanted.family}:${wanted.revision} has no ${TAG.deployedAt} tag: it was never deployed successfully by slipway; rolling back to it because 'to' names it`,
    );
  }
  return target;
}
