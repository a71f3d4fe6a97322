import { getInputs } from '../../../actions/gate/src/inputs.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';

const parse = (values: Record<string, string>) => getInputs(new Inputs((n) => values[n] ?? ''));

describe('gate inputs', () => {
  test('defaults', () => {
    expect(parse({ test: 'npm test' })).toEqual({
      lint: undefined,
      test: 'npm test',
      junit: [],
      scanFs: undefined,
      scanImage: undefined,
      scanners: ['vuln', 'misconfig', 'secret'],
      severities: ['HIGH', 'CRITICAL'],
      ignoreUnfixed: true,
      failOnFindings: true,
      trivyVersion: '0.76.0',
      sarif: undefined,
      junitMissing: 'fail',
      flaky: 'pass',
    });
  });

  test('lists and case', () => {
    const i = parse({
      'scan-fs': '.',
      severity: 'critical, High',
      scanners: 'MISCONFIG',
      'trivy-version': 'v0.70.1',
    });
    expect(i.severities).toEqual(['CRITICAL', 'HIGH']);
    expect(i.scanners).toEqual(['misconfig']);
    expect(i.trivyVersion).toBe('0.70.1');
  });

  test('junit-missing and flaky', () => {
    const i = parse({ junit: 'r.xml', 'junit-missing': 'WARN', flaky: 'fail' });
    expect([i.junitMissing, i.flaky]).toEqual(['warn', 'fail']);
  });

  test.each([
    [{}, "input 'lint' is empty: at least one of lint, test, scan-fs, scan-image (or junit) is required"],
    [
      { 'scan-fs': '.', severity: 'SEVERE' },
      "input 'severity' is 'SEVERE': allowed severities are CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN",
    ],
    [
      { 'scan-fs': '.', scanners: 'sast' },
      "input 'scanners' is 'sast': allowed scanners are vuln, misconfig, secret, license",
    ],
    [
      { 'scan-fs': '.', 'trivy-version': 'latest' },
      "input 'trivy-version' is 'latest': expected a Trivy release version",
    ],
    [{ test: 'x', sarif: 'out.sarif' }, "input 'sarif' is 'out.sarif': SARIF is written from the scans"],
    [{ 'scan-image': 'a b' }, "input 'scan-image' is 'a b': expected one image reference"],
    [
      { lint: 'x', 'fail-on-findings': 'maybe' },
      "input 'fail-on-findings' is 'maybe': expected 'true' or 'false'",
    ],
    [
      { junit: 'r.xml', 'junit-missing': 'ignore' },
      "input 'junit-missing' is 'ignore': allowed values are 'fail', 'warn'",
    ],
    [{ junit: 'r.xml', flaky: 'retry' }, "input 'flaky' is 'retry': allowed values are 'pass', 'fail'"],
  ])('%j -> %s', (values, message) => {
    expect(() => parse(values)).toThrow(message);
  });
});
