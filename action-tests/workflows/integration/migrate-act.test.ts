// End to end under act (host mode, offline): workflows/migrate-from-aws-starter.yml, the slipway translation
// of GitHub's "Deploy to Amazon ECS" starter workflow, through ecs-deploy.yml's build and deploy jobs: aws-auth
// (fake OIDC -> moto STS), build-push with the fake docker CLI (harness/fake-docker.mjs: no Docker engine
// here), render-task-definition from the repository's .aws/task-definition.json, ecs-deploy against the ECS
// rollout simulator. The scan job is switched off here (Trivy would pull the image from a real registry;
// the gate action's integration tests scan); docs/migrating.md lists it as a difference from the starter.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ECRClient, CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { startEcsRolloutSimulator } from '../../../harness/ecs-rollout-simulator.mjs';
import { startFakeOidc } from '../../../harness/fake-oidc.mjs';
import { fakeDocker } from '../../../harness/fake-docker.mjs';
import * as fx from '../../../harness/ecs-fixture.mjs';
import { runWorkflow, findAct, actPinned } from '../../../harness/workflow-runner.mjs';
import { repoRoot, node24 } from '../../../harness/run-action.mjs';

const act = findAct();
const maybe = act || actPinned() ? describe : describe.skip;

maybe('the official ECS starter, translated to slipway, under act', () => {
  let sim: Awaited<ReturnType<typeof startEcsRolloutSimulator>>;
  let oidc: Awaited<ReturnType<typeof startFakeOidc>>;
  let ecs: ReturnType<typeof fx.ecsClient>;

  beforeAll(async () => {
    await resetMoto();
    sim = await startEcsRolloutSimulator({ motoUrl: motoUrl(), region: 'us-east-2' });
    oidc = await startFakeOidc({ environment: 'production' });
    ecs = fx.ecsClient(sim.url, 'us-east-2');
    const ecr = new ECRClient({
      region: 'us-east-2',
      endpoint: motoUrl(),
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'testing-secret-not-real' },
    });
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'my-ecr-repo' }));
    ecr.destroy();
  });
  afterAll(async () => {
    ecs?.destroy();
    await sim?.close();
    await oidc?.close();
  });

  test('push -> build (fake docker) -> render from .aws/task-definition.json -> watched deploy that serves', async () => {
    await fx.createService(ecs, { cluster: 'my-cluster', service: 'my-service' });
    const docker = fakeDocker();
    const workflow = readFileSync(join(repoRoot, 'workflows', 'migrate-from-aws-starter.yml'), 'utf8')
      .replaceAll('$default-branch', 'main')
      .replace(/^(\s+)timeout: 30m.*\n/m, '$1timeout: 5m\n$1scan: false\n');
    const r = await runWorkflow({
      workflow,
      files: {
        '.aws/task-definition.json': JSON.stringify(
          fx.taskDefinitionDoc('my-service', `${fx.REGISTRY}/my-ecr-repo:v1`, {
            containerName: 'my-container',
          }),
        ),
        Dockerfile: 'FROM scratch\n',
      },
      env: {
        ...oidc.env,
        ...docker.env,
        PATH: `${docker.env.PATH.split(':')[0]}:${dirname(node24)}:${process.env.PATH}`,
        AWS_ENDPOINT_URL: awsEnv().AWS_ENDPOINT_URL,
        AWS_ENDPOINT_URL_ECS: sim.url,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      vars: { SLIPWAY_ROLE_ARN: 'arn:aws:iam::123456789012:role/slipway-deploy' },
      timeoutMs: 300_000,
    });
    if (r.code !== 0) console.log(r.output);
    expect(r.code).toBe(0);
    // The build job's name, `build (linux/amd64)`, holds a slash: act's log prefix cuts it to `amd64)`.
    expect(Object.keys(r.jobs).sort()).toEqual(['amd64)', 'deploy to production']);
    const build = r.jobs['amd64)']!;
    expect(build.steps.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'slipway-dev/slipway/actions/aws-auth@v1',
        'slipway-dev/slipway/actions/build-push@v1',
      ]),
    );
    const deploy = r.job('deploy to production')!;
    expect(deploy.outputs.status).toBe('succeeded');
    // The deployed image is the one just built, pinned by digest, in the starter's container.
    const built = build.outputs['image-ref'];
    expect(built).toMatch(
      /^123456789012\.dkr\.ecr\.us-east-2\.amazonaws\.com\/my-ecr-repo@sha256:[0-9a-f]{64}$/,
    );
    const svc0 = await fx.describeService(ecs, 'my-cluster', 'my-service');
    const td = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: svc0!.taskDefinition }));
    expect(td.taskDefinition?.containerDefinitions?.find((c) => c.name === 'my-container')?.image).toBe(
      built,
    );
    const builds = docker.builds();
    expect(builds).toHaveLength(1);
    expect(builds[0].argv).toEqual(expect.arrayContaining(['--platform', 'linux/amd64']));
    const svc = await fx.describeService(ecs, 'my-cluster', 'my-service');
    expect(svc?.taskDefinition).toMatch(/task-definition\/my-service:2$/);
  }, 360_000);
});
