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
        log.info(`${name}: running ${(0,_rollout_js__WEBPACK_IMPORTED_MODULE_1__.revisionLabel)(svc.taskDefinition)}, ${svc.runningCount ?? 0}/${svc.desiredCount ?? 0} tasks, ${deployments.length} deployment(s)`);
        if (deployments.length > 1)
            log.warning(`${name}: a deployment is already in progress; this one replaces it`);
    }
    return found;
}


/***/ })

};
