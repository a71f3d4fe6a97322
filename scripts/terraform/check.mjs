#!/usr/bin/env node
// Terraform checks for `npm test`: fmt, README freshness, init + validate of every module and example,
// `terraform test` (mocked provider) of every module, checkov, and apply -> re-plan -> destroy of the
// emulator examples against a fresh moto server.
//
// Usage: node scripts/terraform/check.mjs [--only fmt,docs,validate,test,checkov,apply] [--jobs N] [--keep]
//
// Node built-ins only, plus the repo's process runner and moto launcher. Everything Terraform writes
// (.terraform, lock files, state, plans, the emulator override files) goes to a temporary copy of terraform/
// outside the repo.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDocs } from './docs.mjs';
import { run as runProcess, repoRoot } from '../lib.mjs';

const tfRoot = join(repoRoot, 'terraform');
const PROVIDER = { host: 'registry.terraform.io', namespace: 'hashicorp', type: 'aws', version: '5.100.0' };

/** Examples applied and destroyed against moto, with the variables that switch off known moto gaps. */
const EMULATOR_EXAMPLES = {
  'fargate-web': {
    // Destroying the stack at the end of the run needs the load balancer unprotected.
    alb_deletion_protection: 'false',
    // moto 5.2.5: Application Auto Scaling has no ListTagsForResource, which the provider calls after
    // RegisterScalableTarget ("listing tags for Application Auto Scaling Target ... StatusCode: 500").
    enable_autoscaling: 'false',
    // moto 5.2.5: CreateService drops capacityProviderStrategy (and reports launchType EC2), so every
    // plan would replace a service that sets one. The emulator run uses the FARGATE launch type instead.
    service_launch_type: 'FARGATE',
  },
  'python-api-pipeline': {
    alb_deletion_protection: 'false',
    enable_autoscaling: 'false',
    service_launch_type: 'FARGATE',
  },
};

/**
 * Attribute-level differences the re-plan may show because moto 5.2.5 does not store or return them.
 * Only in-place updates touching nothing but these attributes are tolerated (and printed).
 */
const MOTO_REPLAN_GAPS = {
  // The Service model keeps none of these: enableECSManagedTags, healthCheckGracePeriodSeconds,
  // availabilityZoneRebalancing.
  aws_ecs_service: ['enable_ecs_managed_tags', 'health_check_grace_period_seconds', 'availability_zone_rebalancing'],
  // A rule that references another security group comes back without its description.
  aws_vpc_security_group_ingress_rule: ['description'],
};

const PHASES = ['fmt', 'docs', 'validate', 'test', 'checkov', 'apply'];

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------
const results = [];
const phaseTimes = {};
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = argValue('--only')?.split(',').map((s) => s.trim());
const jobs = Number(argValue('--jobs') ?? process.env.SLIPWAY_TF_JOBS ?? 3);
const keep = args.includes('--keep');
if (only && only.some((p) => !PHASES.includes(p))) {
  console.error(`terraform check: --only takes a comma list of ${PHASES.join(', ')}; got "${only.join(',')}"`);
  process.exit(2);
}
if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) {
  console.error(`terraform check: --jobs / SLIPWAY_TF_JOBS must be a whole number 1-16; got "${jobs}"`);
  process.exit(2);
}
const wanted = (phase) => !only || only.includes(phase);
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function record(phase, name, ok, ms, detail = '') {
  results.push({ phase, name, ok, ms, detail });
  const mark = ok ? 'ok  ' : 'FAIL';
  console.log(`  ${mark} ${phase.padEnd(8)} ${name} (${secs(ms)})${detail && ok ? ` ${detail}` : ''}`);
  if (!ok && detail) console.log(indent(detail));
}

