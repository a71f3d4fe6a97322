// Issues of the fake GitHub API (../fake-github.mjs), as terraform-plan-comment's drift issue and apply
// comment use them:
//  - GET /repos/{o}/{r}/issues: `state` open (default) | closed | all, `labels` (comma-separated, every one
//    must be on the issue), `per_page`/`page` with a Link header; pull requests are listed too, with a
//    `pull_request` key, as GitHub does (`addIssue(..., {pullRequest: true})`).
//  - POST /repos/{o}/{r}/issues: 201; `title` required (422 otherwise), body over 65536 characters is 422;
//    `labels` are created as needed and put on the issue (the shared labels store).
//  - GET / PATCH /repos/{o}/{r}/issues/{n}: title, body, state (open|closed), state_reason; closing sets
//    closed_at. Comments on issues use the comment routes (same number space).
//  - GET /repos/{o}/{r}/commits/{sha}/pulls: what `setCommitPulls(sha, [{number, state, merged}])` says.
// Does not model: assignees, milestones, locking, issue types, sorting options, the `since`/`creator` filters.
import { bodyTooLong, pageOf } from './http.mjs';

export const ISSUE_ROUTES = [
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues$/, 'issues.list'],
  ['POST', /^\/repos\/([^/]+)\/([^/]+)\/issues$/, 'issues.create'],
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, 'issues.get'],
  ['PATCH', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, 'issues.update'],
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/, 'commits.pulls'],
];

/**
 * @param {{owner: string, repo: string, now: () => string, labels: Map<number, string[]>, baseUrl: () => string}} o
 */
export function issueModel({ owner, repo, now, labels, baseUrl }) {
  /** @type {Map<number, {number:number,title:string,body:string,login:string,state:string,state_reason:string|null,pull:boolean,created_at:string,updated_at:string,closed_at:string|null}>} */
  const issues = new Map();
  /** @type {Map<string, Array<{number:number,state?:string,merged?:boolean}>>} */
  const commitPulls = new Map();
  let nextNumber = 100;
  const json = (i) => ({
    id: 500000 + i.number,
    node_id: `I_kwDOfake${i.number}`,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    user: { login: i.login, type: i.login.endsWith('[bot]') ? 'Bot' : 'User' },
    labels: (labels.get(i.number) ?? []).map((name) => ({ name, color: 'ededed' })),
    url: `${baseUrl()}/repos/${owner}/${repo}/issues/${i.number}`,
    html_url: `https://github.com/${owner}/${repo}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    ...(i.pull ? { pull_request: { url: `${baseUrl()}/repos/${owner}/${repo}/pulls/${i.number}` } } : {}),
  });
  /**
   * @param {{title: string, body?: string, login?: string, labels?: string[], state?: string, pullRequest?: boolean}} issue
   */
  function addIssue({
    title,
    body = '',
    login = 'github-actions[bot]',
    labels: names = [],
    state = 'open',
    pullRequest = false,
  }) {
    const number = nextNumber++;
    const t = now();
    issues.set(number, {
      number,
      title,
      body,
      login,
      state,
      state_reason: null,
      pull: pullRequest,
      created_at: t,
      updated_at: t,
      closed_at: state === 'closed' ? t : null,
    });
    if (names.length) labels.set(number, [...new Set([...(labels.get(number) ?? []), ...names])]);
    return json(issues.get(number));
  }

  function list(query, path) {
    const state = query.state ?? 'open';
    const want = (query.labels ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const all = [...issues.values()]
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => want.every((l) => (labels.get(i.number) ?? []).includes(l)))
      .sort((x, y) => y.number - x.number); // newest first, as GitHub's default sort=created direction=desc
    const page = pageOf(all, query, { base: `${baseUrl()}${path}`, carry: query });
    return { items: page.items.map(json), headers: page.headers };
  }

  /** Applies a PATCH body to an issue: title, body, and a state change (closing records when and why). */
  function update(i, b) {
    if (typeof b.title === 'string') i.title = b.title;
    if (typeof b.body === 'string') i.body = b.body;
    i.updated_at = now();
    if (b.state === 'closed' && i.state !== 'closed') {
      i.state = 'closed';
      i.closed_at = i.updated_at;
      i.state_reason = typeof b.state_reason === 'string' ? b.state_reason : 'completed';
    } else if (b.state === 'open' && i.state !== 'open') {
      i.state = 'open';
      i.closed_at = null;
      i.state_reason = 'reopened';
    }
  }

  function handle(route, { params, query, body, path, identity, reply, fail }) {
    const b = body && typeof body === 'object' ? body : {};
    switch (route) {
      case 'issues.list': {
        const page = list(query, path);
        return reply(200, page.items, page.headers);
      }
      case 'issues.create': {
        if (typeof b.title !== 'string' || b.title === '')
          return fail(422, 'Validation Failed', {
            errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
          });
        const tooLong = bodyTooLong('Issue', b.body);
        if (tooLong) return fail(422, 'Validation Failed', tooLong);
        const names = Array.isArray(b.labels) ? b.labels.filter((l) => typeof l === 'string') : [];
        return reply(
          201,
          addIssue({ title: b.title, body: b.body ?? '', login: identity.login, labels: names }),
        );
      }
      case 'issues.get':
      case 'issues.update': {
        const i = issues.get(Number(params[2]));
        if (!i) return fail(404, 'Not Found');
        if (route === 'issues.get') return reply(200, json(i));
        const tooLong = bodyTooLong('Issue', b.body);
        if (tooLong) return fail(422, 'Validation Failed', tooLong);
        if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
          return fail(422, 'Validation Failed', {
            errors: [{ resource: 'Issue', code: 'invalid', field: 'state' }],
          });
        update(i, b);
        return reply(200, json(i));
      }
      case 'commits.pulls': {
        const pulls = commitPulls.get(decodeURIComponent(params[2])) ?? [];
        return reply(
          200,
          pulls.map((p) => ({
            number: p.number,
            state: p.state ?? (p.merged ? 'closed' : 'open'),
            merged_at: p.merged ? '2025-01-01T00:00:00Z' : null,
            html_url: `https://github.com/${owner}/${repo}/pull/${p.number}`,
          })),
        );
      }
      default:
        return fail(404, 'Not Found');
    }
  }

  return {
    routes: new Set(ISSUE_ROUTES.map((r) => r[2])),
    handle,
    reset() {
      issues.clear();
      commitPulls.clear();
      nextNumber = 100;
    },
    api: {
      /** Adds an issue (or, with `pullRequest: true`, a pull request as the issues list shows it). */
      addIssue,
      /** Every issue, oldest first, as the API shapes them. */
      issues: () => [...issues.values()].sort((x, y) => x.number - y.number).map(json),
      /** What GET /repos/{o}/{r}/commits/{sha}/pulls answers for this commit. */
      setCommitPulls: (sha, pulls) => commitPulls.set(sha, [...pulls]),
    },
  };
}
