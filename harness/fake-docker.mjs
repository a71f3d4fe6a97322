// Fake `docker` CLI for the build-push tests: there is no Docker engine on this machine.
//
// How it is used: `fakeDocker()` returns an environment whose PATH starts with ./bin (a `docker` launcher
// that runs this file), plus a JSON-lines log the test reads back with `calls()`.
//
// Models (just enough of the CLI contract the action relies on):
//  - every invocation is logged as {argv, stdin, env}: `stdin` is null unless the command reads it
//    (`login --password-stdin`), then {bytes, sha256}; never its content. `env` records only which of the
//    runner's cache variables (ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL,
//    ACTIONS_CACHE_SERVICE_V2) were present (true/false), and for each `--secret id=X,env=NAME` the sha256 of
//    that variable's value (so a test can prove a secret arrived without it being written anywhere);
//  - `login --username U --password-stdin REGISTRY` (fails on an empty password or a missing registry),
//    `logout REGISTRY`;
//  - `buildx version`; `buildx inspect [name]` prints `Driver: <driver>` (the current builder's driver from
//    SLIPWAY_FAKE_DOCKER_DRIVER, default `docker`; a named builder exists once `buildx create` made it);
//    `buildx create --name N --driver D`, `buildx rm N`;
//  - `run --privileged --rm <tonistiigi/binfmt> --install a,b` prints binfmt's status JSON;
//  - `buildx build ...` validates the flags it knows, writes --metadata-file like buildx
//    (containerimage.digest, containerimage.descriptor, image.name, buildx.build.ref) and records the
//    "pushed" manifest: platforms from SLIPWAY_FAKE_DOCKER_PUSHED_PLATFORMS (comma separated; the test's
//    choice, to model a builder that ignored --platform) or else the --platform value; an image index with
//    one attestation manifest (unknown/unknown) per platform when provenance or sbom is on, a single
//    manifest otherwise;
//  - `buildx imagetools inspect REF --format '{{json .Manifest}}' | '{{json .Image}}'` answers from what was
//    pushed (by digest), or fails like a registry's "not found".
//  - SLIPWAY_FAKE_DOCKER_FAIL=<subcommand> (e.g. `build`, `login`) makes that subcommand exit 1.
// Does not model: building anything, layers, real registries or credentials, progress output beyond a few
// lines, BuildKit's cache protocol, `docker run` of other images.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dirs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CACHE_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
];

/**
 * Sets up a fake docker for one test (or one file): returns `env` to merge into the action's environment,
 * `calls()` (every invocation so far) and `builds()` (the argv after `docker` of each `buildx build`).
 * @param {{driver?: string, pushedPlatforms?: string, fail?: string}} [opts]
 */
