// The layout rules of scripts/check-house.mjs (the `house` step of npm test), on small made-up trees.
import {
  checkHouse,
  cycles,
  importsOf,
  lineCount,
  longFileReason,
  MAX_LINES,
  resolveImport,
} from '../../../scripts/check-house.mjs';

const lines = (n: number, head = '') => head + 'x\n'.repeat(n - (head ? head.split('\n').length - 1 : 0));

describe('check-house', () => {
  test('a long file needs a stated reason in its first 15 lines', () => {
    expect(lineCount(lines(MAX_LINES))).toBe(MAX_LINES);
    const long = lines(MAX_LINES + 1);
    const files = [{ path: 'actions/a/src/a.ts', text: long }];
    expect(checkHouse(files, () => false).size).toEqual([
      expect.stringContaining('actions/a/src/a.ts: 301 lines (over 300)'),
    ]);
    const explained = lines(MAX_LINES + 1, '// long-file: one declarative table\n');
    expect(longFileReason(explained)).toBe('one declarative table');
    expect(checkHouse([{ path: 'a.ts', text: explained }], () => false).size).toEqual([]);
    const tooLate = lines(MAX_LINES + 1, 'x\n'.repeat(20) + '// long-file: too late\n');
    expect(longFileReason(tooLate)).toBeUndefined();
  });

  test('imports: static, type-only, re-exports and literal dynamic ones; packages are not followed', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "const d = await import('./d.js');",
      "import { readFileSync } from 'node:fs';",
      'const s = `import { x } from "./not-an-import.js"`;',
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['../b.js', './a.js', './c.js', './d.js']);
    const exists = (p: string) => ['actions/x/src/a.ts', 'harness/m.mjs'].includes(p);
    expect(resolveImport('actions/x/src/main.ts', './a.js', exists)).toBe('actions/x/src/a.ts');
    expect(resolveImport('harness/sub/n.mjs', '../m.mjs', exists)).toBe('harness/m.mjs');
    expect(resolveImport('harness/sub/n.mjs', '../gone.mjs', exists)).toBeUndefined();
  });

  test('the harness may not import from above it', () => {
    const files = [
      { path: 'harness/sim.mjs', text: "import { run } from '../scripts/lib.mjs';\n" },
      { path: 'scripts/lib.mjs', text: "export { run } from '../harness/process.mjs';\n" },
      { path: 'harness/process.mjs', text: 'export const run = 1;\n' },
    ];
    const known = new Set(files.map((f) => f.path));
    const r = checkHouse(files, (p: string) => known.has(p));
    expect(r.upward).toEqual([
      'harness/sim.mjs imports scripts/lib.mjs: the harness must not import from above it',
    ]);
    expect(r.cycles).toEqual([]);
  });

  test('cycles are found, however long, and a tree has none', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      cycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
