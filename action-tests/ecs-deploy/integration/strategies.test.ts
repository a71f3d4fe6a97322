// ecs-deploy's (and ecs-rollback's) bundle against every ECS deployment strategy the simulator plays:
// blue/green, linear, canary, bakes, alarms, PAUSE lifecycle hooks, early success, other controllers.
import { runAction } from '../../../harness/run-action.mjs';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { startEcsRolloutSimulator } from '../../../harness/ecs-rollout-simulator.mjs';
import * as fx from '../../../harness/ecs-fixture.mjs';

type Sim = Awaited<ReturnType<typeof startEcsRolloutSimulator>>;
type Call = { op: string; at: number };
let sim: Sim;
let ecs: ReturnType<typeof fx.ecsClient>;
const CLUSTER = 'strategies';
const env = () => ({ ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url });

beforeAll(async () => {
  await resetMoto();
  // Stages last longer than a fast poll (500 ms) and a configured minute lasts a second, so that the watch
  // sees every traffic step and the bake as a person would.
  sim = await startEcsRolloutSimulator({ motoUrl: motoUrl(), timing: { stageMs: 700, minuteMs: 1000 } });
  ecs = fx.ecsClient(sim.url);
});
afterAll(async () => {
  ecs.destroy();
  await sim.close();
});

const calls = (op: string, from: number): Call[] =>
  (sim.calls() as Call[]).filter((c) => c.op === op && c.at >= from);
const primary = async (service: string) =>
  (await fx.describeService(ecs, CLUSTER, service))?.taskDefinition ?? '';

async function service(name: string, deploymentConfiguration: object, opts: { desiredCount?: number } = {}) {
  await fx.createService(ecs, {
    cluster: CLUSTER,
    service: name,
    deploymentConfiguration,
    desiredCount: opts.desiredCount ?? 2,
  });
}

function deploy(name: string, tag: string, inputs: Record<string, string> = {}) {
  const path = fx.writeTaskDefinition(fx.taskDefinitionDoc(name, `${fx.REGISTRY}/${name}:${tag}`));
  return runAction({
    action: 'ecs-deploy',
    inputs: { cluster: CLUSTER, services: name, 'task-definition': path, 'poll-interval': '1s', ...inputs },
    env: env(),
    timeoutMs: 120_000,
  });
}

const line = (stdout: string, re: RegExp) => stdout.split('\n').findIndex((l) => re.test(l));
const PAUSE_AT_TEST_TRAFFIC = (timeoutInMinutes = 30, action = 'ROLLBACK') => ({
  strategy: 'BLUE_GREEN',
  bakeTimeInMinutes: 1,
  lifecycleHooks: [
    {
      targetType: 'PAUSE',
      lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
      timeoutConfiguration: { timeoutInMinutes, action },
    },
  ],
});

