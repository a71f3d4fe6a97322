// The fake docker CLI process (run through ../bin/docker -> ../fake-docker.mjs, which documents the whole
// contract): logs each invocation to SLIPWAY_FAKE_DOCKER_LOG (argv; stdin's size and sha256 when `login
// --password-stdin` reads it, never its content; which runner cache variables were set; the sha256 of each
// --secret's env variable), then answers login/logout, `run` of binfmt, and buildx version/inspect/create/rm/
// build/imagetools inspect from a state file (SLIPWAY_FAKE_DOCKER_STATE). Any other command exits 2.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail, loadState, option, options, readStdin, sha256 } from './cli-helpers.mjs';
import { build } from './buildx-build.mjs';

const CACHE_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
];

/** Appends one invocation to the log the test reads back (`fakeDocker().calls()`). */
function logCall(logFile, argv, stdin) {
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
}

/** `run --privileged --rm <tonistiigi/binfmt> --install a,b`: binfmt's status JSON. */
function runBinfmt(argv) {
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
}

/** `buildx imagetools inspect REF --format '{{json .Manifest}}' | '{{json .Image}}'` of a pushed digest. */
function inspectImage(argv, state) {
  const ref = argv[3];
  const format = option(argv, '--format');
  const digest = ref.split('@')[1];
  const image = digest && state.images[digest];
  if (!image) fail(`ERROR: ${ref}: not found`);
  if (format === '{{json .Manifest}}')
    process.stdout.write(JSON.stringify({ ...image.manifest, digest }) + '\n');
  else if (format === '{{json .Image}}') process.stdout.write(JSON.stringify(image.config ?? {}) + '\n');
  else fail(`fake docker: unsupported format ${format}`, 2);
}

/** Runs one `docker` invocation with `argv` (everything after `docker`). */
export function main(argv = process.argv.slice(2)) {
  const logFile = process.env.SLIPWAY_FAKE_DOCKER_LOG;
  const stateFile = process.env.SLIPWAY_FAKE_DOCKER_STATE;
  if (!logFile || !stateFile)
    fail('fake docker: SLIPWAY_FAKE_DOCKER_LOG/STATE not set (use fakeDocker())', 2);
  const state = loadState(stateFile);
  const readsStdin = argv[0] === 'login' && argv.includes('--password-stdin');
  const stdin = readsStdin ? readStdin() : undefined;
  logCall(logFile, argv, stdin);
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
  if (cmd === 'run') return runBinfmt(argv);
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
  if (sub === 'imagetools' && argv[2] === 'inspect') return inspectImage(argv, state);
  fail(`fake docker: unsupported command ${argv.join(' ')}`, 2);
}
