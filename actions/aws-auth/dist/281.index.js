export const id = 281;
export const ids = [281];
export const modules = {

/***/ 3281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assumeChained: () => (/* binding */ assumeChained),
/* harmony export */   assumeWithWebIdentity: () => (/* binding */ assumeWithWebIdentity)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1695);
/* harmony import */ var _shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8518);
/* harmony import */ var _shared_src_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6873);
/* harmony import */ var _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7524);
/* harmony import */ var _token_claims_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3143);





function toSession(what, creds, arn, mask) {
    if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken || !creds.Expiration || !arn) {
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${what} answered without complete credentials`);
    }
    mask(creds.AccessKeyId);
    mask(creds.SecretAccessKey);
    mask(creds.SessionToken);
    const accountId = /^arn:[^:]+:sts::(\d{12}):/.exec(arn)?.[1];
    if (!accountId)
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${what} returned an unexpected assumed-role ARN '${arn}'`);
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
    return new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM({
        ...(0,_shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .rw)({ region, maxAttempts: 1 }),
        ...(credentials ? { credentials } : {}),
    });
}
async function assumeWithWebIdentity(roleArn, token, claims, opts) {
    const sts = client(opts.region);
    try {
        const res = await (0,_shared_src_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .AssumeRoleWithWebIdentityCommand */ .WH({
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
        if (err instanceof _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ)
            throw err;
        const kind = (0,_shared_src_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(err);
        if (kind === 'access-denied' || (0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err) === 'InvalidIdentityToken') {
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AWS refused AssumeRoleWithWebIdentity for ${roleArn} (${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err)}: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}). ` +
                `The role's trust policy must allow this token: ${(0,_token_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .describeClaims */ .Z)(claims)}. Compare them with its ` +
                `conditions on token.actions.githubusercontent.com:sub and :aud.`, { cause: err });
        }
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AssumeRoleWithWebIdentity for ${roleArn} failed: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err)}: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`, {
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
        const res = await (0,_shared_src_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .AssumeRoleCommand */ .QL({
            RoleArn: roleArn,
            RoleSessionName: opts.sessionName,
            DurationSeconds: opts.durationSeconds,
            ...(externalId ? { ExternalId: externalId } : {}),
        })), { attempts: opts.maxAttempts, onRetry: (e, a, d) => opts.onRetry('AssumeRole', e, a, d) });
        return toSession('AssumeRole', res.Credentials, res.AssumedRoleUser?.Arn, opts.mask);
    }
    catch (err) {
        if (err instanceof _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ)
            throw err;
        const hint = (0,_shared_src_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(err) === 'access-denied'
            ? ` The trust policy of ${roleArn} must allow ${first.assumedRoleArn.replace(/\/[^/]+$/, '')}` +
                (externalId ? ' with this external ID' : '') +
                ', and the first role needs sts:AssumeRole on it.'
            : '';
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AssumeRole (chain) to ${roleArn} failed: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(err)}: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}.${hint}`, {
            cause: err,
        });
    }
    finally {
        sts.destroy();
    }
}


/***/ })

};
