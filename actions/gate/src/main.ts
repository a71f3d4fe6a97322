import * as core from '../../shared/src/core.js';
import { resolve } from 'node:path';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { ActionError } from '../../shared/src/errors.js';
import { writeSummary } from '../../shared/src/summary.js';
import { getInputs } from './inputs.js';
import { emptyCounts, type SeverityCounts } from './findings.js';
import {
  failureLine,
  failureRows,
  flakyRows,
  findingRows,
  findingsTable,
  stageTable,
  type StageResult,
} from './report.js';
import { commandStage, workDirectory } from './stages.js';
import { testStage } from './test-stage.js';
import { resolveTrivy, scanStage, type ScanOutcome } from './scan-stage.js';
import { writeSarif } from './sarif.js';

export const ACTION = 'gate';

/** lint -> test (+ its reports) -> scan-fs -> scan-image -> SARIF -> one summary table -> pass or fail. */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    const stages: StageResult[] = [];
    const sections: string[] = [];

    if (inputs.lint) stages.push(await commandStage('lint', inputs.lint));

    if (inputs.test || inputs.junit.length) {
      const t = await testStage(inputs);
      stages.push(t.stage);
      if (t.unreadable.length)
        sections.push(
          `#### Unreadable test reports\n\n${t.unreadable.map((e) => `- ${e.message}`).join('\n')}`,
        );
      if (t.failures.length) sections.push(`#### Failed tests\n\n${failureRows(t.failures, 20)}`);
      if (t.flaky.length)
        sections.push(
          `#### Flaky tests (${inputs.flaky === 'pass' ? 'passed on a rerun; flaky: pass' : 'counted as failed; flaky: fail'})\n\n${flakyRows(t.flaky, 20)}`,
        );
    }

    const scans: ScanOutcome[] = [];
    if (inputs.scanFs || inputs.scanImage) {
      const trivy = await resolveTrivy(inputs.trivyVersion);
      const workDir = workDirectory();
      for (const [stage, target] of [
        ['scan-fs', inputs.scanFs],
        ['scan-image', inputs.scanImage],
      ] as const) {
        if (!target) continue;
        const s = await scanStage(trivy, stage, target, inputs, workDir);
        scans.push(s);
        stages.push(s.stage);
        sections.push(
          `#### ${stage}: \`${target}\`\n\n${findingsTable(s.evaluation, inputs.severities)}` +
            (s.evaluation.findings.length
              ? `\n\n${findingRows(s.evaluation.blocking.length ? s.evaluation.blocking : s.evaluation.findings, 30)}`
              : ''),
        );
      }
    }

    const findings: SeverityCounts = emptyCounts();
    for (const s of scans)
      for (const [k, v] of Object.entries(s.evaluation.counts)) findings[k as keyof SeverityCounts] += v;
    if (inputs.sarif && scans.length) {
      const path = resolve(inputs.sarif);
      writeSarif(
        path,
        scans.filter((s) => s.sarifFile).map((s) => ({ stage: s.stage.stage, file: s.sarifFile ?? '' })),
      );
      core.setOutput('sarif-file', path);
      core.info(`SARIF written to ${path}`);
    }

    const failed = stages.some((s) => s.result === 'failed');
    core.setOutput('result', failed ? 'failed' : 'passed');
    core.setOutput('findings', JSON.stringify(findings));
    writeSummary(
      `### gate: ${failed ? '❌ failed' : '✅ passed'}\n\n${stageTable(stages)}\n\n${sections.join('\n\n')}\n`,
    );
    if (failed) throw new ActionError(failureLine(stages));
  });
}
