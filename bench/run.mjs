#!/usr/bin/env node
// `npm run bench`: what users feel, measured. Prints one markdown table and writes bench/results/latest.json.
// Every figure comes from real bundles run under Node 24 as the runner runs them, against moto + the ECS
// rollout simulator (same machine clock as the action), a fake GitHub API and real terraform plans.
// This machine is small and noisy: each figure says how many runs it is from and gives min/median/max.
// Nothing here is asserted; the targets from issue 10 are printed next to the figures.
//
// The figures, in the order they are measured (each file also says what it measures):
//   bench/startup.mjs              start-up and bundle size of every action (also runs alone)
//   bench/ecs-deploy-figures.mjs   completion lag, failure detection, throttling storm, API cost of a slow
//                                  rollout (in the background meanwhile)
//   bench/plan-comment.mjs         plan comments of 100 to 5000 resources
//   bench/ecs-real-conditions.mjs  the ECS engine under real conditions (issue 13; also runs alone)
//   bench/ecs-strategies.mjs       blue/green lag and calls a minute in a bake (issue 14; also runs alone)
//
// Usage: node bench/run.mjs [--quick]   (--quick: fewer runs and smaller sizes, for a check that it works)
import { cpus } from 'node:os';
import { run } from '../harness/process.mjs';
import { figureRow, printTable, writeResults } from './report.mjs';

// Setup first (it may run `npm ci`): the modules below need node_modules, so they are imported after it.
const setup = await run(process.execPath, ['scripts/setup.mjs']);
if (setup.code !== 0) process.exit(setup.code);

const { startMoto } = await import('../harness/moto.mjs');
const { measureStartup } = await import('./startup.mjs');
const deploy = await import('./ecs-deploy-figures.mjs');
const { measurePlanComment } = await import('./plan-comment.mjs');
const { measureRealConditions } = await import('./ecs-real-conditions.mjs');
const { benchStrategies } = await import('./ecs-strategies.mjs');

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 10;
const startedAll = Date.now();
const log = (m) => process.stderr.write(`bench: ${m}\n`);

const results = { machine: { node: process.version, cpus: cpus().length }, runs: RUNS };
const rows = [];
/** Adds one group's `{ results, rows }` to the report. */
const add = (figures) => {
  Object.assign(results, figures.results);
  rows.push(...figures.rows);
};

const moto = await startMoto();
try {
  // Start-up: measured first, on an otherwise idle machine (as a runner runs one step at a time), before the
  // slow rollout starts.
  const startup = await measureStartup({ runs: quick ? 5 : 20 });
  add({ results: { startup: startup.startup }, rows: startup.rows });
  log('start-up done');

  const ctx = { moto, runs: RUNS, quick, log };
  // API cost: a slow rollout (several minutes) runs in the background while the latency figures below are
  // measured, so the whole bench stays under 5 minutes.
  const slowRollout = deploy.startSlowRollout(ctx);
  add(await deploy.measureCompletionLag(ctx));
  add(await deploy.measureFailureDetection(ctx));
  add(await deploy.measureThrottlingStorm(ctx));
  add(await measurePlanComment(ctx));
  add(await slowRollout);

  // The ECS engine under real conditions (issue 13), after the slow rollout so its 50-service step does not
  // disturb the API-cost figure.
  const real = await measureRealConditions({ moto, quick, log });
  add({ results: { realConditions: real.results }, rows: real.rows });
  // Issue 14: blue/green lag from SUCCESSFUL / ROLLBACK_SUCCESSFUL, and calls a minute during a real-time
  // bake (its own moto and simulator).
  const strategyRows = await benchStrategies({ quick, log });
  add({ results: { strategies: strategyRows }, rows: strategyRows.map((r) => figureRow(...r)) });
} finally {
  await moto.stop();
}

results.totalSeconds = Math.round((Date.now() - startedAll) / 1000);
const written = writeResults('latest.json', results);
console.log(
  `\n## slipway bench (${new Date().toISOString()}, Node ${process.version} driver, bundles on Node 24, ${results.machine.cpus} CPUs, ${RUNS} runs per latency figure)\n`,
);
printTable(['metric', 'measured', 'target', ''], rows);
console.log(`\nTotal bench time ${results.totalSeconds} s; raw figures in ${written}.`);
