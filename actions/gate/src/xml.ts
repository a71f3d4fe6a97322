import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ReportError } from './test-report.js';

/** Reading a report's XML: validated to its end first, so a cut-off file is an error, never a short report. */

export type XmlNode = Record<string, unknown>;

/** Elements that may repeat in any of the formats read (JUnit, NUnit 3, xUnit.net v2, TRX). */
const REPEATED = new Set([
  'testsuite',
  'testcase',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
  'rerun',
  'test-suite',
  'test-case',
  'assembly',
  'collection',
  'test',
  'UnitTestResult',
  'UnitTest',
  'Results',
  'InnerResults',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => REPEATED.has(name),
  processEntities: true,
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
});

/** Line and column (1-based) where `text` ends, and its length in bytes. */
function endOf(text: string): { line: number; column: number; bytes: number } {
  const lines = text.split('\n');
  return {
    line: lines.length,
    column: (lines.at(-1) ?? '').length + 1,
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } | undefined {
  if (offset < 0) return undefined;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** The elements left open, outermost first, from the validator's "unclosed" messages (one tag or a list). */
function unclosedTags(msg: string): string[] {
  const one = /^Unclosed tag '([^']+)'/.exec(msg);
  if (one) return [one[1]!];
  const many = /^Invalid '(\[.*\])' found/.exec(msg);
  if (!many) return [];
  try {
    const tags: unknown = JSON.parse(many[1]!);
    return Array.isArray(tags) ? tags.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * Parses `xml` (from `file`) after checking that it is well formed to its last byte. Throws ReportError
 * naming the file and the position: a file that stops inside an element says where it stops.
 */
export function readXml(xml: string, file: string): { root: string; node: XmlNode } {
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    throw new ReportError(file, `${file} is empty: the test run wrote no results into it`, 1, 1);
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    const end = endOf(text.trimEnd());
    const open = unclosedTags(msg);
    if (open.length || line >= end.line) {
      const innermost = open.at(-1);
      const at = innermost ? positionOf(text, text.lastIndexOf(`<${innermost}`)) : undefined;
      const still = open.length > 1 ? `; still open: ${open.map((t) => `<${t}>`).join(', ')}` : '';
      throw new ReportError(
        file,
        `${file} is cut off: it ends at line ${end.line}, column ${end.column} (byte ${end.bytes}) before ` +
          (innermost && at
            ? `<${innermost}> (opened at line ${at.line}, column ${at.column}${still}) is closed`
            : `the XML is complete (${msg.replace(/\.$/, '')})`) +
          '. The test run stopped writing it (crash, time-out or full disk): its results are incomplete.',
        end.line,
        end.column,
      );
    }
    throw new ReportError(
      file,
      `${file} is not well-formed XML at line ${line}${col ? `, column ${col}` : ''}: ${msg}`,
      line,
      col,
    );
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (err) {
    throw new ReportError(
      file,
      `${file} is not valid XML: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const roots = Object.keys(doc).filter((k) => !k.startsWith('#') && !k.startsWith('?'));
  const root = roots[0];
  if (!root) throw new ReportError(file, `${file} has no root element`);
  const value = doc[root];
  const node = Array.isArray(value) ? (value[0] as unknown) : value;
  return { root, node: typeof node === 'object' && node ? (node as XmlNode) : {} };
}

/** The elements of one name under a node (an empty element parses as '', which is an element too). */
export function children(v: unknown): XmlNode[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) =>
    typeof x === 'object' && x ? (x as XmlNode) : { '#text': String(x) },
  );
}

/** The first element named `name` under `n`, if any. */
export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n ? children(n[name])[0] : undefined;
}

export function attr(n: XmlNode, name: string): string | undefined {
  const v = n[`@${name}`];
  return v === undefined ? undefined : String(v);
}

/** The text of a node, or of its single child element named `child` (e.g. `<message>`). */
export function text(n: XmlNode | undefined, child?: string): string {
  if (!n) return '';
  if (child)
    return children(n[child])
      .map((c) => text(c))
      .join('\n');
  const t = n['#text'];
  return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
}
