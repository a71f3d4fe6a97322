// The runner's OIDC token request: GET $ACTIONS_ID_TOKEN_REQUEST_URL with `audience=<aud>` added and
// `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answered with `{"value": "<jwt>"}`.
// Node's own fetch does the request, so aws-auth does not bundle @actions/core's HTTP client (undici,
// about 1 MB of the bundle and a third of its start-up).
import { isRetryableStatus, withRetry } from '../../shared/src/retry.js';

export interface OidcRequest {
  /** ACTIONS_ID_TOKEN_REQUEST_URL */
  url: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN: sent as a bearer token, never logged. */
  requestToken: string;
  audience: string;
  /** Total attempts for 408/429/5xx answers and network errors (default 3). */
  attempts?: number;
  /** Per-attempt time limit in ms (default 10 s). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/** An HTTP answer from the token endpoint that is not a token. */
export class OidcHttpError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`the token endpoint answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'OidcHttpError';
  }
}

/** The request URL with the audience set (replacing one the runner may already have put there). */
export function tokenUrl(base: string, audience: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL');
  }
  url.searchParams.set('audience', audience);
  return url.toString();
}

/** The token endpoint could not be reached, or did not answer in time. */
export class OidcNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcNetworkError';
  }
}

function retryableTokenError(err: unknown): boolean {
  if (err instanceof OidcHttpError) return isRetryableStatus(err.status);
  return err instanceof OidcNetworkError;
}

/** fetch rejects with TypeError('fetch failed') whose cause says why, or with TimeoutError on our limit. */
function networkError(err: unknown, host: string, timeoutMs: number): OidcNetworkError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new OidcNetworkError(`${host} did not answer within ${timeoutMs} ms`);
  }
  const why = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return new OidcNetworkError(`could not reach ${host}: ${why}`);
}

/** A short, single-line excerpt of an error body (the endpoint's JSON `message` when it has one). */
function bodyDetail(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 300);
  } catch {
    /* not JSON */
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** Requests a GitHub OIDC token for `audience`; retries what a retry can fix. */
export async function requestOidcToken(req: OidcRequest): Promise<string> {
  const url = tokenUrl(req.url, req.audience);
  const host = new URL(url).host;
  const doFetch = req.fetchImpl ?? fetch;
  const timeoutMs = req.timeoutMs ?? 10_000;
  return withRetry(
    async () => {
      let res: Response;
      let text: string;
      try {
        res = await doFetch(url, {
          headers: { authorization: `Bearer ${req.requestToken}`, accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await res.text();
      } catch (err) {
        throw networkError(err, host, timeoutMs);
      }
      if (!res.ok) throw new OidcHttpError(res.status, bodyDetail(text));
      let value: unknown;
      try {
        value = (JSON.parse(text) as { value?: unknown }).value;
      } catch {
        throw new OidcHttpError(res.status, 'the answer is not JSON');
      }
      if (typeof value !== 'string' || value.split('.').length !== 3) {
        throw new OidcHttpError(res.status, 'the answer has no JWT in "value"');
      }
      return value;
    },
    {
      attempts: req.attempts ?? 3,
      baseDelayMs: 500,
      maxDelayMs: 4000,
      retryable: retryableTokenError,
      onRetry: req.onRetry,
      sleep: req.sleep,
    },
  );
}

/** Names the proxy variables set in `env`: the token and STS requests go direct, not through them. */
export function proxyVariablesSet(env: NodeJS.ProcessEnv): string[] {
  return ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].filter((k) => env[k]);
}
