export const id = 415;
export const ids = [415,717];
export const modules = {

/***/ 7415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployToService: () => (/* binding */ deployToService)
});

// EXTERNAL MODULE: ./actions/shared/src/ecs/ecs-api.ts
var ecs_api = __webpack_require__(8717);
// EXTERNAL MODULE: ./actions/shared/src/ecs/rollout.ts
var rollout = __webpack_require__(9048);
;// CONCATENATED MODULE: ./actions/shared/src/ecs/diagnose.ts
function containerDetail(task) {
    return (task.containers ?? [])
        .filter((c) => c.exitCode !== undefined || c.reason)
        .map((c) => `${c.name}: ${c.exitCode !== undefined ? `exit ${c.exitCode}` : 'no exit code'}${c.reason ? ` (${c.reason})` : ''}`);
}
function groupStoppedTasks(tasks) {
    const groups = new Map();
    for (const t of tasks) {
        const reason = `${t.stoppedReason ?? 'no reason given'}${t.stopCode ? ` [${t.stopCode}]` : ''}`;
        const g = groups.get(reason) ?? { reason, count: 0, tasks: [], containers: [] };
        g.count++;
        g.tasks.push((t.taskArn ?? '').split('/').pop() ?? '');
        for (const c of containerDetail(t))
            if (!g.containers.includes(c))
                g.containers.push(c);
        groups.set(reason, g);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count);
}
function describeGroups(groups) {
    return groups.map((g) => `${g.count} task${g.count === 1 ? '' : 's'} stopped: ${g.reason}` +
        (g.containers.length ? `; ${g.containers.join(', ')}` : '') +
        ` (task ${g.tasks.slice(0, 3).join(', ')}${g.tasks.length > 3 ? ', …' : ''})`);
}
/** Hints for the reasons people meet most, so the log says what to look at next. */
function hintFor(reason) {
    if (/ELB health checks/i.test(reason))
        return 'the load balancer health check fails: check the health check path/port and that the app listens on the container port';
    if (/container health checks|failed container health/i.test(reason))
        return "the container's HEALTHCHECK command fails: check it with the task's logs";
    if (/EssentialContainerExited|Essential container in task exited/i.test(reason))
        return "the app exited: read the container's logs (awslogs) for the crash";
    if (/CannotPullContainerError/i.test(reason))
        return 'the image cannot be pulled: check the image URI, the execution role ECR permissions and network access to ECR';
    if (/ResourceInitializationError/i.test(reason))
        return 'secrets or logs could not be set up: check the execution role permissions for SSM/Secrets Manager and CloudWatch Logs';
    if (/OutOfMemory|exit 137/i.test(reason))
        return 'a container was killed for memory: raise memory or fix the leak';
    return undefined;
}

// EXTERNAL MODULE: ./actions/shared/src/retry.ts
var retry = __webpack_require__(6873);
// EXTERNAL MODULE: ./actions/shared/src/errors.ts
var errors = __webpack_require__(7524);
// EXTERNAL MODULE: ./actions/shared/src/inputs.ts
var inputs = __webpack_require__(7310);
;// CONCATENATED MODULE: ./actions/shared/src/ecs/watch.ts






/** What one service's watches remember across the deploy watch and a rollback watch. */
class WatchMemory {
    seenEvents = new Set();
    seenTasks = new Set();
    stopped = [];
    firstStopPrintedAt;
    stopGroups() {
        return groupStoppedTasks(this.stopped);
    }
}
const SD_HEARTBEAT_MS = 15_000;
const FAST_POLL_MS = 500;
const MAX_FINAL_STRETCH_POLLS = 10;
/** Fast polls are allowed while fewer DescribeServices than this were sent in the last minute. */
const FAST_POLL_BUDGET_PER_MINUTE = 30;
/**
 * How long to wait before the next poll. The interval is the default; right after a visible change, and in
 * the final stretch (all new tasks running, waiting for ECS to call it steady), poll every 500 ms while the
 * last minute's polls stay under budget; after errors, back off exponentially (at most 15 s).
 */
