#!/usr/bin/env node
// `npm test` step `house`: the layout rules a newcomer can rely on, checked on every tracked source file.
//  1. size: a file over 300 lines says why in its first 15 lines (`long-file: <reason>` in a comment);
//  2. the harness is the bottom of the house: nothing under harness/ imports scripts/, bench/, action-tests/
//     or actions/;
//  3. no import cycle among the project's own modules (relative imports, type-only ones included).
// Generated bundles (dist/), fixtures and node_modules are not source and are left out.
// Prints one line per problem and `house: N passed, M failed` (one check per rule).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../harness/repo.mjs';

export const MAX_LINES = 300;
const SOURCE = /\.(ts|mts|mjs|js|cjs|sh|tf|tftest\.hcl)$/;
const NOT_SOURCE = /(^|\/)(dist|fixtures|node_modules)\//;
const UPWARD = /^(scripts|bench|action-tests|actions)\//;

/** The reason a long file gives for its length, or undefined. */
export function longFileReason(text) {
  const head = text.split('\n').slice(0, 15).join('\n');
  return /long-file:\s*(\S.*)/.exec(head)?.[1]?.trim();
}

export function lineCount(text) {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

/** Relative module specifiers of a JS/TS file (static imports, re-exports and literal dynamic imports). */
export function importsOf(text) {
  const out = new Set();
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm,
    /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.add(m[1]);
  return [...out];
}

/** The repository path a specifier of `from` names (`.js` in TS sources names the `.ts` file), or undefined. */
export function resolveImport(from, spec, exists) {
  const base = normalize(join(dirname(from), spec));
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`, `${base}.mjs`];
  return candidates.find((c) => exists(c));
}

/** Every cycle (as a list of files) in a graph of file -> imported files (Tarjan's strongly connected parts). */
export function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const part = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(part.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** The three rules over a set of files ({path, text}); returns the problems of each rule. */
export function checkHouse(files, exists) {
  const size = [];
  const upward = [];
  const graph = new Map();
  for (const { path, text } of files) {
    const lines = lineCount(text);
    if (lines > MAX_LINES && !longFileReason(text))
      size.push(
        `${path}: ${lines} lines (over ${MAX_LINES}) and no \`long-file: <reason>\` in its first 15 lines`,
      );
    if (!/\.(ts|mts|mjs|js|cjs)$/.test(path)) continue;
    const deps = [];
    for (const spec of importsOf(text)) {
      const target = resolveImport(path, spec, exists);
      if (!target) continue;
      if (path.startsWith('harness/') && UPWARD.test(target))
        upward.push(`${path} imports ${target}: the harness must not import from above it`);
      deps.push(target);
    }
    graph.set(path, deps);
  }
  const cyc = cycles(graph).map((c) => `import cycle: ${c.join(' → ')}`);
  return { size, upward, cycles: cyc };
}

function trackedSources() {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((p) => p && SOURCE.test(p) && !NOT_SOURCE.test(p) && existsSync(join(repoRoot, p)))
    .map((p) => ({ path: p, text: readFileSync(join(repoRoot, p), 'utf8') }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = trackedSources();
  const known = new Set(files.map((f) => f.path));
  const exists = (p) => known.has(p) || existsSync(join(repoRoot, p));
  const result = checkHouse(files, exists);
  const long = files.filter((f) => lineCount(f.text) > MAX_LINES);
  let failed = 0;
  for (const [rule, problems] of Object.entries(result)) {
    for (const p of problems) console.log(`✖ ${p}`);
    if (problems.length) failed++;
    console.log(`${problems.length ? '✖' : '✔'} ${rule}: ${problems.length} problem(s)`);
  }
  console.log(
    `${files.length} source files; ${long.length} over ${MAX_LINES} lines, each with its reason:` +
      long.map((f) => `\n  ${f.path} (${lineCount(f.text)}): ${longFileReason(f.text) ?? 'NONE'}`).join(''),
  );
  console.log(`house: ${3 - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
