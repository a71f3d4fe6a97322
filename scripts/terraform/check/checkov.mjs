// The checkov phase of scripts/terraform/check.mjs: `checkov -d terraform` from the project venv, its JSON
// report summed over frameworks. A failed check fails the phase with the resource and file:line; skips
// (each with its #checkov:skip reason in place) are listed with SLIPWAY_TF_VERBOSE=1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { indent } from './report.mjs';
import { run } from './workspace.mjs';

const NAME = 'checkov -d terraform';
const ARGS = [
  '-d',
  'terraform',
  '--framework',
  'terraform',
  '--quiet',
  '--compact',
  '--skip-path',
  '\\.terraform',
  '--download-external-modules',
  'false',
  '-o',
  'json',
];

/** Passed/failed/skipped counts and the failed and skipped checks of checkov's report(s). */
function summarise(reports) {
  const summary = { passed: 0, failed: 0, skipped: 0 };
  const failed = [];
  const skipped = [];
  for (const rep of reports) {
    if (!rep?.summary) continue;
    summary.passed += rep.summary.passed ?? 0;
    summary.failed += rep.summary.failed ?? 0;
    summary.skipped += rep.summary.skipped ?? 0;
    for (const c of rep.results?.failed_checks ?? []) {
      failed.push(
        `${c.check_id} ${c.check_name}\n  ${c.resource} at terraform${c.file_path}:${c.file_line_range?.[0]}`,
      );
    }
    for (const c of rep.results?.skipped_checks ?? []) {
      skipped.push(`${c.check_id} ${c.resource}: ${c.check_result?.suppress_comment ?? ''}`);
    }
  }
  return { summary, failed, skipped };
}

/** @param {{ repoRoot: string, record: Function }} ctx */
export async function checkovPhase({ repoRoot, record }) {
  const t0 = Date.now();
  const checkov = join(repoRoot, '.venv', 'bin', 'checkov');
  if (!existsSync(checkov)) {
    const why = `${checkov} is missing: run npm run setup (it creates .venv with checkov from requirements-dev.txt).`;
    return record('checkov', NAME, false, 0, why);
  }
  const r = await run(checkov, ARGS, {
    cwd: repoRoot,
    env: {
      ...process.env,
      BC_SKIP_MAPPING: 'TRUE',
      CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false',
      LOG_LEVEL: 'ERROR',
    },
    timeoutMs: 10 * 60_000,
  });
  let reports;
  try {
    const parsed = JSON.parse(r.out.slice(r.out.search(/[[{]/)));
    reports = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    const why = `could not read checkov's JSON output (exit ${r.code}):\n${r.out.slice(0, 4000)}`;
    return record('checkov', NAME, false, Date.now() - t0, why);
  }
  const { summary, failed, skipped } = summarise(reports);
  const ok = summary.failed === 0 && (r.code === 0 || r.code === 1);
  const line = `passed ${summary.passed}, failed ${summary.failed}, skipped ${summary.skipped}`;
  if (process.env.SLIPWAY_TF_VERBOSE === '1') console.log(indent(skipped.join('\n'), '       skip '));
  const fix = 'Fix the resource, or skip in place with #checkov:skip=<id>:<reason>.';
  record('checkov', NAME, ok, Date.now() - t0, ok ? line : `${line}\n${failed.join('\n')}\n${fix}`);
}
