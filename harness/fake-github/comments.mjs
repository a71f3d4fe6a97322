// Issue comments of the fake GitHub API (../fake-github.mjs): list (paged, oldest first), create (201),
// get, update, delete (204), shaped like GitHub's (id, node_id, urls, user.login/type, author_association,
// created_at/updated_at). A missing or empty body, or one over 65,536 characters, is GitHub's 422. Comments
// on pull requests and on issues share one number space. Does not model reactions, the `since` filter, or
// the minimised state in REST answers (the GraphQL module records it).
import { WORKFLOW_LOGIN } from './identities.mjs';
import { bodyTooLong, pageOf, stableId } from './http.mjs';

const COMMENTS = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/;
const COMMENT = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/;
export const COMMENT_ROUTES = [
  ['GET', COMMENTS, 'comments.list'],
  ['POST', COMMENTS, 'comments.create'],
  ['GET', COMMENT, 'comments.get'],
  ['PATCH', COMMENT, 'comments.update'],
  ['DELETE', COMMENT, 'comments.delete'],
];

/** GitHub's 422 details for a comment body that is missing, empty, or over 65,536 characters; else undefined. */
function commentBodyProblem(text) {
  if (typeof text !== 'string' || text === '')
    return { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] };
  return bodyTooLong('IssueComment', text);
}

/**
 * @param {{owner: string, repo: string, now: () => string, baseUrl: () => string}} o
 */
export function commentModel({ owner, repo, now, baseUrl }) {
  /** @type {Map<number, {id:number,node_id:string,issue:number,body:string,login:string,created_at:string,updated_at:string}>} */
  const comments = new Map();
  let nextId = 1000;

  const json = (c) => ({
    id: c.id,
    node_id: c.node_id,
    url: `${baseUrl()}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${baseUrl()}/repos/${owner}/${repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.login, id: stableId(c.login), type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
    author_association: c.login.endsWith('[bot]') ? 'NONE' : 'MEMBER',
    created_at: c.created_at,
    updated_at: c.updated_at,
  });
  const onIssue = (issue) =>
    [...comments.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);

  function add(issue, { body, login = WORKFLOW_LOGIN }) {
    const id = nextId++;
    const t = now();
    const c = { id, node_id: `IC_kwDOfake${id}`, issue, body, login, created_at: t, updated_at: t };
    comments.set(id, c);
    return json(c);
  }

  function handle(route, { params, query, body, path, identity, reply, fail, noContent }) {
    const text = body && typeof body === 'object' ? body.body : undefined;
    if (route === 'comments.list') {
      const page = pageOf(onIssue(Number(params[2])), query, {
        base: `${baseUrl()}${path}`,
        backLinks: true,
      });
      return reply(200, page.items.map(json), page.headers);
    }
    if (route === 'comments.create') {
      const invalid = commentBodyProblem(text);
      if (invalid) return fail(422, 'Validation Failed', invalid);
      return reply(201, add(Number(params[2]), { body: text, login: identity.login }));
    }
    const c = comments.get(Number(params[2]));
    if (!c) return fail(404, 'Not Found');
    if (route === 'comments.get') return reply(200, json(c));
    if (route === 'comments.delete') {
      comments.delete(c.id);
      return noContent();
    }
    const invalid = commentBodyProblem(text);
    if (invalid) return fail(422, 'Validation Failed', invalid);
    c.body = text;
    c.updated_at = now();
    return reply(200, json(c));
  }

  return {
    routes: new Set(COMMENT_ROUTES.map((r) => r[2])),
    handle,
    add,
    /** Comments on an issue, oldest first, as the API returns them. */
    list: (issue) => onIssue(issue).map(json),
    /** The stored comment with this GraphQL node id, if any. */
    byNodeId: (nodeId) => [...comments.values()].find((c) => c.node_id === nodeId),
    reset: () => comments.clear(),
  };
}
