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
//
// The parts: ./action-docs/action-yaml.mjs (action.yml -> inputs/outputs), ./action-docs/readme-tables.mjs
// (tables, markers, splicing), ./action-docs/line-diff.mjs (what --check prints). This file finds the
// actions, formats the tables with prettier, compares, and is the command; it re-exports the parts.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseActionYaml } from './action-docs/action-yaml.mjs';
import { lineDiff } from './action-docs/line-diff.mjs';
import {
  SECTIONS,
  renderInputs,
  renderOutputs,
  renderSection,
  spliceSections,
} from './action-docs/readme-tables.mjs';

// Every part's exports, for the tests and other scripts.
export * from './action-docs/action-yaml.mjs';
export * from './action-docs/line-diff.mjs';
export * from './action-docs/readme-tables.mjs';

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