export function fakeDocker(opts = {}) {
  const dir = tempDir('slipway-fake-docker-');
  const log = join(dir, 'calls.jsonl');
  writeFileSync(log, '');
  chmodSync(join(here, 'bin', 'docker'), 0o755);
  const env = {
    PATH: `${join(here, 'bin')}:${process.env.PATH ?? ''}`,
    SLIPWAY_FAKE_DOCKER_NODE: process.execPath,
    SLIPWAY_FAKE_DOCKER_LOG: log,
    SLIPWAY_FAKE_DOCKER_STATE: join(dir, 'state.json'),
    SLIPWAY_FAKE_DOCKER_DRIVER: opts.driver ?? 'docker',
    ...(opts.pushedPlatforms ? { SLIPWAY_FAKE_DOCKER_PUSHED_PLATFORMS: opts.pushedPlatforms } : {}),
    ...(opts.fail ? { SLIPWAY_FAKE_DOCKER_FAIL: opts.fail } : {}),
  };
  const calls = () =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return {
    env,
    dir,
    calls,
    builds: () => calls().filter((c) => c.argv[0] === 'buildx' && c.argv[1] === 'build'),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The executable side (run through bin/docker).

function loadState(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { builders: {}, images: {}, logins: [] };
}

function option(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

function options(argv, name) {
  const values = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === name) values.push(argv[i + 1]);
  return values;
}

const sha256 = (data) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function parsePlatform(p) {
  const [os, architecture, variant] = p.split('/');
  return { os, architecture, ...(variant ? { variant } : {}) };
}

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readStdin() {
  try {
    return readFileSync(0);
  } catch {
    return Buffer.alloc(0);
  }
}

function build(argv, state) {
  const metadataFile = option(argv, '--metadata-file');
  const platformArg = option(argv, '--platform') ?? 'linux/amd64';
  const tags = options(argv, '--tag');
  const context = argv.at(-1);
  if (!context || context.startsWith('--')) fail('ERROR: "docker buildx build" requires exactly 1 argument.');
  for (const s of options(argv, '--secret')) {
    if (!/^id=[^,]+,env=[A-Z0-9_]+$/.test(s)) fail(`ERROR: invalid secret ${s}`);
  }
  for (const c of [...options(argv, '--cache-to'), ...options(argv, '--cache-from')]) {
    if (!/^type=(gha|registry)(,|$)/.test(c)) fail(`ERROR: unsupported cache ${c}`);
  }
  const builder = option(argv, '--builder');
  const driver = builder ? state.builders[builder] : process.env.SLIPWAY_FAKE_DOCKER_DRIVER;
  if (!driver) fail(`ERROR: no builder "${builder}" found`);
  const wantsCache = argv.includes('--cache-to');
  if (driver === 'docker' && wantsCache) {
    fail(
      'ERROR: Cache export is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
    );
  }
  if (driver === 'docker' && platformArg.includes(',')) {
    fail('ERROR: Multi-platform build is not supported for the docker driver.');
  }
  const provenance = argv.includes('--provenance=true');
  const sbom = argv.includes('--sbom=true');
  const pushed = (process.env.SLIPWAY_FAKE_DOCKER_PUSHED_PLATFORMS || platformArg)
    .split(',')
    .map(parsePlatform);
  const images = pushed.map((p) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: sha256(`image ${JSON.stringify(p)} ${tags.join(',')}`),
    size: 1234,
    platform: p,
  }));
  let manifest;
  if (provenance || sbom || images.length > 1) {
    const attestations = images.map((img) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256(`attestation ${img.digest}`),
      size: 566,
      annotations: {
        'vnd.docker.reference.digest': img.digest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      platform: { architecture: 'unknown', os: 'unknown' },
    }));
    manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [...images, ...(provenance || sbom ? attestations : [])],
    };
  } else {
    manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('config'), size: 900 },
      layers: [],
    };
  }
  const digest = sha256(JSON.stringify(manifest));
  const config =
    pushed.length === 1 ? { ...pushed[0], config: {}, rootfs: { type: 'layers', diff_ids: [] } } : undefined;
  if (argv.includes('--push')) state.images[digest] = { manifest, config, tags };
  process.stderr.write(
    '#0 building with fake builder\n#1 [internal] load build definition from Dockerfile\n',
  );
  if (process.env.SLIPWAY_FAKE_DOCKER_FAIL === 'build') {
    fail(
      '#9 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2\nERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    );
  }
  for (const t of tags)
    if (argv.includes('--push')) process.stderr.write(`#12 pushing manifest for ${t}@${digest}\n`);
  if (metadataFile) {
    writeFileSync(
      metadataFile,
      JSON.stringify(
        {
          'buildx.build.ref': `${builder ?? 'default'}/${builder ?? 'default'}0/fakeref`,
          'containerimage.descriptor': { mediaType: manifest.mediaType, digest, size: 1609 },
          'containerimage.digest': digest,
          'image.name': tags.join(','),
        },
        null,
        2,
      ),
    );
  }
}

