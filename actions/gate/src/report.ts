import { formatDuration } from '../../shared/src/inputs.js';
import { markdownTable } from '../../shared/src/summary.js';
import { SEVERITIES, type Severity } from './inputs.js';
import type { Evaluation, Finding } from './findings.js';
import type { FlakyTest, TestFailure } from './test-report.js';

export interface StageResult {
  stage: 'lint' | 'test' | 'scan-fs' | 'scan-image';
  result: 'passed' | 'failed';
  durationMs: number;
  /** Counts for the table, e.g. "12 tests: 11 passed, 1 failed" or "exit 0". */
  counts: string;
  /** Why it failed, for the action's single error line. */
  reason?: string;
}

const ICON = { passed: '✅ passed', failed: '❌ failed' } as const;

export function stageTable(stages: StageResult[]): string {
  return markdownTable(
    ['Stage', 'Result', 'Duration', 'Counts'],
    stages.map((s) => [s.stage, ICON[s.result], formatDuration(s.durationMs), s.counts]),
  );
}

export function findingsTable(ev: Evaluation, severities: readonly Severity[]): string {
  const rows = SEVERITIES.map((s) => [
    severities.includes(s) ? `**${s}** (fails the gate)` : s,
    String(ev.byKind.vulnerability[s]),
    String(ev.byKind.misconfiguration[s]),
    String(ev.byKind.secret[s]),
    String(ev.byKind.license[s]),
  ]);
  return markdownTable(['Severity', 'Vulnerabilities', 'Misconfigurations', 'Secrets', 'Licenses'], rows);
}

export function where(f: Finding): string {
  if (f.kind === 'vulnerability')
    return `${f.pkg} ${f.installed}${f.fixed ? ` → ${f.fixed}` : ''} (${f.target})`;
  return f.line ? `${f.target}:${f.line}` : f.target;
}

export function findingRows(findings: Finding[], max: number): string {
  const shown = findings.slice(0, max);
  const table = markdownTable(
    ['Severity', 'Kind', 'ID', 'Where', 'Title'],
    shown.map((f) => [
      f.severity,
      f.kind,
      f.url ? `[${f.id}](${f.url})` : f.id,
      where(f),
      f.title.slice(0, 160),
    ]),
  );
  return findings.length > max
    ? `${table}\n\n…and ${findings.length - max} more (see the SARIF file or the log).`
    : table;
}

export function failureRows(failures: TestFailure[], max: number): string {
  const shown = failures.slice(0, max);
  const table = markdownTable(
    ['Test', 'Where', 'Message'],
    shown.map((f) => [
      [f.classname, f.name].filter(Boolean).join(' › '),
      f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '',
      f.message.split('\n')[0]?.slice(0, 200) ?? '',
    ]),
  );
  return failures.length > max ? `${table}\n\n…and ${failures.length - max} more.` : table;
}

export function flakyRows(flaky: FlakyTest[], max: number): string {
  const table = markdownTable(
    ['Test', 'Attempts', 'Where', 'First failure'],
    flaky
      .slice(0, max)
      .map((f) => [
        [f.classname, f.name].filter(Boolean).join(' › '),
        String(f.attempts),
        f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '',
        f.message.slice(0, 200),
      ]),
  );
  return flaky.length > max ? `${table}\n\n…and ${flaky.length - max} more.` : table;
}

export function failureLine(stages: StageResult[]): string {
  const failed = stages.filter((s) => s.result === 'failed');
  return `failed: ${failed.map((s) => `${s.stage} (${s.reason ?? s.counts})`).join('; ')}`;
}
