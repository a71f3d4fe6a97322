export const id = 719;
export const ids = [719];
export const modules = {

/***/ 5719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  octokitApi: () => (/* binding */ octokitApi)
});

// UNUSED EXPORTS: retryableGitHubError

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
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

;// CONCATENATED MODULE: ./actions/shared/src/version.ts
/** slipway's version, sent in the AWS user agent. Kept in step with package.json by a unit test. */
const SLIPWAY_VERSION = '0.1.0';

// EXTERNAL MODULE: ./actions/terraform-plan-comment/src/github-api.ts
var github_api = __webpack_require__(5190);
;// CONCATENATED MODULE: ./actions/terraform-plan-comment/src/github-octokit.ts




function toComment(c) {
    return {
        id: c.id,
        nodeId: c.node_id,
        body: c.body ?? '',
        login: c.user?.login ?? '',
        htmlUrl: c.html_url,
        createdAt: c.created_at,
    };
}
/** Network errors (Octokit reports them as status 500), 5xx and 429 are worth another try; nothing else. */
function retryableGitHubError(err) {
    const status = (0,github_api/* httpStatus */.n)(err);
    return status !== undefined && (status >= 500 || status === 429);
}
/**
 * GitHub REST + GraphQL through @actions/github's Octokit (which honours GITHUB_API_URL and the runner's
 * proxy settings). Idempotent calls are retried on network errors, 5xx and 429; creating a comment is not,
 * because a request that failed in transit may still have posted it.
 */
function octokitApi(opts) {
    const octokit = (0,github/* getOctokit */.Q)(opts.token, { userAgent: `slipway-terraform-plan-comment/${SLIPWAY_VERSION}` });
    const retry = (what, fn) => withRetry(fn, {
        attempts: opts.attempts ?? 3,
        baseDelayMs: opts.baseDelayMs ?? 300,
        maxDelayMs: 3000,
        retryable: retryableGitHubError,
        onRetry: (err, attempt, delay) => opts.onRetry(what, err, attempt, delay),
    });
    const repo = (i) => ({ owner: i.owner, repo: i.repo });
    return {
        async ownLogin() {
            try {
                const res = await retry('GET /user', () => octokit.request('GET /user'));
                return res.data.login;
            }
            catch (err) {
                const status = (0,github_api/* httpStatus */.n)(err);
                if (status === 403 || status === 401 || status === 404)
                    return undefined;
                throw err;
            }
        },
        async listComments(issue) {
            const all = await retry('list comments', () => octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                ...repo(issue),
                issue_number: issue.number,
                per_page: 100,
            }));
            return all.map(toComment);
        },
        async createComment(issue, body) {
            const res = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                ...repo(issue),
                issue_number: issue.number,
                body,
            });
            return toComment(res.data);
        },
        async updateComment(issue, id, body) {
            const res = await retry('update comment', () => octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                ...repo(issue),
                comment_id: id,
                body,
            }));
            return toComment(res.data);
        },
        async deleteComment(issue, id) {
            try {
                await retry('delete comment', () => octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                    ...repo(issue),
                    comment_id: id,
                }));
            }
            catch (err) {
                if ((0,github_api/* httpStatus */.n)(err) !== 404)
                    throw err; // already gone
            }
        },
        async minimizeComment(nodeId) {
            const res = await retry('minimize comment', () => octokit.request({
                method: 'POST',
                url: opts.graphqlUrl,
                query: `mutation($subjectId: ID!) {
  minimizeComment(input: { subjectId: $subjectId, classifier: OUTDATED }) { minimizedComment { isMinimized } }
}`,
                variables: { subjectId: nodeId },
            }));
            const errors = res.data.errors;
            if (errors?.length) {
                throw new Error(`GraphQL minimizeComment failed: ${errors.map((e) => e.message).join('; ')}`);
            }
        },
        async listLabels(issue) {
            const all = await retry('list labels', () => octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', {
                ...repo(issue),
                issue_number: issue.number,
                per_page: 100,
            }));
            return all.map((l) => l.name);
        },
        async addLabels(issue, labels) {
            await retry('add labels', () => octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
                ...repo(issue),
                issue_number: issue.number,
                labels,
            }));
        },
        async removeLabel(issue, label) {
            try {
                await retry('remove label', () => octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
                    ...repo(issue),
                    issue_number: issue.number,
                    name: label,
                }));
            }
            catch (err) {
                if ((0,github_api/* httpStatus */.n)(err) !== 404)
                    throw err; // not on the issue any more
            }
        },
    };
}


/***/ })

};
