// long-file: one suite around the bundled gate and a fake Trivy; one report format or stage per test
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../../../harness/run-action.mjs';
import { trivyEnv } from './trivy-bin.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Copies a fixture folder into `dest`, dropping the `.fixture` suffix that keeps linters off the sources. */
function materialize(from: string, dest: string, replace: Record<string, string> = {}) {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const src = join(entry.parentPath, entry.name);
    const target = join(dest, relative(from, src).replace(/\.fixture$/, ''));
    mkdirSync(dirname(target), { recursive: true });
    let text = readFileSync(src, 'utf8');
    for (const [k, v] of Object.entries(replace)) text = text.split(k).join(v);
    writeFileSync(target, text);
  }
}

function workspace(): string {
  const ws = tempDir('slipway-gate-ws-');
  materialize(join(fixtures, 'project'), ws);
  return ws;
}

async function gate(inputs: Record<string, string>, ws: string, env: Record<string, string> = {}) {
  // run-action.mjs accepts `cwd` (the job's workspace) although its JSDoc does not list it.
  const opts = { action: 'gate', inputs, env, cwd: ws };
  return runAction(opts);
}

const NODE_TESTS = `import test from 'node:test';
import assert from 'node:assert/strict';
test('adds', () => {
  assert.equal(1 + 1, 2);
});
test('subtracts', () => {
  assert.equal(3 - 1, ${'__EXPECTED__'});
});
`;

function nodeProject(ws: string, expected: number) {
  mkdirSync(join(ws, 'test'), { recursive: true });
  writeFileSync(join(ws, 'test', 'math.test.mjs'), NODE_TESTS.replace('__EXPECTED__', String(expected)));
  writeFileSync(join(ws, 'app.mjs'), 'export const ok = true;\n');
}

const NODE_TEST_CMD =
  'mkdir -p reports && node --test --test-reporter=junit --test-reporter-destination=reports/node.xml --test-reporter=dot --test-reporter-destination=stdout test/';

