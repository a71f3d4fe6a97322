import { describe, expect, test } from '@jest/globals';
import {
  OidcHttpError,
  OidcNetworkError,
  proxyVariablesSet,
  requestOidcToken,
  tokenUrl,
} from '../../../actions/aws-auth/src/oidc-token.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvd2ViIn0.c2ln';
const BASE = 'https://pipelines.actions.githubusercontent.com/abc/_apis/token?api-version=2.0';
const SECRET = 'request-token-never-logged';

type Answer = { status: number; body: string } | Error;

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(answers: Answer[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const impl = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), headers: init?.headers as Record<string, string> });
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    if (next instanceof Error) throw next;
    return new Response(next.body, { status: next.status });
  }) as typeof fetch;
  return { impl, calls };
}

const noWait = async (): Promise<void> => {};
const request = (answers: Answer[], extra: Partial<Parameters<typeof requestOidcToken>[0]> = {}) => {
  const f = scriptedFetch(answers);
  const retries: number[] = [];
  const promise = requestOidcToken({
    url: BASE,
    requestToken: SECRET,
    audience: 'sts.amazonaws.com',
    fetchImpl: f.impl,
    sleep: noWait,
    onRetry: (_e, attempt) => retries.push(attempt),
    ...extra,
  });
  return { promise, calls: f.calls, retries };
};

describe('tokenUrl', () => {
  test('adds the audience and keeps the runner’s own query', () => {
    const u = new URL(tokenUrl(BASE, 'sts.amazonaws.com'));
    expect(u.searchParams.get('api-version')).toBe('2.0');
    expect(u.searchParams.get('audience')).toBe('sts.amazonaws.com');
  });
  test('replaces an audience already present, and encodes it', () => {
    const u = new URL(tokenUrl(`${BASE}&audience=old`, 'https://x.example/a b'));
    expect(u.searchParams.getAll('audience')).toEqual(['https://x.example/a b']);
  });
  test('a URL that is not one is named', () => {
    expect(() => tokenUrl('not a url', 'a')).toThrow('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL');
  });
});

describe('requestOidcToken', () => {
  test('returns the JWT and sends the request token as a bearer token', async () => {
    const r = request([{ status: 200, body: JSON.stringify({ count: 1, value: JWT }) }]);
    await expect(r.promise).resolves.toBe(JWT);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(new URL(r.calls[0]?.url ?? '').searchParams.get('audience')).toBe('sts.amazonaws.com');
  });

  test('retries 5xx, 429 and network failures, then succeeds', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const r = request(
      [
        { status: 503, body: 'busy' },
        { status: 429, body: '{"message":"slow down"}' },
        refused,
        { status: 200, body: JSON.stringify({ value: JWT }) },
      ],
      { attempts: 4 },
    );
    await expect(r.promise).resolves.toBe(JWT);
    expect(r.retries).toEqual([1, 2, 3]);
  });

  test('does not retry a 401 or 403, and reports the endpoint’s message', async () => {
    const r = request([{ status: 401, body: '{"message":"bad request token"}' }]);
    const err = await r.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OidcHttpError);
    expect((err as Error).message).toBe('the token endpoint answered HTTP 401: bad request token');
    expect((err as Error).message).not.toContain(SECRET);
    expect(r.calls).toHaveLength(1);
  });

  test('gives up after the attempts and keeps the last answer', async () => {
    const r = request([
      { status: 500, body: '<html>\n  oops\n</html>' },
      { status: 502, body: '' },
      { status: 500, body: '<html>\n  oops\n</html>' },
    ]);
    await expect(r.promise).rejects.toThrow('the token endpoint answered HTTP 500: <html> oops </html>');
    expect(r.calls).toHaveLength(3);
  });

  test('a network failure names the host and the reason', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const r = request([refused], { attempts: 1 });
    const err = await r.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OidcNetworkError);
    expect((err as Error).message).toBe(
      'could not reach pipelines.actions.githubusercontent.com: ECONNREFUSED',
    );
  });

  test('a time-out says how long it waited', async () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    const r = request([timeout], { attempts: 1, timeoutMs: 2500 });
    await expect(r.promise).rejects.toThrow(
      'pipelines.actions.githubusercontent.com did not answer within 2500 ms',
    );
  });

  test.each([
    ['not JSON', 'plain text', 'the answer is not JSON'],
    ['no value', '{"count":0}', 'the answer has no JWT in "value"'],
    ['not a JWT', '{"value":"abc"}', 'the answer has no JWT in "value"'],
  ])('a 200 answer that is %s is an error, not a token', async (_name, body, message) => {
    const r = request([{ status: 200, body }]);
    await expect(r.promise).rejects.toThrow(message);
    expect(r.calls).toHaveLength(1);
  });
});

test('proxyVariablesSet names the proxy variables present', () => {
  expect(proxyVariablesSet({ https_proxy: 'http://proxy:3128', NO_PROXY: 'x' })).toEqual(['https_proxy']);
  expect(proxyVariablesSet({})).toEqual([]);
});
