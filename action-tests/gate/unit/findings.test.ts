import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, formatCounts, parseTrivyReport } from '../../../actions/gate/src/findings.js';
import { findingsTable } from '../../../actions/gate/src/report.js';
import { mergeSarif } from '../../../actions/gate/src/sarif.js';
import { scanArgs, sarifArgs } from '../../../actions/gate/src/trivy.js';

const report = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'trivy', 'image-report.json'),
  'utf8',
);

describe('Trivy image report (SchemaVersion 2)', () => {
  const { findings, artifact } = parseTrivyReport(report);

  test('vulnerabilities from os and language packages, and a secret without its match', () => {
    expect(artifact).toMatch(/payments-api@sha256:/);
    expect(findings.map((f) => [f.kind, f.id, f.severity, f.fixed ?? null])).toEqual([
      ['vulnerability', 'CVE-2024-6119', 'HIGH', '3.3.2-r0'],
      ['vulnerability', 'CVE-2024-45491', 'CRITICAL', '2.6.3-r0'],
      ['vulnerability', 'CVE-2024-9143', 'HIGH', null],
      ['vulnerability', 'CVE-2024-2511', 'LOW', null],
      ['vulnerability', 'CVE-2024-21538', 'HIGH', '7.0.5, 6.0.6'],
      ['vulnerability', 'CVE-2024-43796', 'MEDIUM', '4.20.0, 5.0.0'],
      ['secret', 'github-pat', 'CRITICAL', null],
    ]);
    expect(JSON.stringify(findings)).not.toContain('GITHUB_TOKEN=');
  });

  test('ignore-unfixed drops the unfixed ones; the threshold picks the blocking ones, worst first', () => {
    const ev = evaluate(findings, ['HIGH', 'CRITICAL'], true);
    expect(ev.ignoredUnfixed).toBe(2);
    expect(ev.counts).toEqual({ CRITICAL: 2, HIGH: 2, MEDIUM: 1, LOW: 0, UNKNOWN: 0 });
    expect(ev.blocking.map((f) => f.id)).toEqual([
      'CVE-2024-45491',
      'github-pat',
      'CVE-2024-6119',
      'CVE-2024-21538',
    ]);
    expect(formatCounts(ev.counts)).toBe('CRITICAL 2, HIGH 2, MEDIUM 1');
    const table = findingsTable(ev, ['HIGH', 'CRITICAL']);
    expect(table).toContain('| **CRITICAL** (fails the gate) | 1 | 0 | 1 | 0 |');
    expect(table).toContain('| MEDIUM | 1 | 0 | 0 | 0 |');
  });

  test('with ignore-unfixed false everything counts', () => {
    const ev = evaluate(findings, ['CRITICAL'], false);
    expect(ev.counts).toEqual({ CRITICAL: 2, HIGH: 3, MEDIUM: 1, LOW: 1, UNKNOWN: 0 });
    expect(ev.blocking).toHaveLength(2);
  });

  test('misconfigurations: only FAIL, with line numbers', () => {
    const doc = {
      SchemaVersion: 2,
      Results: [
        {
          Target: 'main.tf',
          Class: 'config',
          Misconfigurations: [
            {
              ID: 'AWS-0107',
              Severity: 'HIGH',
              Status: 'FAIL',
              Message: 'open',
              CauseMetadata: { StartLine: 10, EndLine: 10 },
            },
            { ID: 'AWS-0099', Severity: 'LOW', Status: 'PASS', Message: 'ok' },
          ],
        },
      ],
    };
    expect(parseTrivyReport(JSON.stringify(doc)).findings).toEqual([
      expect.objectContaining({
        kind: 'misconfiguration',
        id: 'AWS-0107',
        line: 10,
        endLine: 10,
        target: 'main.tf',
      }),
    ]);
  });

  test('rejects other schema versions and non-JSON', () => {
    expect(() => parseTrivyReport('{"SchemaVersion":1}')).toThrow('unsupported Trivy report SchemaVersion 1');
    expect(() => parseTrivyReport('<html>')).toThrow('not JSON');
  });
});

describe('trivy command lines and SARIF', () => {
  test('scan and convert arguments', () => {
    expect(
      scanArgs({
        kind: 'image',
        target: 'r/api@sha256:1',
        scanners: ['vuln', 'secret'],
        ignoreUnfixed: true,
        output: '/t/i.json',
      }),
    ).toEqual([
      'image',
      '--scanners',
      'vuln,secret',
      '--format',
      'json',
      '--output',
      '/t/i.json',
      '--exit-code',
      '0',
      '--no-progress',
      '--ignore-unfixed',
      'r/api@sha256:1',
    ]);
    expect(sarifArgs('/t/i.json', '/t/i.sarif')).toEqual([
      'convert',
      '--format',
      'sarif',
      '--output',
      '/t/i.sarif',
      '/t/i.json',
    ]);
  });

  test('SARIF runs from both scans, one category each', () => {
    const run = (n: string) =>
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'Trivy' } }, results: [{ ruleId: n }] }],
      });
    const merged = mergeSarif([
      { stage: 'scan-fs', text: run('a') },
      { stage: 'scan-image', text: run('b') },
    ]) as { runs: Array<{ automationDetails: { id: string } }> };
    expect(merged.runs.map((r) => r.automationDetails.id)).toEqual([
      'slipway-gate/scan-fs/',
      'slipway-gate/scan-image/',
    ]);
  });
});
