import { bytes, code, fenced } from './markdown.js';
import type { ApplyOutcome } from './inputs.js';
import { redactText } from './redact.js';
import { stripAnsi } from './text-file.js';

/** How much of a failed apply's output the comment shows. */
export const APPLY_LOG_LINES = 30;
const MAX_LINE_CHARS = 400;
const MAX_LOG_BYTES = 6000;

export interface LogTail {
  lines: string[];
  /** Lines in the whole log. */
  total: number;
}

/**
 * The last lines of an apply's output, as safe to post as the plan: colour codes removed, every sensitive
 * string of the plan redacted, long lines shortened, and at most `maxBytes` UTF-8 bytes (older lines go first).
 */
export function logTail(
  text: string,
  redact: ReadonlySet<string>,
  { lines = APPLY_LOG_LINES, maxBytes = MAX_LOG_BYTES }: { lines?: number; maxBytes?: number } = {},
): LogTail {
  const all = redactText(stripAnsi(text), redact).replace(/\r\n?/g, '\n').split('\n');
  while (all.length && all.at(-1)!.trim() === '') all.pop();
  let tail = all
    .slice(-lines)
    .map((l) => (l.length > MAX_LINE_CHARS ? `${l.slice(0, MAX_LINE_CHARS)}… (line shortened)` : l));
  while (tail.length > 1 && bytes(tail.join('\n')) > maxBytes) tail = tail.slice(1);
  return { lines: tail, total: all.length };
}

export interface ApplyBannerOptions {
  commit?: string;
  runUrl?: string;
  /** The failed apply's output; undefined when no apply-log was given or it could not be read. */
  log?: LogTail;
  /** Why there is no log to show. */
  logMissing?: string;
}

/** The apply result shown under the comment's title, above the plan that was applied. */
export function applyBanner(outcome: ApplyOutcome, o: ApplyBannerOptions): string {
  const where = [
    o.commit ? `at commit ${code(o.commit.slice(0, 7))}` : '',
    o.runUrl ? `([workflow run](${o.runUrl}))` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (outcome === 'applied') {
    return `✅ **Applied.** Terraform applied the plan below${where ? ` ${where}` : ''}.`;
  }
  const head =
    `❌ **Apply failed.** Terraform did not finish applying the plan below${where ? ` ${where}` : ''}; ` +
    'part of it may have been applied. Plan again before retrying.';
  if (!o.log || o.log.lines.length === 0)
    return `${head}\n\n${o.logMissing ?? 'The apply output was empty.'}`;
  const shown = o.log.lines.length;
  const which = shown < o.log.total ? `Last ${shown} of ${o.log.total} lines` : `All ${shown} lines`;
  return `${head}\n\n${which} of the apply output:\n\n${fenced('text', o.log.lines.join('\n'))}`;
}
