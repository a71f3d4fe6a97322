// Where scripts/terraform/check.mjs runs terraform: the terraform binary on PATH, the unpacked provider
// mirror, a CLI config that installs the aws provider from it, and a temporary copy of terraform/ outside
// the repository that takes everything terraform writes (.terraform, lock files, state, plans, the
// emulator override files). Also the bounded process runner and the job pool the phases share.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { run as runProcess } from '../../lib.mjs';
import { findProviderMirror, providerInstallationConfig } from '../../../harness/terraform-providers.mjs';

export { AWS_PROVIDER as PROVIDER } from '../../../harness/terraform-providers.mjs';

/** The repo's process runner, quiet, killing the whole process group on time-out; never rejects. */
export async function run(cmd, cmdArgs, { cwd, env, timeoutMs = 10 * 60_000 } = {}) {
  const r = await runProcess(cmd, cmdArgs, { cwd, env, timeoutMs, quiet: true, killGroup: true });
  return { code: r.code, out: r.output };
}

/** Runs fn over items with at most `limit` in flight; keeps order of results. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}

/** `terraform version` of the binary on PATH, or null when there is none. */
export function terraformVersion() {
  const r = spawnSync('terraform', ['version', '-json'], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  if (r.error || r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout).terraform_version;
  } catch {
    return 'unknown';
  }
}

/** The filesystem mirror holding the aws provider (harness/terraform-providers.mjs), or null. */
export const findMirror = findProviderMirror;

const hasTf = (dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.tf'));

function listDirs(parent) {
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((d) => !d.startsWith('.') && statSync(join(parent, d)).isDirectory())
    .sort()
    .map((d) => join(parent, d));
}

/** Every root/module dir under terraform/: modules/*, examples/*, and one more level for grouped examples. */
export function terraformDirs(root) {
  const modules = listDirs(join(root, 'modules')).filter(hasTf);
  const examples = [];
  for (const d of listDirs(join(root, 'examples'))) {
    if (hasTf(d)) examples.push(d);
    else examples.push(...listDirs(d).filter(hasTf));
  }
  return { modules, examples };
}

const generated = (base) =>
  base === '.terraform' ||
  base === '.terraform.lock.hcl' ||
  base.endsWith('.tfstate') ||
  base.endsWith('.tfplan') ||
  base.includes('.tfstate.');

/**
 * A temporary copy of `tfRoot` (without anything terraform generated) and a CLI config using `mirror`.
 * `tf(dir, args)` runs terraform there with that config; `init(dir)` runs `terraform init -backend=false`
 * once per directory, shared by the phases that run concurrently; `show` and `rel` take the temporary path
 * out of what is printed.
 */
export function createWorkspace({ tfRoot, mirror }) {
  const work = mkdtempSync(join(tmpdir(), 'slipway-tfcheck-'));
  const workTf = join(work, 'terraform');
  const cliConfig = join(work, 'terraform.tfrc');
  writeFileSync(cliConfig, providerInstallationConfig(mirror));
  cpSync(tfRoot, workTf, { recursive: true, filter: (src) => !generated(src.split(sep).pop()) });

  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
  // No plugin cache: init links the provider from the unpacked mirror (harness/terraform-providers.mjs).
  delete env.TF_PLUGIN_CACHE_DIR;
  delete env.TF_DATA_DIR;
  for (const k of Object.keys(env)) if (k.startsWith('TF_VAR_') || k.startsWith('TF_CLI_ARGS')) delete env[k];

  const tf = (dir, tfArgs, opts = {}) =>
    run('terraform', tfArgs, { cwd: dir, env: { ...env, ...(opts.env ?? {}) }, timeoutMs: opts.timeoutMs });
  const inits = new Map();
  const init = (dir) => {
    if (!inits.has(dir)) {
      inits.set(
        dir,
        tf(dir, ['init', '-backend=false', '-input=false', '-no-color'], { timeoutMs: 5 * 60_000 }),
      );
    }
    return inits.get(dir);
  };
  const show = (text) =>
    text
      .split(work + sep)
      .join('')
      .split(work)
      .join('<tmp>');
  const rel = (dir) => relative(work, dir).split(sep).join('/');
  const remove = () => rmSync(work, { recursive: true, force: true });
  return { work, workTf, env, tf, init, show, rel, remove, ...terraformDirs(workTf) };
}

/**
 * `terraform init` of `dir` through the workspace; on failure records it under `phase`/`label` and returns
 * false.
 */
export async function initOrRecord(ws, record, phase, label, dir, t0) {
  const i = await ws.init(dir);
  if (i.code === 0) return true;
  record(phase, label, false, Date.now() - t0, `terraform init failed:\n${ws.show(i.out)}`);
  return false;
}
