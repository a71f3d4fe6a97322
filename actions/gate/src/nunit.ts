import type { Locator } from './locate.js';
import {
  buildReport,
  ReportError,
  type Attempt,
  type CountCheck,
  type TestCase,
  type TestReport,
} from './test-report.js';
import { assertCounts, failedAttempt, headerChecks } from './header-checks.js';
import { attr, child, children, text, type XmlNode } from './xml.js';

/**
 * NUnit 3 result files (`<test-run>`, written by nunit3-console and `dotnet test --logger nunit`): nested
 * `<test-suite>` elements (Assembly, TestSuite, TestFixture, ParameterizedMethod, ...) hold `<test-case>`
 * elements whose `result` is Passed, Failed, Skipped, Inconclusive or Warning; `label` refines it (Error,
 * Invalid, Cancelled, Ignored, Explicit). NUnit's `[Retry]` keeps only the last attempt in the file, so a
 * retried test is simply its final result here.
 */

interface Found {
  suite: string;
  tc: XmlNode;
}

function collect(node: XmlNode, suite: string, out: Found[]): void {
  for (const tc of children(node['test-case'])) out.push({ suite, tc });
  for (const s of children(node['test-suite']))
    collect(s, attr(s, 'fullname') ?? attr(s, 'name') ?? suite, out);
}

function attemptOf(tc: XmlNode, loc: Locator, file: string): Attempt {
  const result = attr(tc, 'result') ?? '';
  const label = attr(tc, 'label') ?? '';
  const failure = child(tc, 'failure');
  const message = text(failure, 'message').trim();
  const stack = text(failure, 'stack-trace');
  const failed = (status: 'failure' | 'error'): Attempt =>
    failedAttempt(
      status,
      { message, fallback: label || result, stack, classname: attr(tc, 'classname') ?? '' },
      loc,
    );
  switch (result) {
    case 'Passed':
    case 'Warning':
      return { status: 'passed' };
    case 'Skipped':
    case 'Inconclusive':
      return { status: 'skipped' };
    case 'Failed':
      return failed(label === '' || label === 'Failure' ? 'failure' : 'error');
    default:
      throw new ReportError(
        file,
        `${file}: test-case '${attr(tc, 'fullname') ?? attr(tc, 'name') ?? '?'}' has result '${result}', which NUnit 3 does not write (Passed, Failed, Skipped, Inconclusive, Warning)`,
      );
  }
}

function checks(n: XmlNode, el: string, out: CountCheck[]): void {
  const found: Found[] = [];
  collect(n, '', found);
  const name = attr(n, 'fullname') ?? attr(n, 'name');
  const element = name && el !== 'test-run' ? `<${el} name="${name}">` : `<${el}>`;
  out.push(
    ...headerChecks(n, element, [
      { attribute: 'total', found: [found.length], what: 'test-case elements' },
      {
        attribute: 'failed',
        found: [found.filter((f) => attr(f.tc, 'result') === 'Failed').length],
        what: 'failed test-case elements',
      },
    ]),
  );
  for (const s of children(n['test-suite'])) checks(s, 'test-suite', out);
}

export function nunitReport(node: XmlNode, file: string, loc: Locator): TestReport {
  const counts: CountCheck[] = [];
  checks(node, 'test-run', counts);
  assertCounts(file, counts);
  const found: Found[] = [];
  collect(node, '', found);
  const cases: TestCase[] = found.map(({ suite, tc }) => ({
    suite,
    name: attr(tc, 'name') ?? '',
    classname: attr(tc, 'classname') ?? '',
    attempts: [attemptOf(tc, loc, file)],
  }));
  return buildReport(file, 'nunit3', cases);
}
