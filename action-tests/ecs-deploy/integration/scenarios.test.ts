// long-file: the deploy scenarios of the first release against one simulator and moto; one scenario per test
// ecs-deploy's bundle against moto + the ECS rollout simulator: the scenarios a deploy meets in real life.
import { runAction } from '../../../harness/run-action.mjs';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { startEcsRolloutSimulator } from '../../../harness/ecs-rollout-simulator.mjs';
import * as fx from '../../../harness/ecs-fixture.mjs';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';

type Sim = Awaited<ReturnType<typeof startEcsRolloutSimulator>>;
let sim: Sim;
let ecs: ReturnType<typeof fx.ecsClient>;
const CLUSTER = 'scenarios';

beforeAll(async () => {
  await resetMoto();
  sim = await startEcsRolloutSimulator({ motoUrl: motoUrl() });
  ecs = fx.ecsClient(sim.url);
});
afterAll(async () => {
  ecs.destroy();
  await sim.close();
});

async function deploy(
  service: string,
  tag: string,
  inputs: Record<string, string> = {},
  opts: { desiredCount?: number; breaker?: boolean; create?: boolean } = {},
) {
  if (opts.create !== false)
    await fx.createService(ecs, {
      cluster: CLUSTER,
      service,
      desiredCount: opts.desiredCount ?? 2,
      breaker: opts.breaker ?? true,
    });
  const path = fx.writeTaskDefinition(fx.taskDefinitionDoc(service, `${fx.REGISTRY}/${service}:${tag}`));
  return runAction({
    action: 'ecs-deploy',
    inputs: {
      cluster: CLUSTER,
      services: service,
      'task-definition': path,
      timeout: '60s',
      'poll-interval': '1s',
      ...inputs,
    },
    env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
    timeoutMs: 120_000,
  });
}

const primaryTaskDefinition = async (service: string) =>
  (await fx.describeService(ecs, CLUSTER, service))?.taskDefinition ?? '';

