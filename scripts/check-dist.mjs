#!/usr/bin/env node
// Two checks on every action's committed bundle:
//  fresh: rebuilding from source into a temporary folder gives byte-identical files (else: names the stale
//         action and files; fix with `npm run bundle` and commit dist/);
//  smoke: run under Node 24 with no inputs, the bundle exits 1 with exactly one `::error::` that names a
//         missing input, and nothing on stderr (no module-loader crash, no stack trace).
import { readdirSync, readFileSync, rmSync, mkdtempSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listActions, bundleAction } from './bundle.mjs';
import { repoRoot, run, node24Path } from './lib.mjs';

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(dir, f))
    .sort();
}

export function compareDirs(expected, actual) {
  const problems = [];
  const a = new Set(files(expected));
  const b = new Set(files(actual));
  for (const f of a) {
    if (!b.has(f)) problems.push(`missing ${f}`);
    else if (!readFileSync(join(expected, f)).equals(readFileSync(join(actual, f))))
      problems.push(`differs ${f}`);
  }
  for (const f of b) if (!a.has(f)) problems.push(`extra ${f}`);
  return problems;
}

async function smoke(action) {
  const entries = [['main', join(repoRoot, 'actions', action, 'dist', 'index.js')]];
  const problems = [];
  for (const [step, entry] of entries) {
    const tmp = mkdtempSync(join(tmpdir(), 'slipway-smoke-'));
    const res = await run(node24Path(), [entry], {
      quiet: true,
      cwd: tmp,
      env: { PATH: process.env.PATH, HOME: tmp, RUNNER_TEMP: tmp },
      timeoutMs: 30_000,
    });
    rmSync(tmp, { recursive: true, force: true });
    const errors = res.output.split('\n').filter((l) => l.startsWith('::error'));
    if (res.code !== 1) problems.push(`${step}: exit code ${res.code}, expected 1`);
    if (errors.length !== 1) problems.push(`${step}: ${errors.length} ::error:: lines, expected 1`);
    else if (!/input '[\w-]+'/.test(errors[0]) || !errors[0].includes(`::${action}: `)) {
      problems.push(`${step}: the error does not name the action and a missing input: ${errors[0]}`);
    }
    if (
      /\n\s+at .+:\d+:\d+\)?\n|ERR_MODULE_NOT_FOUND|SyntaxError/.test(
        res.output.replace(/::debug::.*$/gm, ''),
      )
    ) {
      problems.push(`${step}: output has a stack trace or a loader error:\n${res.output.slice(0, 2000)}`);
    }
  }
  return problems;
}

const only = process.argv.slice(2);
const actions = only.length ? only : listActions();
const tmpRoot = mkdtempSync(join(tmpdir(), 'slipway-dist-'));
let passed = 0;
let failed = 0;
const started = Date.now();
try {
  const queue = [...actions];
  const results = new Map();
  await Promise.all(
    [0, 1].map(async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        const built = await bundleAction(a, tmpRoot);
        results.set(a, compareDirs(built, join(repoRoot, 'actions', a, 'dist')));
      }
    }),
  );
  for (const a of actions) {
    const stale = results.get(a);
    if (stale.length) {
      failed++;
      console.log(
        `✗ ${a}: dist/ is stale (${stale.slice(0, 8).join('; ')}${stale.length > 8 ? '; …' : ''}). Run \`npm run bundle\` and commit actions/${a}/dist.`,
      );
    } else {
      passed++;
      console.log(`✓ ${a}: dist/ is fresh`);
    }
    const smokeProblems = await smoke(a);
    if (smokeProblems.length) {
      failed++;
      console.log(`✗ ${a}: smoke run under Node 24 failed:\n  ${smokeProblems.join('\n  ')}`);
    } else {
      passed++;
      console.log(`✓ ${a}: smoke run under Node 24 fails cleanly with no inputs`);
    }
  }
} finally {
  rmSync(tmpRoot, { recursive: true, force: true });
}
console.log(`(${((Date.now() - started) / 1000).toFixed(1)}s)`);
console.log(`dist: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
