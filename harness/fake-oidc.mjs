// Fake GitHub OIDC token endpoint: the runner's ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN protocol.
//
// Models: `GET <url>&audience=<aud>` with `Authorization: Bearer <request token>` answering
// `{"value": "<jwt>"}`, where the JWT has GitHub's claim set (iss, sub, aud, repository, ref, environment,
// job_workflow_ref, run_id, exp...). A wrong bearer token gets 401; `failWith` makes it answer an HTTP error.
// Records every audience asked for.
// Does not model: signatures (the JWT is signed with a fixed fake key string, so no verifier would accept
// it; moto's STS does not verify web identity tokens), token expiry enforcement, or GitHub's rate limits.
// `failFirst: n` answers the first n authorised requests with 503 (a brief endpoint outage).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const b64url = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

export function makeJwt(claims) {
  const header = { alg: 'RS256', typ: 'JWT', kid: 'slipway-fake-oidc' };
  return `${b64url(header)}.${b64url(claims)}.${randomBytes(64).toString('base64url')}`;
}

export function githubClaims({
  audience,
  repository = 'acme/payments',
  ref = 'refs/heads/main',
  environment,
} = {}) {
  const now = Math.floor(Date.now() / 1000);
  const sub = environment ? `repo:${repository}:environment:${environment}` : `repo:${repository}:ref:${ref}`;
  return {
    jti: randomBytes(8).toString('hex'),
    sub,
    aud: audience,
    ref,
    sha: '0123456789abcdef0123456789abcdef01234567',
    repository,
    repository_owner: repository.split('/')[0],
    run_id: '4242',
    run_attempt: '1',
    actor: 'octocat',
    workflow: 'deploy',
    event_name: 'push',
    ref_type: 'branch',
    job_workflow_ref: `${repository}/.github/workflows/deploy.yml@${ref}`,
    ...(environment ? { environment } : {}),
    iss: 'https://token.actions.githubusercontent.com',
    nbf: now - 5,
    iat: now,
    exp: now + 300,
  };
}

/**
 * @param {{repository?: string, ref?: string, environment?: string, failWith?: number, failFirst?: number}} [opts]
 * @returns {Promise<{env: Record<string,string>, audiences: string[], tokens: string[], requestToken: string, close: () => Promise<void>}>}
 */
export async function startFakeOidc(opts = {}) {
  const requestToken = randomBytes(24).toString('hex');
  const audiences = [];
  const tokens = [];
  let failuresLeft = opts.failFirst ?? 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"bad request token"}');
      return;
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"injected outage"}');
      return;
    }
    if (opts.failWith) {
      res
        .writeHead(opts.failWith, { 'content-type': 'application/json' })
        .end('{"message":"injected failure"}');
      return;
    }
    const audience = url.searchParams.get('audience') ?? 'https://github.com/acme';
    audiences.push(audience);
    const token = makeJwt(githubClaims({ audience, ...opts }));
    tokens.push(token);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ count: 1, value: token }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/_apis/distributedtask/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    },
    audiences,
    tokens,
    requestToken,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
