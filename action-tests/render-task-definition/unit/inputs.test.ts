import { getInputs } from '../../../actions/render-task-definition/src/inputs.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';
import { ECR } from './helpers.js';

const exists = (p: string) => p === 'task-definition.json';
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  getInputs(new Inputs((n) => values[n] ?? ''), env, exists);
const TD = { 'task-definition': 'task-definition.json' };

describe('render-task-definition inputs', () => {
  test.each([
    ['', 'changed'],
    ['changed', 'changed'],
    ['ALL', 'all'],
    ['none', 'none'],
    ['true', 'all'],
    ['false', 'none'],
  ])('pin-digests %p -> %p', (value, mode) => {
    expect(parse({ ...TD, 'pin-digests': value }).render.pinDigests).toBe(mode);
  });

  test('defaults and provenance from the job environment', () => {
    const r = parse(
      { ...TD, containers: `api=${ECR}/api:v1\nworker = ${ECR}/worker:v1` },
      { GITHUB_SHA: 'abc', GITHUB_RUN_ID: '7', GITHUB_REF: 'refs/heads/main' },
    );
    expect(r.source).toEqual({ kind: 'file', path: 'task-definition.json' });
    expect(r.render.images).toEqual([
      ['api', `${ECR}/api:v1`],
      ['worker', `${ECR}/worker:v1`],
    ]);
    expect(r.render.pinDigests).toBe('changed');
    expect(r.maxAttempts).toBe(5);
    expect(r.region).toBeUndefined();
    expect(r.render.provenance).toEqual({ commit: 'abc', runId: '7', ref: 'refs/heads/main' });
  });

  test('container-name + image shorthand; = kept in values; cpu-architecture case-insensitive', () => {
    const r = parse({
      ...TD,
      'container-name': 'api',
      image: 'nginx:1',
      environment: 'A=b=c\nB=',
      'cpu-architecture': 'arm64',
      'environment-containers': 'api, worker',
    });
    expect(r.render.images).toEqual([['api', 'nginx:1']]);
    expect(r.render.environment).toEqual([
      ['A', 'b=c'],
      ['B', ''],
    ]);
    expect(r.render.cpuArchitecture).toBe('ARM64');
    expect(r.render.environmentContainers).toEqual(['api', 'worker']);
  });

  test.each([
    [{}, "input 'task-definition' is empty: this input is required"],
    [
      { 'task-definition': 'missing/task.json' },
      "input 'task-definition' is 'missing/task.json': no such file",
    ],
    [{ 'task-definition': 'web' }, "input 'region' is empty: fetching 'web' from ECS needs a region"],
    [{ ...TD, containers: 'api' }, "input 'containers' is 'api': each line must be KEY=VALUE"],
    [{ ...TD, containers: 'api=nginx:1\napi=nginx:2' }, "key 'api' appears more than once"],
    [{ ...TD, containers: 'my api=nginx:1' }, "key 'my api' must match a container name"],
    [
      { ...TD, containers: 'api=Nginx:1' },
      "input 'containers' is 'api=Nginx:1': not a valid image reference",
    ],
    [
      { ...TD, 'container-name': 'api' },
      "input 'image' is empty: required together with container-name 'api'",
    ],
    [{ ...TD, image: 'nginx:1' }, "input 'container-name' is empty: required together with image"],
    [
      { ...TD, containers: 'a=nginx:1', 'container-name': 'b', image: 'nginx:1' },
      'use either containers or container-name + image',
    ],
    [{ ...TD, 'container-name': 'api', image: 'nginx latest' }, "input 'image' is 'nginx latest'"],
    [{ ...TD, environment: 'A=1\nA=2' }, "input 'environment' is 'A=2': key 'A' appears more than once"],
    [{ ...TD, environment: '1A=x' }, "key '1A' must match"],
    [
      { ...TD, secrets: 'DB=arn:aws:s3:::bucket' },
      "input 'secrets' is 'DB=arn:aws:s3:::bucket': the value is not a secret reference",
    ],
    [{ ...TD, variables: 'MY-VAR=1' }, "input 'variables' is 'MY-VAR=1'"],
    [
      { ...TD, 'cpu-architecture': 'aarch64' },
      "input 'cpu-architecture' is 'aarch64': allowed values are 'ARM64', 'X86_64'",
    ],
    [{ ...TD, cpu: 'lots' }, "input 'cpu' is 'lots'"],
    [{ ...TD, memory: '2 GiB' }, "input 'memory' is '2 GiB'"],
    [{ ...TD, 'task-role-arn': 'app' }, "input 'task-role-arn' is 'app': expected an IAM role ARN"],
    [{ ...TD, 'log-group': '/ecs/app' }, "input 'region' is empty: log-group needs a region"],
    [{ ...TD, 'log-group': 'bad group', region: 'eu-west-1' }, "input 'log-group' is 'bad group'"],
    [{ ...TD, region: 'Europe' }, "input 'region' is 'Europe'"],
    [
      { ...TD, 'pin-digests': 'yes' },
      "input 'pin-digests' is 'yes': allowed values are 'changed', 'all', 'none' (the older 'true' means all, 'false' none)",
    ],
    [{ ...TD, 'max-attempts': '0' }, "input 'max-attempts' is '0'"],
    [{ ...TD, tags: 'bad*key=1' }, "input 'tags' is 'bad*key=1'"],
  ])('%p -> %s', (values, message) => {
    expect(() => parse(values as Record<string, string>)).toThrow(message);
  });
});