describe('blue/green', () => {
  test('healthy: the stages, traffic and bake are shown live, and success comes only after the bake', async () => {
    await service('bg', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
    const r = await deploy('bg', 'v2');
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('succeeded');
    expect(r.stdout).toContain(
      'strategy BLUE_GREEN: expected 11m (10m to scale up and settle, bake 1m); timeout 21m (auto)',
    );
    for (const stage of [
      'SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ])
      expect(r.stdout).toContain(`◆ stage ${stage}`);
    expect(r.stdout).toContain('◆ traffic to the new revision: production 100 %, test 100 %');
    // The hard case: during the bake every task runs and rolloutState is COMPLETED, yet it is not success.
    const completedDuringBake = line(r.stdout, /⟳ PRIMARY bg:2 COMPLETED 2\/2 running.*ACTIVE bg:1/);
    const successful = line(r.stdout, /◆ service deployment \S+: SUCCESSFUL/);
    const serving = line(r.stdout, /✔ bg:2 is serving/);
    expect(completedDuringBake).toBeGreaterThan(-1);
    expect(successful).toBeGreaterThan(completedDuringBake);
    expect(serving).toBeGreaterThan(successful);
    expect(r.summary).toContain('#### Stages');
    expect(r.summary).toMatch(/\| BAKE_TIME +\| \d/);
  });

  test('an alarm during the bake: ECS rolls back, the alarm is named, slipway sends no extra UpdateService', async () => {
    await service('bgalarm', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      alarms: { enable: true, rollback: true, alarmNames: ['bgalarm-5xx', 'bgalarm-latency'] },
    });
    await sim.scenario({
      service: 'bgalarm',
      scenario: 'healthy',
      alarmAt: 'BAKE_TIME',
      alarm: 'bgalarm-5xx',
    });
    const from = Date.now();
    const r = await deploy('bgalarm', 'v2');
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(
      'service bgalarm: rolled-back: CloudWatch alarm bgalarm-5xx went into ALARM',
    );
    expect(r.errors[0]).toContain('rolled back to bgalarm:1, which is serving');
    expect(r.stdout).toContain('in ALARM: bgalarm-5xx');
    expect(calls('UpdateService', from)).toHaveLength(1);
    expect(calls('StopServiceDeployment', from)).toHaveLength(0);
    expect(await primary('bgalarm')).toMatch(/bgalarm:1$/);
  });
});

test('linear with 5 steps: every traffic step shown, succeeded', async () => {
  await service('lin', {
    strategy: 'LINEAR',
    linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 1 },
  });
  const r = await deploy('lin', 'v2');
  expect(r.code).toBe(0);
  expect(r.outputs.status).toBe('succeeded');
  expect(r.stdout).toContain('5 steps of 20 % with 4 × 1m step bakes');
  for (const w of [20, 40, 60, 80, 100]) expect(r.stdout).toContain(`production ${w} %`);
});

test('canary failing at the canary step: rolled back by ECS, the alarm named', async () => {
  await service('can', {
    strategy: 'CANARY',
    canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 },
    alarms: { enable: true, rollback: true, alarmNames: ['can-errors'] },
  });
  await sim.scenario({ service: 'can', scenario: 'healthy', alarmAt: 'canary', alarm: 'can-errors' });
  const r = await deploy('can', 'v2');
  expect(r.code).toBe(1);
  expect(r.outputs.status).toBe('rolled-back');
  expect(r.stdout).toContain('production 10 %');
  expect(r.stdout).not.toContain('production 100 %');
  expect(r.errors[0]).toContain('alarm can-errors went into ALARM');
  expect(await primary('can')).toMatch(/can:1$/);
});

