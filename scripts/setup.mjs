#!/usr/bin/env node
// Idempotent setup for a fresh machine with Node >= 20 and Python >= 3.10:
//  1. `npm ci` when node_modules is missing or older than package-lock.json (brings node@24 for the bundles);
//  2. a Python venv with the pinned tools of requirements-dev.txt (moto server, actionlint, zizmor, checkov,
//     yamllint). The venv lives outside the clone in ~/.cache/slipway/venv-<hash of requirements-dev.txt>,
//     so a fresh clone reuses it; `.venv` in the repository is a symlink to it.
// Nothing is downloaded from anywhere but the npm registry and PyPI.
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  readlinkSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, run, formatSeconds } from './lib.mjs';

const MARKER = '.slipway-complete';

function fail(message) {
  console.error(`setup: ${message}`);
  process.exit(1);
}

async function ensureNodeModules() {
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 20) fail(`Node ${process.versions.node} is too old: slipway's scripts need Node >= 20.`);
  const lock = join(repoRoot, 'package-lock.json');
  const installed = join(repoRoot, 'node_modules', '.package-lock.json');
  const node24 = join(repoRoot, 'node_modules', 'node', 'bin', 'node');
  if (existsSync(installed) && existsSync(node24) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
    return 'node_modules up to date';
  }
  console.log('setup: installing npm dependencies (npm ci)...');
  const res = await run('npm', ['ci', '--no-audit', '--no-fund'], { quiet: true });
  if (res.code !== 0) {
    console.error(res.output.slice(-4000));
    fail('npm ci failed (output above).');
  }
  if (!existsSync(node24))
    fail(`npm ci finished but ${node24} is missing: the node@24 package's install script did not run.`);
  return 'npm ci done';
}

async function findPython() {
  for (const candidate of [process.env.SLIPWAY_PYTHON, 'python3', 'python'].filter(Boolean)) {
    const res = await run(candidate, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
      quiet: true,
    });
    if (res.code === 0) {
      const [maj, min] = res.output.trim().split('.').map(Number);
      if (maj === 3 && min >= 10) return candidate;
      console.warn(`setup: ${candidate} is Python ${res.output.trim()}, need >= 3.10`);
    }
  }
  return fail('no Python >= 3.10 found (tried $SLIPWAY_PYTHON, python3, python).');
}

function venvCacheDir(requirements) {
  const hash = createHash('sha256').update(requirements).digest('hex').slice(0, 16);
  const base =
    process.env.SLIPWAY_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'slipway');
  return join(base, `venv-${hash}`);
}

async function ensureVenv() {
  const requirementsPath = join(repoRoot, 'requirements-dev.txt');
  const requirements = readFileSync(requirementsPath, 'utf8');
  const venv = venvCacheDir(requirements);
  let status = `venv reused (${venv})`;
  if (!existsSync(join(venv, MARKER))) {
    const python = await findPython();
    console.log(
      `setup: creating the Python venv ${venv} (first time for this requirements-dev.txt; a few minutes)...`,
    );
    rmSync(venv, { recursive: true, force: true });
    mkdirSync(venv, { recursive: true });
    const created = await run(python, ['-m', 'venv', venv], { quiet: true });
    if (created.code !== 0) fail(`python -m venv failed:\n${created.output}`);
    const pip = join(venv, 'bin', 'pip');
    const installed = await run(
      pip,
      ['install', '--disable-pip-version-check', '-q', '-r', requirementsPath],
      {
        quiet: true,
        timeoutMs: 20 * 60_000,
      },
    );
    if (installed.code !== 0) {
      const lines = installed.output
        .split('\n')
        .filter((l) => !l.includes('is ignored: it is neither a file nor a directory'));
      console.error(lines.slice(-60).join('\n'));
      fail(
        'pip install -r requirements-dev.txt failed (output above); the venv was left incomplete and will be rebuilt next time.',
      );
    }
    writeFileSync(join(venv, MARKER), requirements);
    status = `venv created (${venv})`;
  }
  const link = join(repoRoot, '.venv');
  let linkStat;
  try {
    linkStat = lstatSync(link);
  } catch {
    linkStat = undefined;
  }
  if (linkStat?.isSymbolicLink()) {
    if (readlinkSync(link) !== venv) {
      unlinkSync(link);
      symlinkSync(venv, link);
    }
  } else if (linkStat) {
    fail(`${link} exists and is not a symlink; remove it so setup can link the cached venv there.`);
  } else {
    symlinkSync(venv, link);
  }
  return status;
}

const started = Date.now();
const nodeStatus = await ensureNodeModules();
const venvStatus = await ensureVenv();
console.log(`setup: ${nodeStatus}; ${venvStatus} (${formatSeconds(Date.now() - started)})`);
