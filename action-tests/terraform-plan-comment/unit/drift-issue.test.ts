import type {
  Issue,
  IssueComment,
  IssuesApi,
  GitHubApi,
} from '../../../actions/terraform-plan-comment/src/github-api.js';
import {
  driftIssueBody,
  findDriftIssue,
  syncDriftIssue,
  type DriftIssueOptions,
} from '../../../actions/terraform-plan-comment/src/drift-issue.js';
import { driftMarker } from '../../../actions/terraform-plan-comment/src/marker.js';

const BOT = 'github-actions[bot]';
const repo = { owner: 'acme', repo: 'infra' };

function issue(number: number, key: string, extra: Partial<Issue> = {}): Issue {
  return {
    number,
    title: `Terraform drift: ${key}`,
    body: `${driftMarker(key)}\nold`,
    login: BOT,
    htmlUrl: `https://github.com/acme/infra/issues/${number}`,
    state: 'open',
    isPullRequest: false,
    ...extra,
  };
}

/** In-memory issues, recording every call that changes something. */
function memory(initial: Issue[]) {
  const issues = [...initial];
  const calls: string[] = [];
  const comments: Array<{ number: number; body: string }> = [];
  const api: IssuesApi & Pick<GitHubApi, 'createComment'> = {
    listIssues: async (_r, q) => {
      calls.push(`list ${q.label} ${q.state}`);
      return issues.filter((i) => i.state === q.state);
    },
    createIssue: async (_r, i) => {
      const made = issue(200, 'x', { title: i.title, body: i.body });
      issues.push(made);
      calls.push(`create ${i.labels.join(',')}`);
      return made;
    },
    updateIssue: async (_r, n, c) => {
      const i = issues.find((x) => x.number === n)!;
      Object.assign(i, {
        ...(c.title ? { title: c.title } : {}),
        ...(c.body ? { body: c.body } : {}),
        ...(c.state ? { state: c.state } : {}),
      });
      calls.push(`update ${n} ${Object.keys(c).sort().join(',')}`);
      return i;
    },
    pullRequestsForCommit: async () => [],
    createComment: async (ref, body) => {
      comments.push({ number: ref.number, body });
      calls.push(`comment ${ref.number}`);
      return { id: 1, nodeId: 'N', body, login: BOT, htmlUrl: 'u', createdAt: 't' } satisfies IssueComment;
    },
  };
  return { api, calls, comments, issues };
}

const opts = (drift: boolean): DriftIssueOptions => ({
  repo,
  key: 'infra/prod',
  title: 'Terraform drift: infra/prod',
  label: 'drift',
  rendered: '### Terraform plan: infra/prod\n\n**Plan:** …',
  drift,
  login: BOT,
  runPageUrl: 'https://github.com/acme/infra/actions/runs/77',
  commit: '0123456789abcdef',
  log: () => {},
});

describe('drift issue', () => {
  test('findDriftIssue: ours, open, not a pull request, this key; the newest wins', () => {
    const all = [
      issue(1, 'infra/prod'),
      issue(2, 'infra/prod', { login: 'mallory' }),
      issue(3, 'infra/staging'),
      issue(4, 'infra/prod', { isPullRequest: true }),
      issue(5, 'infra/prod', { state: 'closed' }),
      issue(6, 'infra/prod', { login: 'GitHub-Actions[bot]' }),
    ];
    expect(findDriftIssue(all, BOT, 'infra/prod')?.number).toBe(6);
    expect(findDriftIssue(all, BOT, 'infra/dev')).toBeUndefined();
  });

  test('the body starts with the marker and links the run', () => {
    const body = driftIssueBody(opts(true));
    expect(body.split('\n')[0]).toBe('<!-- slipway:drift key=infra/prod -->');
    expect(body).toContain(
      'Found by [workflow run](https://github.com/acme/infra/actions/runs/77) on commit `0123456`',
    );
    expect(body.endsWith(opts(true).rendered)).toBe(true);
  });

  test.each([
    ['drift, no issue: opened', true, [], 'opened', ['list drift open', 'create drift']],
    [
      'drift, an issue: updated',
      true,
      [issue(7, 'infra/prod')],
      'updated',
      ['list drift open', 'update 7 body,title'],
    ],
    [
      'no drift, an issue: closed with a comment',
      false,
      [issue(7, 'infra/prod')],
      'closed',
      ['list drift open', 'comment 7', 'update 7 state,stateReason'],
    ],
    ['no drift, no issue: none', false, [issue(8, 'infra/staging')], 'none', ['list drift open']],
  ] as const)('%s', async (_name, drift, initial, action, calls) => {
    const m = memory([...initial]);
    const r = await syncDriftIssue(m.api, opts(drift));
    expect(r.action).toBe(action);
    expect(m.calls).toEqual(calls);
    if (action === 'closed') {
      expect(m.comments[0]!.body).toContain('**Drift is gone.**');
      expect(m.issues.find((i) => i.number === 7)!.state).toBe('closed');
    }
  });
});
