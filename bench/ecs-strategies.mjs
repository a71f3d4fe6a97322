#!/usr/bin/env node
// Figures for the deployment strategies (issue 14), from ecs-deploy's bundle under Node 24 against moto + the
// ECS rollout simulator playing BLUE_GREEN:
//  - lag from the service deployment's SUCCESSFUL (and, after an alarm in the bake, ROLLBACK_SUCCESSFUL) to
//    the step's exit (target: median ≤ 1 s);
//  - ECS calls a minute while a long bake runs in real time (target: ≤ 10).
// Nothing is asserted. Standalone: `node bench/ecs-strategies.mjs [--quick]`; bench/run.mjs runs it too.
import { fileURLToPath } from 'node:url';
import { fmt, stats } from './stats.mjs';

export async function benchStrategies({
  quick = false,
  log = (m) => process.stderr.write(`bench: ${m}\n`),
} = {}) {
  const { startMoto, emulatorEnv } = await import('../harness/moto.mjs');
  const { startEcsRolloutSimulator } = await import('../harness/ecs-rollout-simulator.mjs');
  const { runAction } = await import('../harness/run-action.mjs');
  const fx = await import('../harness/ecs-fixture.mjs');
  const moto = await startMoto();
  const sim = await startEcsRolloutSimulator({ motoUrl: moto.url, timing: { stageMs: 300, minuteMs: 1000 } });
  const ecs = fx.ecsClient(sim.url);
  const env = { ...emulatorEnv(moto.url), AWS_ENDPOINT_URL_ECS: sim.url };
  const runs = quick ? 3 : 5;
  const rows = [];
  const deploy = (service, tag) =>
    runAction({
      action: 'ecs-deploy',
      inputs: {
        cluster: 'bench',
        services: service,
        'task-definition': fx.writeTaskDefinition(
          fx.taskDefinitionDoc(service, `${fx.REGISTRY}/${service}:${tag}`),
        ),
        'poll-interval': '2s',
      },
      env,
      timeoutMs: 600_000,
    });
  const finishedAt = async (service, arn) =>
    (await sim.state())[`bench/${service}`]?.deployments.find((d) => d.taskDefinition === arn)?.finishedAt;
  try {
    const ok = [];
    const back = [];
    for (let i = 0; i < runs; i++) {
      const name = `bg-${i}`;
      await fx.createService(ecs, {
        cluster: 'bench',
        service: name,
        deploymentConfiguration: {
          strategy: 'BLUE_GREEN',
          bakeTimeInMinutes: 1,
          alarms: { enable: true, rollback: true, alarmNames: [`${name}-5xx`] },
        },
      });
      const r = await deploy(name, 'v2');
      const at = await finishedAt(name, r.outputs['task-definition-arn']);
      if (r.code === 0 && at) ok.push(r.endedAt - at);
      await sim.scenario({ service: name, scenario: 'healthy', alarmAt: 'BAKE_TIME', alarm: `${name}-5xx` });
      const b = await deploy(name, 'v3');
      const bAt = await finishedAt(name, b.outputs['task-definition-arn']);
      if (b.outputs.status === 'rolled-back' && bAt) back.push(b.endedAt - bAt);
      log(
        `blue/green run ${i + 1}/${runs}: SUCCESSFUL→exit ${ok.at(-1)} ms, ROLLBACK_SUCCESSFUL→exit ${back.at(-1)} ms`,
      );
    }
    if (ok.length) rows.push(['blue/green: SUCCESSFUL → step exit', fmt(stats(ok)), 'median ≤ 1 s']);
    if (back.length)
      rows.push([
        'blue/green: ROLLBACK_SUCCESSFUL (alarm in the bake) → step exit',
        fmt(stats(back)),
        'median ≤ 1 s',
      ]);

    // A bake in real time: a configured minute lasts a minute.
    const bakeMinutes = quick ? 2 : 3;
    await sim.configure({ timing: { minuteMs: 60_000 } });
    await fx.createService(ecs, {
      cluster: 'bench',
      service: 'longbake',
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: bakeMinutes },
    });
    log(`long bake: ${bakeMinutes} minutes in real time`);
    const running = deploy('longbake', 'v2');
    let bakeStart;
    let bakeEnd;
    for (const deadline = Date.now() + (bakeMinutes + 3) * 60_000; Date.now() < deadline && !bakeEnd;) {
      await new Promise((r) => setTimeout(r, 250));
      const dep = (await sim.state())['bench/longbake']?.deployments.find((d) =>
        /longbake:2$/.test(d.taskDefinition),
      );
      if (dep?.stage === 'BAKE_TIME') bakeStart ??= Date.now();
      if (bakeStart && dep?.stage !== 'BAKE_TIME') bakeEnd = Date.now();
    }
    const r = await running;
    if (bakeStart && bakeEnd) {
      const during = sim.calls().filter((c) => c.at >= bakeStart && c.at < bakeEnd && !c.op.includes(' '));
      const perMinute = (during.length / (bakeEnd - bakeStart)) * 60_000;
      const byOp = {};
      for (const c of during) byOp[c.op] = (byOp[c.op] ?? 0) + 1;
      rows.push([
        `ECS calls a minute during a ${bakeMinutes}-minute bake`,
        `${perMinute.toFixed(1)} (${Object.entries(byOp)
          .map(([op, n]) => `${op} ${n}`)
          .join(', ')}; status ${r.outputs.status})`,
        '≤ 10',
      ]);
    }
    return rows;
  } finally {
    ecs.destroy();
    await sim.close();
    await moto.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchStrategies({ quick: process.argv.includes('--quick') });
  console.log('| figure | measured | target |\n| --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
