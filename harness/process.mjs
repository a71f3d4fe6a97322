// The one process runner of the dev scripts and the test harness: spawn, capture, time-out, process-group
// kill, stdout lines. Node built-ins only.
import { spawn } from 'node:child_process';
import { repoRoot } from './repo.mjs';

/**
 * Runs a command and resolves with its exit code and what it printed: `output` (both streams, in order),
 * `stdout`, `stderr`, `timedOut` and `durationMs`. The one process runner of the dev scripts and the test
 * harness.
 * - `quiet: false` (the default) also streams the output to this process's stdout/stderr.
 * - `timeoutMs` bounds it: past that the process is killed and the code is 124.
 * - `killGroup` starts it in its own process group and kills the whole group (SIGTERM, then SIGKILL after
 *   5 s), for tools such as terraform and act that start children of their own.
 * - `onStdoutLine` gets each complete stdout line as it arrives.
 * A command that cannot start resolves with code 127 and the reason in `output`.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, quiet?: boolean, timeoutMs?: number, killGroup?: boolean,
 *   onStdoutLine?: (line: string) => void}} [options]
 * @returns {Promise<{code: number, output: string, stdout: string, stderr: string, timedOut: boolean,
 *   durationMs: number}>}
 */
export function run(
  cmd,
  args,
  {
    cwd = repoRoot,
    env = process.env,
    quiet = false,
    timeoutMs = 30 * 60_000,
    killGroup = false,
    onStdoutLine,
  } = {},
) {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: killGroup });
    let output = '';
    let stdout = '';
    let stderr = '';
    let pending = '';
    let timedOut = false;
    const kill = (signal) => {
      try {
        if (killGroup) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill(killGroup ? 'SIGTERM' : 'SIGKILL');
      if (killGroup) setTimeout(() => kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      output += text;
      stdout += text;
      if (!quiet) process.stdout.write(chunk);
      if (onStdoutLine) {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) onStdoutLine(line);
      }
    });
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      output += text;
      stderr += text;
      if (!quiet) process.stderr.write(chunk);
    });
    const done = (code) =>
      resolvePromise({ code, output, stdout, stderr, timedOut, durationMs: Date.now() - started });
    child.on('error', (err) => {
      clearTimeout(timer);
      output += `\n${cmd}: ${err.message}`;
      done(127);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) output += `\n${cmd} timed out after ${timeoutMs} ms`;
      done(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}
