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
//
// The sections are in ./ecs-real-conditions/ (completion-lag.mjs, storm.mjs, fleet.mjs, and figures.mjs for
// what they share); this file starts the simulator, gives them one context, and is the command.
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fx from '../harness/ecs-fixture.mjs';
import { startEcsRolloutSimulator } from '../harness/ecs-rollout-simulator.mjs';
import { emulatorEnv, startMoto } from '../harness/moto.mjs';
import { runAction } from '../harness/run-action.mjs';
import { measureCompletionLag } from './ecs-real-conditions/completion-lag.mjs';
import { CLUSTER } from './ecs-real-conditions/figures.mjs';
import { measureFleet } from './ecs-real-conditions/fleet.mjs';
import { measureStorm } from './ecs-real-conditions/storm.mjs';
import { figureRow, printTable, writeResults } from './report.mjs';

export { parseCallsLine } from './ecs-real-conditions/figures.mjs';

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
  const LAG_RUNS = quick ? 3 : 5;
  const STORM_RUNS = quick ? 2 : 4; // at most STORM_SEEDS.length (storm.mjs)
  const FLEET_RUNS = quick ? 1 : 2;
  const FLEET = 50;
  const FLEET_STEP_MS = quick ? 10_000 : 20_000;
  const rows = [];
  const results = { lagRuns: LAG_RUNS, stormRuns: STORM_RUNS, fleetRuns: FLEET_RUNS, fleetSize: FLEET };
  let n = 0;

  const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
  const ecs = fx.ecsClient(sim.url);
  const env = { ...emulatorEnv(moto.url), AWS_ENDPOINT_URL_ECS: sim.url };
  /** What every section uses: the simulator, an ECS client, one deploy step, and the figures so far. */
  const ctx = {
    sim,
    ecs,
    results,
    log,
    row: (...cells) => rows.push(figureRow(...cells)),
    uniq: (p) => `${p}${++n}`,
    clearFaults: async () => {
      await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', signal: AbortSignal.timeout(5_000) });
      await sim.configure({ serviceDeploymentsApi: true, unsupported: {} });
    },
    deploy: (services, tag, inputs = {}, timeoutMs = 240_000) =>
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
      }),
    /** completedAt of each service's deployment of `arn` (undefined where it did not complete). */
    completedAts: async (services, arn) => {
      const state = await sim.state();
      return services.map(
        (s) => state[`${CLUSTER}/${s}`]?.deployments.find((d) => d.taskDefinition === arn)?.completedAt,
      );
    },
    window: (from, to) => sim.calls().filter((c) => c.at >= from && c.at <= to),
  };

  try {
    results.completionLag = {};
    if (only.includes('lag')) await measureCompletionLag(ctx, { runs: LAG_RUNS });
    if (only.includes('storm')) await measureStorm(ctx, { runs: STORM_RUNS });
    if (only.includes('fleet'))
      await measureFleet(ctx, { size: FLEET, runs: FLEET_RUNS, stepMs: FLEET_STEP_MS });
  } finally {
    await ctx.clearFaults().catch(() => {});
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
  const written = writeResults('ecs-real-conditions.json', results);
  console.log(
    `\n## slipway bench: ECS under real conditions (${new Date().toISOString()}, bundles on Node 24, ${results.machine.cpus} CPUs${quick ? ', --quick' : ''})\n`,
  );
  printTable(['metric', 'measured', 'target', ''], measured.rows);
  console.log(`\nTotal ${results.totalSeconds} s; raw figures in ${written}.`);
}
