// What every report parser does the same way: hold a header's counts against what the file holds (a report
// whose counts disagree was cut short or rewritten), and turn a failure element into a failed attempt with
// its first lines and its source location.
import { locate, type Locator } from './locate.js';
import { countMismatch, firstLines, headerCount, type Attempt, type CountCheck } from './test-report.js';
import { attr, type XmlNode } from './xml.js';

/** One header attribute to check, and what the file holds instead. */
export interface HeaderCount {
  attribute: string;
  /** Acceptable counts (e.g. records, and distinct tests once reruns are folded). */
  found: readonly number[];
  what: string;
}

/** A CountCheck for each attribute the header carries as a whole number (absent ones are not checked). */
export function headerChecks(header: XmlNode, element: string, counts: readonly HeaderCount[]): CountCheck[] {
  const out: CountCheck[] = [];
  for (const c of counts) {
    const claimed = headerCount(attr(header, c.attribute));
    if (claimed !== undefined) out.push({ element, claimed, ...c });
  }
  return out;
}

/** Throws the first disagreement among `checks`, naming both counts. */
export function assertCounts(file: string, checks: readonly CountCheck[]): void {
  const mismatch = countMismatch(file, checks);
  if (mismatch) throw mismatch;
}

/** A failed attempt: the message's first lines (or `fallback`), located from the message and stack. */
export function failedAttempt(
  status: 'failure' | 'error',
  f: { message: string; fallback: string; stack: string; classname: string },
  loc: Locator,
): Attempt {
  return {
    status,
    message: firstLines(f.message || f.fallback, 6),
    ...locate({ classname: f.classname }, `${f.message}\n${f.stack}`, loc),
  };
}
