#!/usr/bin/env node
// Generates the inputs and outputs tables of every actions/<name>/README.md from its action.yml, between
// <!-- BEGIN slipway:inputs --> / <!-- END slipway:inputs --> (and the same for outputs). Everything outside
// the markers is hand-written and left alone. The tables are formatted with prettier (the repository's
// config), so `prettier --check` and `--check` here agree.
//
//   node scripts/action-docs.mjs           rewrite the tables that drifted (a README without markers gets
//                                          the missing sections appended, with a note)
//   node scripts/action-docs.mjs --check   exit 1 naming each README that regenerating would change, with
//                                          the lines that differ; prints `docs: N passed, N failed`
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const SECTIONS = /** @type {const} */ (['inputs', 'outputs']);
export const begin = (section) => `<!-- BEGIN slipway:${section} -->`;
export const end = (section) => `<!-- END slipway:${section} -->`;
const NOTE =
  '<!-- Generated from action.yml by `node scripts/action-docs.mjs`: edit action.yml, not this table. -->';

/**
 * @typedef {{ name: string, description: string, required: boolean, default?: string, deprecationMessage?: string }} ActionInput
 * @typedef {{ name: string, description: string }} ActionOutput
 * @typedef {{ inputs: ActionInput[], outputs: ActionOutput[] }} ActionInterface
 */

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v) => (v === undefined || v === null ? undefined : String(v));

/**
 * The inputs and outputs of an action.yml, in the file's order. Throws naming the file and the key when the
 * YAML does not parse or inputs/outputs are not maps.
 * @param {string} text
 * @param {string} [file] for error messages
 * @returns {ActionInterface}
 */
export function parseActionYaml(text, file = 'action.yml') {
  let doc;
  try {
    doc = parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(doc)) throw new Error(`${file}: expected a map at the top level`);
  const entries = (key) => {
    const v = doc[key];
    if (v === undefined || v === null) return [];
    if (!isRecord(v)) throw new Error(`${file}: \`${key}\` must be a map of name to definition`);
    return Object.entries(v).map(([name, def]) => {
      if (def !== null && !isRecord(def)) throw new Error(`${file}: ${key}.${name} must be a map`);
      return [name, def ?? {}];
    });
  };
  const inputs = entries('inputs').map(([name, def]) => {
    /** @type {ActionInput} */
    const input = {
      name,
      description: scalar(def.description) ?? '',
      required: def.required === true || String(def.required).toLowerCase() === 'true',
    };
    const dflt = scalar(def.default);
    if (dflt !== undefined) input.default = dflt;
    const deprecated = scalar(def.deprecationMessage);
    if (deprecated !== undefined) input.deprecationMessage = deprecated;
    return input;
  });
  const outputs = entries('outputs').map(([name, def]) => ({
    name,
    description: scalar(def.description) ?? '',
  }));
  return { inputs, outputs };
}

/**
 * Prose for one table cell: lines of a paragraph joined with a space, paragraphs with `<br><br>`, `|`
 * escaped, and `<` outside code spans escaped so that `<account>` is shown rather than taken for HTML.
 * @param {string} text
 */
export function cellText(text) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/[ \t]+/g, ' '));
  const joined = paragraphs.join('<br><br>');
  // Split into code spans (kept as written) and text (where `<` is escaped unless it is our own <br>).
  return joined
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<(?!br>)/g, '\\<')))
    .join('')
    .replace(/\|/g, '\\|');
}

/**
 * A value as a code span in a table cell (`` `x` ``; a longer fence when the value holds backticks), one
 * span per line for a multi-line value. An empty string is shown as `''`.
 * @param {string} value
 */
export function codeCell(value) {
  if (value === '') return "`''`";
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      const pad = longest > 0 || /^\s|\s$/.test(line) ? ' ' : '';
      return `${fence}${pad}${line}${pad}${fence}`;
    })
    .join('<br>')
    .replace(/\|/g, '\\|');
}

/**
 * The generated inputs table (unformatted markdown; prettier aligns it).
 * @param {ActionInput[]} inputs
 */
