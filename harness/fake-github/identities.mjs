// Who a request to the fake GitHub API (../fake-github.mjs) is from: `Authorization: token|Bearer <t>`, each
// token with a login. The workflow token acts like GITHUB_TOKEN (an installation token of
// `github-actions[bot]`: GET /user answers 403); `add(token, login, {user: true})` registers a personal
// access token, for which GET /user answers. Does not model scopes or permissions per token.
import { stableId } from './http.mjs';

export const WORKFLOW_TOKEN = 'ghs_fakeWorkflowToken000000000000000000';
export const WORKFLOW_LOGIN = 'github-actions[bot]';

export const USER_ROUTES = [['GET', /^\/user$/, 'user.get']];

export function identityModel() {
  /** @type {Map<string, {login: string, user: boolean}>} */
  const tokens = new Map([[WORKFLOW_TOKEN, { login: WORKFLOW_LOGIN, user: false }]]);
  return {
    routes: new Set(USER_ROUTES.map((r) => r[2])),
    /** The identity of an Authorization header's token; undefined when missing or unknown. */
    identify(authorization) {
      const token = /^(?:token|bearer) (.+)$/i.exec(authorization ?? '')?.[1];
      return token ? tokens.get(token) : undefined;
    },
    add(token, login, user) {
      tokens.set(token, { login, user });
    },
    handle(route, { identity, reply, fail }) {
      if (!identity.user) return fail(403, 'Resource not accessible by integration');
      return reply(200, { login: identity.login, id: stableId(identity.login), type: 'User' });
    },
  };
}
