/**
 * The one shape every test report format is read into, and the rules that turn attempts into outcomes.
 * Pure: no file system, no XML.
 */

/** One failed (or errored) test, with the place to annotate when it could be found. */
export interface TestFailure {
  suite: string;
  name: string;
  classname: string;
  message: string;
  kind: 'failure' | 'error';
  /** Path relative to the workspace. */
  file?: string;
  line?: number;
}

/** A test whose last attempt passed after at least one earlier attempt failed. */
export interface FlakyTest {
  suite: string;
  name: string;
  classname: string;
  /** Attempts in all, the passing one included. */
  attempts: number;
  /** The first line of the first failed attempt's message. */
  message: string;
  file?: string;
  line?: number;
}

export interface JUnitCounts {
  tests: number;
  /** Passed in the end, flaky tests included (they are listed in `flaky` as well). */
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

export type ReportFormat = 'junit' | 'nunit3' | 'xunit2' | 'trx';

export const FORMAT_NAMES: Record<ReportFormat, string> = {
  junit: 'JUnit XML',
  nunit3: 'NUnit 3',
  xunit2: 'xUnit.net v2',
  trx: 'MSTest TRX',
};

export interface TestReport extends JUnitCounts {
  file: string;
  format: ReportFormat;
  failures: TestFailure[];
  flaky: FlakyTest[];
}

/** Kept for the name the gate has used since its first release. */
export type JUnitReport = TestReport;

/** What one attempt of a test ended as. */
export type AttemptStatus = 'passed' | 'failure' | 'error' | 'skipped';

export interface Attempt {
  status: AttemptStatus;
  /** For failure and error: the message (first lines) and where it happened. */
  message?: string;
  file?: string;
  line?: number;
}

/** One test as a report records it: its identity and every attempt, oldest first. */
export interface TestCase {
  suite: string;
  name: string;
  classname: string;
  attempts: Attempt[];
}

export type Outcome =
  | { status: 'passed' | 'skipped' }
  | { status: 'failure' | 'error'; attempt: Attempt }
  | { status: 'flaky'; attempts: number; firstFailure: Attempt };

/**
 * The rerun rule, the same for every format: a test's outcome is its **last attempt**. A last attempt that
 * passed after an earlier attempt failed (or errored) makes the test flaky. An attempt is a repeated
 * `<testcase>` of the same test in one report (pytest-rerunfailures, Gradle and `go test -count`), a
 * `<flakyFailure>`/`<flakyError>`/`<rerun>` element (an earlier failed attempt of a test that then passed:
 * Maven Surefire, Gradle mergeReruns, pytest-rerunfailures with flaky recording) or a
 * `<rerunFailure>`/`<rerunError>` element (Surefire: the test failed on every run).
 */
export function outcome(attempts: readonly Attempt[]): Outcome {
  const last = attempts.at(-1);
  if (!last) return { status: 'passed' };
  if (last.status === 'failure' || last.status === 'error') return { status: last.status, attempt: last };
  const firstFailure = attempts.find((a) => a.status === 'failure' || a.status === 'error');
  if (last.status === 'passed' && firstFailure)
    return { status: 'flaky', attempts: attempts.length, firstFailure };
  // A skipped last attempt after a pass (a runner that skips what already passed) still counts as a pass.
  if (last.status === 'skipped' && attempts.some((a) => a.status === 'passed')) return { status: 'passed' };
  return { status: last.status };
}

/** Folds repeated records of the same test (same suite, class name and name) into one test, in order. */
export function foldAttempts(cases: readonly TestCase[]): TestCase[] {
  const byKey = new Map<string, TestCase>();
  for (const c of cases) {
    const key = JSON.stringify([c.suite, c.classname, c.name]);
    const seen = byKey.get(key);
    if (seen) seen.attempts.push(...c.attempts);
    else byKey.set(key, { ...c, attempts: [...c.attempts] });
  }
  return [...byKey.values()];
}

/** Counts, failures and flaky tests of one report from its tests (attempts already folded). */
export function buildReport(file: string, format: ReportFormat, cases: readonly TestCase[]): TestReport {
  const report: TestReport = {
    file,
    format,
    tests: 0,
    passed: 0,
    failed: 0,
    errors: 0,
    skipped: 0,
    failures: [],
    flaky: [],
  };
  for (const c of cases) {
    report.tests++;
    const o = outcome(c.attempts);
    const who = { suite: c.suite, name: c.name || '(unnamed test)', classname: c.classname };
    if (o.status === 'failure' || o.status === 'error') {
      if (o.status === 'failure') report.failed++;
      else report.errors++;
      report.failures.push({
        ...who,
        message: o.attempt.message || o.status,
        kind: o.status,
        ...where(o.attempt),
      });
    } else if (o.status === 'skipped') {
      report.skipped++;
    } else {
      report.passed++;
      if (o.status === 'flaky')
        report.flaky.push({
          ...who,
          attempts: o.attempts,
          message: (o.firstFailure.message ?? '').split('\n')[0] ?? '',
          ...where(o.firstFailure),
        });
    }
  }
  return report;
}

function where(a: Attempt): { file?: string; line?: number } {
  return { ...(a.file ? { file: a.file } : {}), ...(a.line ? { line: a.line } : {}) };
}

export function firstLines(s: string, n: number): string {
  const lines = s.trim().split('\n');
  return lines.slice(0, n).join('\n') + (lines.length > n ? '\n…' : '');
}

export function totals(reports: readonly TestReport[]): JUnitCounts {
  const t = { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0 };
  for (const r of reports) {
    t.tests += r.tests;
    t.passed += r.passed;
    t.failed += r.failed;
    t.errors += r.errors;
    t.skipped += r.skipped;
  }
  return t;
}

/** A report that cannot be trusted: unreadable, cut off, of an unknown kind, or contradicting itself. */
export class ReportError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

/** A header count next to the count of what the report holds; a disagreement is a ReportError. */
export interface CountCheck {
  /** e.g. `<testsuite name="pytest">` */
  element: string;
  attribute: string;
  claimed: number;
  /** Acceptable counts (e.g. testcase records, and distinct tests once reruns are folded). */
  found: readonly number[];
  /** Noun for the message, e.g. "testcase elements". */
  what: string;
}

/** The first disagreement among `checks`, as one message naming both counts, or undefined. */
export function countMismatch(file: string, checks: readonly CountCheck[]): ReportError | undefined {
  const bad = checks.filter((c) => !c.found.includes(c.claimed));
  if (bad.length === 0) return undefined;
  const parts = bad
    .slice(0, 3)
    .map((c) => `${c.element} says ${c.attribute}="${c.claimed}" but holds ${c.found[0]} ${c.what}`);
  return new ReportError(
    file,
    `${file} contradicts itself: ${parts.join('; ')}${bad.length > 3 ? ` (and ${bad.length - 3} more)` : ''}. ` +
      'A report whose counts do not match its tests was cut short or rewritten; the tests did not report.',
  );
}

/** A numeric header attribute, or undefined when absent or not a whole number. */
export function headerCount(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}