describe('PAUSE lifecycle hooks', () => {
  test('on-pause continue', async () => {
    await service('pcont', PAUSE_AT_TEST_TRAFFIC());
    const r = await deploy('pcont', 'v2', { 'on-pause': 'continue' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /⏸ ContinueServiceDeployment CONTINUE on hook \w+ at POST_TEST_TRAFFIC_SHIFT: on-pause is continue/,
    );
    expect(r.summary).toContain('#### Lifecycle hooks');
  });

  test('on-pause rollback', async () => {
    await service('prb', PAUSE_AT_TEST_TRAFFIC());
    const r = await deploy('prb', 'v2', { 'on-pause': 'rollback' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toContain('on-pause is rollback at POST_TEST_TRAFFIC_SHIFT, so slipway rolled back');
    expect(await primary('prb')).toMatch(/prb:1$/);
  });

  test('on-pause verify, passing: the command sees the stage and revision, its output is in the log and summary', async () => {
    await service('pver', PAUSE_AT_TEST_TRAFFIC());
    const r = await deploy('pver', 'v2', {
      'on-pause': 'verify',
      'verify-command':
        'echo "smoke test at $SLIPWAY_STAGE on ${SLIPWAY_TARGET_REVISION##*/} for $SLIPWAY_SERVICE"',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('│ smoke test at POST_TEST_TRAFFIC_SHIFT on pver:2 for pver');
    expect(r.stdout).toContain('ContinueServiceDeployment CONTINUE');
    expect(r.summary).toContain('smoke test at POST_TEST_TRAFFIC_SHIFT');
  });

  test('on-pause verify, failing: rolled back with the command exit and last line', async () => {
    await service('pvfail', PAUSE_AT_TEST_TRAFFIC());
    const r = await deploy('pvfail', 'v2', {
      'on-pause': 'verify',
      'verify-command': 'echo "GET /health: 503"; exit 3',
    });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toContain(
      'verify-command failed (exit 3): GET /health: 503 at POST_TEST_TRAFFIC_SHIFT, so slipway rolled back',
    );
    expect(await primary('pvfail')).toMatch(/pvfail:1$/);
  });

  test('on-pause wait: prints how to continue or roll back, and reports what the time-out did', async () => {
    await service('pwait', PAUSE_AT_TEST_TRAFFIC(3, 'ROLLBACK'));
    const r = await deploy('pwait', 'v2');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/⏸ paused at POST_TEST_TRAFFIC_SHIFT: hook \w+ awaits an action; it expires in/);
    expect(r.stdout).toMatch(
      /aws ecs continue-service-deployment --service-deployment-arn \S+ --hook-id \w+ --action CONTINUE/,
    );
    expect(r.stdout).toContain(
      'console:     https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/strategies/services/pwait/deployments',
    );
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.errors[0]).toMatch(/timed out: ROLLBACK/);
  });
});

test('a CODE_DEPLOY service is refused before anything is registered', async () => {
  await fx.createService(ecs, {
    cluster: CLUSTER,
    service: 'cd',
    deploymentController: { type: 'CODE_DEPLOY' },
  });
  const from = Date.now();
  const r = await deploy('cd', 'v2');
  expect(r.code).toBe(1);
  expect(r.errors[0]).toContain('nothing was changed: service cd uses the CODE_DEPLOY deployment controller');
  expect(r.errors[0]).toContain('strategy BLUE_GREEN');
  expect(calls('RegisterTaskDefinition', from)).toHaveLength(0);
  expect(await fx.listRevisions(ecs, 'cd')).toHaveLength(1);
});

test('rolling with alarms: an alarm mid-rollout rolls back and is named', async () => {
  await service(
    'rall',
    { alarms: { enable: true, rollback: true, alarmNames: ['rall-5xx'] } },
    { desiredCount: 3 },
  );
  await sim.scenario({ service: 'rall', scenario: 'slow', stepMs: 1500 });
  const run = deploy('rall', 'v2');
  await new Promise((r) => setTimeout(r, 2500));
  await sim.alarm('rall-5xx');
  const r = await run;
  expect(r.code).toBe(1);
  expect(r.outputs.status).toBe('rolled-back');
  expect(r.errors[0]).toContain('alarm rall-5xx went into ALARM');
  expect(await primary('rall')).toMatch(/rall:1$/);
});

test('early success: reported when ECS says so, and the log says scaling continues', async () => {
  await service('early', { earlySuccessCriteria: { enable: true, healthyPercent: 50 } }, { desiredCount: 4 });
  await sim.scenario({ service: 'early', scenario: 'slow', stepMs: 1200 });
  const r = await deploy('early', 'v2');
  expect(r.code).toBe(0);
  expect(r.outputs.status).toBe('succeeded');
  expect(r.stdout).toContain('(ECS declared early success; scaling continues)');
});

test('ecs-rollback of a blue/green service goes through its strategy', async () => {
  await service('bgrb', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
  expect((await deploy('bgrb', 'v2')).code).toBe(0);
  const r = await runAction({
    action: 'ecs-rollback',
    inputs: { cluster: CLUSTER, service: 'bgrb', reason: 'bad release', to: '1', 'poll-interval': '1s' },
    env: env(),
    timeoutMs: 120_000,
  });
  expect(r.code).toBe(0);
  expect(r.outputs.status).toBe('succeeded');
  expect(r.stdout).toContain('strategy BLUE_GREEN');
  expect(r.stdout).toContain('◆ stage BAKE_TIME');
  expect(await primary('bgrb')).toMatch(/bgrb:1$/);
});
