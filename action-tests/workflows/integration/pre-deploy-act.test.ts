// End to end under act: the deploy template with `pre-deploy-command` -> ecs-deploy.yml's deploy job runs the
// migration on the rendered revision through ecs-run-task, then deploys that same revision; a failing
// migration stops the job before ecs-deploy and the summary says nothing was deployed. Against moto + the
// ECS rollout simulator (RunTask handed to the task runner) + the CloudWatch Logs proxy + the fake OIDC issuer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { ECRClient, CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { startEcsRolloutSimulator } from '../../../harness/ecs-rollout-simulator.mjs';
import { createMotoNetwork, startLogsProxy } from '../../../harness/ecs-task-runner-sim.mjs';
import { startFakeOidc } from '../../../harness/fake-oidc.mjs';
import * as fx from '../../../harness/ecs-fixture.mjs';
import { runWorkflow, findAct, actPinned } from '../../../harness/workflow-runner.mjs';
import { repoRoot } from '../../../harness/run-action.mjs';

type Sim = Awaited<ReturnType<typeof startEcsRolloutSimulator>>;
type Oidc = Awaited<ReturnType<typeof startFakeOidc>>;
type Logs = Awaited<ReturnType<typeof startLogsProxy>>;

const act = findAct();
const maybe = act || actPinned() ? describe : describe.skip;

const CLUSTER = 'e2e-migrate';
const ROLE = 'arn:aws:iam::123456789012:role/slipway-deploy';
const vars = { SLIPWAY_ROLE_ARN: ROLE, SLIPWAY_REGION: 'us-east-1', SLIPWAY_CLUSTER: CLUSTER };
let sim: Sim;
let oidc: Oidc;
let logs: Logs;
let ecs: ReturnType<typeof fx.ecsClient>;
let network: Awaited<ReturnType<typeof createMotoNetwork>>;
let ecr: ECRClient;

/** A task definition as the service's repository keeps it: awsvpc, awslogs to /ecs/<service>. */
function taskDefinition(service: string, image: string) {
  const doc = fx.taskDefinitionDoc(service, image) as {
    containerDefinitions: Array<Record<string, unknown>>;
  };
  doc.containerDefinitions[0]!.logConfiguration = {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': `/ecs/${service}`,
      'awslogs-region': 'us-east-1',
      'awslogs-stream-prefix': 'ecs',
    },
  };
  return doc;
}

async function createService(service: string) {
  const { tags: _t, ...input } = taskDefinition(service, `${fx.REGISTRY}/${service}:v1`) as Record<
    string,
    unknown
  >;
  const td = await ecs.send(new RegisterTaskDefinitionCommand(input as never));
  await ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: service,
      taskDefinition: td.taskDefinition!.taskDefinitionArn!,
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: network.subnets, securityGroups: [network.securityGroup] },
      },
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    }),
  );
}

/** The deploy template with a given image, the repository's task definition file and a migration. */
function caller(service: string, image: string) {
  return readFileSync(join(repoRoot, 'workflows', 'deploy.yml'), 'utf8')
    .replaceAll('$default-branch', 'main')
    .replace('service: my-service', `service: ${service}`)
    .replace(
      'ecr-repository: my-service',
      `image: ${image}\n      task-definition: .aws/task-definition.json\n      pre-deploy-command: python manage.py migrate --noinput`,
    )
    .replace(/^\s+(lint|test)-command: .*\n/gm, '');
}

