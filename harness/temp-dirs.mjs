// Temporary folders for test runs, so repeated runs on one machine (CI reuses it) do not pile up folders
// in the temp directory.
// - Under jest, harness/jest-temp-root.mjs makes one root folder per run (SLIPWAY_TEST_TMP,
//   inherited by every worker) and removes it when the run ends: every tempDir() lives inside it.
// - Elsewhere (the demo, the bench) each folder is removed when the process exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs = new Set();
let hooked = false;

/** Like mkdtempSync(join(tmpdir(), prefix)), removed at the end of the test run or at process exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(process.env.SLIPWAY_TEST_TMP || tmpdir(), prefix));
  dirs.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}
