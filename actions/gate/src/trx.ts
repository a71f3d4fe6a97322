import { locate, type Locator } from './locate.js';
import { buildReport, firstLines, type Attempt, type TestCase, type TestReport } from './test-report.js';
import { assertCounts, headerChecks } from './header-checks.js';
import { attr, child, children, text, type XmlNode } from './xml.js';

/**
 * Visual Studio / MSTest TRX files (`<TestRun>`, written by `dotnet test --logger trx` for MSTest, NUnit and
 * xUnit.net alike): `<Results>` holds one `<UnitTestResult outcome=...>` per test, `<TestDefinitions>` maps
 * its testId to the class (`<TestMethod className>`), `<ResultSummary><Counters>` has the totals, and
 * `<RunInfos>` records run-level errors (a test host that crashed). Outcomes come from the TRX schema's
 * TestOutcome list; one that is not in it is an error, never a pass.
 */

const PASSED = new Set(['Passed', 'PassedButRunAborted', 'Warning', 'Completed']);
const SKIPPED = new Set(['NotExecuted', 'Inconclusive']);
const ERRORED = new Set([
  'Error',
  'Timeout',
  'Aborted',
  'NotRunnable',
  'Disconnected',
  'InProgress',
  'Pending',
]);

function attemptOf(r: XmlNode, classname: string, loc: Locator): Attempt {
  const outcome = attr(r, 'outcome') ?? '';
  if (PASSED.has(outcome)) return { status: 'passed' };
  if (SKIPPED.has(outcome)) return { status: 'skipped' };
  const info = child(child(r, 'Output'), 'ErrorInfo');
  const message = text(info, 'Message').trim();
  const status = outcome === 'Failed' ? 'failure' : 'error';
  const known = outcome === 'Failed' || ERRORED.has(outcome);
  return {
    status,
    message: firstLines(
      (known ? '' : `outcome '${outcome}' is not a TRX test outcome; counted as an error. `) +
        (message || `outcome ${outcome}`),
      6,
    ),
    ...locate({ classname }, `${message}\n${text(info, 'StackTrace')}`, loc),
  };
}

export function trxReport(node: XmlNode, file: string, loc: Locator): TestReport {
  const classOf = new Map<string, string>();
  for (const defs of children(node.TestDefinitions))
    for (const t of children(defs.UnitTest))
      classOf.set(attr(t, 'id') ?? '', attr(child(t, 'TestMethod') ?? {}, 'className') ?? '');
  const results = children(node.Results).flatMap((r) => children(r.UnitTestResult));
  const cases: TestCase[] = results.map((r) => {
    const classname = classOf.get(attr(r, 'testId') ?? '') ?? '';
    return {
      suite: classname,
      name: attr(r, 'testName') ?? '',
      classname,
      attempts: [attemptOf(r, classname, loc)],
    };
  });
  const summary = child(node, 'ResultSummary');
  const counters = child(summary, 'Counters');
  const count = (pred: (o: string) => boolean) =>
    results.filter((r) => pred(attr(r, 'outcome') ?? '')).length;
  const counts = counters
    ? headerChecks(counters, '<Counters>', [
        { attribute: 'total', found: [count(() => true)], what: 'UnitTestResult elements' },
        {
          attribute: 'failed',
          found: [count((o) => o === 'Failed')],
          what: 'UnitTestResult elements with outcome Failed',
        },
        {
          attribute: 'error',
          found: [count((o) => o === 'Error')],
          what: 'UnitTestResult elements with outcome Error',
        },
      ])
    : [];
  assertCounts(file, counts);
  for (const info of children(child(summary, 'RunInfos')?.RunInfo)) {
    if (attr(info, 'outcome') !== 'Error') continue;
    cases.push({
      suite: '',
      name: `test run (${attr(info, 'computerName') ?? 'runner'})`,
      classname: '',
      attempts: [{ status: 'error', message: firstLines(text(info, 'Text') || 'run-level error', 6) }],
    });
  }
  return buildReport(file, 'trx', cases);
}
