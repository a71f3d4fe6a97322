import { imageProblem, parseEcrImage } from '../../../actions/render-task-definition/src/image-ref.js';
import { secretRefProblem } from '../../../actions/render-task-definition/src/secret-ref.js';
import {
  allowedMemory,
  fargateSizeProblem,
  parseCpuUnits,
  parseMemoryMiB,
} from '../../../actions/render-task-definition/src/fargate.js';
import { classifyTemplateSource } from '../../../actions/render-task-definition/src/source.js';
import { substitute } from '../../../actions/render-task-definition/src/placeholders.js';
import { DIGEST_A, ECR } from './helpers.js';

describe('image references', () => {
  test.each([
    'nginx',
    'nginx:1.27',
    'library/nginx:1.27-alpine',
    'ghcr.io/acme/api:v1.2.3',
    'localhost:5000/api:dev',
    `${ECR}/team/api:v1`,
    `${ECR}/team/api@${DIGEST_A}`,
    `${ECR}/team/api:v1@${DIGEST_A}`,
    'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
    'registry.example.com:8443/a/b/c__d-e.f:TAG_1',
  ])('valid: %s', (image) => expect(imageProblem(image)).toBeUndefined());

  test.each([
    ['', 'it is empty'],
    ['nginx latest', 'whitespace'],
    ['Nginx', "repository 'Nginx' is not valid"],
    ['nginx:', "its tag '' is not valid"],
    ['nginx:.x', "its tag '.x' is not valid"],
    ['nginx@sha256:123', "its digest 'sha256:123'"],
    [`nginx@sha256:${'A'.repeat(64)}`, 'must be sha256: followed by 64 lowercase hex'],
    ['exa_mple.com/a:1', "its registry 'exa_mple.com' is not a valid host"],
    ['a//b', "repository 'a//b' is not valid"],
    [':tag', 'has no repository name'],
    [`x/${'a'.repeat(260)}`, 'longer than 255'],
  ])('invalid: %p -> %s', (image, reason) => expect(imageProblem(image)).toContain(reason));

  test('ECR URIs: account, region, repository, tag; other registries are not ECR', () => {
    expect(parseEcrImage(`${ECR}/team/api:v1`)).toEqual({
      registryId: '123456789012',
      region: 'us-east-1',
      registry: ECR,
      repository: 'team/api',
      tag: 'v1',
      digest: undefined,
    });
    expect(parseEcrImage('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/api:v1')?.region).toBe(
      'cn-north-1',
    );
    expect(parseEcrImage('123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/api:v1')?.region).toBe(
      'us-gov-west-1',
    );
    expect(parseEcrImage('123456789012.dkr-ecr.eu-west-1.on.aws/api:v1')?.region).toBe('eu-west-1');
    expect(parseEcrImage(`${ECR}/api@${DIGEST_A}`)?.digest).toBe(DIGEST_A);
    for (const other of [
      'public.ecr.aws/a/b:1',
      'nginx:1',
      'ghcr.io/a/b:1',
      '1234.dkr.ecr.us-east-1.amazonaws.com/a:1',
    ])
      expect(parseEcrImage(other)).toBeUndefined();
  });
});

