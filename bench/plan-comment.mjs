// Plan rendering for `npm run bench` (bench/run.mjs): real terraform plans of 100, 1000 (and 5000)
// terraform_data resources, each commented on a pull request of the fake GitHub API by the
// terraform-plan-comment bundle under Node 24 (the whole run: read, render, post), three times per size.
// Returns `{ results, rows }` like the other bench figures.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub } from '../harness/fake-github.mjs';
import { runAction } from '../harness/run-action.mjs';
import { buildPlan, terraformSandbox } from '../harness/terraform-cli.mjs';
import { figureRow } from './report.mjs';
import { stats } from './stats.mjs';

const RUNS = 3;

export async function measurePlanComment({ quick, log }) {
  const gh = await startFakeGitHub();
  const sandbox = terraformSandbox({ needsMirror: false });
  const planRendering = {};
  const rows = [];
  try {
    const prPath = join(sandbox.root, 'pr.json');
    writeFileSync(
      prPath,
      JSON.stringify({
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, head: { sha: 'f'.repeat(40) } },
        repository: { name: 'payments', owner: { login: 'acme' } },
      }),
    );
    for (const size of quick ? [100, 1000] : [100, 1000, 5000]) {
      const plan = await buildPlan(join(sandbox.root, `p${size}`), {
        env: sandbox.env,
        text: false,
        planned: {
          'main.tf': `resource "terraform_data" "r" {\n  count = ${size}\n  input = { index = count.index, name = "service-\${count.index}" }\n}\n`,
        },
      });
      const times = [];
      let commentBytes = 0;
      let summaryBytes = 0;
      for (let i = 0; i < RUNS; i++) {
        gh.reset();
        const r = await runAction({
          action: 'terraform-plan-comment',
          inputs: { 'plan-json': plan.planJsonPath, key: `bench/${size}`, 'github-token': gh.token },
          env: { ...gh.env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: prPath },
          timeoutMs: 60_000,
        });
        if (r.code !== 0) throw new Error(`plan comment failed for ${size}:\n${r.stdout}`);
        times.push(r.durationMs);
        commentBytes = Number(/Comment: (\d+) bytes/.exec(r.stdout)?.[1] ?? 0);
        summaryBytes = Buffer.byteLength(r.summary);
      }
      const st = stats(times);
      planRendering[size] = { wallMs: st, commentBytes, summaryBytes };
      rows.push(
        figureRow(
          `plan comment, ${size} resources (whole bundle run: read, render, post)`,
          `${Math.round(st.median)} ms (min ${Math.round(st.min)}, max ${Math.round(st.max)}, n=${RUNS}); comment ${commentBytes} B, summary ${summaryBytes} B`,
          size === 5000 ? '≤ 1 s' : '',
          size === 5000 ? st.median <= 1000 : undefined,
        ),
      );
      log(`plan ${size}: ${Math.round(st.median)} ms`);
    }
  } finally {
    sandbox.cleanup();
    await gh.close();
  }
  return { results: { planRendering }, rows };
}
