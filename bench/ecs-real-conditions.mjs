#!/usr/bin/env node
// The ECS engine under real conditions (issue 13), measured: ecs-deploy's bundle run under Node 24 as the
// runner runs it, against moto + the ECS rollout simulator (same machine clock as the action), with the
// conditions of a busy real account injected by the simulator.
//  1. Completion lag (the simulator's `completedAt` of the new deployment -> the action process exits) with
//     the Service Deployments API supported (baseline), unsupported (an HTML error page; UnknownOperation)
//     and throttled (50 % ThrottlingException on ListServiceDeployments and DescribeServiceDeployments).
//  2. The storm: 30 % throttling + 5 % 5xx (half before the call is applied, half after) on every ECS call:
//     calls sent, faults injected, retries the action reports, applied UpdateService/RegisterTaskDefinition,
//     completion lag, status.
//  3. 50 services in one step in one cluster (slow rollouts): DescribeServices per minute during the watch,
//     against ⌈50/10⌉ x what one service watched alone on the same rollout costs; completion lag of the last
//     service; how many succeeded.
// A green step whose new deployment had not completed in the simulator when the action exited is counted
// apart ("BEFORE the deployment completed": green did not mean serving) and left out of the lag.
// Inputs are the action's defaults (poll-interval 2s) unless a row says otherwise. Nothing is asserted: the
// targets are printed next to the figures, with min/median/max and the number of runs.
//
// `npm run bench` runs it after its own figures (bench/run.mjs imports measureRealConditions) and adds its rows
// to the same table and `realConditions` to bench/results/latest.json. Standalone, after `node scripts/setup.mjs`
// (or `npm run bench`) has been run once: `node bench/ecs-real-conditions.mjs [--quick]` starts its own moto,
// prints its table and writes bench/results/ecs-real-conditions.json; `--only=lag,storm,fleet` picks sections.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

import { fmt, sec, stats } from './stats.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CLUSTER = 'bench-real';
const SD_OPS = ['ListServiceDeployments', 'DescribeServiceDeployments'];

const tally = (xs) => {
  const out = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
};
const tallyText = (t) =>
  Object.entries(t)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** A green step whose new deployment had not completed when the action exited: green did not mean serving. */
const falseSuccess = (status, completedAt, exitedAt) =>
  status === 'succeeded' && (completedAt === undefined || completedAt > exitedAt);

/** Parses the action's `ECS calls: N (Op n, …), M retries (Op m, …)` line. */
export function parseCallsLine(stdout) {
  const m = /ECS calls: (\d+) \(([^)]*)\)(?:, (\d+) retries \(([^)]*)\))?/.exec(stdout);
  if (!m) return undefined;
  const perOp = (s) =>
    Object.fromEntries(
      (s ?? '')
        .split(', ')
        .filter(Boolean)
        .map((p) => {
          const i = p.lastIndexOf(' ');
          return [p.slice(0, i), Number(p.slice(i + 1))];
        }),
    );
  return { calls: Number(m[1]), perOp: perOp(m[2]), retries: Number(m[3] ?? 0), retriesPerOp: perOp(m[4]) };
}

/** Groups call times into polls: calls less than `gapMs` apart belong to the same poll. */
function bursts(times, gapMs = 250) {
  const sizes = [];
  let last = -Infinity;
  for (const t of [...times].sort((a, b) => a - b)) {
    if (t - last > gapMs) sizes.push(0);
    sizes[sizes.length - 1]++;
    last = t;
  }
  return sizes;
}

/**
 * Runs the three measurements against a running moto.
 * @param {{ moto: { url: string }, quick?: boolean, log?: (m: string) => void, only?: string[] }} opts
 * @returns {Promise<{ rows: string[][], results: Record<string, unknown> }>}
 */