function nextDelay(s) {
    if (s.consecutiveErrors > 0)
        return Math.min(15_000, s.intervalMs * 2 ** Math.min(s.consecutiveErrors, 4));
    const wantFast = s.changed || (s.finalStretch > 0 && s.finalStretch <= MAX_FINAL_STRETCH_POLLS);
    if (wantFast && s.recentPolls < FAST_POLL_BUDGET_PER_MINUTE)
        return Math.min(FAST_POLL_MS, s.intervalMs);
    return s.intervalMs;
}
function time(d) {
    return (d ?? new Date()).toISOString().slice(11, 19);
}
async function watchRollout(opts) {
    const { api, cluster, service, ctx, log, memory } = opts;
    const now = opts.now ?? Date.now;
    const sleep = opts.sleep ?? retry/* sleep */.yy;
    const started = now();
    const deadline = started + opts.timeoutMs;
    const since = opts.startedAt.getTime() - 2_000;
    let lastLine = '';
    let lastFp = '';
    let lastStateFp = '';
    let lastFailed = 0;
    let sdArn;
    let sdSupported = opts.useServiceDeployments;
    let sd;
    let lastSdStatus = '';
    let lastSdCheck = 0;
    const recentPolls = [];
    let polls = 0;
    let lastService;
    let consecutiveErrors = 0;
    let finalStretch = 0;
    const printStops = async (ourDeploymentId) => {
        const tasks = await api.stoppedTasks(cluster, service, ourDeploymentId);
        const fresh = tasks.filter((t) => t.taskArn && !memory.seenTasks.has(t.taskArn) && (!t.stoppedAt || t.stoppedAt.getTime() >= since));
        for (const t of fresh)
            memory.seenTasks.add(t.taskArn ?? '');
        if (fresh.length === 0)
            return;
        memory.stopped.push(...fresh);
        memory.firstStopPrintedAt ??= now();
        for (const line of describeGroups(groupStoppedTasks(fresh))) {
            log.info(`✖ ${line}`);
            const hint = hintFor(line);
            if (hint)
                log.info(`  ↳ ${hint}`);
        }
    };
    for (;;) {
        if (now() >= deadline) {
            const inProgress = lastService ? (0,rollout/* progressLine */.oz)(lastService) : 'no answer from ECS yet';
            return {
                result: {
                    outcome: 'timed-out',
                    reason: `not stable after ${(0,inputs/* formatDuration */.a3)(opts.timeoutMs)}; still in progress: ${inProgress}`,
                },
                service: lastService,
                serviceDeploymentArn: sdArn,
                serviceDeploymentsSupported: sdSupported,
                elapsedMs: now() - started,
                polls,
            };
        }
        let changed = false;
        try {
            polls++;
            const described = await api.describeService(cluster, service);
            if ('missing' in described)
                throw new ecs_api/* AccessDeniedError */.Uk(`service ${service} is no longer found in cluster ${cluster} (${described.missing})`);
            lastService = described;
            consecutiveErrors = 0;
            for (const e of (0,rollout/* newEvents */.S6)(described.events, memory.seenEvents, since))
                log.info(`${time(e.createdAt)} ${e.message ?? ''}`);
            const line = (0,rollout/* progressLine */.oz)(described);
            if (line !== lastLine) {
                log.info(`⟳ ${line}`);
                lastLine = line;
            }
            const fp = (0,rollout/* fingerprint */.Rj)(described);
            changed = fp !== lastFp;
            const stateFp = (0,rollout/* stateFingerprint */.Mc)(described);
            const stateChanged = stateFp !== lastStateFp;
            lastStateFp = stateFp;
            lastFp = fp;
            const ours = (0,rollout/* findOurDeployment */.FB)(described, ctx);
            const failed = ours?.failedTasks ?? 0;
            if (failed > lastFailed) {
                lastFailed = failed;
                await printStops(ours?.id ?? ctx.deploymentId);
            }
            if (sdSupported && !sdArn) {
                const list = await api.listServiceDeployments(cluster, service, new Date(since));
                if (list === undefined)
                    sdSupported = false;
                else {
                    const newest = list
                        .filter((d) => (d.createdAt?.getTime() ?? 0) >= since)
                        .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
                    sdArn = newest?.serviceDeploymentArn;
                }
            }
            // The deployments array answers most polls; the service deployment is read when something moved (or
            // every 15 s), and never when the array already shows a terminal state.
            let verdict = (0,rollout/* assess */.no)(described, ctx, sd);
            if (verdict.state === 'in-progress' &&
                sdArn &&
                (stateChanged || now() - lastSdCheck >= SD_HEARTBEAT_MS)) {
                sd = await api.describeServiceDeployment(sdArn);
                lastSdCheck = now();
                const cb = sd?.deploymentCircuitBreaker;
                const status = sd
                    ? `${sd.status}${cb?.status && cb.status !== 'DISABLED' ? ` (circuit breaker ${cb.status}, ${cb.failureCount ?? 0}/${cb.threshold ?? '?'} failures)` : ''}`
                    : '';
                if (status && status !== lastSdStatus) {
                    log.info(`◆ service deployment ${sdArn.split('/').pop()}: ${status}${sd?.statusReason ? ` — ${sd.statusReason}` : ''}`);
                    lastSdStatus = status;
                }
                verdict = (0,rollout/* assess */.no)(described, ctx, sd);
            }
            if (verdict.state !== 'in-progress') {
                if (verdict.state !== 'succeeded')
                    await printStops(ours?.id ?? ctx.deploymentId).catch(() => undefined);
                const result = verdict.state === 'succeeded'
                    ? { outcome: 'succeeded' }
                    : verdict.state === 'ecs-failed'
                        ? { outcome: 'ecs-failed', reason: verdict.reason, ecsRollingBack: verdict.ecsRollingBack }
                        : { outcome: 'failing', reason: verdict.reason };
                return {
                    result,
                    service: described,
                    serviceDeploymentArn: sdArn,
                    serviceDeploymentsSupported: sdSupported,
                    elapsedMs: now() - started,
                    polls,
                };
            }
            // Final stretch: all new tasks run and only the steady-state check is left; look more often for a
            // while, so success is reported within about half a second of ECS declaring it.
            finalStretch =
                ours !== undefined &&
                    ours.status === 'PRIMARY' &&
                    (ours.runningCount ?? 0) === (ours.desiredCount ?? -1) &&
                    (ours.pendingCount ?? 0) === 0
                    ? finalStretch + 1
                    : 0;
        }
        catch (err) {
            if (err instanceof ecs_api/* AccessDeniedError */.Uk)
                throw err;
            const kind = (0,retry/* classifyError */.fe)(err);
            if (kind === 'fatal')
                throw err;
            consecutiveErrors++;
            log.warning(`watch: ${(0,errors/* errorName */.Is)(err)} (${(0,errors/* errorMessage */.gJ)(err)}); ${kind === 'throttling' ? 'backing off' : 'retrying'} — the watch continues until ${new Date(deadline).toISOString().slice(11, 19)}`);
        }
        recentPolls.push(now());
        while (recentPolls.length && recentPolls[0] < now() - 60_000)
            recentPolls.shift();
        await sleep(Math.max(0, Math.min(nextDelay({
            consecutiveErrors,
            changed,
            finalStretch,
            recentPolls: recentPolls.length,
            intervalMs: opts.pollIntervalMs,
        }), deadline - now())));
    }
}


