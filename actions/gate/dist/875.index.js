export const id = 875;
export const ids = [875];
export const modules = {

/***/ 5875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installTrivy: () => (/* binding */ installTrivy)
/* harmony export */ });
/* unused harmony exports TRIVY_RELEASES, releaseAsset, checksumsAsset, parseChecksums, sha256File */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9805);
/* harmony import */ var _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7524);





const TRIVY_RELEASES = 'https://github.com/aquasecurity/trivy/releases/download';
/** Release asset name, e.g. trivy_0.76.0_Linux-64bit.tar.gz (Trivy's goreleaser naming). */
function releaseAsset(version, platform, arch) {
    const os = platform === 'linux' ? 'Linux' : platform === 'darwin' ? 'macOS' : undefined;
    const cpu = { x64: '64bit', arm64: 'ARM64', arm: 'ARM', ia32: '32bit', ppc64: 'PPC64LE', s390x: 's390x' }[arch];
    if (!os || !cpu)
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`no Trivy release for ${platform}/${arch}; put a trivy on PATH before this step`);
    return `trivy_${version}_${os}-${cpu}.tar.gz`;
}
const checksumsAsset = (version) => `trivy_${version}_checksums.txt`;
/** `sha256  file` lines (sha256sum format) into a map of file name -> hex digest. */
function parseChecksums(text) {
    const map = new Map();
    for (const line of text.split('\n')) {
        const m = /^([a-f0-9]{64})\s+\*?(\S+)\s*$/i.exec(line.trim());
        if (m?.[1] && m[2])
            map.set(m[2], m[1].toLowerCase());
    }
    return map;
}
function sha256File(path) {
    return new Promise((resolve, reject) => {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path)
            .on('error', reject)
            .on('data', (c) => hash.update(c))
            .on('end', () => resolve(hash.digest('hex')));
    });
}
/**
 * Trivy from the tool cache, else downloaded from its GitHub release, checked against the release's
 * SHA-256 checksums file, extracted and cached. Returns the path of the trivy executable.
 */
async function installTrivy(opts) {
    const { version, platform = process.platform, arch = process.arch, baseUrl = TRIVY_RELEASES, log = () => { }, } = opts;
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .find */ .I6('trivy', version, arch);
    if (cached) {
        log(`Trivy ${version} found in the tool cache`);
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cached, 'trivy');
    }
    const asset = releaseAsset(version, platform, arch);
    const base = `${baseUrl.replace(/\/$/, '')}/v${version}`;
    log(`Downloading ${base}/${asset}`);
    let sums;
    let archive;
    try {
        sums = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .downloadTool */ .bq(`${base}/${checksumsAsset(version)}`);
        archive = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .downloadTool */ .bq(`${base}/${asset}`);
    }
    catch (err) {
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`could not download Trivy ${version} (${err instanceof Error ? err.message : String(err)}); check trivy-version, or put a trivy on PATH`);
    }
    const { readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const expected = parseChecksums(await readFile(sums, 'utf8')).get(asset);
    if (!expected)
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`${checksumsAsset(version)} has no checksum for ${asset}; refusing to install it`);
    const actual = await sha256File(archive);
    if (actual !== expected) {
        throw new _shared_src_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`checksum mismatch for ${asset}: the release lists sha256 ${expected}, the download is ${actual}; refusing to install it`);
    }
    log(`sha256 ${actual} matches ${checksumsAsset(version)}`);
    const dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .extractTar */ .nN(archive);
    const cachedDir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_3__/* .cacheDir */ .e8(dir, 'trivy', version, arch);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cachedDir, 'trivy');
}


/***/ })

};
