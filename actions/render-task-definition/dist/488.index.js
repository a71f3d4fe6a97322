export const id = 488;
export const ids = [488];
export const modules = {

/***/ 4488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveEcrDigests: () => (/* binding */ resolveEcrDigests)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8518);
/* harmony import */ var _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7524);
/* harmony import */ var _shared_src_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6873);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5695);





/**
 * Resolves ECR images given by tag to their digests with DescribeImages, one client per region (an image
 * may live in another region's registry). Loaded with `await import()` only when there is something to pin.
 */
async function resolveEcrDigests(images, opts) {
    const clients = new Map();
    const client = (region) => {
        let c = clients.get(region);
        if (!c)
            clients.set(region, (c = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .ECRClient */ .S70((0,_shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .rw)({ region, maxAttempts: opts.maxAttempts }))));
        return c;
    };
    try {
        const settled = await Promise.allSettled(images.map(async (image) => {
            const ecr = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEcrImage */ .TI)(image);
            if (!ecr?.tag)
                throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`internal: ${image} is not an ECR image given by tag`);
            try {
                const res = await client(ecr.region).send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .DescribeImagesCommand */ .ji5({
                    registryId: ecr.registryId,
                    repositoryName: ecr.repository,
                    imageIds: [{ imageTag: ecr.tag }],
                }));
                const digest = res.imageDetails?.[0]?.imageDigest;
                if (!digest || !_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .SHA256_DIGEST_RE */ .Dn.test(digest))
                    throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`ECR returned no usable digest for ${image} (got '${digest ?? ''}')`);
                opts.log(`${image} -> ${digest}`);
                return [image, digest];
            }
            catch (err) {
                if (err instanceof _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ)
                    throw err;
                throw explain(err, image, ecr.repository, ecr.registryId, ecr.region, ecr.tag);
            }
        }));
        // Every failure, in the order of the images (not whichever answer came first).
        const failures = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
        if (failures.length === 1)
            throw failures[0];
        if (failures.length > 1)
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`pin-digests: ${failures.length} images could not be resolved:\n${failures.map((f) => `- ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(f).replace(/^pin-digests: /, '')}`).join('\n')}`);
        const entries = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        return new Map(entries);
    }
    finally {
        for (const c of clients.values())
            c.destroy();
    }
}
function explain(err, image, repo, account, region, tag) {
    const name = (0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err);
    const where = `repository '${repo}' (account ${account}, ${region})`;
    if (name === 'ImageNotFoundException')
        return new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`pin-digests: image ${image}: tag '${tag}' is not in ECR ${where}. Push the image before rendering, fix the tag, or set pin-digests: false.`, { cause: err });
    if (name === 'RepositoryNotFoundException')
        return new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`pin-digests: image ${image}: ECR ${where} does not exist or is not visible to these credentials. Check the image URI.`, { cause: err });
    const hint = (0,_shared_src_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyError */ .fe)(err) === 'access-denied' ? ` The role needs ecr:DescribeImages on ${repo}.` : '';
    return new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`pin-digests: DescribeImages for ${image} failed: ${name}: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}.${hint}`, { cause: err });
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
