#!/usr/bin/env node
// Terraform checks for `npm test`: fmt, README freshness, init + validate of every module and example,
// `terraform test` (mocked provider) of every module, checkov, and apply -> re-plan -> destroy of the
// emulator examples against a fresh moto server.
//
// Usage: node scripts/terraform/check.mjs [--only fmt,docs,validate,test,checkov,apply] [--jobs N] [--keep]
//
// This file reads the flags, checks that terraform and the provider mirror are there, and runs the phases
// of ./check/ in order; the last line is `terraform: N passed, M failed` (scripts/test.mjs counts it).
// Node built-ins only, plus the repo's process runner and moto launcher. Everything Terraform writes
// (.terraform, lock files, state, plans, the emulator override files) goes to a temporary copy of terraform/
// outside the repo (./check/workspace.mjs).
import { join } from 'node:path';
import { repoRoot } from '../lib.mjs';
import { checkovPhase } from './check/checkov.mjs';
import { applyPhase } from './check/emulator-apply.mjs';
import { testPhase } from './check/module-tests.mjs';
import { createReport } from './check/report.mjs';
import { docsPhase, fmtPhase, validatePhase } from './check/static-checks.mjs';
import { PROVIDER, createWorkspace, findMirror, terraformVersion } from './check/workspace.mjs';

const PHASES = ['fmt', 'docs', 'validate', 'test', 'checkov', 'apply'];

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = argValue('--only')
  ?.split(',')
  .map((s) => s.trim());
const jobs = Number(argValue('--jobs') ?? process.env.SLIPWAY_TF_JOBS ?? 3);
const keep = args.includes('--keep');
if (only && only.some((p) => !PHASES.includes(p))) {
  console.error(
    `terraform check: --only takes a comma list of ${PHASES.join(', ')}; got "${only.join(',')}"`,
  );
  process.exit(2);
}
if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) {
  console.error(`terraform check: --jobs / SLIPWAY_TF_JOBS must be a whole number 1-16; got "${jobs}"`);
  process.exit(2);
}

const started = Date.now();
const tfv = terraformVersion();
if (!tfv) {
  const bar = '!'.repeat(92);
  console.error(
    [
      '',
      bar,
      '!!  terraform is not on PATH: the Terraform checks (fmt, validate, test, checkov, apply) DID NOT RUN.',
      '!!  Install Terraform >= 1.7 (this repo is tested with 1.11.4).',
      bar,
      '',
    ].join('\n'),
  );
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

const ws = createWorkspace({ tfRoot: join(repoRoot, 'terraform'), mirror });
console.log(`terraform ${tfv}; provider mirror ${mirror}; work copy ${ws.work}; ${jobs} parallel jobs`);

const report = createReport();
const ctx = { repoRoot, ws, jobs, record: report.record };
const phase = (name, fn) => (!only || only.includes(name) ? report.phase(name, () => fn(ctx)) : undefined);
try {
  await phase('fmt', fmtPhase);
  await phase('docs', docsPhase);
  // The emulator applies mostly wait on the provider's fixed load balancer waiters, so they run alongside
  // the CPU-bound validate -> test -> checkov chain.
  await Promise.all([
    (async () => {
      await phase('validate', validatePhase);
      await phase('test', testPhase);
      await phase('checkov', checkovPhase);
    })(),
    phase('apply', applyPhase),
  ]);
} finally {
  if (!keep) ws.remove();
  else console.log(`kept ${ws.work}`);
}

const failed = report.summary(PHASES, started);
process.exit(failed > 0 ? 1 : 0);
