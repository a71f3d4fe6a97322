import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locate, parseJUnit, totals, type Locator } from '../../../actions/gate/src/junit.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'junit');
const WS = '/home/runner/work/payments/payments';
const files = new Set([
  'src/__tests__/money.test.js',
  'tests/test_fees.py',
  'src/test/java/com/acme/payments/PaymentServiceTest.java',
  'test/math.test.mjs',
]);
const loc: Locator = { workspace: WS, exists: (p) => files.has(p.slice(WS.length + 1)) };
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8').split('__WORKSPACE__').join(WS);

describe('JUnit reports', () => {
  test('jest-junit: counts, failure located from the stack (not node_modules)', () => {
    const r = parseJUnit(read('jest-junit.xml'), 'reports/jest.xml', loc);
    expect(totals([r])).toEqual({ tests: 4, passed: 2, failed: 1, errors: 0, skipped: 1 });
    expect(r.failures).toEqual([
      expect.objectContaining({
        name: 'money rounds half up',
        suite: 'src/__tests__/money.test.js',
        file: 'src/__tests__/money.test.js',
        line: 14,
        kind: 'failure',
      }),
    ]);
    expect(r.failures[0]!.message.split('\n')[0]).toBe(
      'Error: expect(received).toBe(expected) // Object.is equality',
    );
  });

  test('pytest (real report): failure and setup error located from "path:line:"', () => {
    const r = parseJUnit(read('pytest.xml'), 'reports/pytest.xml', loc);
    expect(totals([r])).toEqual({ tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1 });
    expect(
      r.failures.map((f) => [f.kind, f.classname, f.name, f.file, f.line, f.message.split('\n')[0]]),
    ).toEqual([
      ['failure', 'tests.test_fees', 'test_percentage_fee', 'tests/test_fees.py', 13, 'assert 2.5 == 2.4'],
      [
        'error',
        'tests.test_fees',
        'test_currency_table',
        'tests/test_fees.py',
        18,
        'failed on setup with "FileNotFoundError: rates.json"',
      ],
    ]);
  });

  test('surefire: the frame in the test class wins over assertion-library frames', () => {
    const r = parseJUnit(read('TEST-com.acme.payments.PaymentServiceTest.xml'), 'r.xml', loc);
    expect(totals([r])).toEqual({ tests: 3, passed: 2, failed: 1, errors: 0, skipped: 0 });
    expect(r.failures[0]).toMatchObject({
      file: 'src/test/java/com/acme/payments/PaymentServiceTest.java',
      line: 42,
      message: 'Expected java.lang.IllegalArgumentException to be thrown, but nothing was thrown.',
    });
  });

  test('node --test: file attribute plus file:// stack frame', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
  <testsuite name="math">
    <testcase name="subtracts" time="0.001" classname="test" file="${WS}/test/math.test.mjs">
      <failure type="testCodeFailure" message="Expected values to be strictly equal:&#10;&#10;2 !== 1">
  at TestContext.&lt;anonymous&gt; (file://${WS}/test/math.test.mjs:7:10)
  at Test.runInAsyncScope (node:async_hooks:227:14)</failure>
    </testcase>
  </testsuite>
</testsuites>`;
    const r = parseJUnit(xml, 'node.xml', loc);
    expect(r.failures[0]).toMatchObject({ suite: 'math', file: 'test/math.test.mjs', line: 7 });
  });

  test.each([
    [{ file: 'tests/test_fees.py', line: '9', classname: '' }, '', { file: 'tests/test_fees.py', line: 9 }],
    [{ classname: 'tests.test_fees.TestFees' }, 'no location here', { file: 'tests/test_fees.py' }],
    [{ classname: 'x' }, '/etc/passwd:1: outside the workspace', {}],
    [{ classname: 'x', file: `${WS}/node_modules/lib.js` }, '', {}],
  ])('locate %j with %j -> %j', (tc, details, where) => {
    expect(locate(tc, details, loc)).toEqual(where);
  });

  test('not a JUnit report', () => {
    expect(() => parseJUnit('<coverage/>', 'c.xml', loc)).toThrow('c.xml is not a JUnit report');
  });
});
