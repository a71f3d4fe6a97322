// The `terraform test` phase of scripts/terraform/check.mjs: every module must have tests/*.tftest.hcl,
// and each module's tests run with terraform's own mocked provider (no cloud, no emulator). Prints the
// total of test runs passed and failed across the modules.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { initOrRecord, pool } from './workspace.mjs';

const hasTests = (dir) =>
  existsSync(join(dir, 'tests')) && readdirSync(join(dir, 'tests')).some((f) => f.endsWith('.tftest.hcl'));

/** The lines of terraform test's output that say what failed or was skipped, and where. */
const failureLines = (out) =>
  out
    .split('\n')
    .filter((l) => /\.\.\. (fail|skip)|Error:|error_message|on .*line \d+|│/.test(l))
    .join('\n');

/** @param {{ ws: object, record: Function, jobs: number }} ctx */
export async function testPhase({ ws, record, jobs }) {
  const runs = { pass: 0, fail: 0 };
  const withTests = ws.modules.filter(hasTests);
  for (const m of ws.modules.filter((m) => !withTests.includes(m))) {
    record('test', ws.rel(m), false, 0, 'no tests/*.tftest.hcl: every module needs terraform tests');
  }
  await pool(withTests, jobs, async (dir) => {
    const t0 = Date.now();
    if (!(await initOrRecord(ws, record, 'test', ws.rel(dir), dir, t0))) return;
    const r = await ws.tf(dir, ['test', '-no-color'], { timeoutMs: 10 * 60_000 });
    const m = r.out.match(/(\d+) passed, (\d+) failed/);
    const pass = m ? Number(m[1]) : 0;
    const fail = m ? Number(m[2]) : 0;
    runs.pass += pass;
    runs.fail += fail;
    const ok = r.code === 0 && fail === 0 && pass > 0;
    record(
      'test',
      ws.rel(dir),
      ok,
      Date.now() - t0,
      ok ? `${pass} runs passed` : ws.show(failureLines(r.out) || r.out),
    );
  });
  console.log(`  terraform test runs: ${runs.pass} passed, ${runs.fail} failed`);
}
