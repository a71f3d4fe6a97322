import { readFileSync } from 'node:fs';
import { ActionError, errorMessage } from '../../shared/src/errors.js';

export type TextEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be';

/**
 * Decodes a text file the way people actually write them: UTF-8 (with or without a BOM), or UTF-16 with a
 * BOM in either byte order — what Windows PowerShell 5.1's `>` and `Out-File` write. UTF-16 without a BOM is
 * recognised by its zero bytes around ASCII text (a JSON plan always starts with `{`).
 */
export function decodeText(data: Uint8Array): { text: string; encoding: TextEncoding } {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8 with BOM' };
  }
  const le = buf[0] === 0xff && buf[1] === 0xfe;
  const be = buf[0] === 0xfe && buf[1] === 0xff;
  if (le || be) return { text: utf16(buf.subarray(2), be), encoding: be ? 'utf-16be' : 'utf-16le' };
  if (buf.length >= 4 && buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) {
    return { text: utf16(buf, false), encoding: 'utf-16le' };
  }
  if (buf.length >= 4 && buf[0] === 0 && buf[1] !== 0 && buf[2] === 0 && buf[3] !== 0) {
    return { text: utf16(buf, true), encoding: 'utf-16be' };
  }
  return { text: buf.toString('utf8'), encoding: 'utf-8' };
}

function utf16(buf: Buffer, bigEndian: boolean): string {
  const even = buf.subarray(0, buf.length - (buf.length % 2));
  if (!bigEndian) return even.toString('utf16le');
  return Buffer.from(even).swap16().toString('utf16le');
}

/** What to tell a person whose file was not UTF-8: it was read, and how to write UTF-8 next time. */
export function encodingNote(input: string, path: string, encoding: TextEncoding): string | undefined {
  if (encoding === 'utf-8') return undefined;
  if (encoding === 'utf-8 with BOM')
    return `input '${input}': '${path}' starts with a UTF-8 BOM; it was skipped`;
  return (
    `input '${input}': '${path}' is ${encoding.toUpperCase()} (as Windows PowerShell's \`>\` writes it); it was read ` +
    "as such. To write UTF-8 instead: `terraform show -json tfplan | Out-File -Encoding utf8 plan.json` (PowerShell 5.1), or PowerShell 7's `>`."
  );
}

/** Reads an input's file as text, in any encoding decodeText knows. `note` hears what was unusual. */
export function readInputFile(input: string, path: string, note?: (message: string) => void): string {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    throw new ActionError(`input '${input}': cannot read '${path}': ${errorMessage(err)}`);
  }
  const { text, encoding } = decodeText(data);
  const message = encodingNote(input, path, encoding);
  if (message) note?.(message);
  return text;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;

/** Text without terminal colour codes (terraform without -no-color). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
