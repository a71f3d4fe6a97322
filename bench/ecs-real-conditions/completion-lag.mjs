// Section 1 of bench/ecs-real-conditions.mjs: completion lag (the simulator's `completedAt` of the new
// deployment -> the action process exits) with the Service Deployments API supported (baseline),
// unsupported (an HTML error page; UnknownOperationException) and throttled (50 % ThrottlingException on
// List/DescribeServiceDeployments), with how many of those calls the action made and how many warnings
// about them it printed.
import * as fx from '../../harness/ecs-fixture.mjs';
import { fmt, stats } from '../stats.mjs';
import { CLUSTER, SD_OPS, falseSuccess, tally, tallyText } from './figures.mjs';

/** The API's modes, each with how the simulator is set up for run `i`. */
const modes = (sim) => {
  const unsupported = (answer) =>
    sim.configure({
      unsupported: Object.fromEntries([...SD_OPS, 'StopServiceDeployment'].map((op) => [op, answer])),
    });
  return [
    { key: 'supported', label: 'Service Deployments API supported (baseline)', setup: async () => {} },
    {
      key: 'html',
      label: 'Service Deployments API unsupported (HTML error page)',
      setup: () => unsupported('html'),
    },
    {
      key: 'unknownOperation',
      label: 'Service Deployments API unsupported (UnknownOperationException)',
      setup: () => unsupported('unknown-operation'),
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
};

/** @param {object} ctx the context of measureRealConditions; `runs` deployments per mode */
export async function measureCompletionLag(ctx, { runs }) {
  const { sim, ecs, deploy, clearFaults, completedAts, window, uniq, row, results, log } = ctx;
  results.completionLag = {};
  for (const mode of modes(sim)) {
    const lags = [];
    const sdCalls = [];
    const sdFaults = [];
    const sdWarnings = [];
    const statuses = [];
    let early = 0;
    for (let i = 0; i < runs; i++) {
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
}
