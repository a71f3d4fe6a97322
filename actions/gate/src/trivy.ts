import { getExecOutput } from '@actions/exec';
import type { Scanner } from './inputs.js';

export interface TrivyScan {
  kind: 'fs' | 'image';
  target: string;
  scanners: Scanner[];
  ignoreUnfixed: boolean;
  output: string;
}

/** Arguments of one Trivy scan writing a JSON report; the gate's threshold is applied to the report, not here. */
export function scanArgs(scan: TrivyScan): string[] {
  return [
    scan.kind,
    '--scanners',
    scan.scanners.join(','),
    '--format',
    'json',
    '--output',
    scan.output,
    '--exit-code',
    '0',
    '--no-progress',
    ...(scan.ignoreUnfixed ? ['--ignore-unfixed'] : []),
    scan.target,
  ];
}

export function sarifArgs(report: string, output: string): string[] {
  return ['convert', '--format', 'sarif', '--output', output, report];
}

export interface ToolResult {
  exitCode: number;
  stderr: string;
}

/** Trivy behind an interface, so that the gate's logic can be tested with any executable. */
export interface Trivy {
  path: string;
  run(args: string[]): Promise<ToolResult>;
}

export function trivyAt(path: string): Trivy {
  return {
    path,
    async run(args) {
      const res = await getExecOutput(path, args, { ignoreReturnCode: true });
      return { exitCode: res.exitCode, stderr: res.stderr };
    },
  };
}
