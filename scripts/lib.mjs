// Small helpers shared by the dev scripts (setup, test, bundle, demo). Node built-ins only, so that they run
// before `npm ci` has installed anything. Where things are and how processes run live in the harness, at the
// bottom of the house; the scripts use them from there.
export { repoRoot, node24Path, venvBin } from '../harness/repo.mjs';
export { run } from '../harness/process.mjs';

export function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}
