// Shared by the workflow structural test, the act end-to-end test and release.yml's ref check: where the
// workflows are, how slipway's own actions are referenced from them, and a few YAML walkers.
//
// Slipway's reusable workflows run in the caller's repository, so they reference slipway's actions as
// `<owner>/<repo>/actions/<name>@<ref>`. The owner/repo comes from package.json `repository` (defined once)
// and the ref is RELEASE_REF, the major tag release.yml moves.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { repoRoot, RELEASE_REF, slipwayRepo } from '../../harness/repo.mjs';

export { repoRoot, RELEASE_REF, slipwayRepo };

/** Workflow files: { dir, file, path, text, doc } for .github/workflows/*.yml and workflows/*.yml. */
export function loadWorkflows() {
  const out = [];
  for (const dir of ['.github/workflows', 'workflows']) {
    const abs = join(repoRoot, dir);
    if (!existsSync(abs)) continue;
    for (const file of readdirSync(abs).sort()) {
      if (!/\.ya?ml$/.test(file)) continue;
      const path = join(abs, file);
      const text = readFileSync(path, 'utf8');
      out.push({ dir, file, path, rel: `${dir}/${file}`, text, doc: parse(text) });
    }
  }
  return out;
}

/** Inputs of actions/<name>/action.yml: { name: {required, default} }, or null if there is none. */
export function actionInputs(name) {
  const path = join(repoRoot, 'actions', name, 'action.yml');
  if (!existsSync(path)) return null;
  const doc = parse(readFileSync(path, 'utf8'));
  return doc.inputs ?? {};
}

/** Every step of every job: { job, jobId, step, index }. Reusable-workflow calls appear as jobs with `uses`. */
export function steps(doc) {
  const out = [];
  for (const [jobId, job] of Object.entries(doc?.jobs ?? {}))
    for (const [index, step] of (job.steps ?? []).entries()) out.push({ jobId, job, step, index });
  return out;
}

/**
 * Parses `uses:` into { kind: 'local'|'self'|'docker'|'remote', owner, repo, path, ref }. `./x` is
 * workspace-relative; `$/x` is GitHub's self-repository form (the running workflow's own repository and
 * commit); both come back with `path` relative to the repository root.
 */
export function parseUses(uses) {
  if (uses.startsWith('./')) return { kind: 'local', path: uses.slice(2) };
  if (uses.startsWith('$/')) return { kind: 'self', path: uses.slice(2).replace(/^\.\//, '') };
  if (uses.startsWith('docker://')) return { kind: 'docker', image: uses.slice(9) };
  const m = /^([^/@]+)\/([^/@]+)((?:\/[^@]+)?)@(.+)$/.exec(uses);
  if (!m) return { kind: 'invalid', uses };
  return { kind: 'remote', owner: m[1], repo: m[2], path: m[3].replace(/^\//, ''), ref: m[4] };
}

/**
 * Line comments following `uses:` values, keyed by line number (1-based) - for the `# vX.Y.Z` check.
 * Returns [{ line, uses, comment }].
 */
export function usesLines(text) {
  const out = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*([^\s#]+)\s*(?:#\s*(.*))?$/.exec(l);
    if (m) out.push({ line: i + 1, uses: m[1].replace(/^['"]|['"]$/g, ''), comment: m[2]?.trim() ?? '' });
  });
  return out;
}

/** Every `run:` script in the document, with its location: [{ where, script }]. */
export function runScripts(doc) {
  return steps(doc)
    .filter(({ step }) => typeof step.run === 'string')
    .map(({ jobId, step, index }) => ({
      where: `jobs.${jobId}.steps[${step.id ?? step.name ?? index}]`,
      script: step.run,
    }));
}

/**
 * Problems with references to slipway itself (`<owner>/<repo>/...@ref` in any workflow or template): each
 * must use package.json's owner/repo and `ref` (RELEASE_REF by default), and name an action or workflow
 * that exists in this tree. Returns messages; empty when consistent.
 */
export function slipwayRefProblems(ref = RELEASE_REF) {
  const repo = slipwayRepo();
  const [owner, name] = repo.split('/');
  const problems = [];
  for (const wf of loadWorkflows()) {
    for (const { line, uses } of usesLines(wf.text)) {
      const u = parseUses(uses);
      if (u.kind !== 'remote' || u.repo.toLowerCase() !== name.toLowerCase()) continue;
      const where = `${wf.rel}:${line}`;
      if (u.owner !== owner)
        problems.push(`${where}: ${uses} - owner must be ${owner} (package.json repository)`);
      if (u.ref !== ref) problems.push(`${where}: ${uses} - ref must be ${ref}`);
      if (!existsSync(join(repoRoot, u.path)))
        problems.push(`${where}: ${uses} - ${u.path} does not exist here`);
    }
  }
  return problems;
}
