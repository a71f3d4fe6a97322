// Section 2 of bench/ecs-real-conditions.mjs: the storm. 30 % throttling + 5 % 5xx (half before the call is
// applied, half after) on every ECS call during a slow rollout: calls the simulator received, faults it
// injected, retries the action reports, applied UpdateService/RegisterTaskDefinition (one each, however
// many retries), completion lag, status.
import * as fx from '../../harness/ecs-fixture.mjs';
import { fmt, stats } from '../stats.mjs';
import { CLUSTER, falseSuccess, parseCallsLine, tally, tallyText } from './figures.mjs';

const STEP_MS = 4_000;
// Seeds of the simulator's fault generator whose first 20 draws include a 5xx and a 5xx-after besides the
// throttling (at 5 %, a 20-call run often has none): each run exercises the read-back paths.
export const STORM_SEEDS = [3, 6, 14, 22];

/** @param {object} ctx the context of measureRealConditions; `runs` storms (at most STORM_SEEDS.length) */
export async function measureStorm(ctx, { runs: count }) {
  const { sim, ecs, deploy, clearFaults, completedAts, window, uniq, row, results, log } = ctx;
  const runs = [];
  for (let i = 0; i < count; i++) {
    const s = uniq('storm');
    await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: 2 });
    // A slow rollout, so that the watch makes enough calls for the 5xx share to show.
    await sim.scenario({ service: s, scenario: 'slow', stepMs: STEP_MS });
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
  for (const x of runs) for (const [k, v] of Object.entries(x.faults)) allFaults[k] = (allFaults[k] ?? 0) + v;
  const early = runs.filter((x) => x.succeededBeforeCompletion).length;
  row(
    `storm (30 % throttling + 5 % 5xx on every ECS call, slow rollout ${STEP_MS / 1000} s steps): status`,
    tallyText(tally(runs.map((x) => x.status))) +
      (early ? ` (${early} BEFORE the deployment completed)` : '') +
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
