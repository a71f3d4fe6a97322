import {
  renderTaskDefinition,
  RenderError,
  type RenderOptions,
} from '../../../actions/render-task-definition/src/render.js';
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

type ErrorCase = [string, TaskDefinitionDocument, Partial<RenderOptions>, string | RegExp];
const ports = (portMappings: unknown[], extra: Partial<TaskDefinitionDocument> = {}) =>
  fargate(extra, { portMappings });

describe('renderTaskDefinition: every validation error names the path and the fix', () => {
  const cases: ErrorCase[] = [
    [
      'unknown container',
      fargate(),
      { images: [['web', 'nginx:2']] },
      "containers: the task definition has no container 'web' (its containers: 'app')",
    ],
    [
      'unknown environment container',
      fargate(),
      { environment: [['A', '1']], environmentContainers: ['nope'] },
      "environment-containers: the task definition has no container 'nope'",
    ],
    ['environment without target', fargate(), { environment: [['A', '1']] }, "no container's image changed"],
    [
      'unresolved placeholder',
      fargate({}, { image: 'nginx:${TAG}' }),
      {},
      'containerDefinitions[0].image: placeholder ${TAG} has no value: add TAG=<value> to the variables input',
    ],
    [
      'unresolved placeholder in a key',
      fargate({}, { dockerLabels: { '${K}': 'v' } }),
      {},
      'containerDefinitions[0].dockerLabels["${K}"]: placeholder ${K} has no value',
    ],
    [
      'bad image in template',
      fargate({}, { image: 'Nginx:latest' }),
      {},
      "containerDefinitions[0] (app).image: 'Nginx:latest' is not a valid image reference",
    ],
    ['bad tag', fargate({}, { image: 'nginx:-bad' }), {}, "its tag '-bad' is not valid"],
    ['bad digest', fargate({}, { image: 'nginx@sha256:abc' }), {}, "its digest 'sha256:abc'"],
    [
      'missing image',
      fargate({}, { image: undefined }),
      {},
      'containerDefinitions[0] (app).image: is missing',
    ],
    [
      'fargate cpu',
      fargate({ cpu: '300' }),
      {},
      "cpu: is '300', not a Fargate size: Fargate cpu values are 256, 512, 1024, 2048, 4096, 8192, 16384",
    ],
    [
      'fargate memory',
      fargate({ cpu: '256', memory: '4096' }),
      {},
      "memory: is '4096', which Fargate does not offer with cpu 256: use 512, 1024, 2048 MiB",
    ],
    [
      'fargate 8 vCPU memory step',
      fargate({ cpu: '8192', memory: '17408' }),
      {},
      'use 16384 to 61440 in steps of 4096 MiB',
    ],
    [
      'fargate 16 vCPU memory step',
      fargate({ cpu: '16384', memory: '36864' }),
      {},
      'use 32768 to 122880 in steps of 8192 MiB',
    ],
    [
      'fargate without cpu',
      fargate({ cpu: undefined }),
      {},
      'cpu: is required for Fargate: set it (or the cpu input)',
    ],
    [
      'cpu override invalid for fargate',
      fargate(),
      { cpu: '2048' },
      'which Fargate does not offer with cpu 2048',
    ],
    [
      'fargate bridge',
      fargate({ networkMode: 'bridge' }),
      {},
      "networkMode: is 'bridge', but Fargate requires 'awsvpc'",
    ],
    [
      'fargate no network mode',
      fargate({ networkMode: undefined }),
      {},
      "networkMode: is not set, but Fargate requires 'awsvpc'",
    ],
    [
      'windows arm',
      fargate({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
      }),
      {},
      'run only on X86_64',
    ],
    [
      'bad architecture',
      fargate({ runtimePlatform: { cpuArchitecture: 'arm' } }),
      {},
      "runtimePlatform.cpuArchitecture: 'arm' is not valid: use ARM64 or X86_64",
    ],
    [
      'no essential container',
      fargate({}, { essential: false }),
      {},
      'mark at least one container essential',
    ],
    [
      'duplicate container names',
      {
        ...fargate(),
        containerDefinitions: [
          { name: 'a', image: 'x' },
          { name: 'a', image: 'y' },
        ],
      },
      {},
      "'a' is used by two containers",
    ],
    ['no containers', fargate({ containerDefinitions: [] }), {}, 'containerDefinitions: is missing or empty'],
    ['no family', fargate({ family: undefined }), {}, 'family: is missing'],
    ['bad family', fargate({ family: 'my app' }), {}, "family: 'my app' is not valid"],
    [
      'hostPort differs on awsvpc',
      ports([{ containerPort: 80, hostPort: 8080 }]),
      {},
      "portMappings[0].hostPort: is 8080 but must equal containerPort (80) or be omitted with networkMode 'awsvpc'",
    ],
    [
      'port out of range',
      ports([{ containerPort: 70000 }]),
      {},
      "containerPort: '70000' is not a port number",
    ],
    ['port as string', ports([{ containerPort: '80' }]), {}, "containerPort: '80' is not a port number"],
    [
      'bad protocol',
      ports([{ containerPort: 80, protocol: 'http' }]),
      {},
      "protocol: 'http' is not valid: use tcp or udp",
    ],
    [
      'port for two protocols',
      ports([{ containerPort: 53 }, { containerPort: 53, protocol: 'udp' }]),
      {},
      'container port 53 is exposed for both tcp and udp',
    ],
    [
      'duplicate port names',
      ports([
        { containerPort: 80, name: 'web' },
        { containerPort: 81, name: 'web' },
      ]),
      {},
      "'web' is already used",
    ],
    [
      'same port in two containers',
      {
        ...fargate(),
        containerDefinitions: [
          { name: 'a', image: 'x', portMappings: [{ containerPort: 80 }] },
          { name: 'b', image: 'y', portMappings: [{ containerPort: 80 }] },
        ],
      },
      {},
      'port 80/tcp is already mapped at containerDefinitions[0] (a).portMappings[0]',
    ],
    [
      'secret: wrong service ARN',
      fargate(),
      { images: [['app', 'nginx:2']], secrets: [['S', 'arn:aws:s3:::bucket/key']] },
      "it is an ARN of 's3'",
    ],
    [
      'secret: partial suffix',
      fargate(
        {},
        {
          secrets: [
            { name: 'S', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db:password' },
          ],
        },
      ),
      {},
      'give all three of :<json-key>:<version-stage>:<version-id>',
    ],
    [
      'secret: bad SSM ARN',
      fargate({}, { secrets: [{ name: 'S', valueFrom: 'arn:aws:ssm:us-east-1:1234:parameter/x' }] }),
      {},
      'not a well-formed SSM parameter ARN',
    ],
    [
      'secret: spaces',
      fargate({}, { secrets: [{ name: 'S', valueFrom: 'my secret' }] }),
      {},
      'it contains whitespace',
    ],
    [
      'secret without execution role',
      fargate({ executionRoleArn: undefined }, { secrets: [{ name: 'S', valueFrom: '/a/b' }] }),
      {},
      'executionRoleArn: is required when containers use secrets',
    ],
    [
      'ECR on Fargate without execution role',
      fargate({ executionRoleArn: undefined }, { image: `${ECR}/a:1` }),
      {},
      'executionRoleArn: is required on Fargate to pull images from ECR',
    ],
    [
      'secret and env with one name',
      fargate({}, { environment: [{ name: 'S', value: 'x' }], secrets: [{ name: 'S', valueFrom: '/a' }] }),
      {},
      "'S' is also a plain environment variable",
    ],
    [
      'duplicate env names in template',
      fargate(
        {},
        {
          environment: [
            { name: 'A', value: '1' },
            { name: 'A', value: '2' },
          ],
        },
      ),
      {},
      "environment[1].name: 'A' appears twice",
    ],
    [
      'env value not a string',
      fargate({}, { environment: [{ name: 'A', value: 1 }] }),
      {},
      'environment[0].value: must be a string',
    ],
    [
      'bad role ARN',
      fargate({ taskRoleArn: 'role/app' }),
      {},
      "taskRoleArn: 'role/app' is not an IAM role ARN",
    ],
    [
      'tag with aws: prefix',
      fargate({ tags: [{ key: 'aws:x', value: '1' }] }),
      {},
      "tags[0].key: 'aws:x' is not allowed",
    ],
    [
      'more than 50 tags',
      fargate({ tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })) }),
      {},
      'has 51 tags; ECS allows at most 50',
    ],
  ];

  test.each(cases)('%s', (_name, template, opts, expected) => {
    let err: unknown;
    try {
      renderTaskDefinition(template, options(opts));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RenderError);
    const message = (err as Error).message;
    if (typeof expected === 'string') expect(message).toContain(expected);
    else expect(message).toMatch(expected);
  });

  test('all problems are reported at once', () => {
    expect(() =>
      renderTaskDefinition(fargate({ cpu: '300', networkMode: 'bridge' }, { image: 'BAD' }), options()),
    ).toThrow(/has 3 problems:\n- /);
  });

  test('the template is never mutated', () => {
    const template = loadJson('web.json');
    const before = JSON.stringify(template);
    renderTaskDefinition(
      template,
      options({ images: [['api', 'nginx:2']], environment: [['A', '1']], tags: [['x', 'y']] }),
    );
    expect(JSON.stringify(template)).toBe(before);
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
