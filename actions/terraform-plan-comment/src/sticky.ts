import type { GitHubApi, IssueComment, IssueRef } from './github-api.js';
import type { Mode } from './inputs.js';
import { markOutdated, parseMarker } from './marker.js';
import type { Status } from './summarize.js';

export interface PublishOptions {
  issue: IssueRef;
  key: string;
  body: string;
  mode: Exclude<Mode, 'off'>;
  hidePrevious: boolean;
  /** Only comments by this login count as ours. */
  login: string;
  log: (message: string) => void;
}

export interface Published {
  comment: IssueComment;
  action: 'created' | 'updated';
  /** Every current (not outdated) plan comment of ours on the issue after publishing, any key. */
  ours: IssueComment[];
}

/** Comments by `login` that carry a current slipway plan marker; with `key`, only that key's. */
export function ourComments(comments: readonly IssueComment[], login: string, key?: string): IssueComment[] {
  return comments.filter((c) => {
    if (c.login.toLowerCase() !== login.toLowerCase()) return false;
    const m = parseMarker(c.body);
    return m !== undefined && !m.outdated && (key === undefined || m.key === key);
  });
}

/**
 * One comment per key. `update`: edit the newest of ours in place (or create one). `recreate`: post anew,
 * then delete the older ones. With `hidePrevious`, older ones are minimised as outdated (and their marker
 * retired) instead of deleted or left as they are. Comments by anyone else are never touched.
 */
export async function publish(api: GitHubApi, o: PublishOptions): Promise<Published> {
  const all = await api.listComments(o.issue);
  const mine = ourComments(all, o.login, o.key).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id,
  );
  let comment: IssueComment;
  let action: Published['action'];
  let older: IssueComment[];
  const newest = mine.at(-1);
  if (o.mode === 'update' && newest) {
    comment = await api.updateComment(o.issue, newest.id, o.body);
    o.log(`Updated comment ${comment.htmlUrl}`);
    action = 'updated';
    older = mine.slice(0, -1);
  } else {
    comment = await api.createComment(o.issue, o.body);
    o.log(`Created comment ${comment.htmlUrl}`);
    action = 'created';
    older = mine;
  }
  for (const c of older) {
    if (o.hidePrevious) {
      await api.minimizeComment(c.nodeId);
      await api.updateComment(o.issue, c.id, markOutdated(c.body));
      o.log(`Minimised outdated comment ${c.htmlUrl}`);
    } else if (o.mode === 'recreate') {
      await api.deleteComment(o.issue, c.id);
      o.log(`Deleted previous comment ${c.htmlUrl}`);
    }
  }
  const retired = new Set(older.filter(() => o.hidePrevious || o.mode === 'recreate').map((c) => c.id));
  const ours = ourComments(
    [...all.filter((c) => c.id !== comment.id && !retired.has(c.id)), comment],
    o.login,
  );
  return { comment, action, ours };
}

export const LABELS: Record<Status, string> = {
  'no-changes': 'tf:no-changes',
  changes: 'tf:changes',
  destroy: 'tf:destroy',
  errored: 'tf:errored',
};

/** Most severe last: an errored plan outranks a destroy (nothing about it can be trusted yet). */
const RANK: Record<Status, number> = { 'no-changes': 0, changes: 1, destroy: 2, errored: 3 };

/** The label for a PR whose plans (one per key) have these statuses: the most severe wins. */
export function labelFor(statuses: readonly Status[]): string {
  const worst = statuses.reduce<Status>((w, s) => (RANK[s] > RANK[w] ? s : w), 'no-changes');
  return LABELS[worst];
}

export function statusesOf(comments: readonly IssueComment[]): Status[] {
  return comments
    .map((c) => parseMarker(c.body)?.status)
    .filter((s): s is Status => s !== undefined && s in RANK);
}

/** Sets exactly one of the tf:* labels; leaves every other label alone. Returns the label set. */
export async function syncLabels(
  api: GitHubApi,
  issue: IssueRef,
  statuses: readonly Status[],
  log: (message: string) => void,
): Promise<string> {
  const want = labelFor(statuses);
  const current = await api.listLabels(issue);
  if (!current.includes(want)) {
    await api.addLabels(issue, [want]);
    log(`Added label ${want}`);
  }
  for (const label of Object.values(LABELS)) {
    if (label !== want && current.includes(label)) {
      await api.removeLabel(issue, label);
      log(`Removed label ${label}`);
    }
  }
  return want;
}
