// slipway's runner protocol (actions/shared/src/core.ts) against the reference, @actions/core: the same
// calls must put the same workflow commands on stdout and the same blocks in the runner's files. The only
// difference allowed is the random heredoc delimiter, which is normalised before comparing.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as reference from '@actions/core';
import * as ours from '../../../actions/shared/src/core.js';

type Core = typeof ours;

const awkward = 'line 1\nline 2\r\n100% done: a, b :: c';
const script: [string, (core: Core) => void][] = [
  ['info', (c) => c.info(awkward)],
  ['debug', (c) => c.debug(awkward)],
  ['notice', (c) => c.notice('plain notice')],
  [
    'warning with annotation',
    (c) =>
      c.warning(awkward, {
        title: 'a: b, c',
        file: 'src/x,y.ts',
        startLine: 3,
        endLine: 4,
        startColumn: 1,
        endColumn: 9,
      }),
  ],
  ['error from an Error', (c) => c.error(new Error('boom: 50%'), { file: 'a.ts', startLine: 1 })],
  ['setSecret', (c) => c.setSecret('s3cr3t%\nvalue')],
  ['group', (c) => (c.startGroup('Deploy web: step 1'), c.endGroup())],
  ['setOutput string', (c) => c.setOutput('status', awkward)],
  ['setOutput object', (c) => c.setOutput('json', { a: [1, 2], b: 'x' })],
  ['exportVariable', (c) => c.exportVariable('SLIPWAY_CONFORMANCE', 'v=1\nv=2')],
  ['saveState', (c) => c.saveState('pid', 42)],
];

function capture(core: Core, step: (core: Core) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-core-conformance-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_ENV: 'env', GITHUB_STATE: 'state' } as const;
  const saved: Record<string, string | undefined> = {};
  for (const [k, f] of Object.entries(files)) {
    saved[k] = process.env[k];
    process.env[k] = join(dir, f);
    writeFileSync(join(dir, f), '');
  }
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    step(core);
  } finally {
    spy.mockRestore();
    for (const k of Object.keys(files)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  const normalise = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
  const written = Object.fromEntries(
    Object.values(files).map((f) => [f, normalise(readFileSync(join(dir, f), 'utf8'))]),
  );
  rmSync(dir, { recursive: true, force: true });
  return { stdout, ...written };
}

describe('shared/core speaks the runner protocol exactly as @actions/core does', () => {
  test.each(script)('%s', (_name, step) => {
    const expected = capture(reference as unknown as Core, step);
    const actual = capture(ours, step);
    expect(actual).toEqual(expected);
    expect(JSON.stringify(actual).length).toBeGreaterThan(40); // something was written
  });

  test('setFailed sets exit code 1 and prints one error command', () => {
    const before = process.exitCode;
    try {
      const expected = capture(reference as unknown as Core, (c) => c.setFailed('deploy failed: web'));
      process.exitCode = 0;
      const actual = capture(ours, (c) => c.setFailed('deploy failed: web'));
      expect(process.exitCode).toBe(1);
      expect(actual).toEqual(expected);
    } finally {
      process.exitCode = before;
    }
  });
});
