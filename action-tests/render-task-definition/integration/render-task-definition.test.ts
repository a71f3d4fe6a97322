// long-file: one suite against one moto (ECS and ECR); one render scenario per test
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { putEcrImage } from '../../../harness/ecs-fixture.mjs';
import { runAction } from '../../../harness/run-action.mjs';
import { awsEnv, resetMoto } from '../../../harness/emulator.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const ACTION = 'render-task-definition';
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com'; // moto's default account
const SHA = '0123456789abcdef0123456789abcdef01234567'; // runnerEnv's GITHUB_SHA
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const workspace = tempDir('slipway-render-ws-');
const file = (name: string, text: string) => {
  const p = join(workspace, name);
  writeFileSync(p, text);
  return p;
};

type Json = Record<string, unknown> & { containerDefinitions: Array<Record<string, unknown>> };
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Json;
const digests: Record<string, string> = {};

function clientConfig() {
  const env = awsEnv();
  return {
    region: 'us-east-1',
    endpoint: env.AWS_ENDPOINT_URL,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
  };
}

const putImage = (ecr: ECRClient, repositoryName: string, tag: string, layer: string): Promise<string> =>
  putEcrImage(ecr, repositoryName, tag, layer);

beforeAll(async () => {
  await resetMoto();
  const ecs = new ECSClient(clientConfig());
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'payments-api',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '1024',
      memory: '2048',
      executionRoleArn: 'arn:aws:iam::123456789012:role/payments-execution',
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
      containerDefinitions: [
        {
          name: 'api',
          image: `${ECR}/payments/api:v1`,
          essential: true,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          environment: [{ name: 'MODE', value: 'live' }],
          secrets: [{ name: 'DB_PASSWORD', valueFrom: '/payments/prod/db-password' }],
        },
      ],
      tags: [
        { key: 'team', value: 'payments' },
        { key: 'cost-center', value: '42' },
      ],
    }),
  );
  ecs.destroy();
  const ecr = new ECRClient(clientConfig());
  for (const repositoryName of ['payments/api', 'team/api', 'team/worker'])
    await ecr.send(new CreateRepositoryCommand({ repositoryName }));
  digests['payments/api:v2'] = await putImage(ecr, 'payments/api', 'v2', '1');
  digests['team/api:v2'] = await putImage(ecr, 'team/api', 'v2', '2');
  digests['team/worker:v2'] = await putImage(ecr, 'team/worker', 'v2', '3');
  digests['payments/api:latest'] = await putImage(ecr, 'payments/api', 'latest', '4');
  ecr.destroy();
});

