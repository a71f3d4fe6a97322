import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ActionError, errorMessage } from '../../shared/src/errors.js';
import type { TaskDefinitionDocument } from '../../shared/src/task-definition.js';

/** Where the file goes: output-path, else a fresh folder under RUNNER_TEMP (two renders never collide). */
export function outputFile(
  outputPath: string | undefined,
  family: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (outputPath) return resolve(outputPath);
  const base = env.RUNNER_TEMP || tmpdir();
  mkdirSync(base, { recursive: true });
  return join(mkdtempSync(join(base, 'render-task-definition-')), `${family}.json`);
}

/** Writes atomically: a temporary file in the same folder, then rename, so readers never see half a file. */
export function writeAtomically(path: string, doc: TaskDefinitionDocument): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, JSON.stringify(doc, null, 2) + '\n', { mode: 0o644 });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new ActionError(
      `cannot write the rendered task definition to ${path}: ${errorMessage(err)} (check output-path)`,
    );
  }
}
