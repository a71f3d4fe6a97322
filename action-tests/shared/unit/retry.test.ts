import {
  classifyError,
  withRetry,
  backoffDelay,
  isRetryableStatus,
} from '../../../actions/shared/src/retry.js';

const awsError = (name: string, status?: number) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: status ? { httpStatusCode: status } : {} });

describe('classifyError', () => {
  test.each([
    [awsError('ThrottlingException', 400), 'throttling'],
    [awsError('TooManyRequestsException', 429), 'throttling'],
    [awsError('Whatever', 429), 'throttling'],
    [awsError('IDPCommunicationError', 400), 'transient'],
    [awsError('ServiceUnavailableException', 503), 'transient'],
    [awsError('InternalError', 500), 'transient'],
    [awsError('SomethingNew', 502), 'transient'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'transient'],
    [
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
      'transient',
    ],
    [awsError('AccessDenied', 403), 'access-denied'],
    [awsError('AccessDeniedException', 400), 'access-denied'],
    [awsError('ExpiredTokenException', 400), 'access-denied'],
    [awsError('InvalidParameterException', 400), 'fatal'],
    [awsError('ServiceNotFoundException', 400), 'fatal'],
    [awsError('InvalidIdentityToken', 400), 'fatal'],
  ])('%p is %s', (err, expected) => expect(classifyError(err)).toBe(expected));
});

describe('withRetry', () => {
  const noSleep = async () => undefined;

  test('retries retryable errors and returns the first success', async () => {
    let calls = 0;
    const retries: number[] = [];
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw awsError('ThrottlingException', 400);
        return 'ok';
      },
      { attempts: 5, sleep: noSleep, onRetry: (_e, attempt) => retries.push(attempt) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  test('never retries AccessDenied', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw awsError('AccessDenied', 403);
        },
        { attempts: 5, sleep: noSleep },
      ),
    ).rejects.toThrow('AccessDenied happened');
    expect(calls).toBe(1);
  });

  test('gives up after the attempts and rethrows the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw awsError('ServiceUnavailableException', 503);
        },
        { attempts: 3, sleep: noSleep },
      ),
    ).rejects.toThrow('ServiceUnavailableException happened');
    expect(calls).toBe(3);
  });

  test('backoff grows exponentially and is capped', () => {
    const max = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, 500, 10_000, max))).toEqual([
      500, 1000, 2000, 4000, 8000, 10000,
    ]);
    expect(backoffDelay(3, 500, 10_000, () => 0)).toBe(1000);
  });
});

describe('isRetryableStatus', () => {
  test.each([408, 429, 500, 502, 503, 504])('%i is retried', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });
  test.each([200, 400, 401, 403, 404, 409, 422])('%i is not', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});