describe('render-task-definition bundle against moto', () => {
  test('fetches a registered task definition with its tags, pins the new image, keeps runtimePlatform', async () => {
    const r = await runAction({
      action: ACTION,
      inputs: {
        'task-definition': 'payments-api',
        'container-name': 'api',
        image: `${ECR}/payments/api:v2`,
        environment: 'DSN=postgres://db/app?sslmode=require&x=a=b',
        tags: 'env=prod',
      },
      env: awsEnv(),
    });
    expect(r.stderr).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const td = readJson(r.outputs['task-definition']!);
    expect(r.outputs['task-definition']!.startsWith(r.runnerTemp)).toBe(true);
    expect(r.outputs.family).toBe('payments-api');
    expect(JSON.parse(r.outputs.images!)).toEqual({
      api: `${ECR}/payments/api@${digests['payments/api:v2']}`,
    });
    expect(JSON.parse(r.outputs.changed!)).toEqual(['api']);
    for (const f of [
      'taskDefinitionArn',
      'revision',
      'status',
      'compatibilities',
      'requiresAttributes',
      'registeredAt',
    ])
      expect(td).not.toHaveProperty(f);
    expect(td.runtimePlatform).toEqual({ cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
    expect(td.tags).toEqual([
      { key: 'team', value: 'payments' },
      { key: 'cost-center', value: '42' },
      { key: 'env', value: 'prod' },
      { key: 'slipway:commit', value: SHA },
      { key: 'slipway:run-id', value: '4242' },
      { key: 'slipway:ref', value: 'refs/heads/main' },
    ]);
    const api = td.containerDefinitions[0]!;
    expect(api.environment).toEqual([
      { name: 'MODE', value: 'live' },
      { name: 'DSN', value: 'postgres://db/app?sslmode=require&x=a=b' },
    ]);
    expect(api.dockerLabels).toEqual({ 'org.opencontainers.image.revision': SHA });
    expect(r.summary).toContain(`\`${ECR}/payments/api:v1\``);
    expect(r.summary).toContain(`\`${ECR}/payments/api@${digests['payments/api:v2']}\` (pinned)`);
    expect(r.summary).toContain('| DSN |');
    r.cleanup();
  });

  test('renders a multi-container JSON file: one image per container, digests pinned, unknown fields kept', async () => {
    const out = join(workspace, 'out', 'web.json');
    const r = await runAction({
      action: ACTION,
      inputs: {
        'task-definition': fixture('web.json'),
        containers: `api=${ECR}/team/api:v2\nworker=${ECR}/team/worker:v2`,
        secrets: 'API_KEY=arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-AbCdEf:key::',
        'output-path': out,
      },
      env: awsEnv(),
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs['task-definition']).toBe(out);
    const td = readJson(out);
    expect(JSON.parse(r.outputs.images!)).toEqual({
      api: `${ECR}/team/api@${digests['team/api:v2']}`,
      worker: `${ECR}/team/worker@${digests['team/worker:v2']}`,
      'log-router': 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
    });
    expect(JSON.parse(r.outputs.changed!)).toEqual(['api', 'worker']);
    expect(td.someFutureEcsField).toEqual({ enabled: true });
    expect(td.enableFaultInjection).toBe(false);
    expect(td.containerDefinitions[1]!.command).toEqual(['sh', '-c', 'exec worker --queue ${QUEUE_URL}']);
    expect(td.containerDefinitions[2]!.dockerLabels).toBeUndefined();
    expect(r.stdout).toContain(
      '::notice::log-router: public.ecr.aws/aws-observability/aws-for-fluent-bit:stable is not a private ECR image',
    );
    // secret references are listed by name only
    expect(r.summary).toContain('API_KEY');
    expect(r.summary).not.toContain('api-key-AbCdEf');
    r.cleanup();
  });

  test('renders a YAML template with variables, without pinning', async () => {
    const r = await runAction({
      action: ACTION,
      inputs: {
        'task-definition': fixture('web.yaml'),
        containers: `api=${ECR}/team/api:v2`,
        variables: 'STAGE=prod',
        'environment-containers': 'api,worker',
        environment: 'FEATURE_FLAGS=a=1,b=2',
        'pin-digests': 'false',
        'log-group': '/ecs/web-prod',
      },
      env: awsEnv(),
    });
    expect(r.errors).toEqual([]);
    const td = readJson(r.outputs['task-definition']!);
    expect(td.family).toBe('web-prod');
    expect(td.taskRoleArn).toBe('arn:aws:iam::123456789012:role/web-prod');
    expect(td.cpu).toBe('1 vCPU');
    expect(td.containerDefinitions[0]!.image).toBe(`${ECR}/team/api:v2`);
    expect(td.containerDefinitions[0]!.environment).toEqual([
      { name: 'DATABASE_URL', value: 'postgres://db.prod.internal:5432/app?sslmode=require' },
      { name: 'FEATURE_FLAGS', value: 'a=1,b=2' },
    ]);
    expect(td.containerDefinitions[1]!.environment).toEqual([{ name: 'FEATURE_FLAGS', value: 'a=1,b=2' }]);
    expect(td.containerDefinitions[1]!.logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: {
        'awslogs-group': '/ecs/web-prod',
        'awslogs-region': 'us-east-1',
        'awslogs-stream-prefix': 'web-prod',
      },
    });
    expect(JSON.parse(r.outputs.changed!)).toEqual(['api']);
    r.cleanup();
  });
});

describe("real-world templates: untagged images and other accounts' side containers (pin-digests)", () => {
  test('an untagged ECR image is pinned as :latest and the log says so; an unchanged one is left with a notice', async () => {
    const r = await runAction({
      action: ACTION,
      inputs: { 'task-definition': fixture('untagged-ecr.yaml'), containers: `api=${ECR}/payments/api` },
      env: awsEnv(),
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('internal:');
    expect(JSON.parse(r.outputs.images!)).toEqual({
      api: `${ECR}/payments/api@${digests['payments/api:latest']}`,
      worker: `${ECR}/payments/worker`,
    });
    expect(r.stdout).toContain(`${ECR}/payments/api (no tag: looked up as :latest, as ECS pulls it) -> `);
    expect(r.stdout).toContain(
      `::notice::api: ${ECR}/payments/api has no tag, which ECS pulls as :latest; pinned to the digest :latest has now (${digests['payments/api:latest']})`,
    );
    expect(r.stdout).toContain(
      `::notice::worker: ${ECR}/payments/worker is left as given: pin-digests 'changed' pins only the images this step sets`,
    );
    r.cleanup();
  });

  test("FireLens router from AWS's account under pin-digests all: a warning naming the image, the render succeeds", async () => {
    const r = await runAction({
      action: ACTION,
      inputs: {
        'task-definition': fixture('firelens-fluent-bit.yaml'),
        containers: `app=${ECR}/payments/api:v2`,
        'pin-digests': 'all',
      },
      env: awsEnv(),
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const fluent = '906394416424.dkr.ecr.us-east-1.amazonaws.com/aws-for-fluent-bit:2.32.4';
    expect(r.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^pin-digests: ${fluent.replace(/[.]/g, '\\.')} left as given \\(not pinned\\): \\w+ for DescribeImages on repository 'aws-for-fluent-bit' in account 906394416424 \\(us-east-1\\)`,
        ),
      ),
    ]);
    expect(JSON.parse(r.outputs.images!)).toEqual({
      log_router: fluent,
      app: `${ECR}/payments/api@${digests['payments/api:v2']}`,
    });
    r.cleanup();
  });

  test('App Mesh Envoy under the default (changed): not looked up at all, no warning', async () => {
    const r = await runAction({
      action: ACTION,
      inputs: { 'task-definition': fixture('appmesh-envoy.yaml'), containers: `app=${ECR}/payments/api:v2` },
      env: awsEnv(),
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.stdout).toContain('Pin 1 ECR image(s) to digests');
    expect(JSON.parse(r.outputs.images!).envoy).toBe(
      '840364872350.dkr.ecr.us-east-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod',
    );
    r.cleanup();
  });
});

const valid = () => readFileSync(fixture('web.json'), 'utf8');
const withJson = (edit: (td: Json) => void) => {
  const td = JSON.parse(valid()) as Json;
  edit(td);
  return JSON.stringify(td, null, 2);
};

describe('malformed inputs fail with a clear message and write no output file', () => {
  const cases: Array<[string, () => Record<string, string>, string]> = [
    [
      'missing file',
      () => ({ 'task-definition': join(workspace, 'nope/task-definition.json') }),
      "input 'task-definition' is '",
    ],
    [
      'invalid JSON',
      () => ({ 'task-definition': file('broken.json', '{"family": "web",\n') }),
      'is not valid JSON',
    ],
    [
      'invalid YAML',
      () => ({ 'task-definition': file('broken.yaml', 'family: [web\n') }),
      'is not valid YAML',
    ],
    [
      'duplicate JSON keys',
      () => ({
        'task-definition': file('dup.json', '{"family": "a", "family": "b", "containerDefinitions": []}'),
      }),
      "has the key 'family' twice",
    ],
    [
      'unknown container',
      () => ({ 'task-definition': fixture('web.json'), containers: 'web=nginx:1' }),
      "containers: the task definition has no container 'web' (its containers: 'api', 'worker', 'log-router')",
    ],
    [
      'bad image reference',
      () => ({ 'task-definition': fixture('web.json'), containers: 'api=Team/API:v1' }),
      "input 'containers' is 'api=Team/API:v1': not a valid image reference",
    ],
    [
      'invalid Fargate size',
      () => ({ 'task-definition': fixture('web.json'), cpu: '4096', memory: '4096' }),
      "memory: is '4096', which Fargate does not offer with cpu 4096: use 8192 to 30720 in steps of 1024 MiB",
    ],
    [
      'bridge on Fargate',
      () => ({
        'task-definition': file(
          'bridge.json',
          withJson((t) => (t.networkMode = 'bridge')),
        ),
      }),
      "networkMode: is 'bridge', but Fargate requires 'awsvpc'",
    ],
    [
      'unresolved placeholder',
      () => ({ 'task-definition': fixture('web.yaml'), 'pin-digests': 'false' }),
      'family: placeholder ${STAGE} has no value',
    ],
    [
      'bad secret reference',
      () => ({
        'task-definition': fixture('web.json'),
        containers: 'api=nginx:2',
        secrets: 'DB=arn:aws:secretsmanager:us-east-1:123456789012:secret:db:password',
      }),
      "input 'secrets' is 'DB=arn:aws:secretsmanager:us-east-1:123456789012:secret:db:password'",
    ],
    [
      'bad cpu-architecture',
      () => ({ 'task-definition': fixture('web.json'), 'cpu-architecture': 'amd64' }),
      "input 'cpu-architecture' is 'amd64': allowed values are 'ARM64', 'X86_64'",
    ],
    [
      'duplicate environment keys',
      () => ({ 'task-definition': fixture('web.json'), containers: 'api=nginx:2', environment: 'A=1\nA=2' }),
      "key 'A' appears more than once",
    ],
    [
      'ECR tag not pushed',
      () => ({ 'task-definition': fixture('web.json'), containers: `api=${ECR}/team/api:never-pushed` }),
      // pin-digests: changed (the default) looks up only api, so this is the one error (not a list).
      `pin-digests: image ${ECR}/team/api:never-pushed: tag 'never-pushed' is not in ECR repository 'team/api' (account 123456789012, us-east-1). Push the image`,
    ],
    [
      'ECR repository missing',
      () => ({ 'task-definition': fixture('web.json'), containers: `api=${ECR}/team/gone:v1` }),
      "ECR repository 'team/gone' (account 123456789012, us-east-1) does not exist",
    ],
    [
      'family not registered',
      () => ({ 'task-definition': 'no-such-family' }),
      "ECS in us-east-1 has no task definition 'no-such-family'",
    ],
    [
      'host port mismatch',
      () => ({
        'task-definition': file(
          'ports.json',
          withJson(
            (t) => (t.containerDefinitions[0]!.portMappings = [{ containerPort: 8080, hostPort: 80 }]),
          ),
        ),
      }),
      'containerDefinitions[0] (api).portMappings[0].hostPort: is 80 but must equal containerPort (8080)',
    ],
  ];

  test.each(cases)('%s', async (_name, inputs, message) => {
    const out = join(tempDir('slipway-render-out-'), 'task-definition.json');
    const r = await runAction({ action: ACTION, inputs: { ...inputs(), 'output-path': out }, env: awsEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`${ACTION}: `);
    expect(r.errors[0]).toContain(message);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]);
    expect(r.outputs).toEqual({});
    r.cleanup();
  });

  test('without output-path nothing is created under RUNNER_TEMP either', async () => {
    const r = await runAction({
      action: ACTION,
      inputs: { 'task-definition': fixture('web.json'), containers: 'nope=nginx:1' },
      env: awsEnv(),
    });
    expect(r.code).toBe(1);
    expect(readdirSync(r.runnerTemp).filter((f) => f.startsWith('render-task-definition'))).toEqual([]);
    r.cleanup();
  });
});