function main() {
  const argv = process.argv.slice(2);
  const logFile = process.env.SLIPWAY_FAKE_DOCKER_LOG;
  const stateFile = process.env.SLIPWAY_FAKE_DOCKER_STATE;
  if (!logFile || !stateFile)
    fail('fake docker: SLIPWAY_FAKE_DOCKER_LOG/STATE not set (use fakeDocker())', 2);
  const state = loadState(stateFile);
  const readsStdin = argv[0] === 'login' && argv.includes('--password-stdin');
  const stdin = readsStdin ? readStdin() : undefined;
  const env = Object.fromEntries(CACHE_VARIABLES.map((k) => [k, Boolean(process.env[k])]));
  const secretEnv = {};
  for (const s of options(argv, '--secret')) {
    const name = /env=([A-Za-z0-9_]+)/.exec(s)?.[1];
    if (name) secretEnv[name] = process.env[name] === undefined ? null : sha256(process.env[name]);
  }
  appendFileSync(
    logFile,
    JSON.stringify({
      argv,
      stdin: stdin ? { bytes: stdin.length, sha256: sha256(stdin) } : null,
      env,
      secretEnv,
    }) + '\n',
  );
  const failWith = process.env.SLIPWAY_FAKE_DOCKER_FAIL;
  const save = () => {
    mkdirSync(dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify(state));
  };

  const [cmd, sub] = argv;
  if (cmd === 'login') {
    if (failWith === 'login')
      fail('Error response from daemon: login attempt failed with status: 400 Bad Request');
    const registry = argv.at(-1);
    if (!stdin || stdin.length === 0) fail('Error: Password Required');
    if (!registry || registry.startsWith('-')) fail('Error: registry missing');
    state.logins.push(registry);
    save();
    process.stdout.write('Login Succeeded\n');
    return;
  }
  if (cmd === 'logout') {
    process.stdout.write(`Removing login credentials for ${argv[1]}\n`);
    return;
  }
  if (cmd === 'run') {
    const install = option(argv, '--install') ?? '';
    const native = process.env.RUNNER_ARCH === 'ARM64' ? 'linux/arm64' : 'linux/amd64';
    const emulated = install.split(',').map((a) => (a === 'arm' ? 'linux/arm/v7' : `linux/${a}`));
    process.stdout.write(`installing: ${install} OK\n`);
    process.stdout.write(
      JSON.stringify(
        {
          supported: [native, ...emulated.filter((p) => p !== native)],
          emulators: install.split(',').map((a) => `qemu-${a}`),
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  if (cmd !== 'buildx') fail(`fake docker: unsupported command ${argv.join(' ')}`, 2);
  if (sub === 'version') {
    process.stdout.write('github.com/docker/buildx v0.30.1 fake\n');
    return;
  }
  if (sub === 'inspect') {
    const name = argv[2];
    const driver = name ? state.builders[name] : process.env.SLIPWAY_FAKE_DOCKER_DRIVER;
    if (!driver) fail(`ERROR: no builder "${name}" found`);
    process.stdout.write(
      `Name:          ${name ?? 'default'}\nDriver:        ${driver}\nLast Activity: 2026-01-01 00:00:00 +0000 UTC\n`,
    );
    return;
  }
  if (sub === 'create') {
    const name = option(argv, '--name');
    state.builders[name] = option(argv, '--driver') ?? 'docker-container';
    save();
    process.stdout.write(`${name}\n`);
    return;
  }
  if (sub === 'rm') {
    if (!state.builders[argv[2]]) fail(`ERROR: no builder "${argv[2]}" found`);
    delete state.builders[argv[2]];
    save();
    process.stderr.write(`${argv[2]} removed\n`);
    return;
  }
  if (sub === 'build') {
    build(argv, state);
    save();
    return;
  }
  if (sub === 'imagetools' && argv[2] === 'inspect') {
    const ref = argv[3];
    const format = option(argv, '--format');
    const digest = ref.split('@')[1];
    const image = digest && state.images[digest];
    if (!image) fail(`ERROR: ${ref}: not found`);
    if (format === '{{json .Manifest}}')
      process.stdout.write(JSON.stringify({ ...image.manifest, digest }) + '\n');
    else if (format === '{{json .Image}}') process.stdout.write(JSON.stringify(image.config ?? {}) + '\n');
    else fail(`fake docker: unsupported format ${format}`, 2);
    return;
  }
  fail(`fake docker: unsupported command ${argv.join(' ')}`, 2);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