describe('gate bundle: real lint and test commands, JUnit reports', () => {
  test('passing lint and test (node --test writing JUnit): passed, with timings and counts', async () => {
    const ws = workspace();
    nodeProject(ws, 2);
    const r = await gate({ lint: 'node --check app.mjs', test: NODE_TEST_CMD, junit: 'reports/*.xml' }, ws);
    expect(r.stderr).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.result).toBe('passed');
    expect(r.outputs.findings).toBe('{"CRITICAL":0,"HIGH":0,"MEDIUM":0,"LOW":0,"UNKNOWN":0}');
    expect(r.summary).toContain('### gate: ✅ passed');
    expect(r.summary).toMatch(/\| lint \| ✅ passed \| \d+(ms|s) \| exit 0 \|/);
    expect(r.summary).toMatch(
      /\| test \| ✅ passed \| \d+(ms|s) \| 2 tests: 2 passed, 0 failed \(1 report\); exit 0 \|/,
    );
    r.cleanup();
  });

  test('a failing node test: annotation on the test file and line, gate fails with one error line', async () => {
    const ws = workspace();
    nodeProject(ws, 1);
    const r = await gate({ test: NODE_TEST_CMD, junit: 'reports/*.xml' }, ws);
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('failed');
    const annotation = r.stdout.split('\n').find((l) => l.includes(',file='));
    expect(annotation).toMatch(
      /^::error title=Test failed%3A test › subtracts,file=test\/math\.test\.mjs,line=7::Expected values to be strictly equal:/,
    );
    expect(r.errors.at(-1)).toBe('gate: failed: test (1 of 2 tests failed)');
    expect(r.summary).toMatch(
      /\| test \| ❌ failed \| \d+(ms|s) \| 2 tests: 1 passed, 1 failed \(1 report\); exit 1 \|/,
    );
    expect(r.summary).toMatch(
      /\| test › subtracts \| test\/math\.test\.mjs:7 \| Expected values to be strictly equal:/,
    );
    r.cleanup();
  });

  test('a real pytest run: failure and setup error annotated on tests/test_fees.py', async () => {
    const ws = workspace();
    const r = await gate(
      {
        test: 'python3 -m pytest -q -p no:cacheprovider --junitxml=reports/pytest.xml tests',
        junit: 'reports/pytest.xml',
      },
      ws,
    );
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.includes(',file='));
    expect(annotations).toEqual([
      '::error title=Test failed%3A tests.test_fees › test_percentage_fee,file=tests/test_fees.py,line=13::assert 2.5 == 2.4%0A +  where 2.5 = percentage_fee(100, 0.025)',
      '::error title=Test error%3A tests.test_fees › test_currency_table,file=tests/test_fees.py,line=18::failed on setup with "FileNotFoundError: rates.json"',
    ]);
    expect(r.summary).toMatch(/4 tests: 1 passed, 1 failed, 1 errors, 1 skipped \(1 report\); exit 1/);
    expect(r.errors.at(-1)).toBe('gate: failed: test (2 of 4 tests failed)');
    r.cleanup();
  });

  test('jest-junit, pytest and surefire reports without a test command: counts and annotations', async () => {
    const ws = workspace();
    materialize(join(fixtures, 'junit'), join(ws, 'reports'), { __WORKSPACE__: ws });
    const r = await gate({ junit: 'reports/**/*.xml' }, ws);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.includes(',file='));
    expect(annotations).toEqual([
      '::error title=Test failed%3A com.acme.payments.PaymentServiceTest › rejectsNegativeAmount,file=src/test/java/com/acme/payments/PaymentServiceTest.java,line=42::Expected java.lang.IllegalArgumentException to be thrown, but nothing was thrown.',
      '::error title=Test failed%3A money rounds half up › money rounds half up,file=src/__tests__/money.test.js,line=14::Error: expect(received).toBe(expected) // Object.is equality%0A%0AExpected: 1.01%0AReceived: 1%0A    at Object.toBe (' +
        ws +
        '/src/__tests__/money.test.js:14:27)%0A    at Promise.then.completed (' +
        ws +
        '/node_modules/jest-circus/build/utils.js:298:28)%0A…',
      expect.stringMatching(
        /^::error title=Test failed%3A tests.test_fees › test_percentage_fee,file=tests\/test_fees.py,line=13::/,
      ),
      expect.stringMatching(
        /^::error title=Test error%3A tests.test_fees › test_currency_table,file=tests\/test_fees.py,line=18::/,
      ),
    ]);
    expect(r.summary).toMatch(
      /\| test \| ❌ failed \| \d+(ms|s) \| 11 tests: 5 passed, 3 failed, 1 errors, 2 skipped \(3 reports\) \|/,
    );
    r.cleanup();
  });

  test('a missing lint binary fails clearly; the test stage still runs', async () => {
    const ws = workspace();
    nodeProject(ws, 2);
    const r = await gate({ lint: 'slipway-no-such-linter --strict .', test: NODE_TEST_CMD }, ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('slipway-no-such-linter: command not found');
    expect(r.errors).toEqual([
      'lint failed: `slipway-no-such-linter --strict .` command not found (exit 127): is the tool installed in this job?',
      'gate: failed: lint (command not found (exit 127): is the tool installed in this job?)',
    ]);
    expect(r.summary).toMatch(/\| test \| ✅ passed \|/);
    r.cleanup();
  });

  test('a failing lint command reports its exit code', async () => {
    const ws = workspace();
    const r = await gate({ lint: 'echo "app.mjs:1:1 error no-undef" >&2; exit 3' }, ws);
    expect(r.code).toBe(1);
    expect(r.errors.at(-1)).toBe('gate: failed: lint (exit 3)');
    expect(r.summary).toMatch(/\| lint \| ❌ failed \| \d+(ms|s) \| exit 3 \|/);
    r.cleanup();
  });

  test('no stage given: one error naming the inputs', async () => {
    const ws = workspace();
    const r = await gate({}, ws);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "gate: input 'lint' is empty: at least one of lint, test, scan-fs, scan-image (or junit) is required",
    ]);
    r.cleanup();
  });
});

