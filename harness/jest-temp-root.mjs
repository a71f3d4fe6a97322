// jest globalSetup/globalTeardown (see jest.config.mjs): one temporary root folder per test run, exported
// as SLIPWAY_TEST_TMP before the workers start, so every folder tempDir() makes in a test lands inside it;
// the teardown removes the whole root. Jest workers do not run `exit` handlers reliably, hence the root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function setup() {
  process.env.SLIPWAY_TEST_TMP = mkdtempSync(join(tmpdir(), 'slipway-test-run-'));
}

export async function teardown() {
  const root = process.env.SLIPWAY_TEST_TMP;
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