;// CONCATENATED MODULE: ./actions/shared/src/ecs/deploy-service.ts




async function deployToService(o) {
    const started = Date.now();
    const previous = (0,rollout/* primaryOf */.Os)(o.before)?.taskDefinition ?? o.before.taskDefinition ?? '';
    const memory = new WatchMemory();
    // Events that were already there before this deploy are history, not news.
    for (const e of o.before.events ?? [])
        if (e.id)
            memory.seenEvents.add(e.id);
    const desired = o.desiredCount ?? o.before.desiredCount ?? 1;
    const base = {
        service: o.service,
        taskDefinition: o.target,
        previousTaskDefinition: previous,
    };
    const finish = (r) => ({
        ...base,
        ...r,
        durationMs: Date.now() - started,
        stopGroups: memory.stopGroups(),
    });
    const startedAt = new Date();
    const updated = await o.api.updateService({
        cluster: o.cluster,
        service: o.service,
        taskDefinition: o.target,
        desiredCount: o.desiredCount,
        forceNewDeployment: o.forceNewDeployment,
    });
    const ours = (updated.deployments ?? []).find((d) => d.status === 'PRIMARY' && d.taskDefinition === o.target);
    o.log.info(`UpdateService: ${(0,rollout/* revisionLabel */.wc)(previous)} → ${(0,rollout/* revisionLabel */.wc)(o.target)}` +
        (o.desiredCount !== undefined ? `, desired count ${o.desiredCount}` : '') +
        (o.forceNewDeployment ? ', forced new deployment' : '') +
        (ours?.id ? ` (deployment ${ours.id})` : ''));
    if (!o.wait) {
        o.log.warning('wait is false: the deployment was started but not watched, so this step does not prove the new revision is serving');
        return finish({
            status: 'started',
            reason: '',
            deploymentId: ours?.id,
            rolledBack: false,
            finalTaskDefinition: o.target,
        });
    }
    const maxFailedTasks = o.maxFailedTasks ?? (0,rollout/* circuitBreakerThreshold */.l9)(desired);
    const watchOpts = {
        api: o.api,
        cluster: o.cluster,
        service: o.service,
        pollIntervalMs: o.pollIntervalMs,
        log: o.log,
        memory,
        sleep: o.sleep,
    };
    let watched;
    try {
        watched = await watchRollout({
            ...watchOpts,
            ctx: { target: o.target, deploymentId: ours?.id, maxFailedTasks },
            startedAt,
            timeoutMs: o.timeoutMs,
            useServiceDeployments: true,
        });
    }
    catch (err) {
        throw new errors/* ActionError */.lZ(`service ${o.service}: ${(0,errors/* errorMessage */.gJ)(err)}. The deployment of ${(0,rollout/* revisionLabel */.wc)(o.target)}${ours?.id ? ` (${ours.id})` : ''} was started and is no longer watched: check it in the ECS console`, { cause: err });
    }
    const outcome = watched.result;
    if (outcome.outcome === 'succeeded') {
        o.log.info(`✔ ${(0,rollout/* revisionLabel */.wc)(o.target)} is serving: deployment completed, ${desired}/${desired} tasks running`);
        return finish({
            status: 'succeeded',
            reason: '',
            deploymentId: ours?.id,
            rolledBack: false,
            finalTaskDefinition: o.target,
        });
    }
    const cause = outcome.reason;
    const timedOut = outcome.outcome === 'timed-out';
    o.log.warning(`deployment of ${(0,rollout/* revisionLabel */.wc)(o.target)} failed: ${cause}`);
    if (!previous || previous === o.target) {
        return finish({
            status: timedOut ? 'timed-out' : 'failed',
            reason: `${cause}; there is no earlier revision to roll back to`,
            deploymentId: ours?.id,
            rolledBack: false,
            finalTaskDefinition: o.target,
        });
    }
    let rollbackStart = new Date();
    if (outcome.outcome === 'ecs-failed' && outcome.ecsRollingBack) {
        o.log.info(`ECS is rolling back to ${(0,rollout/* revisionLabel */.wc)(previous)}; waiting for it to finish`);
    }
    else if (!o.rollbackOnFailure) {
        return finish({
            status: timedOut ? 'timed-out' : 'failed',
            reason: `${cause}; rollback-on-failure is false, so the service was left on ${(0,rollout/* revisionLabel */.wc)(o.target)}`,
            deploymentId: ours?.id,
            rolledBack: false,
            finalTaskDefinition: o.target,
        });
    }
    else {
        rollbackStart = new Date();
        let stopped = false;
        if (watched.serviceDeploymentArn && watched.serviceDeploymentsSupported) {
            try {
                await o.api.stopServiceDeployment(watched.serviceDeploymentArn);
                o.log.info(`Rolling back: StopServiceDeployment(ROLLBACK) on ${watched.serviceDeploymentArn.split('/').pop()} → ${(0,rollout/* revisionLabel */.wc)(previous)}`);
                stopped = true;
            }
            catch (err) {
                if ((0,retry/* classifyError */.fe)(err) === 'access-denied')
                    throw err;
                o.log.warning(`StopServiceDeployment failed (${(0,errors/* errorMessage */.gJ)(err)}); rolling back with UpdateService instead`);
            }
        }
        if (!stopped) {
            await o.api.updateService({ cluster: o.cluster, service: o.service, taskDefinition: previous });
            o.log.info(`Rolling back: UpdateService → ${(0,rollout/* revisionLabel */.wc)(previous)}`);
        }
    }
    const rollback = await watchRollout({
        ...watchOpts,
        ctx: { target: previous, maxFailedTasks: (0,rollout/* circuitBreakerThreshold */.l9)(desired) },
        startedAt: rollbackStart,
        timeoutMs: Math.max(o.timeoutMs, 5 * 60_000),
        useServiceDeployments: false,
    });
    if (rollback.result.outcome === 'succeeded') {
        o.log.info(`↩ rolled back: ${(0,rollout/* revisionLabel */.wc)(previous)} is serving again`);
        return finish({
            status: timedOut ? 'timed-out' : 'rolled-back',
            reason: cause,
            deploymentId: ours?.id,
            rolledBack: true,
            finalTaskDefinition: previous,
        });
    }
    const rollbackProblem = rollback.result.reason;
    return finish({
        status: 'failed',
        reason: `${cause}; the rollback to ${(0,rollout/* revisionLabel */.wc)(previous)} did not complete either: ${rollbackProblem}`,
        deploymentId: ours?.id,
        rolledBack: false,
        finalTaskDefinition: (0,rollout/* primaryOf */.Os)(rollback.service ?? o.before)?.taskDefinition ?? '?',
    });
}


