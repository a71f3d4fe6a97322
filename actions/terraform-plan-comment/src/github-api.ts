/** What the sticky-comment logic needs from GitHub; the Octokit implementation is in github-octokit.ts. */
export interface IssueComment {
  id: number;
  nodeId: string;
  body: string;
  login: string;
  htmlUrl: string;
  createdAt: string;
}

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

export interface GitHubApi {
  /** The token's own login, or undefined when the token cannot say (the workflow token gets 403 on GET /user). */
  ownLogin(): Promise<string | undefined>;
  listComments(issue: IssueRef): Promise<IssueComment[]>;
  createComment(issue: IssueRef, body: string): Promise<IssueComment>;
  updateComment(issue: IssueRef, id: number, body: string): Promise<IssueComment>;
  deleteComment(issue: IssueRef, id: number): Promise<void>;
  minimizeComment(nodeId: string): Promise<void>;
  listLabels(issue: IssueRef): Promise<string[]>;
  addLabels(issue: IssueRef, labels: string[]): Promise<void>;
  removeLabel(issue: IssueRef, label: string): Promise<void>;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  login: string;
  htmlUrl: string;
  state: string;
  /** The Issues API lists pull requests too; they are never drift issues. */
  isPullRequest: boolean;
}

export interface IssueChanges {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened';
}

/** What the drift issue (target: issue) and the apply result need beyond comments. */
export interface IssuesApi {
  /** Open or closed issues carrying `label`, every page. */
  listIssues(repo: RepoRef, q: { label: string; state: 'open' | 'closed' | 'all' }): Promise<Issue[]>;
  createIssue(repo: RepoRef, issue: { title: string; body: string; labels: string[] }): Promise<Issue>;
  updateIssue(repo: RepoRef, number: number, changes: IssueChanges): Promise<Issue>;
  /** Pull requests whose history holds this commit (the merged one, after a merge to the default branch). */
  pullRequestsForCommit(
    repo: RepoRef,
    sha: string,
  ): Promise<Array<{ number: number; state: string; merged: boolean }>>;
}

/** An HTTP status on an error from any client (Octokit's RequestError has `status`). */
export function httpStatus(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number') return err.status;
  return undefined;
}
