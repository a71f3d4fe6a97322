// The GraphQL endpoint of the fake GitHub API (../fake-github.mjs), POST /graphql: only
// `minimizeComment(input: {subjectId, classifier})` (recorded in `minimized`: comment id -> classifier) and
// `viewer { login }`. An unknown node id answers GitHub's NOT_FOUND error shape; any other query answers an
// `errors` entry saying what is modelled. Does not parse GraphQL: the query text is matched by pattern.
export const GRAPHQL_ROUTES = [['POST', /^\/graphql$/, 'graphql']];

/** @param {{comments: {byNodeId: (id: string) => {id: number} | undefined}}} o */
export function graphqlModel({ comments }) {
  /** @type {Map<number, string>} comment id -> classifier */
  const minimized = new Map();

  function handle(route, { body, identity, reply }) {
    const q = body && typeof body === 'object' && typeof body.query === 'string' ? body.query : '';
    const vars = (body && typeof body === 'object' && body.variables) || {};
    if (/minimizeComment/.test(q)) {
      const subjectId = vars.subjectId ?? /subjectId:\s*"([^"]+)"/.exec(q)?.[1];
      const classifier = /classifier:\s*(\w+)/.exec(q)?.[1] ?? vars.classifier ?? 'OUTDATED';
      const c = comments.byNodeId(subjectId);
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

  return {
    routes: new Set(GRAPHQL_ROUTES.map((r) => r[2])),
    handle,
    minimized,
    reset: () => minimized.clear(),
  };
}
