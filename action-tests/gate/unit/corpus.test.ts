import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReport } from '../../../actions/gate/src/reports.js';
import type { Locator } from '../../../actions/gate/src/locate.js';
import { ReportError, totals, type TestReport } from '../../../actions/gate/src/test-report.js';

// The corpus in fixtures/corpus imitates the files real tools write (each names its tool and version). Counts
// here are worked out by hand from the fixture, not from the parser.
const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'corpus');
const WS = '/home/runner/work/payments/payments';
const files = new Set([
  'src/__tests__/invoice.test.ts',
  'tests/test_gateway.py',
  'test/money.spec.js',
  'tests/FeeTest.php',
  'tests/Acme.Tests/FeeTests.cs',
  'tests/Acme.Tests/LedgerFixture.cs',
  'src/test/java/com/acme/payments/RetryTest.java',
]);
const loc: Locator = { workspace: WS, exists: (p) => files.has(p.slice(WS.length + 1)) };
const read = (name: string) => readFileSync(join(corpus, name), 'utf8').split('__WORKSPACE__').join(WS);
const report = (name: string) => readReport(read(name), `reports/${name}`, loc);
const failuresOf = (r: TestReport) => r.failures.map((f) => [f.kind, f.name, f.file, f.line]);
const flakyOf = (r: TestReport) => r.flaky.map((f) => [f.name, f.attempts, f.message]);

function reportError(name: string): ReportError {
  try {
    report(name);
  } catch (err) {
    if (err instanceof ReportError) return err;
    throw err;
  }
  throw new Error(`${name} was read without an error`);
}

describe('JUnit XML as the tools write it', () => {
  test('jest-junit 16: counts, failure on the test file (file attribute + stack frame)', () => {
    const r = report('jest-junit-16.xml');
    expect(r.format).toBe('junit');
    expect(totals([r])).toEqual({ tests: 5, passed: 3, failed: 1, errors: 0, skipped: 1 });
    expect(failuresOf(r)).toEqual([
      ['failure', 'invoice totals apply VAT per line', 'src/__tests__/invoice.test.ts', 27],
    ]);
    expect(r.flaky).toEqual([]);
  });

  test('go-junit-report 2.1: subtests are tests, a build failure is an error', () => {
    const r = report('go-junit-report-2.1.xml');
    expect(totals([r])).toEqual({ tests: 6, passed: 3, failed: 1, errors: 1, skipped: 1 });
    expect(r.failures.map((f) => [f.kind, f.suite, f.name, f.message])).toEqual([
      ['failure', 'github.com/acme/payments/fees', 'TestPercentageFee/rounding', 'Failed'],
      ['error', 'github.com/acme/payments/ledger', '[build failed]', 'Build error'],
    ]);
  });

  test('mocha-junit-reporter 2.2: the empty Root Suite adds nothing; relative stack frame located', () => {
    const r = report('mocha-junit-reporter-2.2.xml');
    expect(totals([r])).toEqual({ tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1 });
    expect(failuresOf(r)).toEqual([['failure', 'money rounds half up', 'test/money.spec.js', 9]]);
  });

  test('PHPUnit 11: nested suites and a data-provider suite; file/line attributes', () => {
    const r = report('phpunit-11.xml');
    expect(totals([r])).toEqual({ tests: 5, passed: 2, failed: 1, errors: 1, skipped: 1 });
    expect(failuresOf(r)).toEqual([
      ['failure', 'testPercentageFee', 'tests/FeeTest.php', 18],
      ['error', 'testCurrencyTable', 'tests/FeeTest.php', 25],
    ]);
    expect(r.failures[0]!.message.split('\n')[1]).toBe('Failed asserting that 2.5 is identical to 2.4.');
  });
});

