import { exec } from '@actions/exec';

export interface CommandResult {
  exitCode: number;
  durationMs: number;
  /** bash could not find the program (exit 127). */
  notFound: boolean;
}

/** Runs a user's command the way a `run:` step does (bash -e -o pipefail), streaming its output. */
export async function runCommand(command: string, cwd = process.cwd()): Promise<CommandResult> {
  const started = Date.now();
  let stderrTail = '';
  const exitCode = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    cwd,
    ignoreReturnCode: true,
    listeners: {
      stderr: (data: Buffer) => {
        stderrTail = (stderrTail + data.toString()).slice(-2000);
      },
    },
  });
  return {
    exitCode,
    durationMs: Date.now() - started,
    notFound: exitCode === 127 && /command not found|No such file or directory/.test(stderrTail),
  };
}
