import { SEVERITIES, type Severity } from './inputs.js';

export type FindingKind = 'vulnerability' | 'misconfiguration' | 'secret' | 'license';

export interface Finding {
  kind: FindingKind;
  id: string;
  severity: Severity;
  title: string;
  /** File or package location as Trivy names it (relative to the scanned path for fs scans). */
  target: string;
  /** For misconfigurations and secrets: 1-based line. */
  line?: number;
  endLine?: number;
  pkg?: string;
  installed?: string;
  fixed?: string;
  url?: string;
  /** Trivy's class of the result: os-pkgs, lang-pkgs, config, secret, license. */
  resultClass: string;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && v > 0 ? v : undefined);
const arr = (v: unknown): Json[] =>
  Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : [];

function severity(v: unknown): Severity {
  const s = str(v).toUpperCase();
  return (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : 'UNKNOWN';
}

/**
 * Findings from a Trivy JSON report (SchemaVersion 2): Results[].Vulnerabilities, .Misconfigurations
 * (only Status FAIL), .Secrets and .Licenses. Secret matches and code lines are never kept: they can hold
 * the secret itself.
 */
export function parseTrivyReport(text: string): { findings: Finding[]; artifact: string } {
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    throw new Error('the Trivy report is not JSON');
  }
  if (doc.SchemaVersion !== 2) {
    throw new Error(
      `unsupported Trivy report SchemaVersion ${JSON.stringify(doc.SchemaVersion)} (expected 2)`,
    );
  }
  const findings: Finding[] = [];
  for (const r of arr(doc.Results)) {
    const target = str(r.Target);
    const resultClass = str(r.Class);
    for (const v of arr(r.Vulnerabilities)) {
      findings.push({
        kind: 'vulnerability',
        id: str(v.VulnerabilityID),
        severity: severity(v.Severity),
        title: str(v.Title) || str(v.Description).slice(0, 200),
        target,
        pkg: str(v.PkgName),
        installed: str(v.InstalledVersion),
        fixed: str(v.FixedVersion) || undefined,
        url: str(v.PrimaryURL) || undefined,
        resultClass,
      });
    }
    for (const m of arr(r.Misconfigurations)) {
      if (str(m.Status) && str(m.Status) !== 'FAIL') continue;
      const cause = (m.CauseMetadata ?? {}) as Json;
      findings.push({
        kind: 'misconfiguration',
        id: str(m.ID) || str(m.AVDID),
        severity: severity(m.Severity),
        title: str(m.Message) || str(m.Title),
        target,
        line: num(cause.StartLine),
        endLine: num(cause.EndLine),
        url: str(m.PrimaryURL) || undefined,
        resultClass,
      });
    }
    for (const s of arr(r.Secrets)) {
      findings.push({
        kind: 'secret',
        id: str(s.RuleID),
        severity: severity(s.Severity),
        title: str(s.Title) || str(s.Category),
        target,
        line: num(s.StartLine),
        endLine: num(s.EndLine),
        resultClass,
      });
    }
    for (const l of arr(r.Licenses)) {
      findings.push({
        kind: 'license',
        id: str(l.Name),
        severity: severity(l.Severity),
        title: `${str(l.PkgName) || str(l.FilePath)}: ${str(l.Name)} (${str(l.Category)})`,
        target,
        pkg: str(l.PkgName) || undefined,
        resultClass,
      });
    }
  }
  return { findings, artifact: str(doc.ArtifactName) };
}

/** Unfixed: a vulnerability with no fixed version (Trivy's --ignore-unfixed drops the same ones). */
export function isUnfixed(f: Finding): boolean {
  return f.kind === 'vulnerability' && !f.fixed;
}

export type SeverityCounts = Record<Severity, number>;

export function emptyCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}

export interface Evaluation {
  /** Findings kept after ignore-unfixed. */
  findings: Finding[];
  counts: SeverityCounts;
  byKind: Record<FindingKind, SeverityCounts>;
  /** Findings at a severity in the threshold list. */
  blocking: Finding[];
  ignoredUnfixed: number;
}

export function evaluate(
  all: Finding[],
  severities: readonly Severity[],
  ignoreUnfixed: boolean,
): Evaluation {
  const findings = ignoreUnfixed ? all.filter((f) => !isUnfixed(f)) : all;
  const counts = emptyCounts();
  const byKind: Record<FindingKind, SeverityCounts> = {
    vulnerability: emptyCounts(),
    misconfiguration: emptyCounts(),
    secret: emptyCounts(),
    license: emptyCounts(),
  };
  for (const f of findings) {
    counts[f.severity]++;
    byKind[f.kind][f.severity]++;
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const blocking = findings
    .filter((f) => severities.includes(f.severity))
    .sort((a, b) => rank(a.severity) - rank(b.severity));
  return { findings, counts, byKind, blocking, ignoredUnfixed: all.length - findings.length };
}

export function formatCounts(c: SeverityCounts): string {
  const parts = SEVERITIES.filter((s) => c[s] > 0).map((s) => `${s} ${c[s]}`);
  return parts.length ? parts.join(', ') : 'none';
}
