import { renderTaskDefinition } from '../../../actions/render-task-definition/src/render.js';
import { type RenderOptions } from '../../../actions/render-task-definition/src/render-types.js';
import type { JsonObject, TaskDefinitionDocument } from '../../../actions/shared/src/task-definition.js';
import { DIGEST_A, DIGEST_B, ECR, SHA, fargate, loadJson, options } from './helpers.js';

const container = (doc: TaskDefinitionDocument, name: string) =>
  (doc.containerDefinitions as JsonObject[]).find((c) => c.name === name)!;

describe('renderTaskDefinition: successful renders', () => {
  test('multi-container: each container gets its own image, changed lists them, others untouched', () => {
    const r = renderTaskDefinition(
      loadJson('web.json'),
      options({
        images: [
          ['api', `${ECR}/team/api:v2`],
          ['worker', `${ECR}/team/worker:v2`],
        ],
      }),
    );
    expect(r.changed).toEqual(['api', 'worker']);
    expect(r.images).toEqual({
      api: `${ECR}/team/api:v2`,
      worker: `${ECR}/team/worker:v2`,
      'log-router': 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
    });
    expect(r.containers.map((c) => [c.name, c.oldImage === c.newImage])).toEqual([
      ['api', false],
      ['worker', false],
      ['log-router', true],
    ]);
  });

  test('unknown and newer fields are kept, runtimePlatform survives, key order is stable', () => {
    const r = renderTaskDefinition(loadJson('web.json'), options({ images: [['api', 'nginx:2']] }));
    const td = r.taskDefinition;
    expect(td.someFutureEcsField).toEqual({ enabled: true });
    expect(td.enableFaultInjection).toBe(false);
    expect(td.runtimePlatform).toEqual({ cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
    expect(container(td, 'api').restartPolicy).toEqual({ enabled: true, restartAttemptPeriod: 60 });
    expect(Object.keys(td).slice(0, 4)).toEqual(['family', 'networkMode', 'requiresCompatibilities', 'cpu']);
  });

  test('describe-only fields are stripped (also from a whole describe-task-definition answer)', () => {
    const doc = loadJson('described.json');
    // the loader unwraps {taskDefinition, tags}; here we feed the inner object plus its tags
    const inner = { ...(doc.taskDefinition as JsonObject), tags: doc.tags! };
    const r = renderTaskDefinition(inner, options());
    expect(r.removedFields.sort()).toEqual(
      [
        'compatibilities',
        'registeredAt',
        'registeredBy',
        'requiresAttributes',
        'revision',
        'status',
        'taskDefinitionArn',
      ].sort(),
    );
    for (const f of r.removedFields) expect(r.taskDefinition).not.toHaveProperty(f);
    expect(r.taskDefinition.tags).toEqual([{ key: 'team', value: 'payments' }]);
  });

  test("environment values keep every '=', upsert in place, new keys appended in input order", () => {
    const r = renderTaskDefinition(
      loadJson('web.json'),
      options({
        images: [['api', 'nginx:2']],
        environment: [
          ['REGION', 'eu-west-1'],
          ['DSN', 'postgres://u@h/db?sslmode=require&opt=a=b'],
          ['TOKEN_B64', 'YWJjZA=='],
        ],
      }),
    );
    expect(container(r.taskDefinition, 'api').environment).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'REGION', value: 'eu-west-1' },
      { name: 'DSN', value: 'postgres://u@h/db?sslmode=require&opt=a=b' },
      { name: 'TOKEN_B64', value: 'YWJjZA==' },
    ]);
    expect(container(r.taskDefinition, 'worker').environment).toBeUndefined(); // not changed -> not a target
    expect(r.containers.find((c) => c.name === 'api')!.envChanged).toEqual(['REGION', 'DSN', 'TOKEN_B64']);
  });

  test('unchanged values are not reported as changed; environment-containers overrides the default', () => {
    const r = renderTaskDefinition(
      loadJson('web.json'),
      options({
        environment: [
          ['LOG_LEVEL', 'info'],
          ['NEW', '1'],
        ],
        environmentContainers: ['api', 'log-router'],
      }),
    );
    expect(r.containers.find((c) => c.name === 'api')!.envChanged).toEqual(['NEW']);
    expect(container(r.taskDefinition, 'log-router').environment).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'NEW', value: '1' },
    ]);
  });

  test('secrets: SSM names and ARNs, Secrets Manager ARNs with json-key suffix', () => {
    const r = renderTaskDefinition(
      fargate(),
      options({
        images: [['app', 'nginx:2']],
        secrets: [
          ['A', '/app/prod/a'],
          ['B', 'arn:aws:ssm:us-east-1:123456789012:parameter/app/prod/b'],
          ['C', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::'],
          ['D', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf::AWSPREVIOUS:'],
        ],
      }),
    );
    expect((container(r.taskDefinition, 'app').secrets as JsonObject[]).map((s) => s.name)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(r.containers[0]!.secretsChanged).toEqual(['A', 'B', 'C', 'D']);
  });

  test('YAML-style template: placeholders in values, keys and nested strings; $${X} stays literal', () => {
    const r = renderTaskDefinition(
      {
        ...fargate(
          { family: 'app-${STAGE}' },
          {
            command: ['sh', '-c', 'echo $${HOME} ${STAGE}'],
            dockerLabels: { 'team.${STAGE}': 'yes' },
          },
        ),
      },
      options({
        variables: [
          ['STAGE', 'prod'],
          ['UNUSED', 'x'],
        ],
      }),
    );
    expect(r.family).toBe('app-prod');
    expect(container(r.taskDefinition, 'app').command).toEqual(['sh', '-c', 'echo ${HOME} prod']);
    expect(container(r.taskDefinition, 'app').dockerLabels).toEqual({ 'team.prod': 'yes' });
    expect(r.unusedVariables).toEqual(['UNUSED']);
  });

  test('provenance: revision label on changed containers only, slipway tags merged with existing tags', () => {
    const r = renderTaskDefinition(
      loadJson('web.json'),
      options({
        images: [['api', 'nginx:2']],
        labels: [['com.example.owner', 'payments']],
        tags: [
          ['team', 'core'],
          ['env', 'prod'],
        ],
        provenance: { commit: SHA, runId: '4242', ref: 'refs/heads/feature/ünïcode#1' },
      }),
    );
    expect(container(r.taskDefinition, 'api').dockerLabels).toEqual({
      'com.example.owner': 'payments',
      'org.opencontainers.image.revision': SHA,
    });
    expect(container(r.taskDefinition, 'worker').dockerLabels).toEqual({ 'com.example.owner': 'payments' });
    expect(r.taskDefinition.tags).toEqual([
      { key: 'team', value: 'core' },
      { key: 'env', value: 'prod' },
      { key: 'slipway:commit', value: SHA },
      { key: 'slipway:run-id', value: '4242' },
      { key: 'slipway:ref', value: 'refs/heads/feature/ünïcode_1' },
    ]);
  });

  test('overrides: cpu, memory, roles, architecture, awslogs only where no log configuration exists', () => {
    const r = renderTaskDefinition(
      fargate({}, {}),
      options({
        cpu: '8192',
        memory: '20480',
        taskRoleArn: 'arn:aws:iam::123456789012:role/task',
        executionRoleArn: 'arn:aws:iam::123456789012:role/exec2',
        cpuArchitecture: 'ARM64',
        logGroup: '/ecs/app',
        logRegion: 'eu-west-1',
      }),
    );
    const td = r.taskDefinition;
    expect([td.cpu, td.memory, td.taskRoleArn, td.executionRoleArn]).toEqual([
      '8192',
      '20480',
      'arn:aws:iam::123456789012:role/task',
      'arn:aws:iam::123456789012:role/exec2',
    ]);
    expect(td.runtimePlatform).toEqual({ cpuArchitecture: 'ARM64' });
    expect(container(td, 'app').logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'app' },
    });
  });

  test.each([
    ['256', '2048'],
    ['1 vCPU', '8 GB'],
    ['4096', '30720'],
    ['8192', '61440'],
    ['16384', '32768'],
    ['16384', '122880'],
    [1024, 2048],
  ])('Fargate size cpu=%p memory=%p is accepted', (cpu, memory) => {
    const r = renderTaskDefinition(fargate({ cpu, memory }), options());
    expect(typeof r.taskDefinition.cpu).toBe('string');
  });

  test('pin-digests: ECR tags are pending first, then written as repo@digest; digests and other registries left alone', () => {
    const template = fargate({}, {});
    (template.containerDefinitions as JsonObject[]).push(
      { name: 'side', image: `${ECR}/side:1.0`, essential: false },
      { name: 'pinned', image: `${ECR}/side@${DIGEST_B}`, essential: false },
      { name: 'hub', image: 'redis:7', essential: false },
    );
    const opts: RenderOptions = options({ images: [['app', `${ECR}/team/api:v1`]], pinDigests: 'all' });
    const first = renderTaskDefinition(template, opts);
    expect(first.pending.map((p) => p.image).sort()).toEqual([`${ECR}/side:1.0`, `${ECR}/team/api:v1`]);
    expect(first.pending.find((p) => p.image === `${ECR}/side:1.0`)).toEqual({
      image: `${ECR}/side:1.0`,
      required: false,
      tag: '1.0',
    });
    expect(first.changed).toEqual(['app']);
    const second = renderTaskDefinition(
      template,
      opts,
      new Map([
        [`${ECR}/team/api:v1`, DIGEST_A],
        [`${ECR}/side:1.0`, DIGEST_B],
      ]),
    );
    expect(second.pending).toEqual([]);
    expect(second.images).toEqual({
      app: `${ECR}/team/api@${DIGEST_A}`,
      side: `${ECR}/side@${DIGEST_B}`,
      pinned: `${ECR}/side@${DIGEST_B}`,
      hub: 'redis:7',
    });
    expect(second.changed).toEqual(['app']); // a pinned template-only image is reported, not "changed"
    expect(second.containers.find((c) => c.name === 'side')!.pinned).toBe(true);
    expect(second.notices.join('\n')).toContain('redis:7 is not a private ECR image');
  });

  test('the same image set again is not changed (without pinning)', () => {
    const r = renderTaskDefinition(fargate(), options({ images: [['app', 'nginx:1.27']] }));
    expect(r.changed).toEqual([]);
  });
});

describe('renderTaskDefinition: YAML template through the shared loader', () => {
  test('web.yaml: variables, "1 vCPU"/"2 GB" sizes, a quoted Secrets Manager ARN with a JSON key', async () => {
    const { loadTaskDefinitionFile } = await import('../../../actions/shared/src/task-definition.js');
    const { fixture } = await import('./helpers.js');
    const template = await loadTaskDefinitionFile(fixture('web.yaml'));
    const r = renderTaskDefinition(
      template,
      options({ images: [['api', 'nginx:2']], variables: [['STAGE', 'staging']] }),
    );
    expect(r.family).toBe('web-staging');
    expect(container(r.taskDefinition, 'api').secrets).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:staging/db-AbCdEf:password::',
      },
    ]);
    expect(r.changed).toEqual(['api']);
  });
});