describe('ecs-deploy scenarios', () => {
  test('healthy rollout: succeeds only once the new revision serves, tags it, reports it', async () => {
    const r = await deploy('healthy', 'v2');
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('succeeded');
    expect(r.outputs['task-definition-arn']).toMatch(/task-definition\/healthy:2$/);
    expect(r.outputs['previous-task-definition-arn']).toMatch(/task-definition\/healthy:1$/);
    expect(r.outputs['deployment-id']).toMatch(/^ecs-svc\/\d+$/);
    expect(await primaryTaskDefinition('healthy')).toBe(r.outputs['task-definition-arn']);
    const tags = await fx.taskDefinitionTags(ecs, r.outputs['task-definition-arn']);
    expect(tags['slipway:deployed-at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(tags['slipway:commit']).toBe('demo');
    // The watch printed the progression and ECS's own events, each once.
    expect(r.stdout).toContain('[healthy] ⟳ PRIMARY healthy:2 IN_PROGRESS');
    expect(r.stdout).toContain('[healthy] ⟳ PRIMARY healthy:2 COMPLETED 2/2 running');
    expect(r.stdout.match(/deployment completed\./g)).toHaveLength(1);
    expect(r.summary).toContain('| healthy:1 → healthy:2 | ✅ succeeded |');
    // Exactly one UpdateService: two would start two deployments.
    expect(sim.calls().filter((c: { op: string }) => c.op === 'UpdateService')).toHaveLength(1);
  });

  test('slow rollout: keeps watching and printing only changes until completed', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'slow', desiredCount: 3 });
    await sim.scenario({ service: 'slow', scenario: 'slow', stepMs: 1500 });
    const r = await deploy('slow', 'v2', {}, { create: false });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('succeeded');
    const progress = r.stdout.split('\n').filter((l) => l.includes('[slow] ⟳'));
    expect(new Set(progress).size).toBe(progress.length); // no repeated progress line
    expect(progress.length).toBeGreaterThanOrEqual(4);
  });

  test('circuit breaker: ECS rolls back, the step fails, says why and that the old revision serves', async () => {
    const r = await deploy('breaker', 'v2-unhealthy');
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.outputs['rolled-back']).toBe('true');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(
      'ecs-deploy: service breaker: rolled-back: ECS deployment circuit breaker: tasks failed to start; rolled back to breaker:1, which is serving',
    );
    expect(r.errors[0]).toContain('Task failed ELB health checks');
    expect(r.stdout).toContain('ECS is rolling back to breaker:1');
    expect(await primaryTaskDefinition('breaker')).toMatch(/breaker:1$/);
    // The failed revision is deregistered; the good one stays.
    expect(await fx.listRevisions(ecs, 'breaker', 'INACTIVE')).toEqual([expect.stringMatching(/breaker:2$/)]);
    expect(r.summary).toContain('#### Why');
  });

  test('tasks crash without a breaker: slipway rolls back itself with StopServiceDeployment', async () => {
    const r = await deploy('nobreaker', 'v2-crash', {}, { breaker: false });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.stdout).toMatch(
      /✖ \d tasks? stopped: Essential container in task exited \[EssentialContainerExited\]; nobreaker: exit 1/,
    );
    expect(r.stdout).toContain("the app exited: read the container's logs");
    expect(r.stdout).toContain('Rolling back: StopServiceDeployment(ROLLBACK)');
    expect(r.errors[0]).toContain(
      'tasks of the new deployment failed (limit 3) and the service has no circuit breaker',
    );
    expect(await primaryTaskDefinition('nobreaker')).toMatch(/nobreaker:1$/);
  });

  test('without the Service Deployments API the rollback falls back to UpdateService', async () => {
    await sim.configure({ serviceDeploymentsApi: false });
    try {
      const r = await deploy('oldapi', 'v2-crash', {}, { breaker: false });
      expect(r.code).toBe(1);
      expect(r.outputs.status).toBe('rolled-back');
      expect(r.stdout).toContain('Rolling back: UpdateService → oldapi:1');
      expect(r.stdout).not.toContain('◆ service deployment');
      expect(await primaryTaskDefinition('oldapi')).toMatch(/oldapi:1$/);
    } finally {
      await sim.configure({ serviceDeploymentsApi: true });
    }
  });

  test('stuck deployment: times out, says what was still in progress, rolls back', async () => {
    const r = await deploy('stuck', 'v2-stuck', { timeout: '6s' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('timed-out');
    expect(r.outputs['rolled-back']).toBe('true');
    expect(r.errors[0]).toContain(
      'not stable after 6s; still in progress: PRIMARY stuck:2 IN_PROGRESS 0/2 running, 2 pending',
    );
    expect(r.stdout).toContain('was unable to place a task');
    expect(await primaryTaskDefinition('stuck')).toMatch(/stuck:1$/);
  });

  test('a throttling storm during the watch is retried and never ends the watch', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'throttled' });
    await sim.scenario({ service: 'throttled', scenario: 'healthy', stepMs: 1000 });
    const before = sim.calls().length;
    // The storm starts after the pre-flight DescribeServices and the first watch poll.
    await sim.fault({ operation: 'DescribeServices', type: 'throttle', count: 8, skip: 2 });
    await sim.fault({ operation: 'DescribeServiceDeployments', type: '5xx', count: 2 });
    await sim.fault({ operation: 'ListTasks', type: 'drop', count: 1 });
    const r = await deploy('throttled', 'v2', { 'max-attempts': '3' }, { create: false });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('succeeded');
    expect(r.warnings.join('\n')).toMatch(
      /DescribeServices throttled \(ThrottlingException: Rate exceeded\); retry 1 in/,
    );
    expect(sim.calls().length).toBeGreaterThan(before);
  });

  test('AccessDenied during the watch ends it at once, naming the permission', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'denied' });
    await sim.fault({ operation: 'DescribeServices', type: 'access-denied', count: 1, skip: 1 });
    const r = await deploy('denied', 'v2', {}, { create: false });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringContaining(
        'service denied: DescribeServices was denied: the deploy role needs ecs:DescribeServices',
      ),
    ]);
    expect(r.errors[0]).toContain('was started and is no longer watched');
    expect(sim.calls().filter((c: { op: string }) => c.op === 'DescribeServices').length).toBeGreaterThan(0);
  });

  test('a role that may not use the Service Deployments API falls back to the deployments array', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'nosd' });
    await sim.fault({ operation: 'ListServiceDeployments', type: 'access-denied', count: 1 });
    const r = await deploy('nosd', 'v2', {}, { create: false });
    expect(r.code).toBe(0);
    expect(r.warnings.join('\n')).toContain(
      'ListServiceDeployments was denied: the deploy role needs ecs:ListServiceDeployments',
    );
  });

  test('a missing service fails before anything is registered or updated', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'present' });
    const revisions = await fx.listRevisions(ecs, 'present');
    const path = fx.writeTaskDefinition(fx.taskDefinitionDoc('present', `${fx.REGISTRY}/present:v2`));
    const r = await runAction({
      action: 'ecs-deploy',
      inputs: { cluster: CLUSTER, services: 'present\nghost', 'task-definition': path },
      env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      `ecs-deploy: nothing was changed: service ghost does not exist in cluster ${CLUSTER} (MISSING)`,
    ]);
    expect(await fx.listRevisions(ecs, 'present')).toEqual(revisions);
  });

  test('a Windows revision for a service on Fargate Spot is refused before anything is registered', async () => {
    await fx.createService(ecs, {
      cluster: CLUSTER,
      service: 'spot',
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    });
    const doc = {
      ...fx.taskDefinitionDoc('spot', `${fx.REGISTRY}/spot:v2`),
      runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
    };
    const r = await runAction({
      action: 'ecs-deploy',
      inputs: { cluster: CLUSTER, services: 'spot', 'task-definition': fx.writeTaskDefinition(doc) },
      env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "ecs-deploy: nothing was changed: service spot uses FARGATE_SPOT, which cannot run this task definition's platform (Windows tasks need FARGATE)",
    ]);
    expect(await fx.listRevisions(ecs, 'spot')).toHaveLength(1);
  });

  test('a missing cluster is named', async () => {
    const path = fx.writeTaskDefinition(fx.taskDefinitionDoc('web', `${fx.REGISTRY}/web:v2`));
    const r = await runAction({
      action: 'ecs-deploy',
      inputs: { cluster: 'nowhere', services: 'web', 'task-definition': path },
      env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      'ecs-deploy: nothing was changed: cluster nowhere does not exist in us-east-1',
    ]);
  });

  test('two services, one failing: each is watched and reported on its own', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'api' });
    await fx.createService(ecs, { cluster: CLUSTER, service: 'worker' });
    await sim.scenario({ service: 'worker', scenario: 'unhealthy' });
    const path = fx.writeTaskDefinition(fx.taskDefinitionDoc('shared', `${fx.REGISTRY}/shared:v2`));
    const r = await runAction({
      action: 'ecs-deploy',
      inputs: {
        cluster: CLUSTER,
        services: 'api, worker',
        'task-definition': path,
        timeout: '60s',
        'poll-interval': '1s',
      },
      env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
      timeoutMs: 120_000,
    });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    const results = JSON.parse(r.outputs.results ?? '[]') as Array<{ service: string; status: string }>;
    expect(results.map((x) => [x.service, x.status])).toEqual([
      ['api', 'succeeded'],
      ['worker', 'rolled-back'],
    ]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('service worker: rolled-back');
    expect(r.stdout).toContain('[api] ✔ shared:1 is serving');
    expect(r.summary).toMatch(/\| \[api\].*✅ succeeded/);
    expect(r.summary).toMatch(/\| \[worker\].*↩️ rolled-back/);
    // api runs the new revision, so it is not deregistered, and it is tagged as deployed.
    expect(await fx.listRevisions(ecs, 'shared')).toHaveLength(1);
  });

  /** One revision of `family` to `<family>-api` and `<family>-worker` with rollback-scope all; the worker fails. */
  async function releaseWithFailingWorker(family: string, apiImage?: string) {
    const api = await fx.createService(ecs, { cluster: CLUSTER, service: `${family}-api`, image: apiImage });
    const worker = await fx.createService(ecs, { cluster: CLUSTER, service: `${family}-worker` });
    await sim.scenario({ service: `${family}-worker`, scenario: 'unhealthy' });
    const path = fx.writeTaskDefinition(fx.taskDefinitionDoc(family, `${fx.REGISTRY}/${family}:v2`));
    const r = await runAction({
      action: 'ecs-deploy',
      inputs: {
        cluster: CLUSTER,
        services: `${family}-api, ${family}-worker`,
        'task-definition': path,
        'rollback-scope': 'all',
        timeout: '60s',
        'poll-interval': '1s',
      },
      env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
      timeoutMs: 120_000,
    });
    const results = JSON.parse(r.outputs.results ?? '[]') as Array<{
      service: string;
      status: string;
      reason: string;
      finalTaskDefinition: string;
    }>;
    return { r, results, api, worker };
  }

  test('rollback-scope all: one service fails, so the one where the revision succeeded is rolled back too', async () => {
    const { r, results, api, worker } = await releaseWithFailingWorker('shop');
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('rolled-back');
    expect(results.map((x) => [x.service, x.status, x.finalTaskDefinition])).toEqual([
      ['shop-api', 'rolled-back', api.taskDefinitionArn],
      ['shop-worker', 'rolled-back', worker.taskDefinitionArn],
    ]);
    expect(results[0]?.reason).toBe(
      'rolled back with the release: shop-worker failed and rollback-scope is all',
    );
    // The api deploy really succeeded first, then was put back and watched like any rollback.
    expect(r.stdout).toContain('[shop-api] ✔ shop:1 is serving');
    expect(r.warnings).toContain('rolling back shop-api too: shop-worker failed and rollback-scope is all');
    expect(r.stdout).toContain('[shop-api] ✔ shop-api:1 is serving: deployment completed');
    expect(r.stdout).toContain('[shop-api] ↩ rolled back with the release: shop-api:1 is serving again');
    // One error per service, each with its own reason.
    expect(r.errors).toHaveLength(2);
    expect(r.errors.find((e: string) => e.includes('service shop-api'))).toContain(
      'rolled back with the release',
    );
    // What ECS runs afterwards: both services on their previous revision, nothing on the new one.
    const after = await ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: ['shop-api', 'shop-worker'] }),
    );
    expect(after.services?.map((s) => s.taskDefinition)).toEqual([
      api.taskDefinitionArn,
      worker.taskDefinitionArn,
    ]);
    // Nothing runs the new revision: it is neither tagged deployed nor kept.
    expect(r.stdout).not.toContain('slipway:deployed-at=');
    expect(r.stdout).toContain('Deregistered shop:');
  });

  test('rollback-scope all: when putting a healthy service back fails too, it says so and keeps the revision', async () => {
    // rel-api's previous revision runs an image the simulator fails (tag contains "unhealthy"): the release
    // rollback of rel-api trips its breaker and ECS returns it to the new revision.
    const { r, results, worker } = await releaseWithFailingWorker(
      'rel',
      `${fx.REGISTRY}/rel-api:v1-unhealthy`,
    );
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('failed');
    const target = r.outputs['task-definition-arn'] ?? '';
    expect(results.map((x) => [x.service, x.status, x.finalTaskDefinition])).toEqual([
      ['rel-api', 'failed', target],
      ['rel-worker', 'rolled-back', worker.taskDefinitionArn],
    ]);
    expect(results[0]?.reason).toMatch(
      /^rolled back with the release: rel-worker failed and rollback-scope is all, but that rollback did not complete: /,
    );
    const apiError = r.errors.find((e: string) => e.includes('service rel-api'));
    expect(apiError).toContain('the service is on rel:1');
    // rel-api still serves the new revision, which had succeeded there: it is kept and tagged as deployed.
    expect(r.stdout).not.toContain('Deregistered rel:');
    expect(r.stdout).toContain('Tagged rel:1 slipway:deployed-at=');
  });

  test('an existing task definition ARN is deployed without registering anything', async () => {
    const { taskDefinitionArn } = await fx.createService(ecs, { cluster: CLUSTER, service: 'byarn' });
    const path = fx.writeTaskDefinition(fx.taskDefinitionDoc('byarn', `${fx.REGISTRY}/byarn:v2`));
    const first = await runAction({
      action: 'ecs-deploy',
      inputs: { cluster: CLUSTER, services: 'byarn', 'task-definition': path, 'poll-interval': '1s' },
      env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
      timeoutMs: 60_000,
    });
    expect(first.code).toBe(0);
    const r = await runAction({
      action: 'ecs-deploy',
      inputs: {
        cluster: CLUSTER,
        services: 'byarn',
        'task-definition': taskDefinitionArn,
        'poll-interval': '1s',
      },
      env: { ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Registered');
    expect(await primaryTaskDefinition('byarn')).toBe(taskDefinitionArn);
  });
});
