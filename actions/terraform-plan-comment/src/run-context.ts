import { readFileSync } from 'node:fs';
import type { IssueRef, RepoRef } from './github-api.js';

export interface RunContext {
  /** The pull request this run belongs to, or undefined (push, dispatch, schedule...). */
  pullRequest?: IssueRef;
  /** The PR head commit (what the plan is for), else GITHUB_SHA. */
  commit?: string;
  /** This run's page, with `/attempts/<n>` after a re-run. */
  runUrl?: string;
  /** This run's page without the attempt: GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID. */
  runPageUrl?: string;
  repo?: RepoRef;
  graphqlUrl: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isObject(json) ? json : {};
  } catch {
    return {};
  }
}

/** The run's identity from the runner's environment; works out the pull request from the event payload: pull_request(_target) events and comments on a PR. */
export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let number: number | undefined;
  let commit = env.GITHUB_SHA;
  const pr = event.pull_request;
  if (isObject(pr) && typeof pr.number === 'number') {
    number = pr.number;
    const head = pr.head;
    if (isObject(head) && typeof head.sha === 'string') commit = head.sha;
  } else if (
    isObject(event.issue) &&
    isObject(event.issue.pull_request) &&
    typeof event.issue.number === 'number'
  ) {
    number = event.issue.number;
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const api = env.GITHUB_API_URL ?? 'https://api.github.com';
  const graphqlUrl =
    env.GITHUB_GRAPHQL_URL ?? (api.endsWith('/api/v3') ? `${api.slice(0, -3)}graphql` : `${api}/graphql`);
  const runPageUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const runUrl =
    runPageUrl && env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1'
      ? `${runPageUrl}/attempts/${env.GITHUB_RUN_ATTEMPT}`
      : runPageUrl;
  return {
    pullRequest: number !== undefined && owner && repo ? { owner, repo, number } : undefined,
    commit,
    runUrl,
    runPageUrl,
    repo: owner && repo ? { owner, repo } : undefined,
    graphqlUrl,
  };
}
