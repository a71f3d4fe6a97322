export const id = 809;
export const ids = [809];
export const modules = {

/***/ 1809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assumeChained: () => (/* binding */ assumeChained),
  assumeWithWebIdentity: () => (/* binding */ assumeWithWebIdentity)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./actions/shared/src/aws-client.ts + 1 modules
var aws_client = __webpack_require__(8518);
// EXTERNAL MODULE: ./actions/shared/src/errors.ts
var errors = __webpack_require__(7524);
;// CONCATENATED MODULE: ./actions/shared/src/retry.ts

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
/** Classifies an error from the AWS SDK (or the network) for retry decisions. */
function classifyError(err) {
    const e = (err && typeof err === 'object' ? err : {});
    const name = (0,errors/* errorName */.Is)(err);
    const code = typeof e.code === 'string' ? e.code : '';
    if (THROTTLING.has(name) || THROTTLING.has(code))
        return 'throttling';
    if (ACCESS_DENIED.has(name) || ACCESS_DENIED.has(code))
        return 'access-denied';
    if (TRANSIENT.has(name) || TRANSIENT.has(code))
        return 'transient';
    const status = e.$metadata?.httpStatusCode;
    if (status === 429)
        return 'throttling';
    if (status !== undefined && status >= 500)
        return 'transient';
    if (status === undefined && e.$retryable)
        return 'transient';
    // Network failures surface without an HTTP status; look at the cause chain.
    if (status === undefined && e.cause && e.cause !== err) {
        const inner = classifyError(e.cause);
        if (inner !== 'fatal')
            return inner;
    }
    if (status === undefined &&
        /socket hang up|ECONNRESET|ECONNREFUSED|network|timed? ?out/i.test(String(err?.message ?? ''))) {
        return 'transient';
    }
    return 'fatal';
}
function isRetryable(err) {
    const c = classifyError(err);
    return c === 'throttling' || c === 'transient';
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function backoffDelay(attempt, base, max, random) {
    const ceiling = Math.min(max, base * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** Calls `fn` until it succeeds, a non-retryable error occurs, or attempts run out (then rethrows). */
async function withRetry(fn, opts) {
    const { attempts, baseDelayMs = 500, maxDelayMs = 10_000, onRetry, sleep: wait = sleep, random = Math.random, } = opts;
    const retryable = opts.retryable ?? isRetryable;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= attempts || !retryable(err))
                throw err;
            const delay = backoffDelay(attempt, baseDelayMs, maxDelayMs, random);
            onRetry?.(err, attempt, delay);
            await wait(delay);
        }
    }
}

// EXTERNAL MODULE: ./actions/aws-auth/src/token-claims.ts
var token_claims = __webpack_require__(3143);
;// CONCATENATED MODULE: ./actions/aws-auth/src/assume-role.ts





function toSession(what, creds, arn, mask) {
    if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken || !creds.Expiration || !arn) {
        throw new errors/* ActionError */.lZ(`${what} answered without complete credentials`);
    }
    mask(creds.AccessKeyId);
    mask(creds.SecretAccessKey);
    mask(creds.SessionToken);
    const accountId = /^arn:[^:]+:sts::(\d{12}):/.exec(arn)?.[1];
    if (!accountId)
        throw new errors/* ActionError */.lZ(`${what} returned an unexpected assumed-role ARN '${arn}'`);
    return {
        accessKeyId: creds.AccessKeyId,
        secretAccessKey: creds.SecretAccessKey,
        sessionToken: creds.SessionToken,
        expiration: creds.Expiration,
        assumedRoleArn: arn,
        accountId,
    };
}
// SDK retries are off (maxAttempts 1): withRetry decides, because IDPCommunicationError is retryable here
// although the SDK does not retry it, and AccessDenied must never be retried.
function client(region, credentials) {
    return new dist_cjs/* STSClient */.iM({
        ...(0,aws_client/* awsClientConfig */.rw)({ region, maxAttempts: 1 }),
        ...(credentials ? { credentials } : {}),
    });
}
async function assumeWithWebIdentity(roleArn, token, claims, opts) {
    const sts = client(opts.region);
    try {
        const res = await withRetry(() => sts.send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
            RoleArn: roleArn,
            RoleSessionName: opts.sessionName,
            WebIdentityToken: token,
            DurationSeconds: opts.durationSeconds,
        })), {
            attempts: opts.maxAttempts,
            onRetry: (e, a, d) => opts.onRetry('AssumeRoleWithWebIdentity', e, a, d),
        });
        return toSession('AssumeRoleWithWebIdentity', res.Credentials, res.AssumedRoleUser?.Arn, opts.mask);
    }
    catch (err) {
        if (err instanceof errors/* ActionError */.lZ)
            throw err;
        const kind = classifyError(err);
        if (kind === 'access-denied' || (0,errors/* errorName */.Is)(err) === 'InvalidIdentityToken') {
            throw new errors/* ActionError */.lZ(`AWS refused AssumeRoleWithWebIdentity for ${roleArn} (${(0,errors/* errorName */.Is)(err)}: ${(0,errors/* errorMessage */.gJ)(err)}). ` +
                `The role's trust policy must allow this token: ${(0,token_claims/* describeClaims */.Z)(claims)}. Compare them with its ` +
                `conditions on token.actions.githubusercontent.com:sub and :aud.`, { cause: err });
        }
        throw new errors/* ActionError */.lZ(`AssumeRoleWithWebIdentity for ${roleArn} failed: ${(0,errors/* errorName */.Is)(err)}: ${(0,errors/* errorMessage */.gJ)(err)}`, {
            cause: err,
        });
    }
    finally {
        sts.destroy();
    }
}
async function assumeChained(first, roleArn, externalId, opts) {
    const sts = client(opts.region, first);
    try {
        const res = await withRetry(() => sts.send(new dist_cjs/* AssumeRoleCommand */.QL({
            RoleArn: roleArn,
            RoleSessionName: opts.sessionName,
            DurationSeconds: opts.durationSeconds,
            ...(externalId ? { ExternalId: externalId } : {}),
        })), { attempts: opts.maxAttempts, onRetry: (e, a, d) => opts.onRetry('AssumeRole', e, a, d) });
        return toSession('AssumeRole', res.Credentials, res.AssumedRoleUser?.Arn, opts.mask);
    }
    catch (err) {
        if (err instanceof errors/* ActionError */.lZ)
            throw err;
        const hint = classifyError(err) === 'access-denied'
            ? ` The trust policy of ${roleArn} must allow ${first.assumedRoleArn.replace(/\/[^/]+$/, '')}` +
                (externalId ? ' with this external ID' : '') +
                ', and the first role needs sts:AssumeRole on it.'
            : '';
        throw new errors/* ActionError */.lZ(`AssumeRole (chain) to ${roleArn} failed: ${(0,errors/* errorName */.Is)(err)}: ${(0,errors/* errorMessage */.gJ)(err)}.${hint}`, {
            cause: err,
        });
    }
    finally {
        sts.destroy();
    }
}


/***/ })

};