function indent(text, pad = '       | ') {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** Runs a command with a bounded time; resolves { code, out } and never rejects. */
/** The repo's process runner (scripts/lib.mjs), quiet, killing terraform's whole process group on time-out. */
async function run(cmd, cmdArgs, { cwd, env, timeoutMs = 10 * 60_000 } = {}) {
  const r = await runProcess(cmd, cmdArgs, { cwd, env, timeoutMs, quiet: true, killGroup: true });
  return { code: r.code, out: r.output };
}

/** Runs fn over items with at most `limit` in flight; keeps order of results. */
async function pool(items, limit, fn) {
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

async function phase(name, fn) {
  if (!wanted(name)) return;
  console.log(`\n== terraform ${name}`);
  const t0 = Date.now();
  try {
    await fn();
  } catch (err) {
    record(name, 'internal error', false, Date.now() - t0, err?.stack ?? String(err));
  }
  phaseTimes[name] = (phaseTimes[name] ?? 0) + (Date.now() - t0);
}

function hasTf(dir) {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.tf'));
}

function listDirs(parent) {
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((d) => !d.startsWith('.') && statSync(join(parent, d)).isDirectory())
    .sort()
    .map((d) => join(parent, d));
}

/** Every root/module dir under terraform/: modules/*, examples/*, and one more level for grouped examples. */
function terraformDirs(root) {
  const modules = listDirs(join(root, 'modules')).filter(hasTf);
  const examples = [];
  for (const d of listDirs(join(root, 'examples'))) {
    if (hasTf(d)) examples.push(d);
    else examples.push(...listDirs(d).filter(hasTf));
  }
  return { modules, examples };
}

// ---------------------------------------------------------------------------------------------------------
// Environment: terraform binary, provider mirror, CLI config, work copy
// ---------------------------------------------------------------------------------------------------------
function findMirror() {
  const rel = join(PROVIDER.host, PROVIDER.namespace, PROVIDER.type, PROVIDER.version);
  const holds = (dir) => existsSync(join(dir, rel));
  const candidates = [process.env.SLIPWAY_TF_PLUGIN_MIRROR, '/opt/tf-plugins'].filter(Boolean);
  for (const c of candidates) if (holds(c)) return c;
  // Bounded search for a directory named registry.terraform.io holding the provider.
  const roots = ['/opt', '/usr/local/share', '/usr/share', join(homedir(), '.terraform.d'), join(homedir(), '.local', 'share')];
  const seen = new Set();
  const walk = (dir, depth) => {
    if (depth < 0 || seen.has(dir)) return null;
    seen.add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return null;
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      if (e.name === PROVIDER.host && holds(dir)) return dir;
    }
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== 'proc') {
        const found = walk(join(dir, e.name), depth - 1);
        if (found) return found;
      }
    }
    return null;
  };
  for (const r of roots) {
    const found = walk(r, 4);
    if (found) return found;
  }
  return null;
}

function terraformVersion() {
  const r = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (r.error || r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout).terraform_version;
  } catch {
    return 'unknown';
  }
}


// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------
const started = Date.now();
const tfv = terraformVersion();
if (!tfv) {
  const msg = [
    '',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '!!  terraform is not on PATH: the Terraform checks (fmt, validate, test, checkov, apply) DID NOT RUN.',
    '!!  Install Terraform >= 1.7 (this repo is tested with 1.11.4).',
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    '',
  ].join('\n');
  console.error(msg);
  if (process.env.SLIPWAY_ALLOW_NO_TERRAFORM === '1') {
    console.error('SLIPWAY_ALLOW_NO_TERRAFORM=1: treating the skipped checks as a pass.');
    console.log('terraform: 0 passed, 0 failed');
    process.exit(0);
  }
  console.error('Set SLIPWAY_ALLOW_NO_TERRAFORM=1 to skip them deliberately.');
  console.log('terraform: 0 passed, 1 failed');
  process.exit(1);
}

const mirror = findMirror();
if (!mirror) {
  console.error(
    `terraform check: no provider mirror found. Expected an unpacked filesystem mirror holding ` +
      `${PROVIDER.host}/${PROVIDER.namespace}/${PROVIDER.type}/${PROVIDER.version}/<os_arch> at /opt/tf-plugins ` +
      `(or at $SLIPWAY_TF_PLUGIN_MIRROR); nothing under /opt, /usr/local/share, /usr/share, ~/.terraform.d or ` +
      `~/.local/share holds it either.`,
  );
  console.log('terraform: 0 passed, 1 failed');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'slipway-tfcheck-'));
const workTf = join(work, 'terraform');
const cliConfig = join(work, 'terraform.tfrc');
writeFileSync(
  cliConfig,
  `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["${PROVIDER.host}/${PROVIDER.namespace}/${PROVIDER.type}"]\n  }\n}\n`,
);
cpSync(tfRoot, workTf, {
  recursive: true,
  filter: (src) => {
    const base = src.split(sep).pop();
    return base !== '.terraform' && base !== '.terraform.lock.hcl' && !base.endsWith('.tfstate') && !base.endsWith('.tfplan') && !base.includes('.tfstate.');
  },
});

