export const id = 596;
export const ids = [596];
export const modules = {

/***/ 596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  installTrivy: () => (/* binding */ installTrivy)
});

// UNUSED EXPORTS: TRIVY_RELEASES, checksumsAsset, parseChecksums, releaseAsset, sha256File

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: ./actions/shared/src/errors.ts
var errors = __webpack_require__(524);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(75);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(466);
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

;// CONCATENATED MODULE: ./actions/gate/src/tool-cache.ts
// The runner's tool cache, as gate uses it for Trivy: the same on-disk layout as @actions/tool-cache
// ($RUNNER_TOOL_CACHE/<tool>/<version>/<arch>/ plus a `<arch>.complete` marker written last), so a Trivy
// cached by either is found by both. Downloads use Node's fetch and `tar`, which keeps @actions/tool-cache's
// HTTP client (undici, most of gate's bundle) out of the bundle.







function cacheRoot() {
    const root = process.env.RUNNER_TOOL_CACHE;
    if (!root)
        throw new Error('RUNNER_TOOL_CACHE is not set (the runner sets it for every job)');
    return root;
}
function tempRoot() {
    const dir = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return dir;
}
/** The cached folder of tool@version for arch, or '' when it is not (completely) cached. */
function findCached(tool, version, arch) {
    const dir = (0,external_node_path_.join)(cacheRoot(), tool, version, arch);
    return (0,external_node_fs_.existsSync)(`${dir}.complete`) && (0,external_node_fs_.existsSync)(dir) ? dir : '';
}
/** Copies `source` into the cache as tool@version/arch and marks it complete; returns the cached folder. */
function cacheFolder(source, tool, version, arch) {
    const dir = (0,external_node_path_.join)(cacheRoot(), tool, version, arch);
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_.rmSync)(`${dir}.complete`, { force: true });
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    (0,external_node_fs_.cpSync)(source, dir, { recursive: true });
    (0,external_node_fs_.writeFileSync)(`${dir}.complete`, '');
    return dir;
}
/** An HTTP answer other than 200 to a download. */
class DownloadHttpError extends Error {
    status;
    constructor(status, url) {
        super(`HTTP ${status} from ${url}`);
        this.status = status;
        this.name = 'DownloadHttpError';
    }
}
const retryableDownload = (err) => err instanceof DownloadHttpError
    ? err.status === 408 || err.status === 429 || err.status >= 500
    : !(err instanceof Error && err.name === 'TimeoutError');
/** Downloads `url` (following redirects) to a new file under RUNNER_TEMP; returns its path. */
async function downloadFile(url, opts = {}) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempRoot(), 'slipway-download-'));
    const dest = (0,external_node_path_.join)(dir, url
        .split('/')
        .at(-1)
        ?.replace(/[^\w.-]/g, '_') || 'download');
    await withRetry(async () => {
        const res = await fetch(url, {
            redirect: 'follow',
            signal: AbortSignal.timeout(opts.timeoutMs ?? 300_000),
        });
        if (!res.ok || !res.body) {
            await res.body?.cancel();
            throw new DownloadHttpError(res.status, url);
        }
        await (0,promises_.pipeline)(external_node_stream_.Readable.fromWeb(res.body), (0,external_node_fs_.createWriteStream)(dest));
    }, { attempts: opts.attempts ?? 3, retryable: retryableDownload, onRetry: opts.onRetry, sleep: opts.sleep });
    return dest;
}
/** Extracts a .tar.gz into a new folder under RUNNER_TEMP with the system `tar`; returns the folder. */
async function extractTarGz(archive) {
    const dest = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempRoot(), 'slipway-extract-'));
    const stderr = [];
    const code = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('tar', ['-xzf', archive, '-C', dest], { stdio: ['ignore', 'ignore', 'pipe'] });
        child.stderr.on('data', (c) => stderr.push(c));
        child.on('error', reject);
        child.on('close', resolve);
    });
    if (code !== 0) {
        throw new Error(`tar could not extract ${archive} (exit ${code}): ${Buffer.concat(stderr).toString().trim()}`);
    }
    return dest;
}

;// CONCATENATED MODULE: ./actions/gate/src/trivy-install.ts





const TRIVY_RELEASES = 'https://github.com/aquasecurity/trivy/releases/download';
/** Release asset name, e.g. trivy_0.76.0_Linux-64bit.tar.gz (Trivy's goreleaser naming). */
function releaseAsset(version, platform, arch) {
    const os = platform === 'linux' ? 'Linux' : platform === 'darwin' ? 'macOS' : undefined;
    const cpu = { x64: '64bit', arm64: 'ARM64', arm: 'ARM', ia32: '32bit', ppc64: 'PPC64LE', s390x: 's390x' }[arch];
    if (!os || !cpu)
        throw new errors/* ActionError */.lZ(`no Trivy release for ${platform}/${arch}; put a trivy on PATH before this step`);
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
        const hash = (0,external_node_crypto_.createHash)('sha256');
        (0,external_node_fs_.createReadStream)(path)
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
    const cached = findCached('trivy', version, arch);
    if (cached) {
        log(`Trivy ${version} found in the tool cache`);
        return (0,external_node_path_.join)(cached, 'trivy');
    }
    const asset = releaseAsset(version, platform, arch);
    const base = `${baseUrl.replace(/\/$/, '')}/v${version}`;
    log(`Downloading ${base}/${asset}`);
    let sums;
    let archive;
    try {
        const onRetry = (err, attempt, delayMs) => log(`download attempt ${attempt} failed (${err instanceof Error ? err.message : String(err)}); retrying in ${delayMs} ms`);
        sums = await downloadFile(`${base}/${checksumsAsset(version)}`, { onRetry });
        archive = await downloadFile(`${base}/${asset}`, { onRetry });
    }
    catch (err) {
        throw new errors/* ActionError */.lZ(`could not download Trivy ${version} (${err instanceof Error ? err.message : String(err)}); check trivy-version, or put a trivy on PATH`);
    }
    const { readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 455, 23));
    const expected = parseChecksums(await readFile(sums, 'utf8')).get(asset);
    if (!expected)
        throw new errors/* ActionError */.lZ(`${checksumsAsset(version)} has no checksum for ${asset}; refusing to install it`);
    const actual = await sha256File(archive);
    if (actual !== expected) {
        throw new errors/* ActionError */.lZ(`checksum mismatch for ${asset}: the release lists sha256 ${expected}, the download is ${actual}; refusing to install it`);
    }
    log(`sha256 ${actual} matches ${checksumsAsset(version)}`);
    const dir = await extractTarGz(archive);
    const cachedDir = cacheFolder(dir, 'trivy', version, arch);
    return (0,external_node_path_.join)(cachedDir, 'trivy');
}


/***/ })

};
