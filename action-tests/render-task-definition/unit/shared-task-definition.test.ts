import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DESCRIBE_ONLY_FIELDS,
  findDuplicateJsonKey,
  fromDescribeOutput,
  loadTaskDefinitionFile,
  mergeTags,
  stripDescribeOnlyFields,
  toRegisterInput,
  unsupportedCapacityProviders,
} from '../../../actions/shared/src/task-definition.js';
import { fixture } from './helpers.js';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const dir = tempDir('slipway-td-');
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('shared task-definition: loading', () => {
  test('JSON and YAML (by extension and by sniffing) give the same document', async () => {
    const json = await loadTaskDefinitionFile(fixture('web.json'));
    expect(json.family).toBe('web');
    const yaml = await loadTaskDefinitionFile(fixture('web.yaml'));
    expect(yaml.family).toBe('web-${STAGE}');
    expect(yaml.cpu).toBe('1 vCPU');
    const sniffedYaml = await loadTaskDefinitionFile(
      write('taskdef', 'family: x\ncontainerDefinitions: []\n'),
    );
    expect(sniffedYaml).toEqual({ family: 'x', containerDefinitions: [] });
    const sniffedJson = await loadTaskDefinitionFile(write('taskdef2', '\uFEFF {"family": "x"}'));
    expect(sniffedJson).toEqual({ family: 'x' });
  });

  test('a whole describe-task-definition answer is unwrapped with its tags', async () => {
    const doc = await loadTaskDefinitionFile(fixture('described.json'));
    expect(doc.family).toBe('web');
    expect(doc.tags).toEqual([{ key: 'team', value: 'payments' }]);
  });

  test.each([
    ['bad.json', '{"family": "x",}', 'is not valid JSON'],
    [
      'dup.json',
      '{"family": "x", "containerDefinitions": [{"name": "a", "name": "b"}]}',
      "has the key 'name' twice in the same object (at $.containerDefinitions[0].name)",
    ],
    ['dup.yaml', 'family: x\nfamily: y\n', 'is not valid YAML: Map keys must be unique'],
    ['bad.yaml', 'family: [x\n', 'is not valid YAML'],
    [
      'list.json',
      '[]',
      'must hold one task definition object (with family and containerDefinitions), not an array',
    ],
    ['scalar.yaml', 'hello', 'not a string'],
    ['empty.json', '  \n', 'is empty'],
  ])('%s: %s', async (name, text, message) => {
    await expect(loadTaskDefinitionFile(write(name, text))).rejects.toThrow(message);
  });

  test('missing files and directories', async () => {
    await expect(loadTaskDefinitionFile(join(dir, 'nope.json'))).rejects.toThrow(
      'cannot read task definition file',
    );
    mkdirSync(join(dir, 'folder.json'));
    await expect(loadTaskDefinitionFile(join(dir, 'folder.json'))).rejects.toThrow('is a directory');
  });
});

describe('shared task-definition: register input', () => {
  test('describe-only fields stripped, cpu/memory as strings, unknown fields kept', () => {
    const doc = {
      family: 'web',
      cpu: 256,
      memory: 512,
      containerDefinitions: [{ name: 'a', image: 'nginx' }],
      revision: 3,
      status: 'ACTIVE',
      deleteRequestedAt: 'x',
      somethingNew: true,
    };
    const input = toRegisterInput(doc) as unknown as Record<string, unknown>;
    expect(input).toEqual({
      family: 'web',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'a', image: 'nginx' }],
      somethingNew: true,
    });
    expect(doc.cpu).toBe(256); // not mutated
    expect(stripDescribeOnlyFields(doc).removed).toEqual(['revision', 'status', 'deleteRequestedAt']);
    expect(DESCRIBE_ONLY_FIELDS).toContain('registeredBy');
  });
  test('family and containers are required', () => {
    expect(() => toRegisterInput({ containerDefinitions: [] })).toThrow("no 'family'");
    expect(() => toRegisterInput({ family: 'x', containerDefinitions: [] })).toThrow(
      "no 'containerDefinitions'",
    );
  });
  test('fromDescribeOutput turns SDK objects into plain JSON and attaches tags', () => {
    const doc = fromDescribeOutput({ family: 'x', registeredAt: new Date('2025-01-01T00:00:00Z') }, [
      { key: 'a', value: 'b' },
    ]);
    expect(doc).toEqual({
      family: 'x',
      registeredAt: '2025-01-01T00:00:00.000Z',
      tags: [{ key: 'a', value: 'b' }],
    });
  });
  test('mergeTags keeps positions and appends new keys', () => {
    expect(
      mergeTags(
        [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
        [
          { key: 'b', value: '3' },
          { key: 'c', value: '4' },
        ],
      ),
    ).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '3' },
      { key: 'c', value: '4' },
    ]);
  });
  test('Fargate Spot runs Linux ARM64 and X86_64 tasks, not Windows ones', () => {
    const arm = { runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' } };
    expect(unsupportedCapacityProviders(arm, ['FARGATE', 'FARGATE_SPOT'])).toEqual([]);
    expect(
      unsupportedCapacityProviders(
        { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } },
        ['FARGATE_SPOT'],
      ),
    ).toEqual(['FARGATE_SPOT']);
    expect(unsupportedCapacityProviders({}, ['FARGATE_SPOT'])).toEqual([]);
  });
  test('findDuplicateJsonKey ignores keys in strings and equal keys in sibling objects', () => {
    expect(findDuplicateJsonKey('{"a": "{\\"a\\": 1}", "b": [{"a": 1}, {"a": 2}]}')).toBeUndefined();
    expect(findDuplicateJsonKey('{"a": {"x": 1}, "b": {"y": [1, {"z": 1, "z": 2}]}}')).toEqual({
      key: 'z',
      path: '$.b.y[1].z',
    });
  });
});
