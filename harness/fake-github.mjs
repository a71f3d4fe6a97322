// Fake GitHub REST + GraphQL API for running action bundles and workflows against: point GITHUB_API_URL and
// GITHUB_GRAPHQL_URL at it (`fake.env`). Binds 127.0.0.1 on a free port; records every request.
//
// Models:
//  - auth: `Authorization: token|Bearer <t>`; each token has an identity. The default token acts like the
//    workflow's GITHUB_TOKEN: its comments are by `github-actions[bot]` and GET /user answers 403 "Resource
//    not accessible by integration", as GitHub does for installation tokens. `addToken(token, login, {user})`
//    adds others (user: true = a PAT, for which GET /user answers). Unknown tokens get 401.
//  - issue comments: list (per_page up to 100, default 30, `page`, RFC 5988 Link header with next/last),
//    create (201; a body over 65536 characters is 422 like GitHub's "body is too long"), get, update, delete
//    (204); `id`, `node_id`, `html_url`, `user.login/type`, `created_at/updated_at` shaped like GitHub's.
//  - issue labels: list, add (POST {labels}; unknown labels are created, as GitHub does), remove one (404
//    "Label does not exist" when absent).
//  - GraphQL (POST /graphql): `minimizeComment(input: {subjectId, classifier})` and `viewer { login }`;
//    an unknown node id answers GitHub's NOT_FOUND error shape.
//  - failure injection per route (`fail(route, {status, message, times, drop})`): an HTTP error with GitHub's
//    JSON error shape, or `drop: true` to destroy the connection without an answer.
//  - issues (see the separated block at the end of this file): list, create, get, update/close, and the pull
//    requests associated with a commit.
// Does not model: permissions per token (any known token may write anything unless a failure is injected),
// pull request objects, reactions, rate limits and their headers, ETags/conditional requests, comment
// minimised state in REST answers (see `minimized`), GitHub Apps, or the `since` filter.
import { createServer } from 'node:http';

export const WORKFLOW_TOKEN = 'ghs_fakeWorkflowToken000000000000000000';
export const WORKFLOW_LOGIN = 'github-actions[bot]';

// ---- issues routes (terraform-plan-comment target: issue and apply results): the model is at the end ----
const ISSUE_ROUTES = [
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues$/, 'issues.list'],
  ['POST', /^\/repos\/([^/]+)\/([^/]+)\/issues$/, 'issues.create'],
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, 'issues.get'],
  ['PATCH', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/, 'issues.update'],
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/, 'commits.pulls'],
];
// ---- end of issues routes ----

const ROUTES = [
  ['GET', /^\/user$/, 'user.get'],
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, 'comments.list'],
  ['POST', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, 'comments.create'],
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, 'comments.get'],
  ['PATCH', /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, 'comments.update'],
  ['DELETE', /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, 'comments.delete'],
  ['GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/labels$/, 'labels.list'],
  ['POST', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/labels$/, 'labels.add'],
  ['DELETE', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/labels\/([^/]+)$/, 'labels.remove'],
  ['POST', /^\/graphql$/, 'graphql'],
  ...ISSUE_ROUTES,
];

/** Route names accepted by `fail()`. */
export const ROUTE_NAMES = ROUTES.map((r) => r[2]);

/**
 * @param {{owner?: string, repo?: string}} [opts]
 */
/** GitHub's 422 details for a comment body that is missing, empty, or over 65,536 characters; else undefined. */
function commentBodyProblem(text) {
  if (typeof text !== 'string' || text === '')
    return { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] };
  if ([...text].length > 65536)
    return {
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    };
  return undefined;
}

