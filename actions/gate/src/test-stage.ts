// The test stage: run the test command, then read every report it wrote (JUnit, NUnit 3, xUnit.net v2, TRX)
// and judge by the reports, not only the exit code: failures are annotated at their source line, flaky tests
// follow `flaky`, a missing or unreadable report follows `junit-missing`.
import * as core from '../../shared/src/core.js';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { GateInputs } from './inputs.js';
import { runCommand } from './commands.js';
import { findFiles } from './find-files.js';
import type { FlakyTest, ReportError, TestFailure, TestReport } from './test-report.js';
import type { StageResult } from './report.js';

import { MAX_ANNOTATIONS } from './stages.js';

export interface TestOutcome {
  stage: StageResult;
  reports: TestReport[];
  failures: TestFailure[];
  flaky: FlakyTest[];
  /** Reports that matched but could not be read (cut off, not a test report, contradicting counts). */
  unreadable: ReportError[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const testName = (t: { classname: string; name: string }) =>
  [t.classname, t.name].filter(Boolean).join(' › ');

/** Every report the globs match, read; a file that cannot be read is kept as its error. */
async function readReports(
  inputs: GateInputs,
  workspace: string,
): Promise<{ reports: TestReport[]; unreadable: ReportError[]; missing: boolean }> {
  const reports: TestReport[] = [];
  const unreadable: ReportError[] = [];
  if (inputs.junit.length === 0) return { reports, unreadable, missing: false };
  // The XML parser is loaded only when there are reports to read.
  const { fsLocator, readReport, ReportError } = await import('./reports.js');
  const files = await findFiles(inputs.junit, workspace);
  const loc = fsLocator(workspace);
  for (const file of files) {
    const rel = relative(workspace, file).split(sep).join('/');
    try {
      reports.push(readReport(readFileSync(file, 'utf8'), rel, loc));
    } catch (err) {
      unreadable.push(
        err instanceof ReportError
          ? err
          : new ReportError(
              rel,
              `${rel} could not be read: ${err instanceof Error ? err.message : String(err)}`,
            ),
      );
    }
  }
  return { reports, unreadable, missing: files.length === 0 };
}

/** test: the command (when given), then its reports, which become counts and annotations. */
export async function testStage(inputs: GateInputs, workspace = process.cwd()): Promise<TestOutcome> {
  const started = Date.now();
  let exitCode = 0;
  let notFound = false;
  if (inputs.test) {
    const command = inputs.test;
    const res = await core.group(`test: ${command}`, () => runCommand(command));
    exitCode = res.exitCode;
    notFound = res.notFound;
  }
  const { reports, unreadable, missing } = await readReports(inputs, workspace);
  const { totals } = await import('./test-report.js');

  const matched = inputs.junit.join(', ');
  if (missing) {
    if (inputs.junitMissing === 'warn')
      core.warning(`gate: no test report matched ${matched} (junit-missing: warn)`);
    else
      core.error(
        `no test report matched ${matched}: a test job that wrote no report proved nothing. Check where the tests write their report, or set junit-missing: warn.`,
        { title: 'gate: no test report' },
      );
  }
  for (const e of unreadable)
    core.error(e.message, {
      title: 'gate: test report unreadable',
      file: e.file,
      ...(e.line ? { startLine: e.line } : {}),
      ...(e.line && e.column ? { startColumn: e.column } : {}),
    });

  const failures = reports.flatMap((r) => r.failures);
  failures.slice(0, MAX_ANNOTATIONS).forEach((f) => {
    core.error(f.message, {
      title: `${f.kind === 'error' ? 'Test error' : 'Test failed'}: ${testName(f)}`,
      ...(f.file ? { file: f.file } : {}),
      ...(f.line ? { startLine: f.line } : {}),
    });
  });

  const flaky = reports.flatMap((r) => r.flaky);
  if (flaky.length) {
    const list = flaky
      .slice(0, 20)
      .map((f) => `${testName(f)} (${f.attempts} attempts)`)
      .join(', ');
    const more = flaky.length > 20 ? ` and ${flaky.length - 20} more` : '';
    if (inputs.flaky === 'pass')
      core.warning(
        `${plural(flaky.length, 'flaky test')} passed only on a rerun (flaky: pass): ${list}${more}`,
        { title: 'gate: flaky tests' },
      );
    else
      flaky.slice(0, MAX_ANNOTATIONS).forEach((f) =>
        core.error(`passed only after ${f.attempts - 1} failed attempt(s) (flaky: fail): ${f.message}`, {
          title: `Flaky test: ${testName(f)}`,
          ...(f.file ? { file: f.file } : {}),
          ...(f.line ? { startLine: f.line } : {}),
        }),
      );
  }

  const t = totals(reports);
  const counts: string[] = [];
  if (reports.length) {
    counts.push(
      `${t.tests} tests: ${t.passed - flaky.length} passed, ${t.failed} failed` +
        (t.errors ? `, ${t.errors} errors` : '') +
        (t.skipped ? `, ${t.skipped} skipped` : '') +
        (flaky.length ? `, ${flaky.length} flaky` : '') +
        ` (${plural(reports.length, 'report')})`,
    );
  }
  if (unreadable.length) counts.push(`${plural(unreadable.length, 'report')} unreadable`);
  if (missing) counts.push(`no report matched ${matched}`);
  if (inputs.test) counts.push(notFound ? 'command not found (exit 127)' : `exit ${exitCode}`);

  const flakyFailed = inputs.flaky === 'fail' ? flaky.length : 0;
  const failedCases = t.failed + t.errors + flakyFailed;
  const reasons: string[] = [];
  if (notFound) reasons.push('command not found (exit 127): is the tool installed in this job?');
  if (unreadable.length)
    reasons.push(
      unreadable.length === 1
        ? `report ${unreadable[0]!.file} unreadable`
        : `${unreadable.length} reports unreadable: ${unreadable.map((e) => e.file).join(', ')}`,
    );
  if (missing && inputs.junitMissing === 'fail') reasons.push(`no test report matched ${matched}`);
  if (failedCases)
    reasons.push(
      `${failedCases} of ${t.tests} tests failed` +
        (flakyFailed ? `, ${flakyFailed} of them flaky (flaky: fail)` : ''),
    );
  if (!notFound && exitCode !== 0 && reasons.length === 0) reasons.push(`exit ${exitCode}`);
  const reason = reasons.length ? reasons.join('; ') : undefined;
  if (exitCode !== 0 && !failedCases && !unreadable.length)
    core.error(`test failed: \`${inputs.test ?? ''}\` ${notFound ? reasons[0] : `exit ${exitCode}`}`, {
      title: 'gate: test failed',
    });
  return {
    stage: {
      stage: 'test',
      result: reason ? 'failed' : 'passed',
      durationMs: Date.now() - started,
      counts: counts.join('; '),
      reason,
    },
    reports,
    failures,
    flaky,
    unreadable,
  };
}
