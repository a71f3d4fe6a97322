// ecs-rollback's bundle against moto + the ECS rollout simulator, on a service with a real history made by
// ecs-deploy itself (so the slipway:deployed-at tags are the ones production would have).
import { DeregisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { runAction } from '../../../harness/run-action.mjs';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { startEcsRolloutSimulator } from '../../../harness/ecs-rollout-simulator.mjs';
import * as fx from '../../../harness/ecs-fixture.mjs';

type Sim = Awaited<ReturnType<typeof startEcsRolloutSimulator>>;
let sim: Sim;
let ecs: ReturnType<typeof fx.ecsClient>;
const CLUSTER = 'rollbacks';
const env = () => ({ ...awsEnv(), AWS_ENDPOINT_URL_ECS: sim.url });

beforeAll(async () => {
  await resetMoto();
  sim = await startEcsRolloutSimulator({ motoUrl: motoUrl() });
  ecs = fx.ecsClient(sim.url);
});
afterAll(async () => {
  ecs.destroy();
  await sim.close();
});

/** A service with revisions 1 (created), then `tags` deployed by ecs-deploy in order. */
async function serviceWithHistory(service: string, tags: string[]) {
  await fx.createService(ecs, { cluster: CLUSTER, service });
  for (const tag of tags) {
    const path = fx.writeTaskDefinition(fx.taskDefinitionDoc(service, `${fx.REGISTRY}/${service}:${tag}`));
    const r = await runAction({
      action: 'ecs-deploy',
      inputs: {
        cluster: CLUSTER,
        services: service,
        'task-definition': path,
        'poll-interval': '1s',
        'deregister-failed': 'false',
      },
      env: env(),
      timeoutMs: 60_000,
    });
    if (r.code !== 0 && !tag.includes('unhealthy'))
      throw new Error(`setup deploy of ${tag} failed:\n${r.stdout}`);
  }
}

const rollback = (inputs: Record<string, string>) =>
  runAction({
    action: 'ecs-rollback',
    inputs: {
      cluster: CLUSTER,
      reason: 'bad release: 500s on checkout',
      'poll-interval': '1s',
      timeout: '60s',
      ...inputs,
    },
    env: { ...env(), GITHUB_ACTOR: 'alice' },
    timeoutMs: 90_000,
  });
const running = async (service: string) =>
  ((await fx.describeService(ecs, CLUSTER, service))?.taskDefinition ?? '').split('/').pop();

describe('ecs-rollback', () => {
  test("'previous' goes back to the last successfully deployed revision and records who and why", async () => {
    await serviceWithHistory('prev', ['v2', 'v3']);
    expect(await running('prev')).toBe('prev:3');
    const r = await rollback({ service: 'prev' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('succeeded');
    expect(r.outputs['task-definition-arn']).toMatch(/prev:2$/);
    expect(r.outputs['previous-task-definition-arn']).toMatch(/prev:3$/);
    expect(await running('prev')).toBe('prev:2');
    expect(r.stdout).toMatch(/\| prev:3 \| ACTIVE \| prev:v3 \| demo \| \d{4}-.* \| ← running \|/);
    expect(r.stdout).toMatch(/\| prev:2 \| ACTIVE \| prev:v2 .* \| ← target \|/);
    expect(r.stdout).toContain('Plan: prev: prev:3 → prev:2 · reason: bad release: 500s on checkout');
    expect(r.stdout).toContain('[prev] ✔ prev:2 is serving');
    const tags = await fx.taskDefinitionTags(ecs, r.outputs['task-definition-arn']!);
    expect(tags['slipway:rollback-reason']).toBe('bad release: 500s on checkout');
    expect(tags['slipway:rolled-back-by']).toBe('alice');
    expect(tags['slipway:rolled-back-at']).toMatch(/^\d{4}-/);
    expect(r.summary).toContain('- **actor**: alice');
    expect(r.summary).toContain('- **from → to**: prev:3 → prev:2');
  });

  test('an explicit revision number', async () => {
    await serviceWithHistory('num', ['v2', 'v3']);
    const r = await rollback({ service: 'num', to: '1' });
    expect(r.code).toBe(0);
    expect(await running('num')).toBe('num:1');
  });

  test('an explicit ARN', async () => {
    await serviceWithHistory('byarn', ['v2']);
    const r = await rollback({
      service: 'byarn',
      to: 'arn:aws:ecs:us-east-1:123456789012:task-definition/byarn:1',
    });
    expect(r.code).toBe(0);
    expect(await running('byarn')).toBe('byarn:1');
  });

  test('an INACTIVE target is re-registered from its stored definition, with a note', async () => {
    await serviceWithHistory('inactive', ['v2', 'v3']);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'inactive:2' }));
    const r = await rollback({ service: 'inactive' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'inactive:2 was INACTIVE (deregistered); re-registered its stored definition as inactive:4',
    );
    expect(await running('inactive')).toBe('inactive:4');
    expect(r.outputs['task-definition-arn']).toMatch(/inactive:4$/);
  });

  test('the revision already running is refused', async () => {
    await serviceWithHistory('same', ['v2']);
    const r = await rollback({ service: 'same', to: 'same:2' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual(['ecs-rollback: same:2 is already running on same: nothing to roll back to']);
  });

  test('an unknown revision is refused, another family too', async () => {
    await serviceWithHistory('unknown', ['v2']);
    const r = await rollback({ service: 'unknown', to: '99' });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toContain('ecs-rollback: unknown:99 does not exist');
    const other = await rollback({ service: 'unknown', to: 'payments:1' });
    expect(other.errors[0]).toContain("'to' names payments:1, but service runs the family unknown");
    expect(await running('unknown')).toBe('unknown:2');
  });

  test('dry-run resolves and prints the plan but changes nothing', async () => {
    await serviceWithHistory('dry', ['v2', 'v3']);
    const before = await fx.describeService(ecs, CLUSTER, 'dry');
    const updates = sim.calls().filter((c: { op: string }) => c.op === 'UpdateService').length;
    const r = await rollback({ service: 'dry', 'dry-run': 'true' });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('dry-run');
    expect(r.outputs['task-definition-arn']).toMatch(/dry:2$/);
    expect(r.stdout).toContain('dry-run: nothing was changed');
    const after = await fx.describeService(ecs, CLUSTER, 'dry');
    expect(after?.taskDefinition).toBe(before?.taskDefinition);
    expect(after?.deployments).toHaveLength(1);
    expect(sim.calls().filter((c: { op: string }) => c.op === 'UpdateService').length).toBe(updates);
  });

  test('a rollback whose own deployment fails is reported as failed', async () => {
    // Revision 2 was never healthy (its deploy was rolled back by the breaker); naming it explicitly is allowed.
    await serviceWithHistory('broken', ['v2-unhealthy', 'v3']);
    const r = await rollback({ service: 'broken', to: '2' });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('failed');
    expect(r.warnings.join('\n')).toContain('broken:2 has no slipway:deployed-at tag');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(
      'ecs-rollback: rollback of broken to broken:2 failed: ECS deployment circuit breaker: tasks failed to start',
    );
    expect(r.errors[0]).toContain('the service is on broken:3');
    expect(await running('broken')).toBe('broken:3');
  });
});