describe('reruns: one rule for every format (the last attempt decides; pass after a failure = flaky)', () => {
  test('Maven Surefire 3.5: flakyFailure and flakyError pass as flaky, rerunFailure + failure fails', () => {
    const r = report('TEST-com.acme.payments.RetryTest.xml');
    expect(totals([r])).toEqual({ tests: 4, passed: 3, failed: 1, errors: 0, skipped: 0 });
    expect(flakyOf(r)).toEqual([
      ['capturesAuthorisedPayment', 2, 'expected: <CAPTURED> but was: <PENDING>'],
      ['settlesOvernight', 2, 'Connection refused'],
    ]);
    expect(r.flaky[0]).toMatchObject({ file: 'src/test/java/com/acme/payments/RetryTest.java', line: 31 });
    expect(failuresOf(r)).toEqual([
      ['failure', 'rejectsNegativeAmount', 'src/test/java/com/acme/payments/RetryTest.java', 57],
    ]);
  });

  test('pytest-rerunfailures PR #380 flakyFailure elements: same outcome as Surefire', () => {
    const r = report('pytest-9-rerunfailures-pr380-flaky-elements.xml');
    expect(totals([r])).toEqual({ tests: 3, passed: 2, failed: 1, errors: 0, skipped: 0 });
    expect(flakyOf(r)).toEqual([['test_gateway_ping', 3, 'assert 503 == 200']]);
    expect(r.flaky[0]).toMatchObject({ file: 'tests/test_gateway.py', line: 9 });
    expect(failuresOf(r)).toEqual([['failure', 'test_refund_limit', 'tests/test_gateway.py', 22]]);
  });

  test('pytest-rerunfailures 16.7 (one testcase per attempt): each test counted once, by its last attempt', () => {
    const r = report('pytest-9-rerunfailures-16.7.xml');
    // 6 records, 3 tests: the empty rerun records carry no failure, so test_gateway_ping is a plain pass.
    expect(totals([r])).toEqual({ tests: 3, passed: 2, failed: 1, errors: 0, skipped: 0 });
    expect(r.flaky).toEqual([]);
    expect(failuresOf(r)).toEqual([['failure', 'test_refund_limit', 'tests/test_gateway.py', 22]]);
  });

  test('repeated records where an earlier one failed (Gradle test-retry, go test -count): flaky', () => {
    const xml = `<testsuite name="com.acme.LedgerTest" tests="3" failures="1" errors="0">
  <testcase name="balances" classname="com.acme.LedgerTest"><failure message="timeout">at com.acme.LedgerTest.balances(LedgerTest.java:9)</failure></testcase>
  <testcase name="balances" classname="com.acme.LedgerTest"/>
  <testcase name="posts" classname="com.acme.LedgerTest"/>
</testsuite>`;
    const r = readReport(xml, 'r.xml', loc);
    expect(totals([r])).toEqual({ tests: 2, passed: 2, failed: 0, errors: 0, skipped: 0 });
    expect(flakyOf(r)).toEqual([['balances', 2, 'timeout']]);
  });

  test('a pass followed by a failure of the same test fails (the last attempt decides)', () => {
    const xml = `<testsuite name="s"><testcase name="t" classname="c"/><testcase name="t" classname="c"><failure message="boom"/></testcase></testsuite>`;
    const r = readReport(xml, 'r.xml', loc);
    expect(totals([r])).toEqual({ tests: 1, passed: 0, failed: 1, errors: 0, skipped: 0 });
  });

  test('Surefire rerunFailure without a final <failure> is still a failure', () => {
    const xml = `<testsuite name="s"><testcase name="t" classname="c"><rerunFailure message="boom"><stackTrace>x</stackTrace></rerunFailure></testcase></testsuite>`;
    const r = readReport(xml, 'r.xml', loc);
    expect(r.failures.map((f) => [f.kind, f.message])).toEqual([['failure', 'boom']]);
    expect(r.flaky).toEqual([]);
  });
});

describe('.NET formats are read, not warned about', () => {
  test('NUnit 3 (nunit3-console 3.18): failure, error label, ignored, parameterized; .cs:line frames', () => {
    const r = report('nunit3-console-3.18.xml');
    expect(r.format).toBe('nunit3');
    expect(totals([r])).toEqual({ tests: 5, passed: 2, failed: 1, errors: 1, skipped: 1 });
    expect(failuresOf(r)).toEqual([
      ['failure', 'PercentageFee', 'tests/Acme.Tests/FeeTests.cs', 21],
      ['error', 'CurrencyTable', 'tests/Acme.Tests/FeeTests.cs', 28],
    ]);
    expect(r.failures[0]).toMatchObject({ suite: 'Acme.Tests.FeeTests', classname: 'Acme.Tests.FeeTests' });
    expect(r.failures[0]!.message).toBe('Expected: 2.4m\n  But was:  2.5m');
  });

  test('xUnit.net 2.9 v2 XML: Pass/Fail/Skip, a theory row, a class cleanup failure as an error', () => {
    const r = report('xunit-2.9.xml');
    expect(r.format).toBe('xunit2');
    expect(totals([r])).toEqual({ tests: 6, passed: 2, failed: 2, errors: 1, skipped: 1 });
    expect(failuresOf(r)).toEqual([
      ['failure', 'Acme.Tests.FeeTests.PercentageFee', 'tests/Acme.Tests/FeeTests.cs', 21],
      [
        'failure',
        'Acme.Tests.FeeTests.RoundsHalfUp(amount: 1.005, expected: 1.01)',
        'tests/Acme.Tests/FeeTests.cs',
        35,
      ],
      ['error', 'test-class-cleanup Acme.Tests.LedgerTests', 'tests/Acme.Tests/LedgerFixture.cs', 19],
    ]);
  });

  test('MSTest TRX (dotnet test 8.0): Passed, Failed, NotExecuted, Timeout; class from TestDefinitions', () => {
    const r = report('mstest-3.6.trx');
    expect(r.format).toBe('trx');
    expect(totals([r])).toEqual({ tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1 });
    expect(r.failures.map((f) => [f.kind, f.classname, f.name, f.file, f.line, f.message])).toEqual([
      [
        'failure',
        'Acme.Tests.FeeTests',
        'PercentageFee',
        'tests/Acme.Tests/FeeTests.cs',
        21,
        'Assert.AreEqual failed. Expected:<2.4>. Actual:<2.5>.',
      ],
      [
        'error',
        'Acme.Tests.LedgerTests',
        'SettlesOvernight',
        undefined,
        undefined,
        "Test 'SettlesOvernight' exceeded execution timeout period.",
      ],
    ]);
  });

  test('a TRX outcome outside the schema is an error, never a pass', () => {
    const xml = `<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results><UnitTestResult testId="1" testName="t" outcome="Exploded"/></Results></TestRun>`;
    const r = readReport(xml, 'r.trx', loc);
    expect(r.failures[0]!.message).toMatch(/^outcome 'Exploded' is not a TRX test outcome/);
    expect(r.errors).toBe(1);
  });
});

