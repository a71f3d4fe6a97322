// What scripts/action-docs.mjs writes into a README: the inputs and outputs tables rendered from an
// action.yml (cells escaped for markdown), each between its BEGIN/END slipway markers, and how those
// sections are found in and spliced into a README without touching the prose around them.

export const SECTIONS = /** @type {const} */ (['inputs', 'outputs']);
export const begin = (section) => `<!-- BEGIN slipway:${section} -->`;
export const end = (section) => `<!-- END slipway:${section} -->`;
const NOTE =
  '<!-- Generated from action.yml by `node scripts/action-docs.mjs`: edit action.yml, not this table. -->';

/** @typedef {import('./action-yaml.mjs').ActionInput} ActionInput */
/** @typedef {import('./action-yaml.mjs').ActionOutput} ActionOutput */

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
