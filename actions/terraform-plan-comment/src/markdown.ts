/** Small markdown builders that keep untrusted text (addresses, values) from breaking the document. */

export function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An inline code span that survives backticks in the text. */
export function code(s: string): string {
  const oneLine = s.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function fenced(lang: string, body: string): string {
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

export function details(summaryHtml: string, inner: string): string {
  return `<details><summary>${summaryHtml}</summary>\n\n${inner}\n\n</details>`;
}

/** Text for a markdown table cell or list item: pipes escaped, on one line. */
export function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Cuts a block of lines to at most `maxBytes` UTF-8 bytes, whole lines only, saying how many were left out. */
export function cutLines(lines: string[], maxBytes: number, note: (n: number) => string): string[] {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    total += bytes(lines[i]!) + 1;
    if (total > maxBytes) {
      const kept = lines.slice(0, Math.max(1, i - 1));
      return [...kept, note(lines.length - kept.length)];
    }
  }
  return lines;
}
