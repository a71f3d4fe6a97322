// The quick phases of scripts/terraform/check.mjs: `terraform fmt -check` of the whole tree, the module
// READMEs' inputs/outputs tables against variables.tf/outputs.tf (scripts/terraform/docs.mjs), and
// `terraform init -backend=false` + `terraform validate` of every module and example.
import { checkDocs } from '../docs.mjs';
import { initOrRecord, pool, run } from './workspace.mjs';

/** @param {{ repoRoot: string, ws: object, record: Function }} ctx */
export async function fmtPhase({ repoRoot, ws, record }) {
  const t0 = Date.now();
  const r = await run('terraform', ['fmt', '-check', '-recursive', '-diff', '-no-color', 'terraform'], {
    cwd: repoRoot,
    env: ws.env,
    timeoutMs: 120_000,
  });
  const ok = r.code === 0;
  const detail = ok ? '' : `${r.out}\nRun: terraform fmt -recursive terraform/`;
  record('fmt', 'terraform fmt -check -recursive terraform/', ok, Date.now() - t0, detail);
}

/** @param {{ repoRoot: string, record: Function }} ctx */
export async function docsPhase({ repoRoot, record }) {
  const t0 = Date.now();
  for (const m of checkDocs(repoRoot)) {
    const detail = m.fresh ? '' : `${m.readme} is stale (${m.reason}). Run: node scripts/terraform/docs.mjs`;
    record('docs', `${m.readme} inputs/outputs`, m.fresh, Date.now() - t0, detail);
  }
}

/** @param {{ ws: object, record: Function, jobs: number }} ctx */
export async function validatePhase({ ws, record, jobs }) {
  await pool([...ws.modules, ...ws.examples], jobs, async (dir) => {
    const t0 = Date.now();
    if (!(await initOrRecord(ws, record, 'validate', ws.rel(dir), dir, t0))) return;
    const v = await ws.tf(dir, ['validate', '-no-color'], { timeoutMs: 5 * 60_000 });
    record('validate', ws.rel(dir), v.code === 0, Date.now() - t0, v.code === 0 ? '' : ws.show(v.out));
  });
}
