// Fake GitHub REST + GraphQL API for running action bundles and workflows against: point GITHUB_API_URL and
// GITHUB_GRAPHQL_URL at it (`fake.env`). Binds 127.0.0.1 on a free port; records every request.
//
// Models (one module per concern under fake-github/):
//  - auth (identities.mjs): `Authorization: token|Bearer <t>`; each token has an identity. The default token
//    acts like the workflow's GITHUB_TOKEN: its comments are by `github-actions[bot]` and GET /user answers
//    403 "Resource not accessible by integration", as GitHub does for installation tokens.
//    `addToken(token, login, {user})` adds others (user: true = a PAT, for which GET /user answers). Unknown
//    tokens get 401.
//  - issue comments (comments.mjs): list (per_page up to 100, default 30, `page`, RFC 5988 Link header with
//    next/last), create (201; a body over 65536 characters is 422 like GitHub's "body is too long"), get,
//    update, delete (204); `id`, `node_id`, `html_url`, `user.login/type`, `created_at/updated_at` shaped
//    like GitHub's.
//  - issue labels (labels.mjs): list, add (POST {labels}; unknown labels are created, as GitHub does), remove
//    one (404 "Label does not exist" when absent).
//  - GraphQL (graphql.mjs, POST /graphql): `minimizeComment(input: {subjectId, classifier})` and
//    `viewer { login }`; an unknown node id answers GitHub's NOT_FOUND error shape.
//  - issues (issues.mjs): list, create, get, update/close, and the pull requests associated with a commit.
//  - failure injection per route (this file, `fail(route, {status, message, times, drop})`): an HTTP error
//    with GitHub's JSON error shape, or `drop: true` to destroy the connection without an answer.
// Does not model: permissions per token (any known token may write anything unless a failure is injected),
// pull request objects, reactions, rate limits and their headers, ETags/conditional requests, comment
// minimised state in REST answers (see `minimized`), GitHub Apps, or the `since` filter.
import { createServer } from 'node:http';
import { readBody, sendError, sendJson } from './fake-github/http.mjs';
import { USER_ROUTES, WORKFLOW_LOGIN, WORKFLOW_TOKEN, identityModel } from './fake-github/identities.mjs';
import { COMMENT_ROUTES, commentModel } from './fake-github/comments.mjs';
import { LABEL_ROUTES, labelModel } from './fake-github/labels.mjs';
import { GRAPHQL_ROUTES, graphqlModel } from './fake-github/graphql.mjs';
import { ISSUE_ROUTES, issueModel } from './fake-github/issues.mjs';

export { WORKFLOW_LOGIN, WORKFLOW_TOKEN };

/** [method, path pattern, route name], tried in order; the pattern's groups are the route's params. */
const ROUTES = [...USER_ROUTES, ...COMMENT_ROUTES, ...LABEL_ROUTES, ...GRAPHQL_ROUTES, ...ISSUE_ROUTES];

/** Route names accepted by `fail()`. */
export const ROUTE_NAMES = ROUTES.map((r) => r[2]);

/**
 * @param {{owner?: string, repo?: string}} [opts]
 */
export async function startFakeGitHub({ owner = 'acme', repo = 'payments' } = {}) {
  /** @type {Array<{method:string,path:string,query:Record<string,string>,route:string,body:unknown,login:string|undefined,status:number}>} */
  const requests = [];
  /** @type {Map<string, {status?: number, message?: string, times: number, drop?: boolean}>} */
  const failures = new Map();
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const now = () => new Date((clock += 1000)).toISOString();
  let baseUrl = '';
  const shared = { owner, repo, now, baseUrl: () => baseUrl };
  const identities = identityModel();
  const comments = commentModel(shared);
  const labels = labelModel();
  const graphql = graphqlModel({ comments });
  const issues = issueModel({ ...shared, labels: labels.store });
  const models = [identities, comments, labels, graphql, issues];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const query = Object.fromEntries(url.searchParams);
    let body;
    try {
      body = await readBody(req);
    } catch (err) {
      return sendError(res, 413, String(err));
    }
    const found = ROUTES.find(([m, re]) => m === method && re.test(path));
    const route = found ? found[2] : `${method} ${path}`;
    const params = found ? (found[1].exec(path) ?? []).slice(1) : [];
    const identity = identities.identify(req.headers.authorization);
    const record = { method, path, query, route, body, login: identity?.login, status: 0 };
    requests.push(record);
    const reply = (status, payload, headers) => {
      record.status = status;
      sendJson(res, status, payload, headers);
    };
    const fail = (status, message, extra) => {
      record.status = status;
      sendError(res, status, message, extra);
    };
    const noContent = () => {
      record.status = 204;
      res.writeHead(204).end();
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
    // Every route with path params is under /repos/{owner}/{repo}: another repository does not exist.
    if (params[0] !== undefined && (params[0] !== owner || params[1] !== repo)) return fail(404, 'Not Found');

    const model = models.find((m) => m.routes.has(route));
    if (!model) return fail(404, 'Not Found');
    return model.handle(route, { params, query, body, path, identity, reply, fail, noContent });
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
    minimized: graphql.minimized,
    /** Registers another token; `user: true` makes GET /user answer (a personal access token). */
    addToken(token, login, { user = true } = {}) {
      identities.add(token, login, user);
    },
    addComment: comments.add,
    /** Comments on an issue, oldest first, as the API returns them. */
    comments: comments.list,
    labels: (issue) => [...(labels.store.get(issue) ?? [])],
    setLabels: (issue, names) => labels.store.set(issue, [...names]),
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
    ...issues.api,
    reset() {
      issues.reset();
      comments.reset();
      labels.reset();
      graphql.reset();
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