const tfEnv = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
// The mirror is unpacked, so `init` symlinks the 675 MB provider instead of copying it; a plugin cache
// would make Terraform copy it once more.
delete tfEnv.TF_PLUGIN_CACHE_DIR;
delete tfEnv.TF_DATA_DIR;
for (const k of Object.keys(tfEnv)) if (k.startsWith('TF_VAR_') || k.startsWith('TF_CLI_ARGS')) delete tfEnv[k];

const tf = (dir, tfArgs, opts = {}) => run('terraform', tfArgs, { cwd: dir, env: { ...tfEnv, ...(opts.env ?? {}) }, timeoutMs: opts.timeoutMs });
const show = (text) => text.split(work + sep).join('').split(work).join('<tmp>');
const rel = (dir) => relative(work, dir).split(sep).join('/');

console.log(`terraform ${tfv}; provider mirror ${mirror}; work copy ${work}; ${jobs} parallel jobs`);

const { modules, examples } = terraformDirs(workTf);
const inits = new Map();

/** `terraform init -backend=false` once per directory, shared by the phases that run concurrently. */
function init(dir) {
  if (!inits.has(dir)) inits.set(dir, tf(dir, ['init', '-backend=false', '-input=false', '-no-color'], { timeoutMs: 5 * 60_000 }));
  return inits.get(dir);
}