export async function startFakeGitHub({ owner = 'acme', repo = 'payments' } = {}) {
  /** @type {Map<string, {login: string, user: boolean}>} */
  const tokens = new Map([[WORKFLOW_TOKEN, { login: WORKFLOW_LOGIN, user: false }]]);
  /** @type {Map<number, {id:number,node_id:string,issue:number,body:string,login:string,created_at:string,updated_at:string}>} */
  const comments = new Map();
  /** @type {Map<number, string[]>} */
  const labels = new Map();
  const minimized = new Map(); // comment id -> classifier
  /** @type {Array<{method:string,path:string,query:Record<string,string>,route:string,body:unknown,login:string|undefined,status:number}>} */
  const requests = [];
  /** @type {Map<string, {status?: number, message?: string, times: number, drop?: boolean}>} */
  const failures = new Map();
  let nextId = 1000;
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const now = () => new Date((clock += 1000)).toISOString();
  let baseUrl = '';
  const issueFake = issueModel({ owner, repo, now, labels, baseUrl: () => baseUrl });

  const commentJson = (c) => ({
    id: c.id,
    node_id: c.node_id,
    url: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${owner}/${repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.login, id: hash(c.login), type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
    author_association: c.login.endsWith('[bot]') ? 'NONE' : 'MEMBER',
    created_at: c.created_at,
    updated_at: c.updated_at,
  });
  const labelJson = (name) => ({ id: hash(name), name, color: 'ededed', default: false });

  function addComment(issue, { body, login = WORKFLOW_LOGIN }) {
    const id = nextId++;
    const t = now();
    const c = { id, node_id: `IC_kwDOfake${id}`, issue, body, login, created_at: t, updated_at: t };
    comments.set(id, c);
    return commentJson(c);
  }

  const send = (res, status, body, headers = {}) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  };
  const error = (res, status, message, extra = {}) =>
    send(res, status, {
      message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
      ...extra,
    });

  async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const c of req) {
      size += c.length;
      if (size > 10 * 1024 * 1024) throw new Error('request body over 10 MiB');
      chunks.push(c);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const query = Object.fromEntries(url.searchParams);
    let body;
    try {
      body = await readBody(req);
    } catch (err) {
      return error(res, 413, String(err));
    }
    const found = ROUTES.find(([m, re]) => m === method && re.test(path));
    const route = found ? found[2] : `${method} ${path}`;
    const params = found ? (found[1].exec(path) ?? []).slice(1) : [];
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const identity = auth ? tokens.get(auth) : undefined;
    const record = { method, path, query, route, body, login: identity?.login, status: 0 };
    requests.push(record);
    const reply = (status, payload, headers) => {
      record.status = status;
      send(res, status, payload, headers);
    };
    const fail = (status, message, extra) => {
      record.status = status;
      error(res, status, message, extra);
    };

    if (!identity) return fail(401, 'Bad credentials');
    const injected = failures.get(route);
    if (injected && injected.times > 0) {
      injected.times--;
      if (injected.drop) {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      return fail(injected.status ?? 500, injected.message ?? 'injected failure');
    }
    if (!found) return fail(404, 'Not Found');
    if (
      found &&
      params[0] !== undefined &&
      route !== 'graphql' &&
      route !== 'user.get' &&
      (params[0] !== owner || params[1] !== repo)
    ) {
      return fail(404, 'Not Found');
    }

    switch (route) {
      case 'user.get':
        if (!identity.user) return fail(403, 'Resource not accessible by integration');
        return reply(200, { login: identity.login, id: hash(identity.login), type: 'User' });
      case 'comments.list': {
        const issue = Number(params[2]);
        const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
        const page = Math.max(1, Number(query.page ?? 1) || 1);
        const all = [...comments.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links = [];
        const link = (p, rel) => {
          const u = new URL(`${baseUrl}${path}`);
          u.searchParams.set('per_page', String(perPage));
          u.searchParams.set('page', String(p));
          return `<${u}>; rel="${rel}"`;
        };
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        return reply(
          200,
          all.slice((page - 1) * perPage, page * perPage).map(commentJson),
          links.length ? { link: links.join(', ') } : {},
        );
      }
      case 'comments.create': {
        const text = body && typeof body === 'object' ? body.body : undefined;
        const invalid = commentBodyProblem(text);
        if (invalid) return fail(422, 'Validation Failed', invalid);
        return reply(201, addComment(Number(params[2]), { body: text, login: identity.login }));
      }
      case 'comments.get':
      case 'comments.update':
      case 'comments.delete': {
        const c = comments.get(Number(params[2]));
        if (!c) return fail(404, 'Not Found');
        if (route === 'comments.get') return reply(200, commentJson(c));
        if (route === 'comments.delete') {
          comments.delete(c.id);
          record.status = 204;
          res.writeHead(204).end();
          return;
        }
        const text = body && typeof body === 'object' ? body.body : undefined;
        const invalid = commentBodyProblem(text);
        if (invalid) return fail(422, 'Validation Failed', invalid);
        c.body = text;
        c.updated_at = now();
        return reply(200, commentJson(c));
      }
      case 'labels.list': {
        const names = labels.get(Number(params[2])) ?? [];
        return reply(200, names.map(labelJson));
      }
      case 'labels.add': {
        const add = Array.isArray(body) ? body : body && typeof body === 'object' ? body.labels : undefined;
        if (!Array.isArray(add) || !add.every((l) => typeof l === 'string' && l !== ''))
          return fail(422, "Invalid request.\n\nFor 'links/0/schema', nil is not an array.");
        const issue = Number(params[2]);
        const names = labels.get(issue) ?? [];
        for (const l of add) if (!names.includes(l)) names.push(l);
        labels.set(issue, names);
        return reply(200, names.map(labelJson));
      }
      case 'labels.remove': {
        const issue = Number(params[2]);
        const name = decodeURIComponent(params[3]);
        const names = labels.get(issue) ?? [];
        if (!names.includes(name)) return fail(404, 'Label does not exist');
        labels.set(
          issue,
          names.filter((n) => n !== name),
        );
        return reply(200, (labels.get(issue) ?? []).map(labelJson));
      }
      case 'graphql': {
        const q = body && typeof body === 'object' && typeof body.query === 'string' ? body.query : '';
        const vars = (body && typeof body === 'object' && body.variables) || {};
        if (/minimizeComment/.test(q)) {
          const subjectId = vars.subjectId ?? /subjectId:\s*"([^"]+)"/.exec(q)?.[1];
          const classifier = /classifier:\s*(\w+)/.exec(q)?.[1] ?? vars.classifier ?? 'OUTDATED';
          const c = [...comments.values()].find((x) => x.node_id === subjectId);
          if (!c)
            return reply(200, {
              data: { minimizeComment: null },
              errors: [
                {
                  type: 'NOT_FOUND',
                  path: ['minimizeComment'],
                  message: `Could not resolve to a node with the global id of '${subjectId}'.`,
                },
              ],
            });
          minimized.set(c.id, classifier);
          return reply(200, {
            data: {
              minimizeComment: {
                minimizedComment: { isMinimized: true, minimizedReason: classifier.toLowerCase() },
              },
            },
          });
        }
        if (/viewer\s*\{/.test(q)) return reply(200, { data: { viewer: { login: identity.login } } });
        return reply(200, {
          errors: [{ message: 'the fake GitHub GraphQL API only models minimizeComment and viewer' }],
        });
      }
      default:
        if (issueFake.routes.has(route))
          return issueFake.handle(route, { params, query, body, path, identity, reply, fail });
        return fail(404, 'Not Found');
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    /** Environment for an action process: API URLs and the workflow token. */
    env: {
      GITHUB_API_URL: baseUrl,
      GITHUB_GRAPHQL_URL: `${baseUrl}/graphql`,
      GITHUB_TOKEN: WORKFLOW_TOKEN,
    },
    token: WORKFLOW_TOKEN,
    requests,
    minimized,
    /** Registers another token; `user: true` makes GET /user answer (a personal access token). */
    addToken(token, login, { user = true } = {}) {
      tokens.set(token, { login, user });
    },
    addComment,
    /** Comments on an issue, oldest first, as the API returns them. */
    comments: (issue) =>
      [...comments.values()]
        .filter((c) => c.issue === issue)
        .sort((a, b) => a.id - b.id)
        .map(commentJson),
    labels: (issue) => [...(labels.get(issue) ?? [])],
    setLabels: (issue, names) => labels.set(issue, [...names]),
    /**
     * Makes the next `times` requests to a route fail (Infinity: until cleared).
     * @param {string} route  one of ROUTE_NAMES
     * @param {{status?: number, message?: string, times?: number, drop?: boolean}} f
     */
    fail(route, { status, message, times = Infinity, drop = false } = {}) {
      if (!ROUTE_NAMES.includes(route))
        throw new Error(`unknown route '${route}'; one of ${ROUTE_NAMES.join(', ')}`);
      failures.set(route, { status, message, times, drop });
    },
    clearFailures: () => failures.clear(),
    /** Requests that changed something (anything but GET). */
    writes: () => requests.filter((r) => r.method !== 'GET'),
    ...issueFake.api,
    reset() {
      issueFake.reset();
      comments.clear();
      labels.clear();
      minimized.clear();
      requests.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function hash(s) {
  let h = 7;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000_007;
  return h;
}

// ---- issues model (terraform-plan-comment target: issue, apply results after a merge) ----
// Models GitHub's REST issues as the drift issue and the apply comment use them:
//  - GET /repos/{o}/{r}/issues: `state` open (default) | closed | all, `labels` (comma-separated, every one
//    must be on the issue), `per_page`/`page` with a Link header; pull requests are listed too, with a
//    `pull_request` key, as GitHub does (`addIssue(..., {pullRequest: true})`).
//  - POST /repos/{o}/{r}/issues: 201; `title` required (422 otherwise), body over 65536 characters is 422;
//    `labels` are created as needed and put on the issue (the shared labels store).
//  - GET / PATCH /repos/{o}/{r}/issues/{n}: title, body, state (open|closed), state_reason; closing sets
//    closed_at. Comments on issues use the comment routes above (same number space).
//  - GET /repos/{o}/{r}/commits/{sha}/pulls: what `setCommitPulls(sha, [{number, state, merged}])` says.
// Does not model: assignees, milestones, locking, issue types, sorting options, the `since`/`creator` filters.
function issueModel({ owner, repo, now, labels, baseUrl }) {
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
  const tooLong = (text) => typeof text === 'string' && [...text].length > 65536;
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
  function handle(route, { params, query, body, path, identity, reply, fail }) {
    const b = body && typeof body === 'object' ? body : {};
    switch (route) {
      case 'issues.list': {
        const state = query.state ?? 'open';
        const want = (query.labels ?? '')
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean);
        const all = [...issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => want.every((l) => (labels.get(i.number) ?? []).includes(l)))
          .sort((x, y) => y.number - x.number); // newest first, as GitHub's default sort=created direction=desc
        const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
        const page = Math.max(1, Number(query.page ?? 1) || 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p, rel) => {
          const u = new URL(`${baseUrl()}${path}`);
          for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
          u.searchParams.set('per_page', String(perPage));
          u.searchParams.set('page', String(p));
          return `<${u}>; rel="${rel}"`;
        };
        const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
        return reply(
          200,
          all.slice((page - 1) * perPage, page * perPage).map(json),
          links.length ? { link: links.join(', ') } : {},
        );
      }
      case 'issues.create': {
        if (typeof b.title !== 'string' || b.title === '')
          return fail(422, 'Validation Failed', {
            errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
          });
        if (tooLong(b.body))
          return fail(422, 'Validation Failed', {
            errors: [
              {
                resource: 'Issue',
                code: 'custom',
                field: 'body',
                message: 'body is too long (maximum is 65536 characters)',
              },
            ],
          });
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
        if (tooLong(b.body))
          return fail(422, 'Validation Failed', {
            errors: [
              {
                resource: 'Issue',
                code: 'custom',
                field: 'body',
                message: 'body is too long (maximum is 65536 characters)',
              },
            ],
          });
        if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
          return fail(422, 'Validation Failed', {
            errors: [{ resource: 'Issue', code: 'invalid', field: 'state' }],
          });
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
// ---- end of issues model ----