describe('secret references (valueFrom)', () => {
  test.each([
    'db-password',
    '/app/prod/db-password',
    'arn:aws:ssm:eu-west-1:123456789012:parameter/app/prod/db',
    'arn:aws:ssm:eu-west-1:123456789012:parameter/plain',
    'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/x',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf:password::',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf::AWSPREVIOUS:',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:::a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:user:AWSCURRENT:',
  ])('valid: %s', (ref) => expect(secretRefProblem(ref)).toBeUndefined());

  test.each([
    ['', 'it is empty'],
    ['a b', 'whitespace'],
    ['app//x', 'not an SSM parameter name'],
    ['arn:aws:s3:::bucket/key', "ARN of 's3'"],
    ['arn:aws:kms:eu-west-1:123456789012:key/abc', "ARN of 'kms'"],
    ['arn:aws:ssm:eu-west-1:123:parameter/x', 'SSM parameter ARN'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:db', 'not a well-formed Secrets Manager ARN'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db:password', 'it has 1'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db:k:s:i:extra', 'it has 4'],
    [
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db::AWSCURRENT:a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      'not both',
    ],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db:::short', "version id 'short'"],
  ])('invalid: %p -> %s', (ref, reason) => expect(secretRefProblem(ref)).toContain(reason));
});

describe('Fargate sizes', () => {
  test('the table, including 8 and 16 vCPU', () => {
    expect(allowedMemory(256)).toEqual([512, 1024, 2048]);
    expect(allowedMemory(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(allowedMemory(1024)).toHaveLength(7);
    expect(allowedMemory(2048)).toHaveLength(13);
    expect(allowedMemory(4096)).toHaveLength(23);
    expect(allowedMemory(8192)).toEqual([
      16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440,
    ]);
    expect(allowedMemory(16384)[0]).toBe(32768);
    expect(allowedMemory(16384).at(-1)).toBe(122880);
    expect(allowedMemory(16384)).toHaveLength(12);
    expect(allowedMemory(3000)).toEqual([]);
  });
  test.each([
    ['1024', 1024],
    [512, 512],
    ['0.25 vCPU', 256],
    ['.5 vcpu', 512],
    ['16 vCPU', 16384],
    ['2 cores', NaN],
  ])('cpu %p -> %p units', (v, units) => expect(parseCpuUnits(v)).toBe(units));
  test.each([
    ['2048', 2048],
    ['0.5GB', 512],
    ['120 GB', 122880],
    ['2 GiB', NaN],
  ])('memory %p -> %p MiB', (v, mib) => expect(parseMemoryMiB(v)).toBe(mib));
  test('problems', () => {
    expect(fargateSizeProblem('512', '512')).toContain('use 1024 to 4096 in steps of 1024 MiB');
    expect(fargateSizeProblem('8 vCPU', '64 GB')).toContain('16384 to 61440 in steps of 4096');
    expect(fargateSizeProblem('16 vCPU', '120 GB')).toBeUndefined();
  });
});

describe('template source', () => {
  const none = () => false;
  test.each([
    ['web', { kind: 'ecs', reference: 'web', family: 'web' }],
    ['web:12', { kind: 'ecs', reference: 'web:12', family: 'web' }],
    [
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web_api-2:3',
      {
        kind: 'ecs',
        reference: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web_api-2:3',
        family: 'web_api-2',
      },
    ],
  ])('%s is fetched from ECS', (value, expected) =>
    expect(classifyTemplateSource(value, none)).toEqual(expected),
  );

  test('an existing file wins, even when it looks like a family', () => {
    expect(classifyTemplateSource('web', () => true)).toEqual({ kind: 'file', path: 'web' });
  });

  test.each([
    ['ecs/task-definition.json', "input 'task-definition' is 'ecs/task-definition.json': no such file"],
    ['web:0', 'no such file'],
    ['arn:aws:ecs:eu-west-1:123456789012:task-definition/web', 'not a task definition ARN'],
    ['arn:aws:ecs:eu-west-1:123456789012:service/web', 'not a task definition ARN'],
  ])('%s is an error naming the input', (value, message) => {
    expect(() => classifyTemplateSource(value, none)).toThrow(message);
  });
});

describe('placeholders', () => {
  test('paths of unresolved placeholders, escapes, used set', () => {
    const r = substitute(
      { a: ['${X}', { 'b c': 'x-${Y}-$${Z}' }], n: 1, t: true, z: null },
      new Map([['X', '1']]),
    );
    expect(r.value).toEqual({ a: ['1', { 'b c': 'x-${Y}-${Z}' }], n: 1, t: true, z: null });
    expect(r.unresolved).toEqual([{ name: 'Y', path: 'a[1]["b c"]' }]);
    expect([...r.used]).toEqual(['X']);
  });
  test('shell-style ${VAR:-default} is not a placeholder', () => {
    expect(substitute('echo ${HOME:-/root}', new Map()).unresolved).toEqual([]);
  });
});
