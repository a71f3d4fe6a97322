export const id = 386;
export const ids = [386];
export const modules = {

/***/ 5386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeServicesForChange: () => (/* binding */ describeServicesForChange)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7524);
/* harmony import */ var _rollout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9048);


async function describeServicesForChange(api, cluster, region, names, log) {
    const found = new Map();
    const problems = [];
    await Promise.all(names.map(async (name) => {
        try {
            const svc = await api.describeService(cluster, name);
            if ('missing' in svc) {
                problems.push(`service ${name} does not exist in cluster ${cluster} (${svc.missing})`);
            }
            else if (svc.status !== 'ACTIVE') {
                problems.push(`service ${name} is ${svc.status}, not ACTIVE`);
            }
            else {
                found.set(name, svc);
            }
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(err) === 'ClusterNotFoundException')
                problems.push(`cluster ${cluster} does not exist in ${region}`);
            else
                throw err;
        }
    }));
    if (problems.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`nothing was changed: ${[...new Set(problems)].sort().join('; ')}`);
    for (const name of names) {
        const svc = found.get(name);
        const deployments = svc.deployments ?? [];
        log.info(`${name}: running ${(0,_rollout_js__WEBPACK_IMPORTED_MODULE_1__/* .revisionLabel */ .wc)(svc.taskDefinition)}, ${svc.runningCount ?? 0}/${svc.desiredCount ?? 0} tasks, ${deployments.length} deployment(s)`);
        if (deployments.length > 1)
            log.warning(`${name}: a deployment is already in progress; this one replaces it`);
    }
    return found;
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


/***/ })

};
