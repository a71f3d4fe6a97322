// The family's recent revisions and the choice of a rollback target. Pure: the data comes in, a decision
// or an error naming the problem goes out.
import { ActionError } from '../../shared/src/errors.js';
import { markdownTable } from '../../shared/src/summary.js';
import type { Target } from './inputs.js';

export interface Revision {
  arn: string;
  family: string;
  revision: number;
  status: string;
  images: string[];
  commit?: string;
  deployedAt?: string;
  rolledBackAt?: string;
}

export function familyAndRevision(arn: string): { family: string; revision: number } {
  const m = /task-definition\/([^:]+):(\d+)$/.exec(arn);
  if (!m) throw new ActionError(`unexpected task definition ARN '${arn}'`);
  return { family: m[1]!, revision: Number(m[2]) };
}

export interface Resolution {
  family: string;
  revision: number;
  explicit: boolean;
}

/** Which family:revision the user asked for, before looking anything up. */
export function requestedRevision(
  to: Target,
  current: { family: string; revision: number },
  history: Revision[],
): Resolution {
  switch (to.kind) {
    case 'previous': {
      const candidates = history
        .filter((r) => r.revision < current.revision && r.deployedAt)
        .sort((a, b) => b.revision - a.revision);
      const pick = candidates[0];
      if (!pick) {
        throw new ActionError(
          `there is no earlier revision of ${current.family} that was deployed successfully (tagged slipway:deployed-at) below the running ${current.family}:${current.revision}; name one with 'to'`,
        );
      }
      return { family: pick.family, revision: pick.revision, explicit: false };
    }
    case 'revision':
      return { family: current.family, revision: to.revision, explicit: true };
    case 'family-revision':
    case 'arn':
      if (to.family !== current.family) {
        throw new ActionError(
          `'to' names ${to.family}:${to.revision}, but service runs the family ${current.family}: a rollback stays within the family (deploy another family with ecs-deploy)`,
        );
      }
      return { family: to.family, revision: to.revision, explicit: true };
  }
}

export function shortImage(image: string): string {
  const [name, digest] = image.split('@');
  const repo = (name ?? '').split('/').slice(1).join('/') || (name ?? '');
  return digest ? `${repo}@${digest.slice(7, 19)}` : repo;
}

export function revisionsTable(
  history: Revision[],
  runningRevision: number,
  targetRevision?: number,
): string {
  const rows = [...history]
    .sort((a, b) => b.revision - a.revision)
    .map((r) => [
      `${r.family}:${r.revision}`,
      r.status,
      r.images.map(shortImage).join(', '),
      r.commit ? r.commit.slice(0, 12) : '',
      r.deployedAt ?? '',
      r.revision === runningRevision ? '← running' : r.revision === targetRevision ? '← target' : '',
    ]);
  return markdownTable(['revision', 'status', 'images', 'commit', 'deployed-at', ''], rows);
}
