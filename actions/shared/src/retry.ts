import { errorName } from './errors.js';

export type ErrorClass = 'throttling' | 'transient' | 'access-denied' | 'fatal';

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
]);
const TRANSIENT = new Set([
  'IDPCommunicationError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalError',
  'InternalServerError',
  'ServerException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  cause?: unknown;
}

/** Classifies an error from the AWS SDK (or the network) for retry decisions. */
export function classifyError(err: unknown): ErrorClass {
  const e = (err && typeof err === 'object' ? err : {}) as ErrorShape;
  const name = errorName(err);
  const code = typeof e.code === 'string' ? e.code : '';
  if (THROTTLING.has(name) || THROTTLING.has(code)) return 'throttling';
  if (ACCESS_DENIED.has(name) || ACCESS_DENIED.has(code)) return 'access-denied';
  if (TRANSIENT.has(name) || TRANSIENT.has(code)) return 'transient';
  const status = e.$metadata?.httpStatusCode;
  if (status === 429) return 'throttling';
  if (status !== undefined && status >= 500) return 'transient';
  if (status === undefined && e.$retryable) return 'transient';
  // Network failures surface without an HTTP status; look at the cause chain.
  if (status === undefined && e.cause && e.cause !== err) {
    const inner = classifyError(e.cause);
    if (inner !== 'fatal') return inner;
  }
  if (
    status === undefined &&
    /socket hang up|ECONNRESET|ECONNREFUSED|network|timed? ?out/i.test(String((err as Error)?.message ?? ''))
  ) {
    return 'transient';
  }
  return 'fatal';
}

/** HTTP statuses worth another attempt at the same request: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function isRetryable(err: unknown): boolean {
  const c = classifyError(err);
  return c === 'throttling' || c === 'transient';
}

export interface RetryOptions {
  /** Total attempts including the first (>= 1). */
  attempts: number;
  /** Base delay in ms for full-jitter exponential backoff. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each wait, for logging. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retryable?: (err: unknown) => boolean;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function backoffDelay(attempt: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Calls `fn` until it succeeds, a non-retryable error occurs, or attempts run out (then rethrows). */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const {
    attempts,
    baseDelayMs = 500,
    maxDelayMs = 10_000,
    onRetry,
    sleep: wait = sleep,
    random = Math.random,
  } = opts;
  const retryable = opts.retryable ?? isRetryable;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= attempts || !retryable(err)) throw err;
      const delay = backoffDelay(attempt, baseDelayMs, maxDelayMs, random);
      onRetry?.(err, attempt, delay);
      await wait(delay);
    }
  }
}
