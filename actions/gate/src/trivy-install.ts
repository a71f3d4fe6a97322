import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { ActionError } from '../../shared/src/errors.js';
import { cacheFolder, downloadFile, extractTarGz, findCached } from './tool-cache.js';

export const TRIVY_RELEASES = 'https://github.com/aquasecurity/trivy/releases/download';

/** Release asset name, e.g. trivy_0.76.0_Linux-64bit.tar.gz (Trivy's goreleaser naming). */
export function releaseAsset(version: string, platform: NodeJS.Platform, arch: string): string {
  const os = platform === 'linux' ? 'Linux' : platform === 'darwin' ? 'macOS' : undefined;
  const cpu = (
    { x64: '64bit', arm64: 'ARM64', arm: 'ARM', ia32: '32bit', ppc64: 'PPC64LE', s390x: 's390x' } as Record<
      string,
      string
    >
  )[arch];
  if (!os || !cpu)
    throw new ActionError(`no Trivy release for ${platform}/${arch}; put a trivy on PATH before this step`);
  return `trivy_${version}_${os}-${cpu}.tar.gz`;
}

export const checksumsAsset = (version: string): string => `trivy_${version}_checksums.txt`;

/** `sha256  file` lines (sha256sum format) into a map of file name -> hex digest. */
export function parseChecksums(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([a-f0-9]{64})\s+\*?(\S+)\s*$/i.exec(line.trim());
    if (m?.[1] && m[2]) map.set(m[2], m[1].toLowerCase());
  }
  return map;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export interface InstallOptions {
  version: string;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Release download base (the GitHub release host); a test points it at a local server. */
  baseUrl?: string;
  log?: (line: string) => void;
}

/**
 * Trivy from the tool cache, else downloaded from its GitHub release, checked against the release's
 * SHA-256 checksums file, extracted and cached. Returns the path of the trivy executable.
 */
export async function installTrivy(opts: InstallOptions): Promise<string> {
  const {
    version,
    platform = process.platform,
    arch = process.arch,
    baseUrl = TRIVY_RELEASES,
    log = () => {},
  } = opts;
  const cached = findCached('trivy', version, arch);
  if (cached) {
    log(`Trivy ${version} found in the tool cache`);
    return join(cached, 'trivy');
  }
  const asset = releaseAsset(version, platform, arch);
  const base = `${baseUrl.replace(/\/$/, '')}/v${version}`;
  log(`Downloading ${base}/${asset}`);
  let sums: string;
  let archive: string;
  try {
    const onRetry = (err: unknown, attempt: number, delayMs: number) =>
      log(
        `download attempt ${attempt} failed (${err instanceof Error ? err.message : String(err)}); retrying in ${delayMs} ms`,
      );
    sums = await downloadFile(`${base}/${checksumsAsset(version)}`, { onRetry });
    archive = await downloadFile(`${base}/${asset}`, { onRetry });
  } catch (err) {
    throw new ActionError(
      `could not download Trivy ${version} (${err instanceof Error ? err.message : String(err)}); check trivy-version, or put a trivy on PATH`,
    );
  }
  const { readFile } = await import('node:fs/promises');
  const expected = parseChecksums(await readFile(sums, 'utf8')).get(asset);
  if (!expected)
    throw new ActionError(`${checksumsAsset(version)} has no checksum for ${asset}; refusing to install it`);
  const actual = await sha256File(archive);
  if (actual !== expected) {
    throw new ActionError(
      `checksum mismatch for ${asset}: the release lists sha256 ${expected}, the download is ${actual}; refusing to install it`,
    );
  }
  log(`sha256 ${actual} matches ${checksumsAsset(version)}`);
  const dir = await extractTarGz(archive);
  const cachedDir = cacheFolder(dir, 'trivy', version, arch);
  return join(cachedDir, 'trivy');
}
