export const id = 595;
export const ids = [595];
export const modules = {

/***/ 1595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkRepository: () => (/* binding */ checkRepository),
/* harmony export */   getLogin: () => (/* binding */ getLogin),
/* harmony export */   resolveRegistry: () => (/* binding */ resolveRegistry)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1695);
/* harmony import */ var _shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8518);
/* harmony import */ var _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7524);




const MAX_ATTEMPTS = 5;
function describe(err) {
    return `${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err) || 'Error'}: ${(0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`;
}
/** The registry URI: from the image input, or from the credentials' account (STS) and the region. */
async function resolveRegistry(dest) {
    if (dest.kind === 'image') {
        return {
            registry: dest.registry,
            imageUri: dest.uri,
            repository: dest.repository,
            accountId: dest.accountId,
            region: dest.region,
        };
    }
    const sts = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__/* .STSClient */ .iM((0,_shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .rw)({ region: dest.region, maxAttempts: MAX_ATTEMPTS }));
    try {
        const id = await sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__/* .GetCallerIdentityCommand */ .zI({}));
        if (!id.Account)
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('STS GetCallerIdentity answered without an account ID');
        const registry = `${id.Account}.dkr.ecr.${dest.region}.amazonaws.com${dest.region.startsWith('cn-') ? '.cn' : ''}`;
        return {
            registry,
            imageUri: `${registry}/${dest.repository}`,
            repository: dest.repository,
            accountId: id.Account,
            region: dest.region,
        };
    }
    catch (err) {
        if (err instanceof _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ)
            throw err;
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`could not find the AWS account of the current credentials (STS GetCallerIdentity: ${describe(err)}); run slipway aws-auth (or configure credentials) before this step`, { cause: err });
    }
    finally {
        sts.destroy();
    }
}
function ecrClient(region) {
    return new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .ECRClient */ .S70((0,_shared_src_aws_client_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientConfig */ .rw)({ region, maxAttempts: MAX_ATTEMPTS }));
}
/** Fails early, with the fix, when the repository does not exist (instead of a push error deep in the build). */
async function checkRepository(reg) {
    const ecr = ecrClient(reg.region);
    try {
        await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .DescribeRepositoriesCommand */ .pE_({ registryId: reg.accountId, repositoryNames: [reg.repository] }));
    }
    catch (err) {
        if ((0,_shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(err) === 'RepositoryNotFoundException') {
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`the ECR repository '${reg.repository}' does not exist in account ${reg.accountId} (${reg.region}); create it (e.g. with slipway's Terraform modules) before pushing`, { cause: err });
        }
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`ECR DescribeRepositories for '${reg.repository}' failed: ${describe(err)}`, {
            cause: err,
        });
    }
    finally {
        ecr.destroy();
    }
}
/** A registry password from ECR GetAuthorizationToken (base64 "AWS:<password>"), valid for 12 hours. */
async function getLogin(reg, mask) {
    const ecr = ecrClient(reg.region);
    try {
        const res = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .GetAuthorizationTokenCommand */ .Eu6({}));
        const data = res.authorizationData?.[0];
        if (!data?.authorizationToken)
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('ECR GetAuthorizationToken answered without a token');
        const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0)
            throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('ECR GetAuthorizationToken returned a token that is not user:password');
        const password = decoded.slice(colon + 1);
        mask(password);
        mask(data.authorizationToken);
        return { username: decoded.slice(0, colon), password, expiresAt: data.expiresAt };
    }
    catch (err) {
        if (err instanceof _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ)
            throw err;
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`ECR GetAuthorizationToken failed (${describe(err)}); the role needs ecr:GetAuthorizationToken`, { cause: err });
    }
    finally {
        ecr.destroy();
    }
}


/***/ })

};
