#!/usr/bin/env node
// `npm test`: everything, in order, on a fresh clone. Each step runs even when an earlier one failed (setup
// excepted), so one run shows every problem; the exit code is 1 if any step failed.
//   npm test                       all steps
//   npm test -- --only unit,dist   some steps (names below)
// The last line is `total: N passed, N failed`, counting tests where a step reports them
// (jest's "Tests:" line, or a `<step>: N passed, N failed` line) and 1 per step otherwise.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, run, formatSeconds } from './lib.mjs';
import { node24 } from '../harness/repo.mjs';

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const jest = (project) => [
  node24,
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--selectProjects',
  project,
  '--ci',
];

const steps = [
  { name: 'setup', cmd: [process.execPath, 'scripts/setup.mjs'], critical: true },
  { name: 'eslint', cmd: [bin('eslint'), '.', '--max-warnings=0'] },
  { name: 'prettier', cmd: [bin('prettier'), '--check', '.', '--log-level=warn'] },
  { name: 'docs', cmd: [process.execPath, 'scripts/action-docs.mjs', '--check'] },
  { name: 'house', cmd: [process.execPath, 'scripts/check-house.mjs'] },
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'unit', cmd: jest('unit') },
  { name: 'dist', cmd: [process.execPath, 'scripts/check-dist.mjs'] },
  {
    name: 'integration',
    cmd: [process.execPath, 'scripts/with-emulator.mjs', ...jest('integration'), '--runInBand'],
  },
  {
    name: 'workflows',
    cmd: [process.execPath, 'scripts/check-workflows.mjs'],
    requires: 'scripts/check-workflows.mjs',
  },
  {
    name: 'terraform',
    cmd: [process.execPath, 'scripts/terraform/check.mjs'],
    requires: 'scripts/terraform/check.mjs',
  },
];

function counts(output, code, name) {
  const jestLine = [...output.matchAll(/^Tests:\s+(.*)$/gm)].at(-1);
  if (jestLine) {
    const num = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(jestLine[1])?.[1] ?? 0);
    return {
      passed: num('passed'),
      failed: num('failed') + (code !== 0 && num('failed') === 0 ? 1 : 0),
      skipped: num('skipped'),
    };
  }
  const own = [...output.matchAll(new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, 'gm'))].at(-1);
  if (own) {
    const failed = Number(own[2]) + (code !== 0 && Number(own[2]) === 0 ? 1 : 0);
    return { passed: Number(own[1]), failed, skipped: 0 };
  }
  return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx >= 0 ? new Set(process.argv[onlyIdx + 1]?.split(',')) : undefined;
const results = [];
const started = Date.now();
for (const step of steps) {
  if (only && !only.has(step.name) && step.name !== 'setup') continue;
  if (step.requires && !existsSync(join(repoRoot, step.requires))) {
    console.log(`\n━━ ${step.name}: not present yet (${step.requires}); nothing to run`);
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.cmd.map((c) => c.replace(repoRoot + '/', '')).join(' ')}`);
  const t = Date.now();
  const [cmd, ...args] = step.cmd;
  const res = await run(cmd, args, { env: { ...process.env, FORCE_COLOR: '0' } });
  const c = counts(res.output, res.code, step.name);
  results.push({ name: step.name, code: res.code, ms: Date.now() - t, ...c });
  console.log(
    `━━ ${step.name}: ${res.code === 0 ? 'ok' : `FAILED (exit ${res.code})`} in ${formatSeconds(Date.now() - t)}`,
  );
  if (res.code !== 0 && step.critical) break;
}

console.log('\n| step | result | passed | failed | time |\n| --- | --- | --- | --- | --- |');
for (const r of results)
  console.log(
    `| ${r.name} | ${r.code === 0 ? 'ok' : 'FAILED'} | ${r.passed} | ${r.failed} | ${formatSeconds(r.ms)} |`,
  );
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\nnpm test took ${formatSeconds(Date.now() - started)}`);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
