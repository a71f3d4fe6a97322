import type { GitHubApi, Issue, IssuesApi, RepoRef } from './github-api.js';
import { code } from './markdown.js';
import { driftMarker, parseDriftMarker } from './marker.js';

/** What became of the key's drift issue. */
export type IssueAction = 'opened' | 'updated' | 'closed' | 'none';

export interface DriftIssueOptions {
  repo: RepoRef;
  key: string;
  title: string;
  label: string;
  /** The rendered plan (without a plan marker); the drift marker and the run link are added here. */
  rendered: string;
  /** True when the plan has changes: the infrastructure differs from the configuration. */
  drift: boolean;
  /** Only issues opened by this login count as ours. */
  login: string;
  runPageUrl?: string;
  commit?: string;
  log: (message: string) => void;
}

export interface DriftIssueResult {
  action: IssueAction;
  issue?: Issue;
}

/** The key's open drift issue: ours (by login), not a pull request, with the key's marker; the newest wins. */
export function findDriftIssue(issues: readonly Issue[], login: string, key: string): Issue | undefined {
  return issues
    .filter(
      (i) =>
        !i.isPullRequest &&
        i.state === 'open' &&
        i.login.toLowerCase() === login.toLowerCase() &&
        parseDriftMarker(i.body) === key,
    )
    .sort((a, b) => a.number - b.number)
    .at(-1);
}

function foundBy(runPageUrl: string | undefined, commit: string | undefined): string {
  const run = runPageUrl ? `[workflow run](${runPageUrl})` : 'a workflow run';
  return `${run}${commit ? ` on commit ${code(commit.slice(0, 7))}` : ''}`;
}

/** The issue body: the hidden marker, who found the drift, then the plan. */
export function driftIssueBody(
  o: Pick<DriftIssueOptions, 'key' | 'rendered' | 'runPageUrl' | 'commit'>,
): string {
  return (
    `${driftMarker(o.key)}\n` +
    `Terraform found drift for ${code(o.key)}: the infrastructure no longer matches the configuration. ` +
    `Found by ${foundBy(o.runPageUrl, o.commit)}; this issue is updated by each run and closed when the drift is gone.\n\n` +
    o.rendered
  );
}

/** Bytes the body adds around the rendered plan (for the render budget). */
export function driftIssueOverhead(o: Pick<DriftIssueOptions, 'key' | 'runPageUrl' | 'commit'>): number {
  return Buffer.byteLength(driftIssueBody({ ...o, rendered: '' }), 'utf8');
}

/**
 * One open issue per key. Drift: update the key's issue, or open one with the label. No drift: close the
 * key's issue with a comment saying the drift is gone, or do nothing when there is none.
 */
export async function syncDriftIssue(
  api: IssuesApi & Pick<GitHubApi, 'createComment'>,
  o: DriftIssueOptions,
): Promise<DriftIssueResult> {
  const open = await api.listIssues(o.repo, { label: o.label, state: 'open' });
  const existing = findDriftIssue(open, o.login, o.key);
  if (o.drift) {
    const body = driftIssueBody(o);
    if (existing) {
      const issue = await api.updateIssue(o.repo, existing.number, { title: o.title, body });
      o.log(`Updated drift issue ${issue.htmlUrl}`);
      return { action: 'updated', issue };
    }
    const issue = await api.createIssue(o.repo, { title: o.title, body, labels: [o.label] });
    o.log(`Opened drift issue ${issue.htmlUrl}`);
    return { action: 'opened', issue };
  }
  if (!existing) {
    o.log(`No drift, and no open issue labelled ${o.label} for key ${o.key}: nothing to do`);
    return { action: 'none' };
  }
  await api.createComment(
    { ...o.repo, number: existing.number },
    `✅ **Drift is gone.** The plan of ${foundBy(o.runPageUrl, o.commit)} shows no changes: ` +
      'the infrastructure matches the configuration again. Closing this issue.',
  );
  const issue = await api.updateIssue(o.repo, existing.number, { state: 'closed', stateReason: 'completed' });
  o.log(`Closed drift issue ${issue.htmlUrl}: the drift is gone`);
  return { action: 'closed', issue };
}
