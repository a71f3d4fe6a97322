// renderTaskDefinition's input errors (each names its path and the fix); the successful renders: render.test.ts.
import { renderTaskDefinition } from '../../../actions/render-task-definition/src/render.js';
import { RenderError, type RenderOptions } from '../../../actions/render-task-definition/src/render-types.js';
import type { TaskDefinitionDocument } from '../../../actions/shared/src/task-definition.js';
import { ECR, fargate, loadJson, options } from './helpers.js';

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
