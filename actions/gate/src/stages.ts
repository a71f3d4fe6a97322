// What the gate's stages share (the annotation cap, the work directory) and the lint stage, whose verdict is
// its command's exit code. The test and scan stages are test-stage.ts and scan-stage.ts.
import * as core from '../../shared/src/core.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './commands.js';
import type { StageResult } from './report.js';

/** How many annotations one stage writes at most (GitHub shows 10 per step and 50 per job). */
export const MAX_ANNOTATIONS = 50;

/** lint: the command's exit code is the verdict. */
export async function commandStage(stage: 'lint', command: string): Promise<StageResult> {
  const res = await core.group(`${stage}: ${command}`, () => runCommand(command));
  if (res.exitCode === 0) return { stage, result: 'passed', durationMs: res.durationMs, counts: 'exit 0' };
  const reason = res.notFound
    ? `command not found (exit 127): is the tool installed in this job?`
    : `exit ${res.exitCode}`;
  core.error(`${stage} failed: \`${command}\` ${reason}`, { title: `gate: ${stage} failed` });
  return { stage, result: 'failed', durationMs: res.durationMs, counts: reason, reason };
}

export function workDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'slipway-gate-'));
}
