#!/usr/bin/env node
// `npm run bench`: what users feel, measured. Prints one markdown table and writes bench/results/latest.json.
// Every figure comes from real bundles run under Node 24 as the runner runs them, against moto + the ECS
// rollout simulator (same machine clock as the action), a fake GitHub API and real terraform plans.
// This machine is small and noisy: each figure says how many runs it is from and gives min/median/max.
// Nothing here is asserted; the targets from issue 10 are printed next to the figures.
import { mkdirSync, writeFileSync, readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { run as runCmd, repoRoot } from '../scripts/lib.mjs';

import { fmt, sec, stats } from './stats.mjs';

const setup = await runCmd(process.execPath, ['scripts/setup.mjs']);
if (setup.code !== 0) process.exit(setup.code);

const { startMoto, emulatorEnv } = await import('../harness/moto.mjs');
const { startEcsRolloutSimulator } = await import('../harness/ecs-rollout-simulator.mjs');
const { runAction, node24 } = await import('../harness/run-action.mjs');
const fx = await import('../harness/ecs-fixture.mjs');
const { startFakeGitHub } = await import('../harness/fake-github.mjs');
const { terraformSandbox, buildPlan } = await import('../harness/terraform-cli.mjs');

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 10;
const startedAll = Date.now();
const log = (m) => process.stderr.write(`bench: ${m}\n`);

const results = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  runs: RUNS,
};
const rows = [];
const row = (metric, value, target, ok) =>
  rows.push([metric, value, target, ok === undefined ? '' : ok ? 'met' : 'missed']);

const moto = await startMoto();
const env = (simUrl) => ({ ...emulatorEnv(moto.url), AWS_ENDPOINT_URL_ECS: simUrl });
let n = 0;
const uniq = (p) => `${p}${++n}`;

async function deployOnce(sim, ecs, services, tag, inputs = {}, onLine, timeoutMs = 240_000) {
  const path = fx.writeTaskDefinition(
    fx.taskDefinitionDoc(services[0], `${fx.REGISTRY}/${services[0]}:${tag}`),
  );
  return runAction({
    action: 'ecs-deploy',
    inputs: { cluster: 'bench', services: services.join(','), 'task-definition': path, ...inputs },
    env: env(sim.url),
    timeoutMs,
    onLine,
  });
}

