// Trivy's installer against a local HTTP server standing in for the GitHub release host (127.0.0.1, port 0):
// the real download (fetch, with retries), SHA-256 verification against a goreleaser-style checksums file,
// extraction and the tool cache. The real release host cannot be reached from this machine.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checksumsAsset,
  installTrivy,
  parseChecksums,
  releaseAsset,
  sha256File,
} from '../../../actions/gate/src/trivy-install.js';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const root = tempDir('slipway-trivy-install-');
const files = new Map<string, Buffer>();
const requests: string[] = [];
/** Paths that answer 503 this many more times before serving their file. */
const outages = new Map<string, number>();
let server: Server;
let baseUrl = '';

function release(version: string, opts: { tamper?: boolean; omit?: boolean } = {}) {
  const dir = join(root, `build-${version}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'trivy'), `#!/bin/sh\necho "Version: ${version}"\n`);
  chmodSync(join(dir, 'trivy'), 0o755);
  const asset = releaseAsset(version, 'linux', 'x64');
  execFileSync('tar', ['czf', join(root, asset), '-C', dir, 'trivy']);
  const bytes = readFileSync(join(root, asset));
  const sum = createHash('sha256').update(bytes).digest('hex');
  const lines = [`${'0'.repeat(64)}  trivy_${version}_Linux-ARM64.tar.gz`];
  if (!opts.omit) lines.push(`${sum}  ${asset}`);
  files.set(`/v${version}/${checksumsAsset(version)}`, Buffer.from(lines.join('\n') + '\n'));
  files.set(`/v${version}/${asset}`, opts.tamper ? Buffer.concat([bytes, Buffer.from('x')]) : bytes);
}

beforeAll(async () => {
  process.env.RUNNER_TOOL_CACHE = join(root, 'toolcache');
  process.env.RUNNER_TEMP = join(root, 'temp');
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    const outage = outages.get(req.url ?? '') ?? 0;
    if (outage > 0) {
      outages.set(req.url ?? '', outage - 1);
      res.writeHead(503).end('Service Unavailable');
    } else if (!body) res.writeHead(404).end('Not Found');
    else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Trivy release install with checksum verification', () => {
  test.each([
    ['linux', 'x64', 'trivy_0.76.0_Linux-64bit.tar.gz'],
    ['linux', 'arm64', 'trivy_0.76.0_Linux-ARM64.tar.gz'],
    ['darwin', 'arm64', 'trivy_0.76.0_macOS-ARM64.tar.gz'],
    ['darwin', 'x64', 'trivy_0.76.0_macOS-64bit.tar.gz'],
  ] as const)('asset for %s/%s is %s', (platform, arch, asset) => {
    expect(releaseAsset('0.76.0', platform, arch)).toBe(asset);
  });

  test('unsupported platform', () => {
    expect(() => releaseAsset('0.76.0', 'win32', 'x64')).toThrow('no Trivy release for win32/x64');
  });

  test('a release host outage is retried and logged', async () => {
    release('9.9.4');
    outages.set(`/v9.9.4/${releaseAsset('9.9.4', 'linux', 'x64')}`, 1);
    const log: string[] = [];
    const path = await installTrivy({
      version: '9.9.4',
      platform: 'linux',
      arch: 'x64',
      baseUrl,
      log: (l) => log.push(l),
    });
    expect(execFileSync(path).toString()).toBe('Version: 9.9.4\n');
    expect(log).toContainEqual(
      expect.stringMatching(
        /^download attempt 1 failed \(HTTP 503 from http:\/\/127\.0\.0\.1:\d+\/v9\.9\.4\/trivy_9\.9\.4_Linux-64bit\.tar\.gz\); retrying in \d+ ms$/,
      ),
    );
  });

  test('a cache folder without its .complete marker (an interrupted install) is not used', async () => {
    mkdirSync(join(root, 'toolcache', 'trivy', '9.9.5', 'x64'), { recursive: true });
    release('9.9.5');
    const before = requests.length;
    const path = await installTrivy({ version: '9.9.5', platform: 'linux', arch: 'x64', baseUrl });
    expect(requests.length).toBe(before + 2);
    expect(existsSync(join(root, 'toolcache', 'trivy', '9.9.5', 'x64.complete'))).toBe(true);
    expect(execFileSync(path).toString()).toBe('Version: 9.9.5\n');
  });

  test('checksums file parsing', () => {
    const a = 'a'.repeat(64);
    expect(
      parseChecksums(`${a}  trivy_1_Linux-64bit.tar.gz\n\nnot a line\n${'B'.repeat(64)} *x.deb\n`),
    ).toEqual(
      new Map([
        ['trivy_1_Linux-64bit.tar.gz', a],
        ['x.deb', 'b'.repeat(64)],
      ]),
    );
  });

  test('sha256 of a local file', async () => {
    const f = join(root, 'hello.txt');
    writeFileSync(f, 'hello\n');
    expect(await sha256File(f)).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
  });

  test('downloads, verifies, extracts and caches; the second call is a cache hit', async () => {
    release('9.9.1');
    const log: string[] = [];
    const path = await installTrivy({
      version: '9.9.1',
      platform: 'linux',
      arch: 'x64',
      baseUrl,
      log: (l) => log.push(l),
    });
    expect(path).toBe(join(root, 'toolcache', 'trivy', '9.9.1', 'x64', 'trivy'));
    expect(execFileSync(path).toString()).toBe('Version: 9.9.1\n');
    expect(log.some((l) => /^sha256 [a-f0-9]{64} matches trivy_9\.9\.1_checksums\.txt$/.test(l))).toBe(true);
    const before = requests.length;
    expect(await installTrivy({ version: '9.9.1', platform: 'linux', arch: 'x64', baseUrl })).toBe(path);
    expect(requests.length).toBe(before);
  });

  test('a tampered archive is refused and nothing is cached', async () => {
    release('9.9.2', { tamper: true });
    await expect(installTrivy({ version: '9.9.2', platform: 'linux', arch: 'x64', baseUrl })).rejects.toThrow(
      /^checksum mismatch for trivy_9\.9\.2_Linux-64bit\.tar\.gz: the release lists sha256 [a-f0-9]{64}, the download is [a-f0-9]{64}; refusing to install it$/,
    );
    expect(existsSync(join(root, 'toolcache', 'trivy', '9.9.2'))).toBe(false);
  });

  test('an archive missing from the checksums file is refused', async () => {
    release('9.9.3', { omit: true });
    await expect(installTrivy({ version: '9.9.3', platform: 'linux', arch: 'x64', baseUrl })).rejects.toThrow(
      'trivy_9.9.3_checksums.txt has no checksum for trivy_9.9.3_Linux-64bit.tar.gz; refusing to install it',
    );
  });

  test('an unknown version is a clear download error (404, not retried)', async () => {
    const before = requests.length;
    await expect(
      installTrivy({ version: '0.0.404', platform: 'linux', arch: 'x64', baseUrl }),
    ).rejects.toThrow(
      /^could not download Trivy 0\.0\.404 \(HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/v0\.0\.404\/trivy_0\.0\.404_checksums\.txt\); check trivy-version, or put a trivy on PATH$/,
    );
    expect(requests.length).toBe(before + 1);
  });
});
