// Where things are: the repository root, Node 24 (the runtime GitHub uses for `runs.using: node24`), the
// project venv's tools, and how slipway's own actions are referenced (owner/repo and the release ref).
// Node built-ins only. The bottom of the house: it imports nothing of the project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Node 24's path (it may not be installed yet: see node24Path). */
export const node24 = join(repoRoot, 'node_modules', 'node', 'bin', 'node');

/** Node 24 from the `node` devDependency: the runtime GitHub uses for `runs.using: node24`. */
export function node24Path() {
  const p = join(repoRoot, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(p)) {
    throw new Error(
      `Node 24 not found at ${p}: run \`npm run setup\` (it installs the node@24 devDependency).`,
    );
  }
  return p;
}

export function venvBin(tool) {
  return join(repoRoot, '.venv', 'bin', tool);
}

/** The major release ref every `<owner>/slipway/...@ref` in the workflows and templates uses. */
export const RELEASE_REF = 'v1';

/** `slipway-dev/slipway`, from package.json's repository URL. */
export function slipwayRepo() {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const m = /github\.com[/:]([^/]+)\/([^/.]+?)(?:\.git)?$/.exec(url ?? '');
  if (!m) throw new Error(`package.json repository is not a GitHub URL: ${url}`);
  return `${m[1]}/${m[2]}`;
}