let moto = null;
try {
  await phase('fmt', async () => {
    const t0 = Date.now();
    const r = await run('terraform', ['fmt', '-check', '-recursive', '-diff', '-no-color', 'terraform'], { cwd: repoRoot, env: tfEnv, timeoutMs: 120_000 });
    record('fmt', 'terraform fmt -check -recursive terraform/', r.code === 0, Date.now() - t0, r.code === 0 ? '' : `${r.out}\nRun: terraform fmt -recursive terraform/`);
  });

  await phase('docs', async () => {
    const t0 = Date.now();
    const report = checkDocs(repoRoot);
    for (const m of report) {
      record('docs', `${m.readme} inputs/outputs`, m.fresh, Date.now() - t0, m.fresh ? '' : `${m.readme} is stale (${m.reason}). Run: node scripts/terraform/docs.mjs`);
    }
  });

  // The emulator applies mostly wait on the provider's fixed load balancer waiters, so they run alongside
  // the CPU-bound validate -> test -> checkov chain.
  await Promise.all([
    (async () => {
    await phase('validate', async () => {
      await pool([...modules, ...examples], jobs, async (dir) => {
        const t0 = Date.now();
        const i = await init(dir);
        if (i.code !== 0) return record('validate', rel(dir), false, Date.now() - t0, `terraform init failed:\n${show(i.out)}`);
        const v = await tf(dir, ['validate', '-no-color'], { timeoutMs: 5 * 60_000 });
        record('validate', rel(dir), v.code === 0, Date.now() - t0, v.code === 0 ? '' : show(v.out));
      });
    });

    let testRuns = { pass: 0, fail: 0 };
    await phase('test', async () => {
      const withTests = modules.filter((m) => existsSync(join(m, 'tests')) && readdirSync(join(m, 'tests')).some((f) => f.endsWith('.tftest.hcl')));
      for (const m of modules.filter((m) => !withTests.includes(m))) record('test', rel(m), false, 0, 'no tests/*.tftest.hcl: every module needs terraform tests');
      await pool(withTests, jobs, async (dir) => {
        const t0 = Date.now();
        const i = await init(dir);
        if (i.code !== 0) return record('test', rel(dir), false, Date.now() - t0, `terraform init failed:\n${show(i.out)}`);
        const r = await tf(dir, ['test', '-no-color'], { timeoutMs: 10 * 60_000 });
        const m = r.out.match(/(\d+) passed, (\d+) failed/);
        const pass = m ? Number(m[1]) : 0;
        const fail = m ? Number(m[2]) : 0;
        testRuns.pass += pass;
        testRuns.fail += fail;
        const ok = r.code === 0 && fail === 0 && pass > 0;
        const failures = r.out
          .split('\n')
          .filter((l) => /\.\.\. (fail|skip)|Error:|error_message|on .*line \d+|│/.test(l))
          .join('\n');
        record('test', rel(dir), ok, Date.now() - t0, ok ? `${pass} runs passed` : show(failures || r.out));
      });
      console.log(`  terraform test runs: ${testRuns.pass} passed, ${testRuns.fail} failed`);
    });

      await phase('checkov', async () => {
      const t0 = Date.now();
      const checkov = join(repoRoot, '.venv', 'bin', 'checkov');
      if (!existsSync(checkov)) {
        return record('checkov', 'checkov -d terraform', false, 0, `${checkov} is missing: run npm run setup (it creates .venv with checkov from requirements-dev.txt).`);
      }
      const r = await run(
        checkov,
        ['-d', 'terraform', '--framework', 'terraform', '--quiet', '--compact', '--skip-path', '\\.terraform', '--download-external-modules', 'false', '-o', 'json'],
        { cwd: repoRoot, env: { ...process.env, BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false', LOG_LEVEL: 'ERROR' }, timeoutMs: 10 * 60_000 },
      );
      let reports;
      try {
        const start = r.out.search(/[[{]/);
        const parsed = JSON.parse(r.out.slice(start));
        reports = Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        return record('checkov', 'checkov -d terraform', false, Date.now() - t0, `could not read checkov's JSON output (exit ${r.code}):\n${r.out.slice(0, 4000)}`);
      }
      const summary = { passed: 0, failed: 0, skipped: 0 };
      const failed = [];
      const skipped = [];
      for (const rep of reports) {
        if (!rep?.summary) continue;
        summary.passed += rep.summary.passed ?? 0;
        summary.failed += rep.summary.failed ?? 0;
        summary.skipped += rep.summary.skipped ?? 0;
        for (const c of rep.results?.failed_checks ?? []) failed.push(`${c.check_id} ${c.check_name}\n  ${c.resource} at terraform${c.file_path}:${c.file_line_range?.[0]}`);
        for (const c of rep.results?.skipped_checks ?? []) skipped.push(`${c.check_id} ${c.resource}: ${c.check_result?.suppress_comment ?? ''}`);
      }
      const ok = summary.failed === 0 && (r.code === 0 || r.code === 1);
      const line = `passed ${summary.passed}, failed ${summary.failed}, skipped ${summary.skipped}`;
      if (process.env.SLIPWAY_TF_VERBOSE === '1') console.log(indent(skipped.join('\n'), '       skip '));
      record('checkov', 'checkov -d terraform', ok, Date.now() - t0, ok ? line : `${line}\n${failed.join('\n')}\nFix the resource, or skip in place with #checkov:skip=<id>:<reason>.`);
    });
    })(),
    phase('apply', async () => {
      const t0 = Date.now();
      moto = await startEmulator();
      console.log(`  moto at ${moto.url} (${secs(Date.now() - t0)})`);
      await pool(Object.keys(EMULATOR_EXAMPLES), jobs, (name) => applyExample(name, moto.url));
    }),
  ]);
} finally {
  if (moto) await moto.stop().catch(() => {});
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

// ---------------------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------------------
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log('\n== terraform summary');
for (const p of PHASES) if (phaseTimes[p] !== undefined) console.log(`  ${p.padEnd(9)} ${secs(phaseTimes[p]).padStart(7)}  ${results.filter((r) => r.phase === p && r.ok).length}/${results.filter((r) => r.phase === p).length} ok`);
console.log(`  wall time ${secs(Date.now() - started)}`);
for (const r of results.filter((x) => !x.ok)) console.log(`  FAILED ${r.phase} ${r.name}`);
console.log(`terraform: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------
// Emulator
// ---------------------------------------------------------------------------------------------------------
async function startEmulator() {
  const { startMoto } = await import(pathToFileURL(join(repoRoot, 'harness', 'moto.mjs')).href);
  return startMoto();
}

function emulatorOverride(url) {
  const services = ['acm', 'applicationautoscaling', 'autoscaling', 'cloudwatch', 'dynamodb', 'ec2', 'ecr', 'ecs', 'elbv2', 'iam', 'kms', 'logs', 'route53', 's3', 'secretsmanager', 'servicediscovery', 'sns', 'ssm', 'sts'];
  return `# Generated by scripts/terraform/check.mjs for the moto run; never committed.
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  # moto's HTTP server sometimes closes a kept-alive connection under the provider's feet ("read tcp ...
  # use of closed network connection"). The SDK treats that as a retryable connection error, so allow
  # retries; one attempt made a CI destroy fail on a DescribeNatGateways read.
  max_retries                 = 5
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  # The account ID comes from moto's STS: without it the provider reports security group references
  # as "<account>/<sg-id>" and every plan shows a spurious change.
  skip_requesting_account_id = false
  s3_use_path_style          = true

  endpoints {
${services.map((s) => `    ${s.padEnd(22)} = "${url}"`).join('\n')}
  }
}
`;
}

async function applyExample(name, url) {
  const dir = join(workTf, 'examples', name);
  const label = `examples/${name}`;
  const vars = Object.entries(EMULATOR_EXAMPLES[name]).flatMap(([k, v]) => ['-var', `${k}=${v}`]);
  if (!existsSync(dir)) return record('apply', label, false, 0, `${label} does not exist`);
  writeFileSync(join(dir, 'emulator_override.tf'), emulatorOverride(url));

  let t0 = Date.now();
  const i = await init(dir);
  if (i.code !== 0) return record('apply', label, false, Date.now() - t0, `terraform init failed:\n${show(i.out)}`);
  const a = await tf(dir, ['apply', '-auto-approve', '-input=false', '-no-color', ...vars], { timeoutMs: 8 * 60_000 });
  const added = a.out.match(/Resources: (\d+) added/)?.[1];
  const applied = a.code === 0;
  record('apply', `${label} apply`, applied, Date.now() - t0, applied ? `${added} resources` : show(a.out.split('\n').filter((l) => l.trim() && !/Creating\.\.\.|Creation complete|Still creating|Refreshing|Reading|Read complete/.test(l)).join('\n')));

  if (applied) {
    t0 = Date.now();
    const planFile = join(work, `${name}.tfplan`);
    const p = await tf(dir, ['plan', '-detailed-exitcode', '-input=false', '-no-color', '-out', planFile, ...vars], { timeoutMs: 5 * 60_000 });
    if (p.code === 0) record('apply', `${label} re-plan: no changes`, true, Date.now() - t0);
    else if (p.code === 2) {
      const j = await tf(dir, ['show', '-json', planFile], { timeoutMs: 120_000 });
      const verdict = judgePlan(j.out);
      record('apply', `${label} re-plan: no changes`, verdict.ok, Date.now() - t0, verdict.ok ? `(tolerated moto gaps: ${verdict.tolerated.join('; ')})` : `${verdict.problems.join('\n')}\n${show(p.out)}`);
    } else record('apply', `${label} re-plan: no changes`, false, Date.now() - t0, show(p.out));
  }

  // Destroy whatever exists, also after a failed apply.
  t0 = Date.now();
  const d = await tf(dir, ['destroy', '-auto-approve', '-input=false', '-no-color', ...vars], { timeoutMs: 6 * 60_000 });
  const destroyed = d.out.match(/Resources: (\d+) destroyed/)?.[1];
  record('apply', `${label} destroy`, d.code === 0, Date.now() - t0, d.code === 0 ? `${destroyed} resources` : show(d.out.split('\n').filter((l) => l.trim() && !/Destroying\.\.\.|Destruction complete|Still destroying|Refreshing|Reading|Read complete/.test(l)).join('\n')));
}

/** A re-plan passes when every change is an in-place update of attributes moto is known not to keep. */
function judgePlan(json) {
  const problems = [];
  const tolerated = [];
  let plan;
  try {
    plan = JSON.parse(json);
  } catch {
    return { ok: false, problems: ['could not parse terraform show -json output'], tolerated };
  }
  for (const rc of plan.resource_changes ?? []) {
    const actions = rc.change?.actions ?? [];
    if (actions.length === 1 && (actions[0] === 'no-op' || actions[0] === 'read')) continue;
    const allowed = MOTO_REPLAN_GAPS[rc.type];
    if (!(actions.length === 1 && actions[0] === 'update' && allowed)) {
      problems.push(`${rc.address}: ${actions.join('+')}`);
      continue;
    }
    const before = rc.change.before ?? {};
    const after = rc.change.after ?? {};
    const unknown = rc.change.after_unknown ?? {};
    const changed = Object.keys({ ...before, ...after }).filter((k) => unknown[k] === true || JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    const unexpected = changed.filter((k) => !allowed.includes(k));
    if (unexpected.length) problems.push(`${rc.address}: update of ${unexpected.join(', ')}`);
    else tolerated.push(`${rc.address} ${changed.join(', ')}`);
  }
  for (const oc of Object.entries(plan.output_changes ?? {})) {
    const a = oc[1].actions ?? [];
    if (!(a.length === 1 && a[0] === 'no-op')) problems.push(`output ${oc[0]}: ${a.join('+')}`);
  }
  return { ok: problems.length === 0, problems, tolerated };
}