/***/ }),

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

/***/ 9048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ findOurDeployment),
/* harmony export */   Mc: () => (/* binding */ stateFingerprint),
/* harmony export */   Os: () => (/* binding */ primaryOf),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   S6: () => (/* binding */ newEvents),
/* harmony export */   l9: () => (/* binding */ circuitBreakerThreshold),
/* harmony export */   no: () => (/* binding */ assess),
/* harmony export */   oz: () => (/* binding */ progressLine),
/* harmony export */   wc: () => (/* binding */ revisionLabel)
/* harmony export */ });
function circuitBreakerThreshold(desired) {
    return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
}
function revisionLabel(arn) {
    if (!arn)
        return '?';
    return arn.split('/').pop() ?? arn;
}
function findOurDeployment(service, ctx) {
    const deployments = service.deployments ?? [];
    if (ctx.deploymentId) {
        const byId = deployments.find((d) => d.id === ctx.deploymentId);
        if (byId)
            return byId;
    }
    return deployments.find((d) => d.taskDefinition === ctx.target && d.status === 'PRIMARY');
}
function primaryOf(service) {
    return (service.deployments ?? []).find((d) => d.status === 'PRIMARY');
}
/** Decides the state of the rollout of ctx.target from one DescribeServices (and optional service deployment). */
function assess(service, ctx, sd) {
    const ours = findOurDeployment(service, ctx);
    const primary = primaryOf(service);
    const breakerOn = Boolean(service.deploymentConfiguration?.deploymentCircuitBreaker?.enable);
    if (sd?.status === 'ROLLBACK_REQUESTED' ||
        sd?.status === 'ROLLBACK_IN_PROGRESS' ||
        sd?.status === 'ROLLBACK_SUCCESSFUL' ||
        sd?.status === 'ROLLBACK_FAILED') {
        return {
            state: 'ecs-failed',
            reason: sd.statusReason ?? `service deployment ${sd.status}`,
            ecsRollingBack: true,
        };
    }
    if (ours?.rolloutState === 'FAILED') {
        const rollingBack = Boolean(primary && primary !== ours && primary.taskDefinition !== ctx.target);
        return {
            state: 'ecs-failed',
            reason: ours.rolloutStateReason ?? 'rollout FAILED',
            ecsRollingBack: rollingBack,
        };
    }
    if (sd?.status === 'STOPPED' || sd?.status === 'STOP_REQUESTED') {
        return {
            state: 'ecs-failed',
            reason: sd.statusReason ?? 'service deployment stopped',
            ecsRollingBack: false,
        };
    }
    if (primary && primary.taskDefinition !== ctx.target) {
        return {
            state: 'ecs-failed',
            reason: `the service's PRIMARY deployment runs ${revisionLabel(primary.taskDefinition)}, not ${revisionLabel(ctx.target)}: a rollback or another deployment replaced this one`,
            ecsRollingBack: Boolean(ours),
        };
    }
    if (ours && ours.status === 'PRIMARY' && ours.taskDefinition === ctx.target) {
        const desired = ours.desiredCount ?? 0;
        const settled = (ours.runningCount ?? 0) === desired && (ours.pendingCount ?? 0) === 0;
        if (ours.rolloutState === 'COMPLETED' || sd?.status === 'SUCCESSFUL') {
            if (settled)
                return { state: 'succeeded' };
        }
        else if (!ours.rolloutState && settled && (service.deployments ?? []).length === 1) {
            return { state: 'succeeded' };
        }
        if (!breakerOn && (ours.failedTasks ?? 0) >= ctx.maxFailedTasks) {
            return {
                state: 'failing',
                reason: `${ours.failedTasks} tasks of the new deployment failed (limit ${ctx.maxFailedTasks}) and the service has no circuit breaker`,
            };
        }
    }
    return { state: 'in-progress' };
}
/** A one-line view of the deployments, e.g. `PRIMARY web:7 IN_PROGRESS 1/3 running, 2 pending, 0 failed | ACTIVE web:6 2 running`. */
function progressLine(service) {
    const parts = (service.deployments ?? []).map((d) => {
        const counts = `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;
        return `${d.status} ${revisionLabel(d.taskDefinition)}${d.rolloutState ? ` ${d.rolloutState}` : ''} ${counts}`;
    });
    return parts.join(' | ') || '(no deployments)';
}
/** Events not seen before (by id), oldest first, limited to those at or after `since` (ms). */
function newEvents(events, seen, since) {
    const fresh = [];
    for (const e of events ?? []) {
        const id = e.id ?? `${e.createdAt?.getTime()}:${e.message}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        if (e.createdAt && e.createdAt.getTime() < since)
            continue;
        fresh.push(e);
    }
    return fresh.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
}
/** What a person would call "something moved": deployments, their states and counts, the newest event. */
function fingerprint(service) {
    return JSON.stringify([
        (service.deployments ?? []).map((d) => [
            d.id,
            d.status,
            d.rolloutState,
            d.runningCount,
            d.pendingCount,
            d.failedTasks,
        ]),
        service.events?.[0]?.id,
    ]);
}
/** Changes that may change the service deployment's status: deployments coming and going, states, failures. */
function stateFingerprint(service) {
    return JSON.stringify((service.deployments ?? []).map((d) => [d.id, d.status, d.rolloutState, d.failedTasks]));
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
