// Runs the real `terraform` CLI (the one on PATH) for tests that need genuine plans, state and JSON output.
//
// Models: terraform exactly as a CI job runs it (TF_IN_AUTOMATION=1, no colour, no input), with providers
// installed offline: a CLI config written to a temp dir takes registry.terraform.io/hashicorp/aws from the
// unpacked filesystem mirror (terraform-providers.mjs: the same mirror and config rule as the terraform
// step of npm test) and everything else directly; init links the provider from the mirror, never copies it.
// Prefer `terraform_data` (built in, no provider, no init download, fastest) wherever a scenario allows;
// use the aws provider only against the moto server (SLIPWAY_MOTO_URL) for what terraform_data cannot show
// (import, drift).
// Does not model: remote backends, workspaces other than the default, or providers other than aws from the
// mirror (any other provider would be fetched from the network, which tests must not need).
// Every command is bounded by a timeout (default 120 s) and killed with its process group past it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { tempDir } from './temp-dirs.mjs';
import { run } from './process.mjs';
import {
  findProviderMirror,
  missingMirrorMessage,
  providerInstallationConfig,
} from './terraform-providers.mjs';

/** The provider mirror directory, or an error that names where it was looked for. */
export function pluginMirror() {
  const dir = findProviderMirror();
  if (!dir) throw new Error(missingMirrorMessage());
  return dir;
}

/**
 * A scratch area for terraform runs: a CLI config and the environment that uses it.
 * @param {{needsMirror?: boolean}} [opts]  needsMirror=false skips the mirror check (terraform_data only)
 * @returns {{root: string, env: Record<string,string>, cleanup: () => void}}
 */
export function terraformSandbox({ needsMirror = true } = {}) {
  const root = tempDir('slipway-tf-');
  const mirror = needsMirror ? pluginMirror() : (findProviderMirror() ?? '/opt/tf-plugins');
  const cliConfig = join(root, 'terraform.rc');
  writeFileSync(cliConfig, providerInstallationConfig(mirror, { direct: true }));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? root,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
  return { root, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Runs `terraform <args>` in `cwd`. Rejects with terraform's output on a non-zero exit (unless `allowFail`)
 * or on timeout.
 * @param {string} cwd
 * @param {string[]} args
 * @param {{env?: Record<string, string>, timeoutMs?: number, allowFail?: boolean}} [opts]
 * @returns {Promise<{code: number, stdout: string, stderr: string, ms: number}>}
 */
export async function terraform(cwd, args, { env, timeoutMs = 120_000, allowFail = false } = {}) {
  const r = await run('terraform', args, {
    cwd,
    env: { ...(env ?? process.env) },
    quiet: true,
    killGroup: true,
    timeoutMs,
  });
  if (r.code === 127) throw new Error(`could not run terraform (is it on PATH?): ${r.output.trim()}`);
  if (r.timedOut) throw new Error(`terraform ${args.join(' ')} timed out after ${timeoutMs} ms in ${cwd}`);
  const result = { code: r.code, stdout: r.stdout, stderr: r.stderr, ms: r.durationMs };
  if (result.code !== 0 && !allowFail) {
    throw new Error(
      `terraform ${args.join(' ')} exited ${result.code} in ${cwd}\n${r.stderr.slice(-4000)}\n${r.stdout.slice(-4000)}`,
    );
  }
  return result;
}

/** Replaces every *.tf file in `dir` with `files` (name -> HCL). */
export function writeConfig(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirTf(dir)) rmSync(join(dir, f));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

function readdirTf(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tf')) : [];
}

/**
 * Builds a real plan: for each earlier stage, writes its config and applies it; then writes the final config,
 * runs `terraform plan -out`, and saves `terraform show -json` and `terraform show` of the plan.
 * @param {string} dir  working directory (created)
 * @param {object} opts
 * @param {Array<Record<string,string>>} [opts.applied]  configs applied in order before the plan
 * @param {Record<string,string>} opts.planned  config planned against the resulting state
 * @param {Record<string,string>} opts.env  from terraformSandbox()
 * @param {string[]} [opts.planArgs]  extra `terraform plan` arguments (-var, -refresh-only, ...)
 * @param {() => Promise<void>} [opts.beforePlan]  runs after the applies, before the plan (e.g. make drift)
 * @param {boolean} [opts.init]  run `terraform init` (needed when a provider is used; default: false)
 * @param {boolean} [opts.text]  also save `terraform show` text (default: true; each show starts the providers)
 * @returns {Promise<{planJsonPath: string, planTextPath: string, json: object, text: string, timings: Record<string, number>}>}
 */
export async function buildPlan(
  dir,
  { applied = [], planned, env, planArgs = [], beforePlan, init = false, text: withText = true },
) {
  const timings = {};
  const time = async (name, fn) => {
    const t = Date.now();
    const r = await fn();
    timings[name] = (timings[name] ?? 0) + Date.now() - t;
    return r;
  };
  const common = ['-no-color', '-input=false'];
  for (const [i, files] of applied.entries()) {
    writeConfig(dir, files);
    if (init && i === 0) await time('init', () => terraform(dir, ['init', ...common], { env }));
    await time('apply', () => terraform(dir, ['apply', '-auto-approve', ...common], { env }));
  }
  writeConfig(dir, planned);
  if (init && applied.length === 0) await time('init', () => terraform(dir, ['init', ...common], { env }));
  if (beforePlan) await beforePlan();
  await time('plan', () => terraform(dir, ['plan', '-out=tfplan', ...common, ...planArgs], { env }));
  const json = await time('show-json', () => terraform(dir, ['show', '-json', 'tfplan'], { env }));
  const text = withText
    ? await time('show', () => terraform(dir, ['show', '-no-color', 'tfplan'], { env }))
    : { stdout: '' };
  const planJsonPath = join(dir, 'plan.json');
  const planTextPath = join(dir, 'plan.txt');
  writeFileSync(planJsonPath, json.stdout);
  writeFileSync(planTextPath, text.stdout);
  return {
    planJsonPath,
    planTextPath,
    json: JSON.parse(readFileSync(planJsonPath, 'utf8')),
    text: text.stdout,
    timings,
  };
}
