import * as core from '../../shared/src/core.js';
import { accessSync, constants, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import { ActionError } from '../../shared/src/errors.js';
import type { GateInputs } from './inputs.js';
import { runCommand } from './commands.js';
import { findFiles } from './find-files.js';
import type { FlakyTest, ReportError, TestFailure, TestReport } from './test-report.js';
import { evaluate, formatCounts, parseTrivyReport, type Evaluation, type Finding } from './findings.js';
import { sarifArgs, scanArgs, trivyAt, type Trivy } from './trivy.js';
import type { StageResult } from './report.js';

const MAX_ANNOTATIONS = 50;

/** lint: the command's exit code is the verdict. */
export async function commandStage(stage: 'lint', command: string): Promise<StageResult> {
  const res = await core.group(`${stage}: ${command}`, () => runCommand(command));
  if (res.exitCode === 0) return { stage, result: 'passed', durationMs: res.durationMs, counts: 'exit 0' };
  const reason = res.notFound
    ? `command not found (exit 127): is the tool installed in this job?`
    : `exit ${res.exitCode}`;
  core.error(`${stage} failed: \`${command}\` ${reason}`, { title: `gate: ${stage} failed` });
  return { stage, result: 'failed', durationMs: res.durationMs, counts: reason, reason };
}

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

function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A `trivy` on PATH, else the pinned release from the tool cache (downloaded and checksum-verified once). */
export async function resolveTrivy(version: string): Promise<Trivy> {
  return core.group('Set up Trivy', async () => {
    const found = onPath('trivy');
    if (found) {
      core.info(`Using ${found} from PATH`);
      return trivyAt(found);
    }
    const { installTrivy } = await import('./trivy-install.js');
    const path = await installTrivy({ version, log: (l) => core.info(l) });
    core.info(`Using ${path}`);
    return trivyAt(path);
  });
}

export interface ScanOutcome {
  stage: StageResult;
  evaluation: Evaluation;
  reportFile: string;
  sarifFile?: string;
}

function annotate(
  stage: string,
  f: Finding,
  blocking: boolean,
  scanRoot: string | undefined,
  workspace: string,
): void {
  const file = scanRoot
    ? relative(workspace, resolve(workspace, scanRoot, f.target))
        .split(sep)
        .join('/')
    : undefined;
  const props = {
    title: `${stage}: ${f.id} (${f.severity})`,
    ...(file && !file.startsWith('..') ? { file } : {}),
    ...(f.line ? { startLine: f.line } : {}),
    ...(f.endLine && f.endLine !== f.line ? { endLine: f.endLine } : {}),
  };
  const message = `${f.kind === 'secret' ? 'Secret' : 'Misconfiguration'}: ${f.title}${f.url ? ` (${f.url})` : ''}`;
  if (blocking) core.error(message, props);
  else core.warning(message, props);
}

/** scan-fs / scan-image: a Trivy JSON report, the threshold applied to it, annotations, optional SARIF. */
export async function scanStage(
  trivy: Trivy,
  stage: 'scan-fs' | 'scan-image',
  target: string,
  inputs: GateInputs,
  workDir: string,
  workspace = process.cwd(),
): Promise<ScanOutcome> {
  const started = Date.now();
  const reportFile = join(workDir, `${stage}.json`);
  const kind = stage === 'scan-fs' ? 'fs' : 'image';
  const res = await core.group(`${stage}: trivy ${kind} ${target}`, () =>
    trivy.run(
      scanArgs({
        kind,
        target,
        scanners: inputs.scanners,
        ignoreUnfixed: inputs.ignoreUnfixed,
        output: reportFile,
      }),
    ),
  );
  if (res.exitCode !== 0) {
    const tail = res.stderr.trim().split('\n').slice(-3).join(' / ');
    throw new ActionError(`trivy ${kind} ${target} exited ${res.exitCode}: ${tail}`);
  }
  const { findings } = parseTrivyReport(readFileSync(reportFile, 'utf8'));
  const evaluation = evaluate(findings, inputs.severities, inputs.ignoreUnfixed);
  const blocking = new Set(evaluation.blocking);
  let annotated = 0;
  for (const f of [...evaluation.blocking, ...evaluation.findings.filter((x) => !blocking.has(x))]) {
    if (f.kind !== 'misconfiguration' && f.kind !== 'secret') continue;
    if (annotated++ >= MAX_ANNOTATIONS) break;
    annotate(stage, f, blocking.has(f), stage === 'scan-fs' ? target : undefined, workspace);
  }
  let sarifFile: string | undefined;
  if (inputs.sarif) {
    sarifFile = join(workDir, `${stage}.sarif`);
    const conv = await trivy.run(sarifArgs(reportFile, sarifFile));
    if (conv.exitCode !== 0)
      throw new ActionError(
        `trivy convert --format sarif exited ${conv.exitCode}: ${conv.stderr.trim().split('\n').slice(-2).join(' / ')}`,
      );
  }
  const nBlocking = evaluation.blocking.length;
  const failed = nBlocking > 0 && inputs.failOnFindings;
  const counts =
    formatCounts(evaluation.counts) +
    (nBlocking ? ` (${nBlocking} at ${inputs.severities.join(',')})` : '') +
    (evaluation.ignoredUnfixed ? `; ${evaluation.ignoredUnfixed} unfixed ignored` : '');
  if (nBlocking && !inputs.failOnFindings) {
    core.warning(
      `gate: ${stage} found ${nBlocking} findings at ${inputs.severities.join(',')}; fail-on-findings is false`,
    );
  }
  return {
    stage: {
      stage,
      result: failed ? 'failed' : 'passed',
      durationMs: Date.now() - started,
      counts,
      reason: failed
        ? `${nBlocking} findings at ${inputs.severities.join(',')}: ${formatCounts(evaluation.counts)}`
        : undefined,
    },
    evaluation,
    reportFile,
    sarifFile,
  };
}

export function workDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'slipway-gate-'));
}