/** Copies corpus fixtures into `<ws>/reports`, with the workspace path filled in. */
function corpusReports(ws: string, names: string[]) {
  mkdirSync(join(ws, 'reports'), { recursive: true });
  for (const name of names)
    writeFileSync(
      join(ws, 'reports', name),
      readFileSync(join(fixtures, 'corpus', name), 'utf8')
        .split('__WORKSPACE__')
        .join(ws),
    );
}

describe('gate bundle: reports that prove nothing fail; other formats and reruns', () => {
  test('junit matched no file: the gate fails by default (a test job that wrote no report proved nothing)', async () => {
    const ws = workspace();
    const r = await gate({ test: 'true', junit: 'reports/**/*.xml' }, ws);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'no test report matched reports/**/*.xml: a test job that wrote no report proved nothing. Check where the tests write their report, or set junit-missing: warn.',
      'gate: failed: test (no test report matched reports/**/*.xml)',
    ]);
    expect(r.summary).toMatch(
      /\| test \| ❌ failed \| \d+(ms|s) \| no report matched reports\/\*\*\/\*\.xml; exit 0 \|/,
    );
    r.cleanup();
  });

  test('junit-missing: warn keeps the old behaviour (a warning, the stage passes on its exit code)', async () => {
    const ws = workspace();
    const r = await gate({ test: 'true', junit: 'reports/**/*.xml', 'junit-missing': 'warn' }, ws);
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual(['gate: no test report matched reports/**/*.xml (junit-missing: warn)']);
    r.cleanup();
  });

  test('a report cut off inside a testsuite fails the gate, annotated on the report where it stops', async () => {
    const ws = workspace();
    corpusReports(ws, ['truncated-jest-junit-16.xml', 'jest-junit-16.xml']);
    const r = await gate({ junit: 'reports/*.xml' }, ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error title=gate%3A test report unreadable,file=reports\/truncated-jest-junit-16\.xml,line=16,col=\d+::reports\/truncated-jest-junit-16\.xml is cut off: it ends at line 16/m,
    );
    expect(r.errors.at(-1)).toBe(
      'gate: failed: test (report reports/truncated-jest-junit-16.xml unreadable; 1 of 5 tests failed)',
    );
    expect(r.summary).toContain('#### Unreadable test reports');
    expect(r.summary).toMatch(/5 tests: 3 passed, 1 failed, 1 skipped \(1 report\); 1 report unreadable/);
    r.cleanup();
  });

  test('a header that claims tests it does not hold fails with both counts', async () => {
    const ws = workspace();
    corpusReports(ws, ['lying-header-pytest-8.xml']);
    const r = await gate({ junit: 'reports/*.xml' }, ws);
    expect(r.code).toBe(1);
    expect(r.errors[0]).toContain('<testsuite name="pytest"> says tests="4" but holds 0 testcase elements');
    expect(r.errors.at(-1)).toBe('gate: failed: test (report reports/lying-header-pytest-8.xml unreadable)');
    r.cleanup();
  });

  test('XML that is not a test report fails naming its root element', async () => {
    const ws = workspace();
    corpusReports(ws, ['cobertura-coverage.xml']);
    const r = await gate({ junit: 'reports/*.xml' }, ws);
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /^reports\/cobertura-coverage\.xml is not a test report: its root element is <coverage>\./,
    );
    r.cleanup();
  });

  test('NUnit 3, xUnit.net v2 and TRX are read: counts and annotations on the .cs files', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'tests', 'Acme.Tests'), { recursive: true });
    writeFileSync(join(ws, 'tests', 'Acme.Tests', 'FeeTests.cs'), '// fee tests\n');
    corpusReports(ws, ['nunit3-console-3.18.xml', 'xunit-2.9.xml', 'mstest-3.6.trx']);
    const r = await gate({ junit: 'reports/*.xml\nreports/*.trx' }, ws);
    expect(r.code).toBe(1);
    expect(r.warnings).toEqual([]);
    expect(r.summary).toMatch(/15 tests: 5 passed, 4 failed, 3 errors, 3 skipped \(3 reports\)/);
    const annotations = r.stdout.split('\n').filter((l) => l.includes(',file=tests/Acme.Tests/FeeTests.cs'));
    expect(annotations.map((l) => /title=([^,]+),file=[^,]+,line=(\d+)/.exec(l)?.slice(1))).toEqual([
      ['Test failed%3A Acme.Tests.FeeTests › PercentageFee', '21'], // mstest-3.6.trx
      ['Test failed%3A Acme.Tests.FeeTests › PercentageFee', '21'], // nunit3-console-3.18.xml
      ['Test error%3A Acme.Tests.FeeTests › CurrencyTable', '28'],
      ['Test failed%3A Acme.Tests.FeeTests › Acme.Tests.FeeTests.PercentageFee', '21'], // xunit-2.9.xml
      [
        'Test failed%3A Acme.Tests.FeeTests › Acme.Tests.FeeTests.RoundsHalfUp(amount%3A 1.005%2C expected%3A 1.01)',
        '35',
      ],
    ]);
    r.cleanup();
  });

  test('flaky tests (Surefire flakyFailure/flakyError) pass with a warning listing them; flaky: fail fails', async () => {
    const ws = workspace();
    const xml = readFileSync(join(fixtures, 'corpus', 'TEST-com.acme.payments.RetryTest.xml'), 'utf8');
    mkdirSync(join(ws, 'reports'), { recursive: true });
    // Without the test that failed on every run, only the flaky ones remain.
    writeFileSync(
      join(ws, 'reports', 'TEST-retry.xml'),
      xml
        .replace(/<testcase name="rejectsNegativeAmount"[\s\S]*?<\/testcase>\n/, '')
        .replace(
          'tests="4" errors="0" skipped="0" failures="1"',
          'tests="3" errors="0" skipped="0" failures="0"',
        ),
    );
    const pass = await gate({ junit: 'reports/*.xml' }, ws);
    expect(pass.code).toBe(0);
    expect(pass.warnings).toEqual([
      '2 flaky tests passed only on a rerun (flaky: pass): com.acme.payments.RetryTest › capturesAuthorisedPayment (2 attempts), com.acme.payments.RetryTest › settlesOvernight (2 attempts)',
    ]);
    expect(pass.summary).toMatch(/3 tests: 1 passed, 0 failed, 2 flaky \(1 report\)/);
    expect(pass.summary).toContain('#### Flaky tests (passed on a rerun; flaky: pass)');
    pass.cleanup();

    const fail = await gate({ junit: 'reports/*.xml', flaky: 'fail' }, ws);
    expect(fail.code).toBe(1);
    expect(fail.errors.at(-1)).toBe(
      'gate: failed: test (2 of 3 tests failed, 2 of them flaky (flaky: fail))',
    );
    expect(fail.stdout).toMatch(
      /^::error title=Flaky test%3A com\.acme\.payments\.RetryTest › capturesAuthorisedPayment::passed only after 1 failed attempt\(s\) \(flaky: fail\): expected: <CAPTURED> but was: <PENDING>/m,
    );
    fail.cleanup();
  });
});

