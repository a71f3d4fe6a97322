// The runner's tool cache, as gate uses it for Trivy: the same on-disk layout as @actions/tool-cache
// ($RUNNER_TOOL_CACHE/<tool>/<version>/<arch>/ plus a `<arch>.complete` marker written last), so a Trivy
// cached by either is found by both. Downloads use Node's fetch and `tar`, which keeps @actions/tool-cache's
// HTTP client (undici, most of gate's bundle) out of the bundle.
import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isRetryableStatus, withRetry } from '../../shared/src/retry.js';

function cacheRoot(): string {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) throw new Error('RUNNER_TOOL_CACHE is not set (the runner sets it for every job)');
  return root;
}

function tempRoot(): string {
  const dir = process.env.RUNNER_TEMP || tmpdir();
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The cached folder of tool@version for arch, or '' when it is not (completely) cached. */
export function findCached(tool: string, version: string, arch: string): string {
  const dir = join(cacheRoot(), tool, version, arch);
  return existsSync(`${dir}.complete`) && existsSync(dir) ? dir : '';
}

/** Copies `source` into the cache as tool@version/arch and marks it complete; returns the cached folder. */
export function cacheFolder(source: string, tool: string, version: string, arch: string): string {
  const dir = join(cacheRoot(), tool, version, arch);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.complete`, { force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true });
  writeFileSync(`${dir}.complete`, '');
  return dir;
}

/** An HTTP answer other than 200 to a download. */
export class DownloadHttpError extends Error {
  constructor(
    readonly status: number,
    url: string,
  ) {
    super(`HTTP ${status} from ${url}`);
    this.name = 'DownloadHttpError';
  }
}

export interface DownloadOptions {
  /** Total attempts for 408/429/5xx answers and network errors (default 3). */
  attempts?: number;
  /** Time limit for one attempt, body included (default 5 minutes). */
  timeoutMs?: number;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

const retryableDownload = (err: unknown): boolean =>
  err instanceof DownloadHttpError
    ? isRetryableStatus(err.status)
    : !(err instanceof Error && err.name === 'TimeoutError');

/** Downloads `url` (following redirects) to a new file under RUNNER_TEMP; returns its path. */
export async function downloadFile(url: string, opts: DownloadOptions = {}): Promise<string> {
  const dir = mkdtempSync(join(tempRoot(), 'slipway-download-'));
  const dest = join(
    dir,
    url
      .split('/')
      .at(-1)
      ?.replace(/[^\w.-]/g, '_') || 'download',
  );
  await withRetry(
    async () => {
      const res = await fetch(url, {
        redirect: 'follow',
        signal: AbortSignal.timeout(opts.timeoutMs ?? 300_000),
      });
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        throw new DownloadHttpError(res.status, url);
      }
      await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(dest));
    },
    { attempts: opts.attempts ?? 3, retryable: retryableDownload, onRetry: opts.onRetry, sleep: opts.sleep },
  );
  return dest;
}

/** Extracts a .tar.gz into a new folder under RUNNER_TEMP with the system `tar`; returns the folder. */
export async function extractTarGz(archive: string): Promise<string> {
  const dest = mkdtempSync(join(tempRoot(), 'slipway-extract-'));
  const stderr: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('tar', ['-xzf', archive, '-C', dest], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(
      `tar could not extract ${archive} (exit ${code}): ${Buffer.concat(stderr).toString().trim()}`,
    );
  }
  return dest;
}