try {
  // 4. Start-up: process start -> first request (AWS or OIDC), or -> clean error with no inputs. Measured first,
  // on an otherwise idle machine (as a runner runs one step at a time), before the slow rollout starts.
  {
    const actions = readdirSync(join(repoRoot, 'actions')).filter(
      (a) =>
        statSync(join(repoRoot, 'actions', a)).isDirectory() &&
        a !== 'shared' &&
        readdirSync(join(repoRoot, 'actions', a)).includes('dist'),
    );
    let firstRequestAt = 0;
    const server = createServer((req, res) => {
      firstRequestAt ||= Date.now();
      req.resume();
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"__type":"ServerException","message":"bench"}');
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${server.address().port}`;
    const tmp = mkdtempSync(join(tmpdir(), 'slipway-bench-'));
    const tdPath = fx.writeTaskDefinition(fx.taskDefinitionDoc('web', `${fx.REGISTRY}/web:v2`), tmp);
    const withInputs = {
      'aws-auth': {
        'INPUT_ROLE-ARN': 'arn:aws:iam::123456789012:role/d',
        ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?x=1`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      },
      'ecs-deploy': {
        INPUT_CLUSTER: 'c',
        INPUT_SERVICES: 'web',
        'INPUT_TASK-DEFINITION': tdPath,
        'INPUT_MAX-ATTEMPTS': '1',
      },
      'ecs-rollback': {
        INPUT_CLUSTER: 'c',
        INPUT_SERVICE: 'web',
        INPUT_REASON: 'bench',
        'INPUT_MAX-ATTEMPTS': '1',
      },
      'render-task-definition': { 'INPUT_TASK-DEFINITION': 'web:1', 'INPUT_MAX-ATTEMPTS': '1' },
      'build-push': { INPUT_REPOSITORY: 'web' },
    };
    const once = (entry, extraEnv, untilRequest) =>
      new Promise((resolve) => {
        firstRequestAt = 0;
        const t0 = Date.now();
        const child = spawn(node24, [entry], {
          cwd: tmp,
          env: {
            PATH: process.env.PATH,
            HOME: tmp,
            RUNNER_TEMP: tmp,
            AWS_REGION: 'us-east-1',
            AWS_ENDPOINT_URL: url,
            AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
            AWS_SECRET_ACCESS_KEY: 'x',
            ...extraEnv,
          },
          stdio: 'ignore',
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        const poll = setInterval(() => {
          if (untilRequest && firstRequestAt) {
            clearInterval(poll);
            child.kill('SIGKILL');
          }
        }, 1);
        child.on('exit', () => {
          clearTimeout(timer);
          clearInterval(poll);
          resolve(untilRequest ? (firstRequestAt ? firstRequestAt - t0 : NaN) : Date.now() - t0);
        });
      });
    const STARTS = quick ? 5 : 20;
    results.startup = {};
    for (const a of actions) {
      const entry = join(repoRoot, 'actions', a, 'dist', 'index.js');
      const clean = [];
      for (let i = 0; i < STARTS; i++) clean.push(await once(entry, {}, false));
      const toRequest = [];
      if (withInputs[a] && a !== 'build-push')
        for (let i = 0; i < STARTS; i++) toRequest.push(await once(entry, withInputs[a], true));
      const files = readdirSync(join(repoRoot, 'actions', a, 'dist'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.js'));
      const total = files.reduce((sum, f) => sum + statSync(join(repoRoot, 'actions', a, 'dist', f)).size, 0);
      const entrySize = statSync(entry).size;
      results.startup[a] = {
        cleanError: stats(clean),
        firstRequest: toRequest.length ? stats(toRequest.filter((x) => !Number.isNaN(x))) : undefined,
        entryBytes: entrySize,
        totalJsBytes: total,
      };
      const fr = results.startup[a].firstRequest;
      row(
        `start-up ${a}: to clean error (no inputs)${fr ? ' / to first request' : ''}`,
        `${Math.round(stats(clean).median)} ms${fr ? ` / ${Math.round(fr.median)} ms` : ''} (n=${STARTS})`,
        '≤ 150 ms',
        Math.max(stats(clean).median, fr?.median ?? 0) <= 150,
      );
      row(
        `bundle ${a}: entry / all chunks`,
        `${(entrySize / 1e6).toFixed(2)} MB / ${(total / 1e6).toFixed(2)} MB`,
        'each ≤ 1.5 MB',
        total <= 1.5e6,
      );
    }
    server.close();
    rmSync(tmp, { recursive: true, force: true });
    log('start-up done');
  }

  // 3a. API cost: a slow rollout (several minutes) watched end to end. It runs in the background while the
  // latency measurements below run, so the whole bench stays under 5 minutes; one watcher polling every 2 s
  // adds little load to them (start-up, the figure most sensitive to load, was measured before it began).
  const slowRollout = (async () => {
    const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
    const ecs = fx.ecsClient(sim.url);
    const s = 'cost';
    const desired = 4;
    const stepMs = quick ? 5_000 : 50_000;
    await fx.createService(ecs, { cluster: 'bench', service: s, desiredCount: desired });
    await sim.scenario({ service: s, scenario: 'slow', stepMs });
    const from = Date.now();
    const r = await deployOnce(sim, ecs, [s], 'v2', { timeout: '10m' }, undefined, 600_000);
    const calls = sim.calls().filter((c) => c.at >= from && c.at <= r.endedAt && !c.op.startsWith('Create'));
    const minutes = (r.endedAt - from) / 60_000;
    const perOp = {};
    for (const c of calls) perOp[c.op] = (perOp[c.op] ?? 0) + 1;
    const perMinute = calls.length / minutes;
    results.apiCost = {
      rolloutSeconds: Math.round((r.endedAt - from) / 1000),
      calls: calls.length,
      perMinute,
      perOp,
      status: r.outputs.status,
    };
    log(`api cost: ${perMinute.toFixed(1)}/min over ${Math.round((r.endedAt - from) / 1000)} s`);
    ecs.destroy();
    await sim.close();
    return [
      `ECS calls per service-minute, ${minutes.toFixed(1)}-minute slow rollout (${desired} tasks)`,
      `${perMinute.toFixed(1)} (${calls.length} calls: ${Object.entries(perOp)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
      '≤ 40',
      perMinute <= 40,
    ];
  })();

  // 1. Completion lag: the simulator completes the deployment at T; lag = action exit - T.
  {
    const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
    const ecs = fx.ecsClient(sim.url);
    for (const count of [1, 5]) {
      const lags = [];
      for (let i = 0; i < RUNS; i++) {
        const names = Array.from({ length: count }, () => uniq('lag'));
        for (const s of names) await fx.createService(ecs, { cluster: 'bench', service: s, desiredCount: 2 });
        const r = await deployOnce(sim, ecs, names, 'v2');
        if (r.code !== 0) throw new Error(`completion-lag deploy failed:\n${r.stdout}`);
        const state = await sim.state();
        const completed = Math.max(
          ...names.map(
            (s) =>
              state[`bench/${s}`].deployments.find(
                (d) => d.taskDefinition === r.outputs['task-definition-arn'],
              ).completedAt,
          ),
        );
        lags.push(r.endedAt - completed);
      }
      const st = stats(lags);
      results[`completionLag${count}`] = st;
      row(
        `completion lag, ${count} service${count > 1 ? 's in parallel' : ''}`,
        fmt(st),
        'median ≤ 1 s',
        st.median <= 1000,
      );
      log(`completion lag ${count}: ${fmt(st)}`);
    }
    ecs.destroy();
    await sim.close();
  }

  // 2. Failure detection: first task stops at T (health checks), breaker trips at T2.
  {
    const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
    const ecs = fx.ecsClient(sim.url);
    const printed = [];
    const reported = [];
    const rolledBack = [];
    const exitAfterRollback = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const s = uniq('fail');
      await fx.createService(ecs, { cluster: 'bench', service: s, desiredCount: 2 });
      let tPrinted;
      let tReported;
      const r = await deployOnce(sim, ecs, [s], 'v2-unhealthy', {}, (line) => {
        if (!tPrinted && line.includes('✖')) tPrinted = Date.now();
        if (!tReported && /deployment of .* failed/.test(line)) tReported = Date.now();
      });
      const state = (await sim.state())[`bench/${s}`];
      const failedDep = state.deployments.find((d) => d.taskDefinition === r.outputs['task-definition-arn']);
      const rb = state.deployments.find((d) => d.rollbackOf === failedDep.id);
      printed.push(tPrinted - failedDep.firstStopAt);
      reported.push(tReported - failedDep.failedAt);
      rolledBack.push(rb.completedAt - failedDep.failedAt);
      exitAfterRollback.push(r.endedAt - rb.completedAt);
    }
    Object.assign(results, {
      stoppedReasonPrinted: stats(printed),
      failureReported: stats(reported),
      rollbackComplete: stats(rolledBack),
      exitAfterRollback: stats(exitAfterRollback),
    });
    row(
      'stopped reason printed after the first task stops',
      fmt(stats(printed)),
      '≤ 3 s',
      stats(printed).median <= 3000,
    );
    row(
      'failure reported after the breaker trips',
      fmt(stats(reported)),
      '≤ 2 s',
      stats(reported).median <= 2000,
    );
    row('rollback complete after the breaker trips (simulator clock)', fmt(stats(rolledBack)), '', undefined);
    row('action exit after the rollback completes', fmt(stats(exitAfterRollback)), '', undefined);
    log('failure detection done');
    ecs.destroy();
    await sim.close();
  }

  // 3b. Throttling storm during a watch.
  {
    const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
    const ecs = fx.ecsClient(sim.url);
    const t = uniq('storm');
    await fx.createService(ecs, { cluster: 'bench', service: t, desiredCount: 2 });
    await sim.scenario({ service: t, scenario: 'healthy', stepMs: 1000 });
    await sim.fault({ operation: 'DescribeServices', type: 'throttle', count: 15, skip: 2 });
    const from2 = Date.now();
    const r2 = await deployOnce(sim, ecs, [t], 'v2');
    const calls2 = sim.calls().filter((c) => c.at >= from2 && c.at <= r2.endedAt);
    results.throttlingStorm = {
      injected: 15,
      calls: calls2.length,
      warnings: r2.warnings.length,
      status: r2.outputs.status,
      seconds: (r2.endedAt - from2) / 1000,
    };
    row(
      'throttling storm (15 ThrottlingExceptions on DescribeServices mid-watch)',
      `${calls2.length} calls in ${sec(r2.endedAt - from2)} s, ${r2.warnings.length} backoff warnings, result ${r2.outputs.status}`,
      'retried, never ends the watch',
      r2.outputs.status === 'succeeded',
    );
    ecs.destroy();
    await sim.close();
  }

  // 5. Plan rendering: real terraform plans of N terraform_data resources, commented on a (fake) PR.
  {
    const gh = await startFakeGitHub();
    const sandbox = terraformSandbox({ needsMirror: false });
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
    results.planRendering = {};
    for (const size of quick ? [100, 1000] : [100, 1000, 5000]) {
      const dir = join(sandbox.root, `p${size}`);
      const plan = await buildPlan(dir, {
        env: sandbox.env,
        text: false,
        planned: {
          'main.tf': `resource "terraform_data" "r" {\n  count = ${size}\n  input = { index = count.index, name = "service-\${count.index}" }\n}\n`,
        },
      });
      const times = [];
      let commentBytes = 0;
      let summaryBytes = 0;
      for (let i = 0; i < 3; i++) {
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
      results.planRendering[size] = { wallMs: st, commentBytes, summaryBytes };
      row(
        `plan comment, ${size} resources (whole bundle run: read, render, post)`,
        `${Math.round(st.median)} ms (min ${Math.round(st.min)}, max ${Math.round(st.max)}, n=3); comment ${commentBytes} B, summary ${summaryBytes} B`,
        size === 5000 ? '≤ 1 s' : '',
        size === 5000 ? st.median <= 1000 : undefined,
      );
      log(`plan ${size}: ${Math.round(st.median)} ms`);
    }
    sandbox.cleanup();
    await gh.close();
  }
  row(...(await slowRollout));

  // 6. The ECS engine under real conditions (issue 13): bench/ecs-real-conditions.mjs, after the slow rollout
  // so its 50-service step does not disturb the API-cost figure.
  {
    const { measureRealConditions } = await import('./ecs-real-conditions.mjs');
    const real = await measureRealConditions({ moto, quick, log });
    results.realConditions = real.results;
    rows.push(...real.rows);
  }
  // Issue 14: blue/green lag from SUCCESSFUL / ROLLBACK_SUCCESSFUL, and calls a minute during a real-time bake
  // (its own moto and simulator).
  {
    const { benchStrategies } = await import('./ecs-strategies.mjs');
    const strategyRows = await benchStrategies({ quick, log });
    results.strategies = strategyRows;
    rows.push(...strategyRows.map((r) => [...r, '']));
  }
} finally {
  await moto.stop();
}

results.totalSeconds = Math.round((Date.now() - startedAll) / 1000);
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(
  `\n## slipway bench (${new Date().toISOString()}, Node ${process.version} driver, bundles on Node 24, ${results.machine.cpus} CPUs, ${RUNS} runs per latency figure)\n`,
);
console.log('| metric | measured | target | |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nTotal bench time ${results.totalSeconds} s; raw figures in bench/results/latest.json.`);