async function deploy(service: string) {
  await ecr.send(new CreateRepositoryCommand({ repositoryName: service })).catch(() => undefined);
  const image = `${fx.REGISTRY}/${service}@${await fx.putEcrImage(ecr, service, 'v2', '2')}`;
  const aws = awsEnv();
  return runWorkflow({
    workflow: caller(service, image),
    files: {
      '.aws/task-definition.json': JSON.stringify(taskDefinition(service, `${fx.REGISTRY}/${service}:v1`)),
    },
    env: {
      ...oidc.env,
      AWS_ENDPOINT_URL: aws.AWS_ENDPOINT_URL,
      AWS_ENDPOINT_URL_ECS: sim.url,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logs.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    vars,
  });
}

/** The container's lines as act prints them (`[job]   | │ line`), in order. */
const printedLines = (output: string) =>
  output
    .split('\n')
    .map((l) => /\|\s│ (.*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);

const ops = (op: string) => sim.calls().filter((c: { op: string }) => c.op === op);

maybe('pre-deploy command under act', () => {
  beforeAll(async () => {
    await resetMoto();
    sim = await startEcsRolloutSimulator({ motoUrl: motoUrl() });
    logs = await startLogsProxy({ motoUrl: motoUrl(), beforeRead: () => sim.taskRunner.flush() });
    oidc = await startFakeOidc({ environment: 'production' });
    ecs = fx.ecsClient(sim.url);
    network = await createMotoNetwork(motoUrl());
    ecr = new ECRClient({
      region: 'us-east-1',
      endpoint: motoUrl(),
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'testing-secret-not-real' },
    });
    await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  });
  afterAll(async () => {
    ecs?.destroy();
    ecr?.destroy();
    await sim?.close();
    await logs?.close();
    await oidc?.close();
  });

  test('the migration runs on the new revision, then that same revision is deployed', async () => {
    await createService('shop');
    const lines = [
      'Operations to perform:',
      '  Apply all migrations: orders',
      '  Applying orders.0042_refunds... OK',
    ];
    sim.taskRunner.script({ family: 'shop', exitCode: 0, lines });
    const updatesBefore = ops('UpdateService').length;
    const r = await deploy('shop');
    if (r.code !== 0) console.log(r.output);
    expect(r.code).toBe(0);
    const job = r.job('deploy to production')!;
    expect(job.steps.map((s) => s.name)).toEqual([
      expect.stringContaining('actions/checkout@'),
      'slipway-dev/slipway/actions/aws-auth@v1',
      'slipway-dev/slipway/actions/render-task-definition@v1',
      'slipway-dev/slipway/actions/ecs-run-task@v1',
      'slipway-dev/slipway/actions/ecs-deploy@v1',
    ]);
    expect(job.outputs.status).toBe('succeeded');
    expect(printedLines(r.output)).toEqual(lines);
    // One task, of the revision that was then deployed; the revision was registered once.
    const run = sim.taskRunner
      .runTaskRequests()
      .filter((x: { payload: { taskDefinition: string } }) => x.payload.taskDefinition.includes('/shop:'));
    expect(run).toHaveLength(1);
    expect(run[0].payload.taskDefinition).toMatch(/task-definition\/shop:2$/);
    expect(run[0].payload.overrides.containerOverrides[0].command).toEqual([
      'python',
      'manage.py',
      'migrate',
      '--noinput',
    ]);
    expect(ops('UpdateService').length - updatesBefore).toBe(1);
    expect((await fx.describeService(ecs, CLUSTER, 'shop'))?.taskDefinition).toMatch(
      /task-definition\/shop:2$/,
    );
    expect(await fx.listRevisions(ecs, 'shop')).toHaveLength(2);
  });

  test('a failing migration stops the job before ecs-deploy, and the summary says nothing was deployed', async () => {
    await createService('orders');
    const lines = ['  Applying orders.0043_index...', 'django.db.utils.OperationalError: lock timeout'];
    sim.taskRunner.script({ family: 'orders', exitCode: 1, lines });
    const updatesBefore = ops('UpdateService').length;
    const r = await deploy('orders');
    expect(r.code).not.toBe(0);
    const job = r.job('deploy to production')!;
    expect(job.result).toBe('failed');
    const names = job.steps.map((s) => s.name);
    expect(names).not.toContain('slipway-dev/slipway/actions/ecs-deploy@v1');
    expect(job.steps.find((s) => s.name === 'slipway-dev/slipway/actions/ecs-run-task@v1')?.ok).toBe(false);
    expect(job.steps.find((s) => s.name.startsWith("Report the pre-deploy command's failure"))?.ok).toBe(
      true,
    );
    expect(r.output).toContain('::error::ecs-run-task: task ');
    expect(r.output).toContain('container orders exited with 1');
    expect(r.output).toContain('orders: not deployed');
    expect(r.output).toContain('so the new revision was not deployed: `orders` keeps the revision it runs.');
    expect(ops('UpdateService').length).toBe(updatesBefore);
    expect((await fx.describeService(ecs, CLUSTER, 'orders'))?.taskDefinition).toMatch(
      /task-definition\/orders:1$/,
    );
  });
});
