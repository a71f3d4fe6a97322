import { appendFileSync } from 'node:fs';

/** GitHub rejects a step summary over 1 MiB; stay below it with room for the truncation note. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 4096;

export function fitSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes <= limit) return markdown;
  const note = `\n\n> **Summary truncated**: it was ${bytes} bytes; GitHub keeps at most 1 MiB per step. The full detail is in the step log.\n`;
  const budget = limit - Buffer.byteLength(note, 'utf8');
  let cut = Buffer.from(markdown, 'utf8').subarray(0, budget).toString('utf8');
  // Drop a partial UTF-8 character and the partial last line.
  cut = cut.replace(/\uFFFD+$/, '');
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > 0) cut = cut.slice(0, lastNewline);
  // Close an open code fence so the note renders.
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) cut += '\n```';
  return cut + note;
}

/** Appends markdown to the step summary (when the runner provides one), within GitHub's size cap. */
export function writeSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  appendFileSync(file, fitSummary(markdown) + '\n');
}

export function markdownTable(headers: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
