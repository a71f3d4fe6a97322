import { locate, type Locator } from './locate.js';
import {
  buildReport,
  firstLines,
  foldAttempts,
  headerCount,
  ReportError,
  type Attempt,
  type CountCheck,
  type TestCase,
  type TestReport,
} from './test-report.js';
import { assertCounts } from './header-checks.js';
import { attr, children, readXml, text, type XmlNode } from './xml.js';

export { fsLocator, locate, type Locator } from './locate.js';
export { totals, type JUnitCounts, type JUnitReport, type TestFailure } from './test-report.js';

/** Elements Surefire (and the tools that copied it) write for an earlier attempt of a test that then passed. */
const FLAKY = ['flakyFailure', 'flakyError', 'rerun'] as const;
/** Elements Surefire writes for the earlier attempts of a test that failed every time. */
const RERUN = ['rerunFailure', 'rerunError'] as const;

interface CaseRecord {
  suite: string;
  tc: XmlNode;
}

/** Every <testcase> below a node, with the name of the suite that holds it; nested suites included. */
function collectCases(node: XmlNode, suite: string, out: CaseRecord[]): void {
  for (const tc of children(node.testcase)) out.push({ suite, tc });
  for (const s of children(node.testsuite)) collectCases(s, attr(s, 'name') ?? suite, out);
}

function attemptFrom(el: XmlNode, status: 'failure' | 'error', tc: XmlNode, loc: Locator): Attempt {
  // Surefire's flaky/rerun elements carry the trace in <stackTrace>; <failure> carries it as its text.
  const body = text(el).trim() || text(el, 'stackTrace');
  const details = `${attr(el, 'message') ?? ''}\n${body}`;
  const classname = attr(tc, 'classname') ?? '';
  const where = locate({ file: attr(tc, 'file'), line: attr(tc, 'line'), classname }, details, loc);
  return { status, message: firstLines(attr(el, 'message') || body || status, 6), ...where };
}

/** The attempts one <testcase> records: earlier failed runs (flaky/rerun elements), then its final result. */
function attemptsOf(tc: XmlNode, loc: Locator): Attempt[] {
  const earlier: Attempt[] = [];
  for (const name of [...FLAKY, ...RERUN])
    for (const el of children(tc[name]))
      earlier.push(attemptFrom(el, /Error$/.test(name) ? 'error' : 'failure', tc, loc));
  const failure = children(tc.failure)[0];
  const error = children(tc.error)[0];
  let last: Attempt;
  if (failure) last = attemptFrom(failure, 'failure', tc, loc);
  else if (error) last = attemptFrom(error, 'error', tc, loc);
  else if (RERUN.some((n) => children(tc[n]).length > 0)) {
    // Surefire writes rerunFailure only for a test that failed every time; without its <failure> the
    // final result is still a failure, never a pass.
    const first = earlier.find((a) => a.status === 'failure' || a.status === 'error');
    last = first ?? { status: 'failure', message: 'failed on every rerun' };
  } else if (tc.skipped !== undefined) last = { status: 'skipped' };
  else last = { status: 'passed' };
  return [...earlier, last];
}

function describe(el: 'testsuites' | 'testsuite', n: XmlNode): string {
  const name = attr(n, 'name');
  return name ? `<${el} name="${name}">` : `<${el}>`;
}

/**
 * Header counts of a suite (or the root) next to what it holds. A count may be of testcase records or of
 * distinct tests once reruns are folded (tools differ); anything else is a report that lies about itself.
 */
function checks(el: 'testsuites' | 'testsuite', n: XmlNode, suite: string): CountCheck[] {
  const records: CaseRecord[] = [];
  collectCases(n, suite, records);
  const last = new Map<string, XmlNode>();
  for (const r of records)
    last.set(JSON.stringify([r.suite, attr(r.tc, 'classname') ?? '', attr(r.tc, 'name') ?? '']), r.tc);
  const has = (tc: XmlNode, child: string) => children(tc[child]).length > 0;
  const out: CountCheck[] = [];
  const tests = headerCount(attr(n, 'tests'));
  if (tests !== undefined)
    out.push({
      element: describe(el, n),
      attribute: 'tests',
      claimed: tests,
      found: [records.length, last.size],
      what: 'testcase elements',
    });
  for (const [attribute, child] of [
    ['failures', 'failure'],
    ['errors', 'error'],
  ] as const) {
    const claimed = headerCount(attr(n, attribute));
    if (claimed === undefined) continue;
    out.push({
      element: describe(el, n),
      attribute,
      claimed,
      found: [
        records.filter((r) => has(r.tc, child)).length,
        [...last.values()].filter((tc) => has(tc, child)).length,
      ],
      what: `testcase elements with a <${child}>`,
    });
  }
  for (const s of children(n.testsuite)) out.push(...checks('testsuite', s, attr(s, 'name') ?? suite));
  return out;
}

/** Reads a parsed JUnit document (jest-junit, pytest, Surefire, go-junit-report, mocha, PHPUnit, node --test). */
export function junitReport(
  root: 'testsuites' | 'testsuite',
  node: XmlNode,
  file: string,
  loc: Locator,
): TestReport {
  const suite = attr(node, 'name') ?? '';
  assertCounts(file, checks(root, node, suite));
  const records: CaseRecord[] = [];
  collectCases(node, suite, records);
  const cases: TestCase[] = records.map((r) => ({
    suite: r.suite,
    name: attr(r.tc, 'name') ?? '',
    classname: attr(r.tc, 'classname') ?? '',
    attempts: attemptsOf(r.tc, loc),
  }));
  return buildReport(file, 'junit', foldAttempts(cases));
}

/** Parses one JUnit XML document; anything else (another format, cut off, lying counts) is a ReportError. */
export function parseJUnit(xml: string, file: string, loc: Locator): TestReport {
  const { root, node } = readXml(xml, file);
  if (root !== 'testsuites' && root !== 'testsuite')
    throw new ReportError(
      file,
      `${file} is not a JUnit report: its root element is <${root}>, not <testsuites> or <testsuite>`,
    );
  return junitReport(root, node, file, loc);
}
