// The demo's story. Every step runs a real action bundle under Node 24, as the GitHub runner would, against
// moto (the AWS emulator) with the ECS rollout simulator in front of its ECS API and a fake OIDC issuer.
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { startMoto, emulatorEnv } from '../../harness/moto.mjs';
import { startFakeOidc } from '../../harness/fake-oidc.mjs';
import { startEcsRolloutSimulator } from '../../harness/ecs-rollout-simulator.mjs';
import { createMotoNetwork } from '../../harness/ecs-task-runner-sim.mjs';
import { runAction, repoRoot } from '../../harness/run-action.mjs';
import * as fx from '../../harness/ecs-fixture.mjs';
import { join } from 'node:path';

const tty = process.stdout.isTTY;
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (tty ? `\x1b[2m${s}\x1b[0m` : s);
const red = (s) => (tty ? `\x1b[31m${s}\x1b[0m` : s);
const yellow = (s) => (tty ? `\x1b[33m${s}\x1b[0m` : s);

const CLUSTER = 'demo';
const SERVICE = 'web';
const BG_SERVICE = 'web-bg';
const REPO = `${fx.REGISTRY}/${SERVICE}`;

/** Shows a workflow-command line the way the Actions log does, more or less. */
function logLine(line) {
  if (
    !line ||
    line.startsWith('::add-mask::') ||
    line.startsWith('::debug::') ||
    line.startsWith('::endgroup::')
  )
    return;
  const decode = (s) => s.replace(/%0A/g, '\n    ').replace(/%0D/g, '').replace(/%25/g, '%');
  if (line.startsWith('::group::')) return console.log(`  ${bold('▸ ' + line.slice(9))}`);
  if (line.startsWith('::warning'))
    return console.log(`  ${yellow('⚠ ' + decode(line.slice(line.indexOf('::', 2) + 2)))}`);
  if (line.startsWith('::error'))
    return console.log(`  ${red('✖ ERROR ' + decode(line.slice(line.indexOf('::', 2) + 2)))}`);
  console.log(`  ${line}`);
}

function step(title) {
  console.log(`\n${bold(`━━ ${title}`)}`);
}

async function action(name, inputs, env) {
  const result = await runAction({ action: name, inputs, env, onLine: logLine, timeoutMs: 180_000 });
  console.log(dim(`  (${name} exited ${result.code} after ${(result.durationMs / 1000).toFixed(1)}s)`));
  return result;
}

