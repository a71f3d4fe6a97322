// Small helpers shared by the dev scripts (setup, test, bundle, demo). Node built-ins only, so that they run
// before `npm ci` has installed anything.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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

/**
 * Runs a command, streaming its output, and resolves with its exit code and captured output.
 * `timeoutMs` bounds it: past that the process group is killed and the code is 124.
 */
export function run(
  cmd,
  args,
  { cwd = repoRoot, env = process.env, quiet = false, timeoutMs = 30 * 60_000 } = {},
) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const onData = (stream) => (chunk) => {
      out += chunk.toString();
      if (!quiet) stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolvePromise({ code: 127, output: `${out}\n${err.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) out += `\n${cmd} timed out after ${timeoutMs} ms`;
      resolvePromise({ code: timedOut ? 124 : (code ?? (signal ? 128 : 1)), output: out });
    });
  });
}

export function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}
