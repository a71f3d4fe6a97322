// Section 3 of bench/ecs-real-conditions.mjs: 50 services in one step in one cluster (slow rollouts):
// DescribeServices per minute during the watch, against ⌈50/10⌉ x what one service watched alone on the
// same rollout costs; completion lag of the last service; how many succeeded.
import * as fx from '../../harness/ecs-fixture.mjs';
import { fmt, sec, stats } from '../stats.mjs';
import { CLUSTER, bursts, tally } from './figures.mjs';

/** DescribeServices a minute from the first UpdateService (the start of the watch) to the step's exit. */
function watchRate(calls, from, endedAt) {
  const watchFrom = calls.find((c) => c.op === 'UpdateService')?.at ?? from;
  const describe = calls.filter((c) => c.op === 'DescribeServices' && c.at >= watchFrom);
  return { watchFrom, describe, perMinute: describe.length / ((endedAt - watchFrom) / 60_000) };
}

/** Creates `names` in the cluster, five at a time. */
async function createFleet(ecs, names) {
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift())
        await fx.createService(ecs, { cluster: CLUSTER, service: s, desiredCount: 2 });
    }),
  );
}

/** @param {object} ctx the context of measureRealConditions; `size` services, `runs` fleets, `stepMs` rollout steps */
export async function measureFleet(ctx, { size: FLEET, runs: count, stepMs }) {
  const { sim, ecs, deploy, completedAts, window, uniq, row, results, log } = ctx;
  // Baseline: one service, the same rollout, watched alone: what one watch costs on this rollout.
  const one = uniq('alone');
  await fx.createService(ecs, { cluster: CLUSTER, service: one, desiredCount: 2 });
  await sim.scenario({ service: one, scenario: 'slow', stepMs });
  const aloneFrom = Date.now();
  const alone = await deploy([one], 'v2', { timeout: '10m' }, 660_000);
  const alonePerMinute = watchRate(window(aloneFrom, alone.endedAt), aloneFrom, alone.endedAt).perMinute;
  results.fleetBaseline = {
    status: alone.outputs.status ?? `exit ${alone.code}`,
    describeServicesPerMinute: alonePerMinute,
  };
  const budget = Math.ceil(FLEET / 10) * alonePerMinute;
  const runs = [];
  for (let k = 0; k < count; k++) {
    const prefix = uniq('fleet');
    const names = Array.from({ length: FLEET }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
    const created = Date.now();
    await createFleet(ecs, names);
    log(`real conditions: ${FLEET} services created in ${sec(Date.now() - created)} s`);
    // A slow rollout (tasks start one step at a time), so the watch lasts long enough for a rate.
    for (const s of names) await sim.scenario({ service: s, scenario: 'slow', stepMs });
    const from = Date.now();
    const r = await deploy(names, 'v2', { timeout: '10m' }, 660_000);
    const calls = window(from, r.endedAt);
    const { watchFrom, describe, perMinute } = watchRate(calls, from, r.endedAt);
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
      describeServicesPerMinute: perMinute,
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
    `${FLEET} services in one step, one cluster (slow rollouts, ${stepMs / 1000} s steps, 2 tasks each): succeeded`,
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