export async function main() {
  const moto = await startMoto();
  const sim = await startEcsRolloutSimulator({
    motoUrl: moto.url,
    timing: { stepMs: 700, healthCheckMs: 500, stageMs: 900, minuteMs: 2000 },
  });
  const oidc = await startFakeOidc({ environment: 'production' });
  const problems = [];
  try {
    console.log(
      dim(
        `moto (AWS emulator) ${moto.url} · ECS rollout simulator ${sim.url} · fake GitHub OIDC issuer on 127.0.0.1`,
      ),
    );

    step('1. aws-auth: the job trades its GitHub OIDC token for AWS credentials');
    const jobEnv = { ...emulatorEnv(moto.url), ...oidc.env, AWS_ENDPOINT_URL_ECS: sim.url };
    delete jobEnv.AWS_ACCESS_KEY_ID;
    delete jobEnv.AWS_SECRET_ACCESS_KEY;
    const auth = await action(
      'aws-auth',
      { 'role-arn': 'arn:aws:iam::123456789012:role/slipway-deploy' },
      jobEnv,
    );
    if (auth.code !== 0) throw new Error('aws-auth failed');
    const env = { ...jobEnv, ...auth.exportedEnv };

    step(
      '2. The platform (what terraform/examples/fargate-web would create): ECR images, cluster, service on v1',
    );
    const ecr = new ECRClient({
      region: 'us-east-1',
      endpoint: moto.url,
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' },
    });
    await ecr.send(new CreateRepositoryCommand({ repositoryName: SERVICE }));
    await fx.putEcrImage(ecr, SERVICE, 'v1', '1');
    await fx.putEcrImage(ecr, SERVICE, 'v2', '2');
    await fx.putEcrImage(ecr, SERVICE, 'v3-unhealthy', '3');
    await fx.putEcrImage(ecr, SERVICE, 'v4', '4');
    ecr.destroy();
    const ecs = fx.ecsClient(sim.url);
    const { subnets, securityGroup } = await createMotoNetwork(moto.url);
    const networkConfiguration = {
      awsvpcConfiguration: { subnets, securityGroups: [securityGroup], assignPublicIp: 'DISABLED' },
    };
    await fx.createService(ecs, {
      cluster: CLUSTER,
      service: SERVICE,
      image: `${REPO}:v1`,
      desiredCount: 3,
      breaker: true,
      networkConfiguration,
    });
    await fx.createService(ecs, {
      cluster: CLUSTER,
      service: BG_SERVICE,
      image: `${REPO}:v1`,
      desiredCount: 2,
      breaker: true,
      networkConfiguration,
      deploymentConfiguration: {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 1,
        alarms: { enable: true, rollback: true, alarmNames: ['web-bg-5xx'] },
      },
    });
    console.log(
      `  ECR ${REPO}: v1, v2, v3-unhealthy, v4 · cluster ${CLUSTER} · service ${SERVICE}: 3 tasks of web:1 (${REPO}:v1), circuit breaker with rollback · service ${BG_SERVICE}: BLUE_GREEN with a bake and a deployment alarm`,
    );

    const render = async (tag) => {
      const rendered = await action(
        'render-task-definition',
        {
          'task-definition': join(repoRoot, 'scripts/demo/web.task-definition.yaml'),
          containers: `web=${REPO}:${tag}`,
          'log-group': '/ecs/web',
        },
        env,
      );
      if (rendered.code !== 0) throw new Error(`render-task-definition failed for ${tag}`);
      console.log(`  rendered image: ${JSON.parse(rendered.outputs.images).web}`);
      return rendered.outputs['task-definition'];
    };
    const deploy = async (tag, { service = SERVICE, taskDefinition } = {}) =>
      action(
        'ecs-deploy',
        {
          cluster: CLUSTER,
          services: service,
          'task-definition': taskDefinition ?? (await render(tag)),
          'poll-interval': '2s',
        },
        env,
      );

    step(
      '3. Migrate, then deploy v2 (healthy): the new revision runs its migration once, then ecs-deploy rolls it out',
    );
    sim.taskRunner.script({
      exitCode: 0,
      lines: [
        'Operations to perform: Apply all migrations: orders',
        'Running migrations:',
        '  Applying orders.0007_add_fulfilment_state... OK',
        '  Applying orders.0008_backfill_fulfilment_state... OK',
      ],
    });
    const migration = await action(
      'ecs-run-task',
      {
        cluster: CLUSTER,
        service: SERVICE,
        'task-definition': await render('v2'),
        command: 'python manage.py migrate --noinput',
        'poll-interval': '1s',
      },
      env,
    );
    if (migration.code !== 0 || migration.outputs.status !== 'succeeded')
      problems.push(`migration: exit ${migration.code}, status ${migration.outputs.status}`);
    const good = await deploy('v2', { taskDefinition: migration.outputs['task-definition-arn'] });
    const state = await sim.state();
    const completedAt = state[`${CLUSTER}/${SERVICE}`]?.deployments.find(
      (d) => d.taskDefinition === good.outputs['task-definition-arn'],
    )?.completedAt;
    const lag = completedAt ? (good.endedAt - completedAt) / 1000 : undefined;
    if (good.code !== 0 || good.outputs.status !== 'succeeded')
      problems.push(`healthy deploy: exit ${good.code}, status ${good.outputs.status}`);

    step(
      "4. Deploy v3-unhealthy: tasks fail their health checks; the circuit breaker trips; back to v2, with the container's own last log lines",
    );
    const bad = await deploy('v3-unhealthy');
    if (bad.code !== 1 || bad.outputs.status !== 'rolled-back')
      problems.push(
        `unhealthy deploy: exit ${bad.code}, status ${bad.outputs.status} (expected 1, rolled-back)`,
      );

    step('5. The failed deploy step summary (GITHUB_STEP_SUMMARY)');
    console.log(bad.summary.replace(/^/gm, '  '));

    step(
      `6. Blue/green on ${BG_SERVICE}: stages, traffic shift and bake shown live; success only after the bake`,
    );
    const bg = await deploy('v2', { service: BG_SERVICE });
    if (bg.code !== 0 || bg.outputs.status !== 'succeeded')
      problems.push(`blue/green deploy: exit ${bg.code}, status ${bg.outputs.status}`);

    step(
      `7. Blue/green again (v4): the alarm web-bg-5xx fires during the bake; ECS shifts traffic back and rolls back`,
    );
    await sim.scenario({
      service: BG_SERVICE,
      scenario: 'healthy',
      alarmAt: 'BAKE_TIME',
      alarm: 'web-bg-5xx',
    });
    const alarmed = await deploy('v4', { service: BG_SERVICE });
    if (alarmed.code !== 1 || alarmed.outputs.status !== 'rolled-back')
      problems.push(
        `blue/green alarm: exit ${alarmed.code}, status ${alarmed.outputs.status} (expected 1, rolled-back)`,
      );

    step('8. What the services run now');
    const svc = await fx.describeService(ecs, CLUSTER, SERVICE);
    const td = await fx.taskDefinitionTags(ecs, svc.taskDefinition);
    console.log(
      `  ${SERVICE}: ${svc.taskDefinition.split('/').pop()} · ${svc.runningCount}/${svc.desiredCount} running · deployments: ${svc.deployments.length} · tags: ${JSON.stringify(td)}`,
    );
    const bgSvc = await fx.describeService(ecs, CLUSTER, BG_SERVICE);
    console.log(
      `  ${BG_SERVICE}: ${bgSvc.taskDefinition.split('/').pop()} · ${bgSvc.runningCount}/${bgSvc.desiredCount} running (the revision that served after its bake)`,
    );
    if (bgSvc.taskDefinition !== bg.outputs['task-definition-arn'])
      problems.push(
        `${BG_SERVICE} ends on ${bgSvc.taskDefinition}, expected ${bg.outputs['task-definition-arn']}`,
      );
    if (!/Last \d+ lines of web/.test(bad.errors[0] ?? ''))
      problems.push("the unhealthy deploy's reason does not carry the container's last log lines");
    if (svc.taskDefinition !== good.outputs['task-definition-arn'])
      problems.push(
        `service ends on ${svc.taskDefinition}, expected the healthy ${good.outputs['task-definition-arn']}`,
      );
    ecs.destroy();
    if (lag !== undefined)
      console.log(
        dim(
          `\n  healthy deploy: the simulator marked the deployment COMPLETED ${lag.toFixed(2)} s before ecs-deploy exited`,
        ),
      );
    if (problems.length) {
      console.error(red(`\ndemo broke: ${problems.join('; ')}`));
      return 1;
    }
    console.log(
      bold(
        '\nDemo complete: migration ran, v2 deployed and serving; v3-unhealthy failed, was diagnosed (with its own log lines) and rolled back to v2; blue/green served v2 after its bake, and an alarm during the bake of v4 was rolled back by ECS.',
      ),
    );
    return 0;
  } catch (err) {
    console.error(red(`demo broke: ${err instanceof Error ? err.stack : String(err)}`));
    return 1;
  } finally {
    await oidc.close();
    await sim.close();
    await moto.stop();
  }
}
