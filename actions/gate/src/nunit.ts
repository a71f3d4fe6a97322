import { locate, type Locator } from './locate.js';
import {
  buildReport,
  countMismatch,
  firstLines,
  headerCount,
  ReportError,
  type Attempt,
  type CountCheck,
  type TestCase,
  type TestReport,
} from './test-report.js';
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
  const failed = (status: 'failure' | 'error'): Attempt => {
    const classname = attr(tc, 'classname') ?? '';
    return {
      status,
      message: firstLines(message || label || result, 6),
      ...locate({ classname }, `${message}\n${stack}`, loc),
    };
  };
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
  const total = headerCount(attr(n, 'total'));
  if (total !== undefined)
    out.push({
      element,
      attribute: 'total',
      claimed: total,
      found: [found.length],
      what: 'test-case elements',
    });
  const failed = headerCount(attr(n, 'failed'));
  if (failed !== undefined)
    out.push({
      element,
      attribute: 'failed',
      claimed: failed,
      found: [found.filter((f) => attr(f.tc, 'result') === 'Failed').length],
      what: 'failed test-case elements',
    });
  for (const s of children(n['test-suite'])) checks(s, 'test-suite', out);
}

export function nunitReport(node: XmlNode, file: string, loc: Locator): TestReport {
  const counts: CountCheck[] = [];
  checks(node, 'test-run', counts);
  const mismatch = countMismatch(file, counts);
  if (mismatch) throw mismatch;
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
