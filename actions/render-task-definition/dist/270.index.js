export const id = 270;
export const ids = [270];
export const modules = {

/***/ 7270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchTaskDefinition: () => (/* binding */ fetchTaskDefinition)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(212);
/* harmony import */ var _shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8518);
/* harmony import */ var _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7524);
/* harmony import */ var _shared_src_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6873);
/* harmony import */ var _shared_src_task_definition_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8974);





/** DescribeTaskDefinition (with its tags) -> a template document. Loaded with `await import()` only when needed. */
async function fetchTaskDefinition(reference, opts) {
    const ecs = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .ECSClient */ .Zgc((0,_shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .rw)(opts));
    try {
        const res = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: reference, include: ['TAGS'] }));
        if (!res.taskDefinition)
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`DescribeTaskDefinition returned no task definition for '${reference}'`);
        return {
            document: (0,_shared_src_task_definition_js__WEBPACK_IMPORTED_MODULE_3__/* .fromDescribeOutput */ .fh)(res.taskDefinition, res.tags),
            arn: res.taskDefinition.taskDefinitionArn ?? reference,
            status: res.taskDefinition.status ?? 'ACTIVE',
        };
    }
    catch (err) {
        if (err instanceof _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ)
            throw err;
        const name = (0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err);
        if (name === 'ClientException' || name === 'InvalidParameterException') {
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`input 'task-definition' is '${reference}': there is no such file, and ECS in ${opts.region} has no task ` +
                `definition '${reference}' (${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}). Check the path, or the family/revision and the region.`, { cause: err });
        }
        const hint = (0,_shared_src_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyError */ .fe)(err) === 'access-denied' ? ' The role needs ecs:DescribeTaskDefinition.' : '';
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`DescribeTaskDefinition '${reference}' in ${opts.region} failed: ${name}: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}.${hint}`, {
            cause: err,
        });
    }
    finally {
        ecs.destroy();
    }
}


/***/ }),

/***/ 6873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fe: () => (/* binding */ classifyError)
/* harmony export */ });
/* unused harmony exports isRetryable, sleep, backoffDelay, withRetry */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7524);

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
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(err);
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


/***/ })

};
