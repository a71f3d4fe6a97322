// How the bench scripts report: a table row with its target and whether it was met, the markdown table
// they print, and the raw figures they write under bench/results/ (git-ignored).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/repo.mjs';

/** One row of the figures table: `ok` undefined leaves the last column empty (no target to meet). */
export const figureRow = (metric, value, target, ok) => [
  metric,
  value,
  target,
  ok === undefined ? '' : ok ? 'met' : 'missed',
];

/** Prints a markdown table with `header` cells and `rows`. */
export function printTable(header, rows) {
  console.log(`|${header.map((h) => ` ${h}`.trimEnd() + ' ').join('|')}|`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

/** Writes `results` as bench/results/<file>; returns the repository-relative path. */
export function writeResults(file, results) {
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', file), JSON.stringify(results, null, 2) + '\n');
  return `bench/results/${file}`;
}
