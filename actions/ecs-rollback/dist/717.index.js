export const id = 717;
export const ids = [717];
export const modules = {

/***/ 8717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EcsApi: () => (/* binding */ EcsApi),
/* harmony export */   Uk: () => (/* binding */ AccessDeniedError)
/* harmony export */ });
/* unused harmony exports missingPermission, isUnsupported */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _aws_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8518);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6873);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7524);
// Every ECS call slipway makes, with retries decided in one place: throttling, 5xx and network errors are
// retried with backoff; AccessDenied is not, and names the missing permission.




class AccessDeniedError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ {
}
function missingPermission(err, operation) {
    const m = /not authorized to perform: ([\w:-]+)/.exec((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err));
    return m?.[1] ?? `ecs:${operation}`;
}
class EcsApi {
    maxAttempts;
    log;
    client;
    /** Number of calls sent, by operation (for the summary and the benchmarks). */
    calls = new Map();
    constructor(region, maxAttempts, log) {
        this.maxAttempts = maxAttempts;
        this.log = log;
        // The SDK does not retry (maxAttempts 1): withRetry does, so every retry is visible in the log and an
        // UpdateService is never silently sent twice.
        this.client = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ECSClient */ .Zgc((0,_aws_client_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .rw)({ region, maxAttempts: 1 }));
    }
    destroy() {
        this.client.destroy();
    }
    async call(operation, send, attempts = this.maxAttempts) {
        try {
            return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(async () => {
                this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
                return await send();
            }, {
                attempts,
                baseDelayMs: 1000,
                maxDelayMs: 15_000,
                onRetry: (err, attempt, delay) => this.log.warning(`${operation} ${(0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(err) === 'throttling' ? 'throttled' : 'failed'} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}); retry ${attempt} in ${(delay / 1000).toFixed(1)}s`),
            });
        }
        catch (err) {
            if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(err) === 'access-denied') {
                throw new AccessDeniedError(`${operation} was denied: the deploy role needs ${missingPermission(err, operation)} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)})`, { cause: err });
            }
            throw err;
        }
    }
    async describeService(cluster, service) {
        const res = await this.call('DescribeServices', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServicesCommand */ .H7c({ cluster, services: [service] })));
        const found = res.services?.[0];
        if (found)
            return found;
        return { missing: res.failures?.[0]?.reason ?? 'MISSING' };
    }
    async registerTaskDefinition(input) {
        const res = await this.call('RegisterTaskDefinition', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .RegisterTaskDefinitionCommand */ .$Hl(input)), 1);
        if (!res.taskDefinition?.taskDefinitionArn)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ('RegisterTaskDefinition answered without a task definition ARN');
        return res.taskDefinition;
    }
    async describeTaskDefinition(taskDefinition) {
        const res = await this.call('DescribeTaskDefinition', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition, include: ['TAGS'] })));
        if (!res.taskDefinition)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`task definition ${taskDefinition} not found`);
        return { taskDefinition: res.taskDefinition, tags: res.tags ?? [] };
    }
    async listTaskDefinitions(family, status = 'ACTIVE') {
        const arns = [];
        let nextToken;
        for (let page = 0; page < 20; page++) {
            const res = await this.call('ListTaskDefinitions', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListTaskDefinitionsCommand */ .Pse({ familyPrefix: family, status, sort: 'DESC', nextToken })));
            arns.push(...(res.taskDefinitionArns ?? []));
            nextToken = res.nextToken;
            if (!nextToken)
                break;
        }
        return arns.filter((a) => a.split('/').pop()?.replace(/:\d+$/, '') === family);
    }
    /**
     * UpdateService. Without forceNewDeployment it is idempotent (the same task definition twice starts one
     * deployment), so transient errors are retried. With it, a retry could start a second deployment: after a
     * transient error the service is described first, and the call is repeated only if no deployment of ours
     * started.
     */
    async updateService(input) {
        const send = () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .UpdateServiceCommand */ .kZr({
            cluster: input.cluster,
            service: input.service,
            taskDefinition: input.taskDefinition,
            ...(input.desiredCount !== undefined ? { desiredCount: input.desiredCount } : {}),
            ...(input.forceNewDeployment ? { forceNewDeployment: true } : {}),
        }));
        const started = Date.now();
        let res;
        try {
            res = await this.call('UpdateService', send, input.forceNewDeployment ? 1 : this.maxAttempts);
        }
        catch (err) {
            if (!input.forceNewDeployment || !(0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryable */ .r3)(err))
                throw err;
            const svc = await this.describeService(input.cluster, input.service);
            const landed = 'deployments' in svc &&
                (svc.deployments ?? []).some((d) => d.status === 'PRIMARY' &&
                    d.taskDefinition === input.taskDefinition &&
                    (d.createdAt?.getTime() ?? 0) >= started - 1000);
            if (landed) {
                this.log.warning(`UpdateService failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}), but its deployment had started; not sending it again`);
                return svc;
            }
            this.log.warning(`UpdateService failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}) and no deployment started; sending it once more`);
            res = await this.call('UpdateService', send, 1);
        }
        if (!res.service)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ('UpdateService answered without the service');
        return res.service;
    }
    /** undefined when the endpoint does not have the Service Deployments API (or the role may not use it). */
    async listServiceDeployments(cluster, service, after) {
        try {
            const res = await this.call('ListServiceDeployments', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListServiceDeploymentsCommand */ .jz8({ cluster, service, createdAt: { after } })));
            return res.serviceDeployments ?? [];
        }
        catch (err) {
            if (isUnsupported(err)) {
                this.log.debug(`ListServiceDeployments unavailable (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err)}); using the deployments array`);
                return undefined;
            }
            if (err instanceof AccessDeniedError) {
                this.log.warning(`${err.message}; falling back to the service's deployments array`);
                return undefined;
            }
            throw err;
        }
    }
    async describeServiceDeployment(arn) {
        const res = await this.call('DescribeServiceDeployments', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServiceDeploymentsCommand */ .A6p({ serviceDeploymentArns: [arn] })));
        return res.serviceDeployments?.[0];
    }
    async stopServiceDeployment(arn) {
        await this.call('StopServiceDeployment', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .StopServiceDeploymentCommand */ .a8L({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })), 1);
    }
    async stoppedTasks(cluster, service, deploymentId) {
        const list = await this.call('ListTasks', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListTasksCommand */ .MYg({
            cluster,
            serviceName: service,
            desiredStatus: 'STOPPED',
            ...(deploymentId ? { startedBy: deploymentId } : {}),
        })));
        const arns = list.taskArns ?? [];
        if (arns.length === 0)
            return [];
        const res = await this.call('DescribeTasks', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTasksCommand */ .z8X({ cluster, tasks: arns.slice(0, 100) })));
        return res.tasks ?? [];
    }
    async tagResource(arn, tags) {
        await this.call('TagResource', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .TagResourceCommand */ .eqU({
            resourceArn: arn,
            tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
        })));
    }
    async deregisterTaskDefinition(arn) {
        await this.call('DeregisterTaskDefinition', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DeregisterTaskDefinitionCommand */ .sjB({ taskDefinition: arn })));
    }
    totalCalls() {
        let n = 0;
        for (const v of this.calls.values())
            n += v;
        return n;
    }
}
function isUnsupported(err) {
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err);
    return ([
        'UnknownOperationException',
        'InvalidAction',
        'UnsupportedOperation',
        'UnsupportedOperationException',
    ].includes(name) ||
        // An emulator without the API answers an HTML 404/500 page that the SDK cannot parse.
        (name === 'SyntaxError' && /Deserialization error/.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err))));
}


/***/ }),

/***/ 6873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   fe: () => (/* binding */ classifyError),
/* harmony export */   r3: () => (/* binding */ isRetryable),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export backoffDelay */
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
