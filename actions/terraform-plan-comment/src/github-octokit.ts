import { getOctokit } from '@actions/github';
import { isRetryableStatus, withRetry } from '../../shared/src/retry.js';
import { SLIPWAY_VERSION } from '../../shared/src/version.js';
import {
  httpStatus,
  type GitHubApi,
  type Issue,
  type IssueComment,
  type IssueRef,
  type IssuesApi,
  type RepoRef,
} from './github-api.js';

interface RawComment {
  id: number;
  node_id: string;
  body?: string | null;
  user?: { login?: string } | null;
  html_url: string;
  created_at: string;
}

interface RawIssue {
  number: number;
  title: string;
  body?: string | null;
  user?: { login?: string } | null;
  html_url: string;
  state: string;
  pull_request?: unknown;
}

function toIssue(i: RawIssue): Issue {
  return {
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    login: i.user?.login ?? '',
    htmlUrl: i.html_url,
    state: i.state,
    isPullRequest: i.pull_request !== undefined && i.pull_request !== null,
  };
}

function toComment(c: RawComment): IssueComment {
  return {
    id: c.id,
    nodeId: c.node_id,
    body: c.body ?? '',
    login: c.user?.login ?? '',
    htmlUrl: c.html_url,
    createdAt: c.created_at,
  };
}

/** Network errors (Octokit reports them as status 500), 408, 429 and 5xx are worth another try; nothing else. */
export function retryableGitHubError(err: unknown): boolean {
  const status = httpStatus(err);
  return status !== undefined && isRetryableStatus(status);
}

export interface OctokitApiOptions {
  token: string;
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL on the runner; GitHub Enterprise Server has its own). */
  graphqlUrl: string;
  onRetry: (what: string, err: unknown, attempt: number, delayMs: number) => void;
  attempts?: number;
  baseDelayMs?: number;
}

/**
 * GitHub REST + GraphQL through @actions/github's Octokit (which honours GITHUB_API_URL and the runner's
 * proxy settings). Idempotent calls are retried on network errors, 5xx and 429; creating a comment is not,
 * because a request that failed in transit may still have posted it.
 */
export function octokitApi(opts: OctokitApiOptions): GitHubApi & IssuesApi {
  const octokit = getOctokit(opts.token, { userAgent: `slipway-terraform-plan-comment/${SLIPWAY_VERSION}` });
  const retry = <T>(what: string, fn: () => Promise<T>) =>
    withRetry(fn, {
      attempts: opts.attempts ?? 3,
      baseDelayMs: opts.baseDelayMs ?? 300,
      maxDelayMs: 3000,
      retryable: retryableGitHubError,
      onRetry: (err, attempt, delay) => opts.onRetry(what, err, attempt, delay),
    });
  const repo = (i: IssueRef | RepoRef) => ({ owner: i.owner, repo: i.repo });
  return {
    async ownLogin() {
      try {
        const res = await retry('GET /user', () => octokit.request('GET /user'));
        return res.data.login;
      } catch (err) {
        const status = httpStatus(err);
        if (status === 403 || status === 401 || status === 404) return undefined;
        throw err;
      }
    },
    async listComments(issue) {
      const all = await retry('list comments', () =>
        octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...repo(issue),
          issue_number: issue.number,
          per_page: 100,
        }),
      );
      return (all as RawComment[]).map(toComment);
    },
    async createComment(issue, body) {
      const res = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo(issue),
        issue_number: issue.number,
        body,
      });
      return toComment(res.data as RawComment);
    },
    async updateComment(issue, id, body) {
      const res = await retry('update comment', () =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repo(issue),
          comment_id: id,
          body,
        }),
      );
      return toComment(res.data as RawComment);
    },
    async deleteComment(issue, id) {
      try {
        await retry('delete comment', () =>
          octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
            ...repo(issue),
            comment_id: id,
          }),
        );
      } catch (err) {
        if (httpStatus(err) !== 404) throw err; // already gone
      }
    },
    async minimizeComment(nodeId) {
      const res = await retry('minimize comment', () =>
        octokit.request({
          method: 'POST',
          url: opts.graphqlUrl,
          query: `mutation($subjectId: ID!) {
  minimizeComment(input: { subjectId: $subjectId, classifier: OUTDATED }) { minimizedComment { isMinimized } }
}`,
          variables: { subjectId: nodeId },
        }),
      );
      const errors = (res.data as { errors?: Array<{ message?: string }> }).errors;
      if (errors?.length) {
        throw new Error(`GraphQL minimizeComment failed: ${errors.map((e) => e.message).join('; ')}`);
      }
    },
    async listLabels(issue) {
      const all = await retry('list labels', () =>
        octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', {
          ...repo(issue),
          issue_number: issue.number,
          per_page: 100,
        }),
      );
      return (all as Array<{ name: string }>).map((l) => l.name);
    },
    async addLabels(issue, labels) {
      await retry('add labels', () =>
        octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
          ...repo(issue),
          issue_number: issue.number,
          labels,
        }),
      );
    },
    async removeLabel(issue, label) {
      try {
        await retry('remove label', () =>
          octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
            ...repo(issue),
            issue_number: issue.number,
            name: label,
          }),
        );
      } catch (err) {
        if (httpStatus(err) !== 404) throw err; // not on the issue any more
      }
    },
    async listIssues(r, q) {
      const all = await retry('list issues', () =>
        octokit.paginate('GET /repos/{owner}/{repo}/issues', {
          ...repo(r),
          labels: q.label,
          state: q.state,
          per_page: 100,
        }),
      );
      return (all as RawIssue[]).map(toIssue);
    },
    async createIssue(r, issue) {
      // Not retried, like creating a comment: a request that failed in transit may have opened it.
      const res = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo(r), ...issue });
      return toIssue(res.data as RawIssue);
    },
    async updateIssue(r, number, changes) {
      const res = await retry('update issue', () =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
          ...repo(r),
          issue_number: number,
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.body !== undefined ? { body: changes.body } : {}),
          ...(changes.state !== undefined ? { state: changes.state } : {}),
          ...(changes.stateReason !== undefined ? { state_reason: changes.stateReason } : {}),
        }),
      );
      return toIssue(res.data as RawIssue);
    },
    async pullRequestsForCommit(r, sha) {
      const res = await retry('list pull requests of a commit', () =>
        octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
          ...repo(r),
          commit_sha: sha,
          per_page: 100,
        }),
      );
      return (res.data as Array<{ number: number; state: string; merged_at?: string | null }>).map((p) => ({
        number: p.number,
        state: p.state,
        merged: typeof p.merged_at === 'string',
      }));
    },
  };
}
