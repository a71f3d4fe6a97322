#!/usr/bin/env node
// Generates the Inputs/Outputs tables of every terraform/modules/<name>/README.md from variables.tf and
// outputs.tf, between <!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS -->. No terraform-docs binary needed:
// a small HCL scanner (strings, interpolations, heredocs, comments, brackets) finds the blocks.
//
//   node scripts/terraform/docs.mjs           rewrite stale READMEs
//   node scripts/terraform/docs.mjs --check   exit 1 naming each README that regenerating would change
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BEGIN = '<!-- BEGIN_TF_DOCS -->';
export const END = '<!-- END_TF_DOCS -->';

/** Index just past the string literal starting at text[i] === '"'. */
function skipString(text, i) {
  i++;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') i = skipBalanced(text, i + 1);
    else i++;
  }
  throw new Error('unterminated string');
}

/** Index just past a heredoc whose "<<" starts at i. */
function skipHeredoc(text, i) {
  const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(i));
  if (!m) return i + 2;
  const close = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
  const rest = text.slice(i + m[0].length);
  const found = close.exec(rest);
  if (!found) throw new Error(`unterminated heredoc ${m[1]}`);
  return i + m[0].length + found.index + found[0].length;
}

/** Skips a comment at i, if any; returns the new index (or i). */
function skipComment(text, i) {
  if (text[i] === '#' || (text[i] === '/' && text[i + 1] === '/')) {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (text[i] === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  return i;
}

const PAIRS = { '{': '}', '[': ']', '(': ')' };
const isHeredoc = (text, i) =>
  text[i] === '<' && text[i + 1] === '<' && /^<<-?[A-Za-z_]/.test(text.slice(i, i + 4));

/**
 * The index just past the comment, string, heredoc or bracketed group that starts at text[i], or i when
 * none starts there.
 */
function skipAtom(text, i) {
  const j = skipComment(text, i);
  if (j !== i) return j;
  if (text[i] === '"') return skipString(text, i);
  if (isHeredoc(text, i)) return skipHeredoc(text, i);
  if (PAIRS[text[i]]) return skipBalanced(text, i);
  return i;
}

/** text[i] is an opening bracket; returns the index just past its match. */
function skipBalanced(text, i) {
  const close = PAIRS[text[i]];
  i++;
  while (i < text.length) {
    if (text[i] === close) return i + 1;
    const j = skipAtom(text, i);
    i = j === i ? i + 1 : j;
  }
  throw new Error('unbalanced brackets');
}

/** Top-level blocks `<kind> "<name>" { ... }` of a file. */
export function blocks(text, kind) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const j = skipComment(text, i);
    if (j !== i) {
      i = j;
      continue;
    }
    const m = new RegExp(`^${kind}\\s+"([^"]+)"\\s*\\{`).exec(text.slice(i));
    if (m && (i === 0 || text[i - 1] === '\n')) {
      const open = i + m[0].length - 1;
      const close = skipBalanced(text, open);
      out.push({ name: m[1], body: text.slice(open + 1, close - 1) });
      i = close;
      continue;
    }
    if (text[i] === '"') i = skipString(text, i);
    else if (text[i] === '{') i = skipBalanced(text, i);
    else i++;
  }
  return out;
}

