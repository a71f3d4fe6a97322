import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFiles } from '../../../actions/gate/src/find-files.js';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const ws = tempDir('slipway-find-files-');
for (const f of [
  'reports/a.xml',
  'reports/unit/b.xml',
  'reports/unit/skip.xml',
  'reports/notes.txt',
  'other/c.xml',
]) {
  mkdirSync(join(ws, f, '..'), { recursive: true });
  writeFileSync(join(ws, f), '<testsuites/>');
}
mkdirSync(join(ws, 'reports', 'dir.xml'), { recursive: true }); // a folder that matches is not a report

describe('findFiles', () => {
  test('** crosses folders; results are absolute, sorted files', async () => {
    expect(await findFiles(['reports/**/*.xml'], ws)).toEqual(
      ['reports/a.xml', 'reports/unit/b.xml', 'reports/unit/skip.xml'].map((f) => join(ws, f)),
    );
  });
  test('several patterns, overlaps reported once, ! excludes', async () => {
    expect(await findFiles(['reports/*.xml', 'reports/**/*.xml', 'other/*.xml', '!**/skip.xml'], ws)).toEqual(
      ['other/c.xml', 'reports/a.xml', 'reports/unit/b.xml'].map((f) => join(ws, f)),
    );
  });
  test('absolute patterns work too', async () => {
    expect(await findFiles([join(ws, 'other', '*.xml')], '/')).toEqual([join(ws, 'other', 'c.xml')]);
  });
  test('nothing matched is an empty list, not an error', async () => {
    expect(await findFiles(['nope/**/*.xml'], ws)).toEqual([]);
    expect(await findFiles(['!x'], ws)).toEqual([]);
  });
});
