// ecs-deploy's figures for `npm run bench` (bench/run.mjs): its bundle under Node 24 against moto + the ECS
// rollout simulator (same machine clock as the action).
//  - completion lag: the simulator completes the deployment at T; lag = action exit - T (1 and 5 services);
//  - failure detection: first task stops (health checks) -> stopped reason printed; breaker trips -> failure
//    reported, rollback complete, action exit;
//  - API cost: ECS calls a minute over a slow rollout watched end to end (started in the background);
//  - a throttling storm on DescribeServices mid-watch.
// Each returns `{ results, rows }`: raw figures for bench/results/latest.json and rows for the table.
import { startEcsRolloutSimulator } from '../harness/ecs-rollout-simulator.mjs';
import * as fx from '../harness/ecs-fixture.mjs';
import { emulatorEnv } from '../harness/moto.mjs';
import { runAction } from '../harness/run-action.mjs';
import { figureRow } from './report.mjs';
import { fmt, sec, stats } from './stats.mjs';

const CLUSTER = 'bench';
let n = 0;
const uniq = (p) => `${p}${++n}`;

/** Runs `fn(sim, ecs)` against a fresh rollout simulator in front of `moto`, and closes it afterwards. */
async function withSimulator(moto, fn) {
  const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
  const ecs = fx.ecsClient(sim.url);
  try {
    return await fn(sim, ecs);
  } finally {
    ecs.destroy();
    await sim.close();
  }
}

/** One ecs-deploy step of `services` to image tag `tag`. */
function deployOnce(moto, sim, services, tag, inputs = {}, onLine, timeoutMs = 240_000) {
  const path = fx.writeTaskDefinition(
    fx.taskDefinitionDoc(services[0], `${fx.REGISTRY}/${services[0]}:${tag}`),
  );
  return runAction({
    action: 'ecs-deploy',
    inputs: { cluster: CLUSTER, services: services.join(','), 'task-definition': path, ...inputs },
    env: { ...emulatorEnv(moto.url), AWS_ENDPOINT_URL_ECS: sim.url },
    timeoutMs,
    onLine,
  });
}

/**
 * API cost: a slow rollout (several minutes) watched end to end. Returns at once with a promise of
 * `{ results, rows }`, so that it runs in the background while the latency figures are measured (one watcher
 * polling every 2 s adds little load to them).
 */
export function startSlowRollout({ moto, quick, log }) {
  return withSimulator(moto, async (sim, ecs) => {
    const s = 'cost';
    const desired = 4;
    await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: desired });
    await sim.scenario({ service: s, scenario: 'slow', stepMs: quick ? 5_000 : 50_000 });
    const from = Date.now();
    const r = await deployOnce(moto, sim, [s], 'v2', { timeout: '10m' }, undefined, 600_000);
    const calls = sim.calls().filter((c) => c.at >= from && c.at <= r.endedAt && !c.op.startsWith('Create'));
    const minutes = (r.endedAt - from) / 60_000;
    const perOp = {};
    for (const c of calls) perOp[c.op] = (perOp[c.op] ?? 0) + 1;
    const perMinute = calls.length / minutes;
    const rolloutSeconds = Math.round((r.endedAt - from) / 1000);
    log(`api cost: ${perMinute.toFixed(1)}/min over ${rolloutSeconds} s`);
    const opsText = Object.entries(perOp)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return {
      results: {
        apiCost: { rolloutSeconds, calls: calls.length, perMinute, perOp, status: r.outputs.status },
      },
      rows: [
        figureRow(
          `ECS calls per service-minute, ${minutes.toFixed(1)}-minute slow rollout (${desired} tasks)`,
          `${perMinute.toFixed(1)} (${calls.length} calls: ${opsText})`,
          '≤ 40',
          perMinute <= 40,
        ),
      ],
    };
  });
}

