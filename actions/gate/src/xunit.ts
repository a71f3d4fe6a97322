import type { Locator } from './locate.js';
import {
  buildReport,
  ReportError,
  type Attempt,
  type CountCheck,
  type TestCase,
  type TestReport,
} from './test-report.js';
import { assertCounts, failedAttempt, headerChecks, type HeaderCount } from './header-checks.js';
import { attr, child, children, text, type XmlNode } from './xml.js';

/**
 * xUnit.net v2 XML (`<assemblies>`, written by `dotnet test --logger xunit` and the xunit console runner with
 * `-xml`): `<assembly>` > `<collection>` > `<test result="Pass|Fail|Skip|NotRun">`. Failures carry
 * `<failure exception-type>` with `<message>` and `<stack-trace>`; `<errors>` holds failures outside any test
 * (class or collection cleanup, fatal errors), each read as an errored test. xUnit.net does not rerun tests.
 */

function failed(
  el: XmlNode | undefined,
  classname: string,
  loc: Locator,
  status: 'failure' | 'error',
): Attempt {
  const message = text(el, 'message').trim();
  const type = attr(el ?? {}, 'exception-type') ?? '';
  return failedAttempt(
    status,
    { message, fallback: type || status, stack: text(el, 'stack-trace'), classname },
    loc,
  );
}

function attemptOf(t: XmlNode, loc: Locator, file: string): Attempt {
  const result = attr(t, 'result') ?? '';
  switch (result) {
    case 'Pass':
      return { status: 'passed' };
    case 'Skip':
    case 'NotRun':
      return { status: 'skipped' };
    case 'Fail':
      return failed(child(t, 'failure'), attr(t, 'type') ?? '', loc, 'failure');
    default:
      throw new ReportError(
        file,
        `${file}: test '${attr(t, 'name') ?? '?'}' has result '${result}', which xUnit.net v2 does not write (Pass, Fail, Skip, NotRun)`,
      );
  }
}

function checks(n: XmlNode, el: 'assembly' | 'collection', tests: XmlNode[]): CountCheck[] {
  const name = attr(n, 'name');
  const element = name ? `<${el} name="${name}">` : `<${el}>`;
  const counts: HeaderCount[] = [
    { attribute: 'total', found: [tests.length], what: 'test elements' },
    {
      attribute: 'failed',
      found: [tests.filter((t) => attr(t, 'result') === 'Fail').length],
      what: 'failed test elements',
    },
  ];
  if (el === 'assembly')
    counts.push({
      attribute: 'errors',
      found: [children(child(n, 'errors')?.error).length],
      what: '<errors> entries',
    });
  return headerChecks(n, element, counts);
}

export function xunitReport(node: XmlNode, file: string, loc: Locator): TestReport {
  const counts: CountCheck[] = [];
  const cases: TestCase[] = [];
  for (const assembly of children(node.assembly)) {
    const collections = children(assembly.collection);
    counts.push(
      ...checks(
        assembly,
        'assembly',
        collections.flatMap((c) => children(c.test)),
      ),
    );
    for (const collection of collections) {
      const tests = children(collection.test);
      counts.push(...checks(collection, 'collection', tests));
      for (const t of tests)
        cases.push({
          suite: attr(collection, 'name') ?? attr(assembly, 'name') ?? '',
          name: attr(t, 'name') ?? '',
          classname: attr(t, 'type') ?? '',
          attempts: [attemptOf(t, loc, file)],
        });
    }
    for (const e of children(child(assembly, 'errors')?.error)) {
      const name = attr(e, 'name') ?? '';
      cases.push({
        suite: attr(assembly, 'name') ?? '',
        name: `${attr(e, 'type') ?? 'error'}${name ? ` ${name}` : ''}`,
        classname: name,
        attempts: [failed(child(e, 'failure'), name, loc, 'error')],
      });
    }
  }
  assertCounts(file, counts);
  return buildReport(file, 'xunit2', cases);
}