export function renderInputs(inputs) {
  if (inputs.length === 0) return 'This action has no inputs.';
  const rows = inputs.map((i) => {
    let description = cellText(i.description);
    if (i.deprecationMessage !== undefined) {
      description = `**Deprecated:** ${cellText(i.deprecationMessage)}${description ? ` ${description}` : ''}`;
    }
    const dflt = i.default === undefined ? '' : codeCell(i.default);
    return `| ${codeCell(i.name)} | ${i.required ? 'yes' : 'no'} | ${dflt} | ${description} |`;
  });
  return ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * The generated outputs table (unformatted markdown).
 * @param {ActionOutput[]} outputs
 */
export function renderOutputs(outputs) {
  if (outputs.length === 0) return 'This action has no outputs.';
  const rows = outputs.map((o) => `| ${codeCell(o.name)} | ${cellText(o.description)} |`);
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

/**
 * One generated section, markers included.
 * @param {'inputs' | 'outputs'} section
 * @param {string} body the rendered table
 */
export function renderSection(section, body) {
  return `${begin(section)}\n${NOTE}\n\n${body}\n\n${end(section)}`;
}

/**
 * Where a section's markers are in a README: `{ found: false }` when neither marker is there, the span
 * (start of BEGIN to end of END) when both are, once each and in order; throws when they are malformed.
 * @param {string} readme
 * @param {'inputs' | 'outputs'} section
 * @param {string} [file] for error messages
 */
export function findSection(readme, section, file = 'README.md') {
  const b = begin(section);
  const e = end(section);
  const count = (s) => readme.split(s).length - 1;
  const nb = count(b);
  const ne = count(e);
  if (nb === 0 && ne === 0) return { found: false, start: -1, stop: -1 };
  if (nb !== 1 || ne !== 1) throw new Error(`${file}: expected one ${b} and one ${e}, found ${nb} and ${ne}`);
  const start = readme.indexOf(b);
  const endAt = readme.indexOf(e);
  if (endAt < start) throw new Error(`${file}: ${e} comes before ${b}`);
  return { found: true, start, stop: endAt + e.length };
}

/**
 * The README with each section replaced by its generated text. A section whose markers are missing is
 * appended under a `## Inputs` / `## Outputs` heading (and reported in `added`), except an outputs section
 * for an action without outputs.
 * @param {string} readme
 * @param {Record<'inputs' | 'outputs', string>} sections generated text per section, markers included
 * @param {{ hasOutputs: boolean, file?: string }} options
 * @returns {{ text: string, added: string[] }}
 */
export function spliceSections(readme, sections, { hasOutputs, file = 'README.md' }) {
  let text = readme;
  const added = [];
  for (const section of SECTIONS) {
    const where = findSection(text, section, file);
    if (where.found) {
      text = text.slice(0, where.start) + sections[section] + text.slice(where.stop);
    } else if (section === 'inputs' || hasOutputs) {
      const heading = section === 'inputs' ? '## Inputs' : '## Outputs';
      text = `${text.trimEnd()}\n\n${heading}\n\n${sections[section]}\n`;
      added.push(section);
    }
  }
  return { text, added };
}

/**
 * The lines that differ between two texts, as `-`/`+` lines with one line of context around each change
 * (an LCS line diff: READMEs are small).
 * @param {string} before
 * @param {string} after
 */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  /** @type {{ op: ' ' | '-' | '+', line: string }[]} */
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i++] });
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: a[i++] });
    else ops.push({ op: '+', line: b[j++] });
  }
  const changed = (k) => ops[k] !== undefined && ops[k].op !== ' ';
  const keep = ops.map((_, k) => changed(k - 1) || changed(k) || changed(k + 1));
  const out = [];
  ops.forEach((o, k) => {
    if (keep[k]) out.push(`${o.op} ${o.line}`);
    else if (keep[k - 1]) out.push('  …');
  });
  return out.join('\n');
}

/** Every actions/<name>/ folder with an action.yml (or action.yaml), sorted. */
export function actionDirs(repoRoot) {
  const root = join(repoRoot, 'actions');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((d) => join(root, d))
    .filter((d) => statSync(d).isDirectory() && actionFile(d) !== undefined)
    .sort();
}

function actionFile(dir) {
  return ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
}

/** Formats markdown with prettier and the repository's prettier config for `filepath`. */
async function formatMarkdown(text, filepath) {
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...config, filepath, parser: 'markdown' });
}

/**
 * Per action folder: whether its README is fresh, and the regenerated text. Folders without a README are
 * reported with `skipped`.
 * @param {string} repoRoot
 */
export async function checkActionDocs(repoRoot) {
  const results = [];
  for (const dir of actionDirs(repoRoot)) {
    const ymlPath = /** @type {string} */ (actionFile(dir));
    const readmePath = join(dir, 'README.md');
    const readme = relative(repoRoot, readmePath);
    if (!existsSync(readmePath)) {
      results.push({ readme, readmePath, skipped: `no README.md next to its ${basename(ymlPath)}` });
      continue;
    }
    const action = parseActionYaml(readFileSync(ymlPath, 'utf8'), relative(repoRoot, ymlPath));
    const sections = {
      inputs: renderSection('inputs', renderInputs(action.inputs)),
      outputs: renderSection('outputs', renderOutputs(action.outputs)),
    };
    // Each section is formatted on its own, so that nothing outside the markers is ever touched.
    for (const s of SECTIONS) sections[s] = (await formatMarkdown(sections[s], readmePath)).trimEnd();
    const current = readFileSync(readmePath, 'utf8');
    const { text, added } = spliceSections(current, sections, {
      hasOutputs: action.outputs.length > 0,
      file: readme,
    });
    results.push({ readme, readmePath, fresh: text === current, added, current, next: text });
  }
  return results;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const check = process.argv.includes('--check');
  let results;
  try {
    results = await checkActionDocs(repoRoot);
  } catch (err) {
    console.error(`action-docs: ${err instanceof Error ? err.message : String(err)}`);
    if (check) console.log('docs: 0 passed, 1 failed');
    process.exit(1);
  }
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    if (r.skipped) {
      console.log(`note: skipped ${dirname(r.readme)}: ${r.skipped}`);
      continue;
    }
    if (r.fresh) {
      passed++;
      continue;
    }
    failed++;
    const missing = r.added.length ? ` (no ${r.added.join('/')} markers)` : '';
    if (check) {
      console.error(
        `drifted: ${r.readme}${missing} differs from its action.yml; run node scripts/action-docs.mjs\n` +
          lineDiff(r.current, r.next).replace(/^/gm, '    '),
      );
    } else {
      writeFileSync(r.readmePath, r.next);
      console.log(`updated ${r.readme}`);
      for (const s of r.added)
        console.log(
          `  note: appended the ${s} section at the end of ${r.readme}; move it where it reads best`,
        );
    }
  }
  if (check) {
    console.log(`docs: ${passed} passed, ${failed} failed`);
    if (failed) process.exit(1);
  } else if (!failed) console.log('action READMEs are up to date');
}
