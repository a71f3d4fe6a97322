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
  return {
    status,
    message: firstLines(message || type || status, 6),
    ...locate({ classname }, `${message}\n${text(el, 'stack-trace')}`, loc),
  };
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
  const out: CountCheck[] = [];
  const total = headerCount(attr(n, 'total'));
  if (total !== undefined)
    out.push({ element, attribute: 'total', claimed: total, found: [tests.length], what: 'test elements' });
  const nFailed = headerCount(attr(n, 'failed'));
  if (nFailed !== undefined)
    out.push({
      element,
      attribute: 'failed',
      claimed: nFailed,
      found: [tests.filter((t) => attr(t, 'result') === 'Fail').length],
      what: 'failed test elements',
    });
  if (el === 'assembly') {
    const errors = headerCount(attr(n, 'errors'));
    const listed = children(child(n, 'errors')?.error).length;
    if (errors !== undefined)
      out.push({ element, attribute: 'errors', claimed: errors, found: [listed], what: '<errors> entries' });
  }
  return out;
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
  const mismatch = countMismatch(file, counts);
  if (mismatch) throw mismatch;
  return buildReport(file, 'xunit2', cases);
}