/** Completion lag: deployment completed in the simulator -> action exit, for 1 and 5 services at once. */
export function measureCompletionLag({ moto, runs, log }) {
  return withSimulator(moto, async (sim, ecs) => {
    const results = {};
    const rows = [];
    for (const count of [1, 5]) {
      const lags = [];
      for (let i = 0; i < runs; i++) {
        const names = Array.from({ length: count }, () => uniq('lag'));
        for (const s of names) await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: 2 });
        const r = await deployOnce(moto, sim, names, 'v2');
        if (r.code !== 0) throw new Error(`completion-lag deploy failed:\n${r.stdout}`);
        const state = await sim.state();
        const arn = r.outputs['task-definition-arn'];
        const completed = Math.max(
          ...names.map(
            (s) => state[`${CLUSTER}/${s}`].deployments.find((d) => d.taskDefinition === arn).completedAt,
          ),
        );
        lags.push(r.endedAt - completed);
      }
      const st = stats(lags);
      results[`completionLag${count}`] = st;
      rows.push(
        figureRow(
          `completion lag, ${count} service${count > 1 ? 's in parallel' : ''}`,
          fmt(st),
          'median ≤ 1 s',
          st.median <= 1000,
        ),
      );
      log(`completion lag ${count}: ${fmt(st)}`);
    }
    return { results, rows };
  });
}

/** Failure detection: first task stops at T (health checks), the breaker trips at T2, then the rollback. */
export function measureFailureDetection({ moto, runs, log }) {
  return withSimulator(moto, async (sim, ecs) => {
    const printed = [];
    const reported = [];
    const rolledBack = [];
    const exitAfterRollback = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const s = uniq('fail');
      await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: 2 });
      let tPrinted;
      let tReported;
      const r = await deployOnce(moto, sim, [s], 'v2-unhealthy', {}, (line) => {
        if (!tPrinted && line.includes('✖')) tPrinted = Date.now();
        if (!tReported && /deployment of .* failed/.test(line)) tReported = Date.now();
      });
      const state = (await sim.state())[`${CLUSTER}/${s}`];
      const failedDep = state.deployments.find((d) => d.taskDefinition === r.outputs['task-definition-arn']);
      const rb = state.deployments.find((d) => d.rollbackOf === failedDep.id);
      printed.push(tPrinted - failedDep.firstStopAt);
      reported.push(tReported - failedDep.failedAt);
      rolledBack.push(rb.completedAt - failedDep.failedAt);
      exitAfterRollback.push(r.endedAt - rb.completedAt);
    }
    log('failure detection done');
    return {
      results: {
        stoppedReasonPrinted: stats(printed),
        failureReported: stats(reported),
        rollbackComplete: stats(rolledBack),
        exitAfterRollback: stats(exitAfterRollback),
      },
      rows: [
        figureRow(
          'stopped reason printed after the first task stops',
          fmt(stats(printed)),
          '≤ 3 s',
          stats(printed).median <= 3000,
        ),
        figureRow(
          'failure reported after the breaker trips',
          fmt(stats(reported)),
          '≤ 2 s',
          stats(reported).median <= 2000,
        ),
        figureRow('rollback complete after the breaker trips (simulator clock)', fmt(stats(rolledBack)), ''),
        figureRow('action exit after the rollback completes', fmt(stats(exitAfterRollback)), ''),
      ],
    };
  });
}

/** 15 ThrottlingExceptions on DescribeServices during a watch: retried, never the end of the watch. */
export function measureThrottlingStorm({ moto }) {
  return withSimulator(moto, async (sim, ecs) => {
    const t = uniq('storm');
    await fx.createService(ecs, { cluster: CLUSTER, service: t, desiredCount: 2 });
    await sim.scenario({ service: t, scenario: 'healthy', stepMs: 1000 });
    await sim.fault({ operation: 'DescribeServices', type: 'throttle', count: 15, skip: 2 });
    const from = Date.now();
    const r = await deployOnce(moto, sim, [t], 'v2');
    const calls = sim.calls().filter((c) => c.at >= from && c.at <= r.endedAt);
    return {
      results: {
        throttlingStorm: {
          injected: 15,
          calls: calls.length,
          warnings: r.warnings.length,
          status: r.outputs.status,
          seconds: (r.endedAt - from) / 1000,
        },
      },
      rows: [
        figureRow(
          'throttling storm (15 ThrottlingExceptions on DescribeServices mid-watch)',
          `${calls.length} calls in ${sec(r.endedAt - from)} s, ${r.warnings.length} backoff warnings, result ${r.outputs.status}`,
          'retried, never ends the watch',
          r.outputs.status === 'succeeded',
        ),
      ],
    };
  });
}