describe('reports that cannot be trusted fail, naming the file and where', () => {
  test('jest-junit cut off inside a testsuite: file, line and column where it stops', () => {
    const e = reportError('truncated-jest-junit-16.xml');
    expect(e.file).toBe('reports/truncated-jest-junit-16.xml');
    expect(e.message).toMatch(
      /^reports\/truncated-jest-junit-16\.xml is cut off: it ends at line 16, column \d+ \(byte \d+\) before <failure> \(opened at line 9, column 7; still open: <testsuites>, <testsuite>, <testcase>, <failure>\) is closed\. The test run stopped writing it/,
    );
    expect(e.line).toBe(16);
  });

  test('Surefire without its closing </testsuite>', () => {
    const e = reportError('truncated-surefire-3.5.xml');
    expect(e.message).toMatch(
      /^reports\/truncated-surefire-3\.5\.xml is cut off: it ends at line 6, column \d+ \(byte \d+\) before <testsuite> \(opened at line 4, column 1\) is closed/,
    );
  });

  test('an empty file', () => {
    expect(reportError('empty-report.xml').message).toBe(
      'reports/empty-report.xml is empty: the test run wrote no results into it',
    );
  });

  test('a header claiming tests with no testcase elements does not pass as "0 tests"', () => {
    expect(reportError('lying-header-pytest-8.xml').message).toBe(
      'reports/lying-header-pytest-8.xml contradicts itself: <testsuite name="pytest"> says tests="4" but holds 0 testcase elements; ' +
        '<testsuite name="pytest"> says failures="1" but holds 0 testcase elements with a <failure>. ' +
        'A report whose counts do not match its tests was cut short or rewritten; the tests did not report.',
    );
  });

  test('a header saying no failures over a failing testcase: both counts', () => {
    expect(reportError('lying-header-jest-junit-16.xml').message).toMatch(
      /contradicts itself: <testsuites name="jest tests"> says failures="0" but holds 1 testcase elements with a <failure>; <testsuite name="src\/__tests__\/ledger.test.ts"> says failures="0" but holds 1/,
    );
  });

  test('NUnit and xUnit headers are checked too', () => {
    const nunit = read('nunit3-console-3.18.xml').replace(
      '<test-run id="0" runstate="Runnable" testcasecount="5" result="Failed" total="5"',
      '<test-run id="0" runstate="Runnable" testcasecount="5" result="Failed" total="7"',
    );
    expect(() => readReport(nunit, 'n.xml', loc)).toThrow(
      'n.xml contradicts itself: <test-run> says total="7" but holds 5 test-case elements',
    );
    const xunit = read('xunit-2.9.xml').replace(
      'failed="2" skipped="1" time="0.231"',
      'failed="0" skipped="1" time="0.231"',
    );
    expect(() => readReport(xunit, 'x.xml', loc)).toThrow(
      /<assembly name="[^"]+"> says failed="0" but holds 2 failed test elements/,
    );
  });

  test('XML that is not a test report names its root element', () => {
    expect(reportError('cobertura-coverage.xml').message).toBe(
      'reports/cobertura-coverage.xml is not a test report: its root element is <coverage>. Read are JUnit XML (<testsuites>, <testsuite>), NUnit 3 (<test-run>), xUnit.net v2 (<assemblies>) and MSTest TRX (<TestRun>)',
    );
  });

  test('malformed in the middle (not at the end) is "not well-formed" with the position', () => {
    expect(() => readReport('<testsuite>\n<testcase name="a"></testsuite>\n<x/>', 'm.xml', loc)).toThrow(
      /^m\.xml is not well-formed XML at line 2, column \d+: Expected closing tag 'testcase'/,
    );
  });
});
