// Runs an action's bundle the way the GitHub runner does: `node24 actions/<name>/dist/index.js` with inputs
// as INPUT_* variables and fresh GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH and
// GITHUB_STEP_SUMMARY files, which are parsed back (including the `name<<delimiter` multi-line format).
//
// What it does not model: the runner's masking of `::add-mask::` values (the raw output is returned as
// printed, which is what lets tests check that no secret is printed), expressions, and `if:` conditions.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tempDir } from './temp-dirs.mjs';
import { run } from './process.mjs';
import { join } from 'node:path';

export { repoRoot, node24 } from './repo.mjs';
import { repoRoot, node24 } from './repo.mjs';

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file into a plain object.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseCommandFile(text) {
  /** @type {Record<string, string>} */
  const result = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      result[name] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return result;
}

/** Environment a runner gives every step, minus anything from the developer's shell that could leak in. */
export function runnerEnv(extra = {}) {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SLIPWAY_MOTO_URL'];
  const base = {};
  for (const k of keep) if (process.env[k] !== undefined) base[k] = process.env[k];
  // `npm test` puts node_modules/.bin first on PATH (where node@24 installs a `node`); a runner has no such
  // entry, and the commands an action runs must see the same PATH whether tests run through npm or not.
  if (base.PATH)
    base.PATH = base.PATH.split(':')
      .filter((p) => !p.includes('node_modules/.bin'))
      .join(':');
  return {
    ...base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/payments',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'push',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...extra,
  };
}

/**
 * @param {object} opts
 * @param {string} opts.action  action folder name
 * @param {Record<string,string>} [opts.inputs]  action inputs by name (as in action.yml)
 * @param {Record<string,string>} [opts.env]  extra environment (AWS endpoint, credentials, ...)
 * @param {'main'|'post'} [opts.step]
 * @param {Record<string,string>} [opts.state]  saved state for a post step
 * @param {number} [opts.timeoutMs]
 * @param {(line: string) => void} [opts.onLine]  called with each stdout line as it arrives
 * @param {string} [opts.cwd]  working directory (default: a fresh temporary folder)
 */
export async function runAction({
  action,
  inputs = {},
  env = {},
  step = 'main',
  state = {},
  timeoutMs = 60_000,
  onLine,
  cwd,
}) {
  const dir = tempDir(`slipway-${action}-`);
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const inputEnv = {};
  for (const [name, value] of Object.entries(inputs))
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const stateEnv = {};
  for (const [name, value] of Object.entries(state)) stateEnv[`STATE_${name}`] = value;
  const entry = join(repoRoot, 'actions', action, 'dist', step === 'post' ? 'post/index.js' : 'index.js');
  const { code, timedOut, durationMs, stdout, stderr } = await run(node24, [entry], {
    cwd: cwd ?? dir,
    env: runnerEnv({ RUNNER_TEMP: dir, ...files, ...inputEnv, ...stateEnv, ...env }),
    quiet: true,
    timeoutMs,
    onStdoutLine: onLine,
  });
  const read = (f) => readFileSync(f, 'utf8');
  const result = {
    code,
    timedOut,
    durationMs,
    /** Wall-clock ms when the process exited (same clock as the simulators'). */
    endedAt: Date.now(),
    stdout,
    stderr,
    outputs: parseCommandFile(read(files.GITHUB_OUTPUT)),
    exportedEnv: parseCommandFile(read(files.GITHUB_ENV)),
    state: parseCommandFile(read(files.GITHUB_STATE)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    runnerTemp: dir,
    /** `::error::` annotations, decoded. */
    errors: annotations(stdout, 'error'),
    warnings: annotations(stdout, 'warning'),
    /** Values registered with ::add-mask::. */
    masked: stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => decodeCommandData(l.slice('::add-mask::'.length))),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (timedOut)
    throw new Error(
      `${action} did not finish within ${timeoutMs} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
    );
  return result;
}

function decodeCommandData(s) {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function annotations(stdout, kind) {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind}`))
    .map((l) => decodeCommandData(l.slice(l.indexOf('::', 2) + 2)));
}

/**
 * Throws if any of the secret values appears in the captured output (a leak). `::add-mask::` lines are the
 * runner's masking protocol itself (never displayed by the runner), so they are not counted.
 */
export function assertNoSecretsIn(text, secrets) {
  text = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const secret of secrets) {
    if (secret && text.includes(secret)) {
      throw new Error(`secret value leaked into the log: ${secret.slice(0, 4)}… (length ${secret.length})`);
    }
  }
}
