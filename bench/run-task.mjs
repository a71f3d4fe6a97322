#!/usr/bin/env node
// `node bench/run-task.mjs [--quick]`: what a migration step feels like, measured. ecs-run-task's bundle under
// Node 24 against moto + the ECS rollout simulator's task runner + the CloudWatch Logs proxy, with the
// action's default poll interval (1 s). Prints one markdown table and writes bench/results/run-task.json.
//  - STOPPED -> exit: from the moment the task reached STOPPED (simulator clock, same machine) to the
//    process's exit. Target (issue 15): median <= 1 s.
//  - log latency: from the moment a line was written to CloudWatch Logs to the moment the step printed it.
// This machine is small and noisy: each figure gives min/median/max and how many samples it is from.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { repoRoot } from '../harness/repo.mjs';
import { startMoto, emulatorEnv } from '../harness/moto.mjs';
import { startEcsRolloutSimulator } from '../harness/ecs-rollout-simulator.mjs';
import { createMotoNetwork, startLogsProxy } from '../harness/ecs-task-runner-sim.mjs';
import { runAction } from '../harness/run-action.mjs';
import { stats } from './stats.mjs';
import * as fx from '../harness/ecs-fixture.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 8;
const LINES = 20;
const ms = (st) =>
  `${Math.round(st.median)} ms (min ${Math.round(st.min)}, max ${Math.round(st.max)}, n=${st.n})`;
const log = (m) => process.stderr.write(`bench run-task: ${m}\n`);

const moto = await startMoto();
const sim = await startEcsRolloutSimulator({ motoUrl: moto.url });
const logs = await startLogsProxy({ motoUrl: moto.url, beforeRead: () => sim.taskRunner.flush() });
const ecs = fx.ecsClient(sim.url);
const results = { runs: RUNS, stoppedToExitMs: [], logLatencyMs: [], linesLostOrRepeated: 0 };
try {
  const network = await createMotoNetwork(moto.url);
  await ecs.send(new CreateClusterCommand({ clusterName: 'bench' }));
  const doc = fx.taskDefinitionDoc('migrate', `${fx.REGISTRY}/migrate:v2`);
  doc.containerDefinitions[0].logConfiguration = {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': '/ecs/migrate',
      'awslogs-region': 'us-east-1',
      'awslogs-stream-prefix': 'ecs',
    },
  };
  const { tags: _t, ...input } = doc;
  const td = await ecs.send(new RegisterTaskDefinitionCommand(input));
  await ecs.send(
    new CreateServiceCommand({
      cluster: 'bench',
      serviceName: 'migrate',
      taskDefinition: td.taskDefinition.taskDefinitionArn,
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: network.subnets, securityGroups: [network.securityGroup] },
      },
    }),
  );
  const path = fx.writeTaskDefinition(doc);
  for (let i = 1; i <= RUNS; i++) {
    const lines = Array.from({ length: LINES }, (_, k) => `run ${i} line ${k + 1}`);
    // Lines a little apart and a run time that does not line up with the poll interval, so STOPPED lands
    // anywhere within a poll.
    sim.taskRunner.script({ exitCode: 0, lines, lineIntervalMs: 90, runMs: 200 + ((i * 137) % 900) });
    const printedAt = new Map();
    const r = await runAction({
      action: 'ecs-run-task',
      inputs: { cluster: 'bench', service: 'migrate', 'task-definition': path, command: 'migrate' },
      env: {
        ...emulatorEnv(moto.url),
        AWS_ENDPOINT_URL_ECS: sim.url,
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logs.url,
      },
      timeoutMs: 120_000,
      onLine: (line) => {
        if (line.startsWith('│ '))
          printedAt.set(line.slice(2), (printedAt.get(line.slice(2)) ?? []).concat(Date.now()));
      },
    });
    if (r.code !== 0) throw new Error(`run ${i} failed:\n${r.stdout}\n${r.stderr}`);
    const task = sim.taskRunner.state().find((t) => t.taskArn === r.outputs['task-arn']);
    results.stoppedToExitMs.push(r.endedAt - task.stoppedAt * 1000);
    for (const t of sim.taskRunner.lineTimes().filter((x) => x.task === task.taskArn)) {
      const seen = printedAt.get(t.message) ?? [];
      if (seen.length !== 1) results.linesLostOrRepeated++;
      if (seen.length) results.logLatencyMs.push(seen[0] - t.writtenAt);
    }
    log(`run ${i}: STOPPED -> exit ${Math.round(results.stoppedToExitMs.at(-1))} ms`);
  }
} finally {
  ecs.destroy();
  await logs.close();
  await sim.close();
  await moto.stop();
}

const lag = stats(results.stoppedToExitMs);
const latency = stats(results.logLatencyMs);
const rows = [
  ['STOPPED → step exit', ms(lag), 'median ≤ 1 s', lag.median <= 1000 ? 'met' : 'missed'],
  [
    'log line written → printed (poll 1 s)',
    ms(latency),
    '≤ one poll interval',
    latency.median <= 1000 ? 'met' : 'missed',
  ],
  [
    'lines lost or repeated',
    String(results.linesLostOrRepeated),
    '0',
    results.linesLostOrRepeated === 0 ? 'met' : 'missed',
  ],
];
console.log('| metric | value | target | |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(repoRoot, 'bench', 'results', 'run-task.json'),
  JSON.stringify({ ...results, summary: { lag, latency } }, null, 2) + '\n',
);