/** Top-level `key = expression` attributes of a block body (nested blocks are skipped). */
export function attributes(body) {
  const attrs = {};
  let i = 0;
  while (i < body.length) {
    const j = skipComment(body, i);
    if (j !== i) {
      i = j;
      continue;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*=(?!=)[ \t]*/.exec(body.slice(i));
    if (m && (i === 0 || /\s/.test(body[i - 1]))) {
      let k = i + m[0].length;
      const start = k;
      while (k < body.length && body[k] !== '\n') {
        const s = skipAtom(body, k);
        k = s === k ? k + 1 : s;
      }
      attrs[m[1]] = body
        .slice(start, k)
        .replace(/\s+(#|\/\/).*$/, '')
        .trim();
      i = k;
      continue;
    }
    const m2 = /^[A-Za-z_][A-Za-z0-9_-]*(\s+"[^"]*")*\s*\{/.exec(body.slice(i));
    if (m2 && (i === 0 || /\s/.test(body[i - 1]))) {
      i = skipBalanced(body, i + m2[0].length - 1);
      continue;
    }
    if (body[i] === '"') i = skipString(body, i);
    else i++;
  }
  return attrs;
}

function stringValue(expr) {
  if (!expr) return '';
  if (expr.startsWith('"')) {
    try {
      return JSON.parse(expr);
    } catch {
      return expr.slice(1, -1);
    }
  }
  return expr;
}

const oneLine = (s) =>
  s
    .trim()
    .replace(/\s*\n\s*/g, ', ')
    .replace(/,(\s*,)+/g, ',')
    .replace(/([{[(]),\s*/g, '$1')
    .replace(/,\s*([}\])])/g, '$1')
    .replace(/[ \t]+/g, ' ');
const cell = (s) => s.replace(/\|/g, '\\|');
const code = (s) => (s.length ? `\`${cell(s).replace(/`/g, "'")}\`` : '');

export function render(moduleDir) {
  const read = (f) => (existsSync(join(moduleDir, f)) ? readFileSync(join(moduleDir, f), 'utf8') : '');
  const vars = blocks(read('variables.tf'), 'variable').map((b) => ({ name: b.name, ...attributes(b.body) }));
  const outs = blocks(read('outputs.tf'), 'output').map((b) => ({ name: b.name, ...attributes(b.body) }));
  vars.sort(
    (a, b) =>
      Number(a.default !== undefined) - Number(b.default !== undefined) || a.name.localeCompare(b.name),
  );
  outs.sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    BEGIN,
    '<!-- Generated by scripts/terraform/docs.mjs from variables.tf and outputs.tf; do not edit. -->',
    '',
    '## Inputs',
    '',
  ];
  if (vars.length === 0) lines.push('No inputs.');
  else {
    lines.push(
      '| Name | Description | Type | Default | Required |',
      '|------|-------------|------|---------|:--------:|',
    );
    for (const v of vars) {
      const required = v.default === undefined;
      lines.push(
        `| \`${v.name}\` | ${cell(oneLine(stringValue(v.description)))} | ${code(oneLine(v.type ?? 'any'))} | ${required ? 'n/a' : code(oneLine(v.default))} | ${required ? 'yes' : 'no'} |`,
      );
    }
  }
  lines.push('', '## Outputs', '');
  if (outs.length === 0) lines.push('No outputs.');
  else {
    lines.push('| Name | Description |', '|------|-------------|');
    for (const o of outs) lines.push(`| \`${o.name}\` | ${cell(oneLine(stringValue(o.description)))} |`);
  }
  lines.push(END);
  return lines.join('\n');
}

export function moduleDirs(repoRoot) {
  const root = join(repoRoot, 'terraform', 'modules');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((d) => join(root, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'variables.tf')))
    .sort();
}

/** Returns, per module README, whether it is fresh, and the regenerated content. */
export function checkDocs(repoRoot) {
  return moduleDirs(repoRoot).map((dir) => {
    const readmePath = join(dir, 'README.md');
    const readme = relative(repoRoot, readmePath);
    const generated = render(dir);
    if (!existsSync(readmePath))
      return {
        readme,
        readmePath,
        fresh: false,
        reason: 'README.md missing',
        next: `# ${dir.split('/').pop()}\n\n${generated}\n`,
      };
    const current = readFileSync(readmePath, 'utf8');
    const b = current.indexOf(BEGIN);
    const e = current.indexOf(END);
    if (b < 0 || e < b)
      return {
        readme,
        readmePath,
        fresh: false,
        reason: `markers ${BEGIN} / ${END} missing`,
        next: `${current.trimEnd()}\n\n${generated}\n`,
      };
    const next = current.slice(0, b) + generated + current.slice(e + END.length);
    return {
      readme,
      readmePath,
      fresh: next === current,
      reason: 'inputs/outputs tables differ from variables.tf/outputs.tf',
      next,
    };
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const r of checkDocs(repoRoot)) {
    if (r.fresh) continue;
    stale++;
    if (check) console.error(`stale: ${r.readme} (${r.reason}); run node scripts/terraform/docs.mjs`);
    else {
      writeFileSync(r.readmePath, r.next);
      console.log(`updated ${r.readme}`);
    }
  }
  if (check && stale) process.exit(1);
  if (!check && !stale) console.log('module READMEs are up to date');
}
