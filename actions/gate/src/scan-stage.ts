// The scan stages: Trivy on the workspace (scan-fs) and on the built image (scan-image), its findings
// evaluated against `severity` and `ignore-unfixed`, annotated, and kept for the SARIF upload.
import * as core from '../../shared/src/core.js';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import { ActionError } from '../../shared/src/errors.js';
import type { GateInputs } from './inputs.js';
import { evaluate, formatCounts, parseTrivyReport, type Evaluation, type Finding } from './findings.js';
import { sarifArgs, scanArgs, trivyAt, type Trivy } from './trivy.js';
import type { StageResult } from './report.js';

import { MAX_ANNOTATIONS } from './stages.js';

function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A `trivy` on PATH, else the pinned release from the tool cache (downloaded and checksum-verified once). */
export async function resolveTrivy(version: string): Promise<Trivy> {
  return core.group('Set up Trivy', async () => {
    const found = onPath('trivy');
    if (found) {
      core.info(`Using ${found} from PATH`);
      return trivyAt(found);
    }
    const { installTrivy } = await import('./trivy-install.js');
    const path = await installTrivy({ version, log: (l) => core.info(l) });
    core.info(`Using ${path}`);
    return trivyAt(path);
  });
}

export interface ScanOutcome {
  stage: StageResult;
  evaluation: Evaluation;
  reportFile: string;
  sarifFile?: string;
}

function annotate(
  stage: string,
  f: Finding,
  blocking: boolean,
  scanRoot: string | undefined,
  workspace: string,
): void {
  const file = scanRoot
    ? relative(workspace, resolve(workspace, scanRoot, f.target))
        .split(sep)
        .join('/')
    : undefined;
  const props = {
    title: `${stage}: ${f.id} (${f.severity})`,
    ...(file && !file.startsWith('..') ? { file } : {}),
    ...(f.line ? { startLine: f.line } : {}),
    ...(f.endLine && f.endLine !== f.line ? { endLine: f.endLine } : {}),
  };
  const message = `${f.kind === 'secret' ? 'Secret' : 'Misconfiguration'}: ${f.title}${f.url ? ` (${f.url})` : ''}`;
  if (blocking) core.error(message, props);
  else core.warning(message, props);
}

/** scan-fs / scan-image: a Trivy JSON report, the threshold applied to it, annotations, optional SARIF. */
export async function scanStage(
  trivy: Trivy,
  stage: 'scan-fs' | 'scan-image',
  target: string,
  inputs: GateInputs,
  workDir: string,
  workspace = process.cwd(),
): Promise<ScanOutcome> {
  const started = Date.now();
  const reportFile = join(workDir, `${stage}.json`);
  const kind = stage === 'scan-fs' ? 'fs' : 'image';
  const res = await core.group(`${stage}: trivy ${kind} ${target}`, () =>
    trivy.run(
      scanArgs({
        kind,
        target,
        scanners: inputs.scanners,
        ignoreUnfixed: inputs.ignoreUnfixed,
        output: reportFile,
      }),
    ),
  );
  if (res.exitCode !== 0) {
    const tail = res.stderr.trim().split('\n').slice(-3).join(' / ');
    throw new ActionError(`trivy ${kind} ${target} exited ${res.exitCode}: ${tail}`);
  }
  const { findings } = parseTrivyReport(readFileSync(reportFile, 'utf8'));
  const evaluation = evaluate(findings, inputs.severities, inputs.ignoreUnfixed);
  const blocking = new Set(evaluation.blocking);
  let annotated = 0;
  for (const f of [...evaluation.blocking, ...evaluation.findings.filter((x) => !blocking.has(x))]) {
    if (f.kind !== 'misconfiguration' && f.kind !== 'secret') continue;
    if (annotated++ >= MAX_ANNOTATIONS) break;
    annotate(stage, f, blocking.has(f), stage === 'scan-fs' ? target : undefined, workspace);
  }
  let sarifFile: string | undefined;
  if (inputs.sarif) {
    sarifFile = join(workDir, `${stage}.sarif`);
    const conv = await trivy.run(sarifArgs(reportFile, sarifFile));
    if (conv.exitCode !== 0)
      throw new ActionError(
        `trivy convert --format sarif exited ${conv.exitCode}: ${conv.stderr.trim().split('\n').slice(-2).join(' / ')}`,
      );
  }
  const nBlocking = evaluation.blocking.length;
  const failed = nBlocking > 0 && inputs.failOnFindings;
  const counts =
    formatCounts(evaluation.counts) +
    (nBlocking ? ` (${nBlocking} at ${inputs.severities.join(',')})` : '') +
    (evaluation.ignoredUnfixed ? `; ${evaluation.ignoredUnfixed} unfixed ignored` : '');
  if (nBlocking && !inputs.failOnFindings) {
    core.warning(
      `gate: ${stage} found ${nBlocking} findings at ${inputs.severities.join(',')}; fail-on-findings is false`,
    );
  }
  return {
    stage: {
      stage,
      result: failed ? 'failed' : 'passed',
      durationMs: Date.now() - started,
      counts,
      reason: failed
        ? `${nBlocking} findings at ${inputs.severities.join(',')}: ${formatCounts(evaluation.counts)}`
        : undefined,
    },
    evaluation,
    reportFile,
    sarifFile,
  };
}