export async function measureRealConditions({
  moto,
  quick = false,
  log = () => {},
  only = ['lag', 'storm', 'fleet'],
}) {
  const { emulatorEnv } = await import('../harness/moto.mjs');
  const { startEcsRolloutSimulator } = await import('../harness/ecs-rollout-simulator.mjs');
  const { runAction } = await import('../harness/run-action.mjs');
  const fx = await import('../harness/ecs-fixture.mjs');

  const LAG_RUNS = quick ? 3 : 5;
  const STORM_RUNS = quick ? 2 : 4; // at most STORM_SEEDS.length
  const FLEET_RUNS = quick ? 1 : 2;
  const FLEET = 50;
  const STORM_STEP_MS = 4_000;
  // Seeds of the simulator's fault generator whose first 20 draws include a 5xx and a 5xx-after besides the
  // throttling (at 5 %, a 20-call run often has none): each run exercises the read-back paths.
  const STORM_SEEDS = [3, 6, 14, 22];
  const FLEET_STEP_MS = quick ? 10_000 : 20_000;
  const rows = [];
  const results = { lagRuns: LAG_RUNS, stormRuns: STORM_RUNS, fleetRuns: FLEET_RUNS, fleetSize: FLEET };
  const row = (metric, value, target, ok) =>
    rows.push([metric, value, target, ok === undefined ? '' : ok ? 'met' : 'missed']);
  let n = 0;
  const uniq = (p) => `${p}${++n}`;

  const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
  const ecs = fx.ecsClient(sim.url);
  const env = { ...emulatorEnv(moto.url), AWS_ENDPOINT_URL_ECS: sim.url };
  const clearFaults = async () => {
    await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', signal: AbortSignal.timeout(5_000) });
    await sim.configure({ serviceDeploymentsApi: true, unsupported: {} });
  };
  const deploy = (services, tag, inputs = {}, timeoutMs = 240_000) =>
    runAction({
      action: 'ecs-deploy',
      inputs: {
        cluster: CLUSTER,
        services: services.join(','),
        'task-definition': fx.writeTaskDefinition(
          fx.taskDefinitionDoc(services[0], `${fx.REGISTRY}/${services[0]}:${tag}`),
        ),
        ...inputs,
      },
      env,
      timeoutMs,
    });
  /** completedAt of each service's deployment of `arn` (undefined where it did not complete). */
  const completedAts = async (services, arn) => {
    const state = await sim.state();
    return services.map(
      (s) => state[`${CLUSTER}/${s}`]?.deployments.find((d) => d.taskDefinition === arn)?.completedAt,
    );
  };
  const window = (from, to) => sim.calls().filter((c) => c.at >= from && c.at <= to);

  try {
    // 1. Completion lag with the Service Deployments API supported, unsupported, throttled.
    const modes = [
      { key: 'supported', label: 'Service Deployments API supported (baseline)', setup: async () => {} },
      {
        key: 'html',
        label: 'Service Deployments API unsupported (HTML error page)',
        setup: () =>
          sim.configure({
            unsupported: Object.fromEntries([...SD_OPS, 'StopServiceDeployment'].map((op) => [op, 'html'])),
          }),
      },
      {
        key: 'unknownOperation',
        label: 'Service Deployments API unsupported (UnknownOperationException)',
        setup: () =>
          sim.configure({
            unsupported: Object.fromEntries(
              [...SD_OPS, 'StopServiceDeployment'].map((op) => [op, 'unknown-operation']),
            ),
          }),
      },
      {
        key: 'throttled',
        label: 'Service Deployments API throttled (50 % on List/DescribeServiceDeployments)',
        setup: async (i) => {
          for (const operation of SD_OPS)
            await sim.fault({ operation, type: 'throttle', rate: 0.5, seed: 100 + i });
        },
      },
    ];
    results.completionLag = {};
    for (const mode of only.includes('lag') ? modes : []) {
      const lags = [];
      const sdCalls = [];
      const sdFaults = [];
      const sdWarnings = [];
      const statuses = [];
      let early = 0;
      for (let i = 0; i < LAG_RUNS; i++) {
        const s = uniq('lag');
        await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: 2 });
        await mode.setup(i);
        const from = Date.now();
        const r = await deploy([s], 'v2');
        await clearFaults();
        statuses.push(r.outputs.status ?? `exit ${r.code}`);
        const [completedAt] = await completedAts([s], r.outputs['task-definition-arn']);
        if (falseSuccess(r.outputs.status, completedAt, r.endedAt)) early++;
        else if (completedAt !== undefined) lags.push(r.endedAt - completedAt);
        const calls = window(from, r.endedAt).filter((c) => SD_OPS.includes(c.op));
        sdCalls.push(calls.length);
        sdFaults.push(calls.filter((c) => c.fault).length);
        sdWarnings.push(r.warnings.filter((w) => /ServiceDeployment/.test(w)).length);
      }
      const st = lags.length ? stats(lags) : undefined;
      results.completionLag[mode.key] = {
        lagMs: st,
        statuses: tally(statuses),
        succeededBeforeCompletion: early,
        serviceDeploymentsCalls: stats(sdCalls),
        serviceDeploymentsFaults: stats(sdFaults),
        serviceDeploymentsWarnings: stats(sdWarnings),
      };
      row(
        `completion lag, ${mode.label}`,
        `${st ? fmt(st) : 'no completed deployment'}; ${tallyText(tally(statuses))}${early ? ` (${early} BEFORE the deployment completed)` : ''}; List/DescribeServiceDeployments calls median ${stats(sdCalls).median}${mode.key === 'throttled' ? ` (${stats(sdFaults).median} throttled)` : ''}, warnings about them median ${stats(sdWarnings).median}`,
        'median ≤ 1 s',
        st ? st.median <= 1000 && early === 0 : false,
      );
      log(`real conditions: completion lag ${mode.key}: ${st ? fmt(st) : 'none'}`);
    }

    // 2. The storm: 30 % throttling + 5 % 5xx on every ECS call.
    if (only.includes('storm')) {
      const runs = [];
      for (let i = 0; i < STORM_RUNS; i++) {
        const s = uniq('storm');
        await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: 2 });
        // A slow rollout, so that the watch makes enough calls for the 5xx share to show.
        await sim.scenario({ service: s, scenario: 'slow', stepMs: STORM_STEP_MS });
        const from = Date.now();
        await sim.fault({ operation: '*', type: 'throttle', rate: 0.3, seed: STORM_SEEDS[i] });
        await sim.fault({ operation: '*', type: '5xx', rate: 0.025 });
        await sim.fault({ operation: '*', type: '5xx-after', rate: 0.025 });
        const r = await deploy([s], 'v2');
        await clearFaults();
        const calls = window(from, r.endedAt);
        const [completedAt] = await completedAts([s], r.outputs['task-definition-arn']);
        const reported = parseCallsLine(r.stdout);
        runs.push({
          status: r.outputs.status ?? `exit ${r.code}`,
          errors: r.errors,
          callsReceived: calls.length,
          faults: tally(calls.filter((c) => c.fault).map((c) => c.fault)),
          faultCount: calls.filter((c) => c.fault).length,
          appliedUpdateService: calls.filter((c) => c.op === 'UpdateService' && c.applied).length,
          appliedRegister: calls.filter((c) => c.op === 'RegisterTaskDefinition' && c.applied).length,
          reportedCalls: reported?.calls,
          reportedRetries: reported?.retries,
          reportedRetriesPerOp: reported?.retriesPerOp,
          succeededBeforeCompletion: falseSuccess(r.outputs.status, completedAt, r.endedAt),
          lagMs: completedAt !== undefined && completedAt <= r.endedAt ? r.endedAt - completedAt : undefined,
          seconds: (r.endedAt - from) / 1000,
        });
        log(`real conditions: storm ${i + 1}: ${runs.at(-1).status}, ${calls.length} calls`);
      }
      results.storm = runs;
      const lags = runs.map((x) => x.lagMs).filter((x) => x !== undefined);
      const allFaults = {};
      for (const x of runs)
        for (const [k, v] of Object.entries(x.faults)) allFaults[k] = (allFaults[k] ?? 0) + v;
      row(
        `storm (30 % throttling + 5 % 5xx on every ECS call, slow rollout ${STORM_STEP_MS / 1000} s steps): status`,
        tallyText(tally(runs.map((x) => x.status))) +
          (runs.some((x) => x.succeededBeforeCompletion)
            ? ` (${runs.filter((x) => x.succeededBeforeCompletion).length} BEFORE the deployment completed)`
            : '') +
          `; applied UpdateService per run ${runs.map((x) => x.appliedUpdateService).join('/')}, RegisterTaskDefinition ${runs.map((x) => x.appliedRegister).join('/')}`,
        'succeeded, 1 UpdateService, 1 revision',
        runs.every(
          (x) =>
            x.status === 'succeeded' &&
            !x.succeededBeforeCompletion &&
            x.appliedUpdateService === 1 &&
            x.appliedRegister === 1,
        ),
      );
      row(
        'storm: ECS calls received by the simulator / faults injected / retries reported by the action',
        `${fmt(stats(runs.map((x) => x.callsReceived)), 'calls')} / ${fmt(stats(runs.map((x) => x.faultCount)), 'faults')} (${tallyText(allFaults)} in all) / ${runs.every((x) => x.reportedRetries !== undefined) ? fmt(stats(runs.map((x) => x.reportedRetries)), 'retries') : 'no `ECS calls:` line'}`,
        '',
        undefined,
      );
      row('storm: completion lag', lags.length ? fmt(stats(lags)) : 'no completed deployment', '', undefined);
    }

    // 3. 50 services in one step in one cluster.
    if (only.includes('fleet')) {
      // Baseline: one service, the same rollout, watched alone: what one watch costs on this rollout.
      const one = uniq('alone');
      await fx.createService(ecs, { cluster: CLUSTER, service: one, desiredCount: 2 });
      await sim.scenario({ service: one, scenario: 'slow', stepMs: FLEET_STEP_MS });
      const aloneFrom = Date.now();
      const alone = await deploy([one], 'v2', { timeout: '10m' }, 660_000);
      const aloneCalls = window(aloneFrom, alone.endedAt);
      const aloneWatchFrom = aloneCalls.find((c) => c.op === 'UpdateService')?.at ?? aloneFrom;
      const alonePerMinute =
        aloneCalls.filter((c) => c.op === 'DescribeServices' && c.at >= aloneWatchFrom).length /
        ((alone.endedAt - aloneWatchFrom) / 60_000);
      results.fleetBaseline = {
        status: alone.outputs.status ?? `exit ${alone.code}`,
        describeServicesPerMinute: alonePerMinute,
      };
      const budget = Math.ceil(FLEET / 10) * alonePerMinute;
      const runs = [];
      for (let k = 0; k < FLEET_RUNS; k++) {
        const prefix = uniq('fleet');
        const names = Array.from({ length: FLEET }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
        const queue = [...names];
        const created = Date.now();
        await Promise.all(
          Array.from({ length: 5 }, async () => {
            for (let s = queue.shift(); s; s = queue.shift())
              await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: 2 });
          }),
        );
        log(`real conditions: ${FLEET} services created in ${sec(Date.now() - created)} s`);
        // A slow rollout (tasks start one step at a time), so the watch lasts long enough for a rate.
        for (const s of names) await sim.scenario({ service: s, scenario: 'slow', stepMs: FLEET_STEP_MS });
        const from = Date.now();
        const r = await deploy(names, 'v2', { timeout: '10m' }, 660_000);
        const calls = window(from, r.endedAt);
        const watchFrom = calls.find((c) => c.op === 'UpdateService')?.at ?? from;
        const describe = calls.filter((c) => c.op === 'DescribeServices' && c.at >= watchFrom);
        const minutes = (r.endedAt - watchFrom) / 60_000;
        const done = await completedAts(names, r.outputs['task-definition-arn']);
        let perService = [];
        try {
          perService = JSON.parse(r.outputs.results ?? '[]');
        } catch {
          perService = [];
        }
        runs.push({
          status: r.outputs.status ?? `exit ${r.code}`,
          succeeded: perService.filter((x) => x.status === 'succeeded').length,
          completedInSimulator: done.filter((x) => x !== undefined && x <= r.endedAt).length,
          watchSeconds: (r.endedAt - watchFrom) / 1000,
          describeServices: describe.length,
          describeServicesPerMinute: describe.length / minutes,
          describeServicesPerPoll: stats(bursts(describe.map((c) => c.at))),
          callsPerOp: tally(calls.filter((c) => c.at >= watchFrom).map((c) => c.op)),
          lastLagMs:
            done.every((x) => x !== undefined) && Math.max(...done) <= r.endedAt
              ? r.endedAt - Math.max(...done)
              : undefined,
        });
        log(`real conditions: fleet ${k + 1}: ${runs.at(-1).status}, ${runs.at(-1).succeeded}/${FLEET}`);
      }
      results.fleet = runs;
      row(
        `${FLEET} services in one step, one cluster (slow rollouts, ${FLEET_STEP_MS / 1000} s steps, 2 tasks each): succeeded`,
        runs
          .map(
            (x) =>
              `${x.succeeded}/${FLEET} (status ${x.status}; ${x.completedInSimulator}/${FLEET} completed in the simulator at exit)`,
          )
          .join('; '),
        `${FLEET}/${FLEET}`,
        runs.every((x) => x.succeeded === FLEET && x.completedInSimulator === FLEET),
      );
      row(
        `${FLEET} services: DescribeServices during the watch`,
        runs
          .map(
            (x) =>
              `${x.describeServicesPerMinute.toFixed(0)}/min (${x.describeServices} in ${x.watchSeconds.toFixed(1)} s; calls < 250 ms apart: median ${x.describeServicesPerPoll.median} together, max ${x.describeServicesPerPoll.max})`,
          )
          .join('; ') +
          `; one service alone on the same rollout: ${alonePerMinute.toFixed(0)}/min (${results.fleetBaseline.status})`,
        `≤ ⌈${FLEET}/10⌉ × one alone = ${budget.toFixed(0)}/min (one call per service: ${(FLEET * alonePerMinute).toFixed(0)}/min)`,
        runs.every((x) => x.describeServicesPerMinute <= budget),
      );
      const lags = runs.map((x) => x.lastLagMs).filter((x) => x !== undefined);
      row(
        `${FLEET} services: completion lag of the last service`,
        lags.length ? fmt(stats(lags)) : 'not every deployment completed',
        '',
        undefined,
      );
    }
  } finally {
    await clearFaults().catch(() => {});
    ecs.destroy();
    await sim.close();
  }
  return { rows, results };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const quick = process.argv.includes('--quick');
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const startedAll = Date.now();
  const { startMoto } = await import('../harness/moto.mjs');
  const moto = await startMoto();
  let measured;
  try {
    measured = await measureRealConditions({
      moto,
      quick,
      ...(only ? { only } : {}),
      log: (m) => process.stderr.write(`bench: ${m}\n`),
    });
  } finally {
    await moto.stop();
  }
  const results = {
    machine: { node: process.version, cpus: cpus().length },
    quick,
    realConditions: measured.results,
    totalSeconds: Math.round((Date.now() - startedAll) / 1000),
  };
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'bench', 'results', 'ecs-real-conditions.json'),
    JSON.stringify(results, null, 2) + '\n',
  );
  console.log(
    `\n## slipway bench: ECS under real conditions (${new Date().toISOString()}, bundles on Node 24, ${results.machine.cpus} CPUs${quick ? ', --quick' : ''})\n`,
  );
  console.log('| metric | measured | target | |');
  console.log('| --- | --- | --- | --- |');
  for (const r of measured.rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nTotal ${results.totalSeconds} s; raw figures in bench/results/ecs-real-conditions.json.`);
}
