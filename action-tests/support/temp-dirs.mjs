// Temporary folders for test runs that are removed when the process exits (a test file's worker, or the
// demo), so repeated runs on one machine (CI reuses it) do not pile up folders in the temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs = new Set();
let hooked = false;

/** Like mkdtempSync(join(tmpdir(), prefix)), removed at process exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}
