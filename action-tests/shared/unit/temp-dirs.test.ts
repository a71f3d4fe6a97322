// The test harness's temporary folders all live in the run's root, which jest's global teardown removes.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempDir } from '../../../harness/temp-dirs.mjs';

test('tempDir() makes its folder inside the run root (SLIPWAY_TEST_TMP) set by the global setup', () => {
  const root = process.env.SLIPWAY_TEST_TMP ?? '';
  expect(root).toMatch(/slipway-test-run-/);
  const dir = tempDir('slipway-probe-');
  expect(dirname(dir)).toBe(root);
  expect(existsSync(dir)).toBe(true);
});