describe('gate bundle: real Trivy filesystem scan (misconfigurations and a secret)', () => {
  let env: Record<string, string>;
  // The secret is written at test time so that no secret-shaped string sits in the repository.
  const fakeKey = ['AKIA', 'Q3EGRIT7', 'SLIPWAY9'].join('');
  function iacWorkspace(): string {
    const ws = workspace();
    materialize(join(fixtures, 'iac'), join(ws, 'infra'));
    writeFileSync(join(ws, 'infra', 'deploy.env'), `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${fakeKey}\n`);
    return ws;
  }
  beforeAll(() => {
    env = trivyEnv();
  });

  test('HIGH/CRITICAL findings fail the gate, with annotations, a findings table and SARIF', async () => {
    const ws = iacWorkspace();
    const r = await gate(
      { 'scan-fs': 'infra', scanners: 'misconfig,secret', sarif: 'out/trivy.sarif' },
      ws,
      env,
    );
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('failed');
    const findings = JSON.parse(r.outputs.findings ?? '{}') as Record<string, number>;
    expect(findings.CRITICAL).toBe(1); // the access key
    expect(findings.HIGH).toBeGreaterThanOrEqual(2); // root user in the Dockerfile, ssh open to the world
    // IaC misconfigurations are annotated on their file and line; the secret on its line, without its value.
    expect(r.stdout).toMatch(
      /^::error title=scan-fs%3A AWS-\d+ \((CRITICAL|HIGH)\),file=infra\/main\.tf,line=10::Misconfiguration: /m,
    );
    expect(r.stdout).toMatch(
      /^::error title=scan-fs%3A DS-0002 \(HIGH\),file=infra\/Dockerfile::Misconfiguration: /m,
    );
    expect(r.stdout).toMatch(
      /^::error title=scan-fs%3A aws-access-key-id \(CRITICAL\),file=infra\/deploy\.env,line=2::Secret: AWS Access Key ID/m,
    );
    expect(r.stdout).not.toContain(fakeKey);
    expect(r.summary).not.toContain(fakeKey);
    expect(r.summary).toContain('| **CRITICAL** (fails the gate) | 0 |');
    expect(r.summary).toMatch(/\| scan-fs \| ❌ failed \| \d+(ms|s) \| CRITICAL 1, HIGH \d+/);
    expect(r.errors.at(-1)).toMatch(
      /^gate: failed: scan-fs \(\d+ findings at HIGH,CRITICAL: CRITICAL 1, HIGH \d+/,
    );
    // SARIF for code scanning: one run from Trivy with the gate's category.
    const sarifPath = join(ws, 'out', 'trivy.sarif');
    expect(r.outputs['sarif-file']).toBe(sarifPath);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.name).toBe('Trivy');
    expect(sarif.runs[0].automationDetails).toEqual({ id: 'slipway-gate/scan-fs/' });
    expect(sarif.runs[0].results.length).toBeGreaterThanOrEqual(3);
    r.cleanup();
  });

  test('fail-on-findings false reports the same findings and passes', async () => {
    const ws = iacWorkspace();
    const r = await gate(
      { 'scan-fs': 'infra', scanners: 'misconfig,secret', 'fail-on-findings': 'false' },
      ws,
      env,
    );
    expect(r.code).toBe(0);
    expect(r.outputs.result).toBe('passed');
    expect(r.warnings.join('\n')).toMatch(
      /gate: scan-fs found \d+ findings at HIGH,CRITICAL; fail-on-findings is false/,
    );
    expect(existsSync(join(ws, 'out'))).toBe(false);
    r.cleanup();
  });

  test('a CRITICAL-only threshold: HIGH misconfigurations become warnings, the secret still fails', async () => {
    const ws = iacWorkspace();
    const r = await gate({ 'scan-fs': 'infra', scanners: 'misconfig,secret', severity: 'CRITICAL' }, ws, env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::warning title=scan-fs%3A DS-0002 \(HIGH\),file=infra\/Dockerfile::/m);
    expect(r.errors.at(-1)).toMatch(/^gate: failed: scan-fs \(1 findings at CRITICAL:/);
    r.cleanup();
  });
});
