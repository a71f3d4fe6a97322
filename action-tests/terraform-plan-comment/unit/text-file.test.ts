import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeText,
  encodingNote,
  readInputFile,
  stripAnsi,
} from '../../../actions/terraform-plan-comment/src/text-file.js';

const TEXT = '{"format_version":"1.2","x":"ünï 日本"}\r\n';
const le = (s: string) => Buffer.from(s, 'utf16le');
const be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('decodeText', () => {
  test.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
      'utf-8 with BOM',
    ],
    [
      'UTF-16 LE with BOM (PowerShell 5.1 >)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), le(TEXT)]),
      'utf-16le',
    ],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(TEXT)]), 'utf-16be'],
    ['UTF-16 LE without BOM', le(TEXT), 'utf-16le'],
    ['UTF-16 BE without BOM', be(TEXT), 'utf-16be'],
  ])('%s', (_name, data, encoding) => {
    expect(decodeText(data)).toEqual({ text: TEXT, encoding });
  });

  test('an odd trailing byte of a UTF-16 file is dropped, not misread', () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), le('{}'), Buffer.from([0x0a])]);
    expect(decodeText(data).text).toBe('{}');
  });
});

describe('encodingNote and readInputFile', () => {
  test('UTF-16 says what it was and how to write UTF-8; UTF-8 says nothing', () => {
    expect(encodingNote('plan-json', 'p.json', 'utf-8')).toBeUndefined();
    expect(encodingNote('plan-json', 'p.json', 'utf-16le')).toContain(
      "input 'plan-json': 'p.json' is UTF-16LE (as Windows PowerShell's `>` writes it); it was read as such. To write UTF-8 instead:",
    );
    expect(encodingNote('plan-json', 'p.json', 'utf-8 with BOM')).toBe(
      "input 'plan-json': 'p.json' starts with a UTF-8 BOM; it was skipped",
    );
  });

  test('reads a UTF-16 file and reports it; a missing file names the input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpc-text-'));
    try {
      const path = join(dir, 'plan.json');
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), le('{"a":1}')]));
      const notes: string[] = [];
      expect(readInputFile('plan-json', path, (m) => notes.push(m))).toBe('{"a":1}');
      expect(notes).toHaveLength(1);
      expect(() => readInputFile('plan-json', join(dir, 'missing.json'))).toThrow(
        `input 'plan-json': cannot read '${join(dir, 'missing.json')}'`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('stripAnsi removes colour codes', () => {
    expect(stripAnsi('\u001b[1m\u001b[31mError:\u001b[0m boom')).toBe('Error: boom');
  });
});
