import {
  emulatedPlatforms,
  formatPlatform,
  parsePlatform,
  platformSatisfies,
  runnerPlatform,
} from '../../../actions/build-push/src/platforms.js';
import { defaultTags, sanitizeTag } from '../../../actions/build-push/src/tags.js';
import {
  buildArgs,
  ghaCacheAvailable,
  needsContainerBuilder,
  secretEnv,
} from '../../../actions/build-push/src/build-command.js';
import {
  configPlatform,
  indexPlatforms,
  missingPlatforms,
  parseMetadata,
} from '../../../actions/build-push/src/manifest.js';
import type { BuildPushInputs } from '../../../actions/build-push/src/inputs.js';

const p = (s: string) => parsePlatform('platforms', s);

describe('platforms', () => {
  test.each([
    ['X64', 'linux/amd64'],
    ['ARM64', 'linux/arm64'],
    ['X86', 'linux/386'],
    ['ARM', 'linux/arm/v7'],
  ])('runner %s builds %s', (arch, platform) => {
    expect(formatPlatform(runnerPlatform(arch)!)).toBe(platform);
  });

  test.each([
    ['X64', ['linux/arm64'], ['linux/arm64']],
    ['ARM64', ['linux/arm64'], []],
    ['X64', ['linux/amd64', 'linux/arm64'], ['linux/arm64']],
    ['ARM64', ['linux/amd64', 'linux/arm64'], ['linux/amd64']],
    [undefined, ['linux/arm64'], ['linux/arm64']],
  ])('runner %s, requested %j: emulated %j', (arch, requested, emulated) => {
    expect(emulatedPlatforms(requested.map(p), arch).map(formatPlatform)).toEqual(emulated);
  });

  test.each([
    ['linux/arm64', { os: 'linux', architecture: 'arm64', variant: 'v8' }, true],
    ['linux/arm64', { os: 'linux', architecture: 'amd64' }, false],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v6' }, false],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }, true],
    ['linux/amd64', { os: 'linux', architecture: 'amd64', variant: 'v2' }, true],
    ['linux/amd64', { os: 'windows', architecture: 'amd64' }, false],
  ])('%s satisfied by %j: %s', (requested, listed, ok) => {
    expect(platformSatisfies(p(requested), listed)).toBe(ok);
  });
});

describe('tags', () => {
  test.each([
    ['main', 'main'],
    ['feature/ARM64 builds!', 'feature-ARM64-builds'],
    ['-.leading', 'leading'],
    ['dependabot/npm_and_yarn/express-4.20.0', 'dependabot-npm_and_yarn-express-4.20.0'],
    ['/', undefined],
    ['x'.repeat(200), 'x'.repeat(128)],
  ])('sanitize %s -> %s', (name, tag) => {
    expect(sanitizeTag(name)).toBe(tag);
  });

  test.each([
    [{ GITHUB_SHA: 'abc1234', GITHUB_REF: 'refs/heads/main' }, ['abc1234', 'main']],
    [
      { GITHUB_SHA: 'abc1234', GITHUB_REF: 'refs/pull/7/merge', GITHUB_HEAD_REF: 'fix/arm' },
      ['abc1234', 'fix-arm'],
    ],
    [{ GITHUB_SHA: 'abc1234', GITHUB_REF: 'refs/tags/v1.2.3' }, ['abc1234', 'v1.2.3']],
    [{ GITHUB_SHA: 'abc1234' }, ['abc1234']],
  ])('default tags for %j', (env, tags) => {
    expect(defaultTags(env)).toEqual(tags);
  });
});

const inputs = (over: Partial<BuildPushInputs> = {}): BuildPushInputs => ({
  destination: { kind: 'repository', repository: 'api', region: 'eu-west-1' },
  context: '.',
  platforms: [p('linux/arm64')],
  tags: ['sha1'],
  buildArgs: [],
  secrets: [],
  labels: [],
  cache: 'gha',
  push: true,
  provenance: true,
  sbom: true,
  ...over,
});
const plan = { imageUri: 'r/api', metadataFile: '/t/m.json', cache: 'gha' as const, labels: [] };

describe('buildx build arguments', () => {
  test('push: false loads a single platform, builds several into the cache only', () => {
    expect(buildArgs(inputs({ push: false }), { ...plan, cache: 'none' }, 'api')).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/arm64',
      '--tag',
      'r/api:sha1',
      '--provenance=true',
      '--sbom=true',
      '--metadata-file',
      '/t/m.json',
      '--load',
      '.',
    ]);
    const multi = buildArgs(
      inputs({ push: false, platforms: [p('linux/amd64'), p('linux/arm64')] }),
      { ...plan, cache: 'none' },
      'api',
    );
    expect(multi).not.toContain('--load');
    expect(multi).not.toContain('--push');
  });

  test('cache scope is the repository name made safe', () => {
    const args = buildArgs(inputs(), plan, 'team/api');
    expect(args).toContain('type=gha,scope=team-api');
  });

  test('secret values only in the environment', () => {
    const i = inputs({
      secrets: [
        ['a', 'v1'],
        ['b', 'v2'],
      ],
    });
    const args = buildArgs(i, plan, 'api');
    expect(args.join(' ')).not.toMatch(/v1|v2/);
    expect(secretEnv(i)).toEqual({ SLIPWAY_BUILD_SECRET_0: 'v1', SLIPWAY_BUILD_SECRET_1: 'v2' });
  });

  test.each([
    ['docker', {}, 'gha', true],
    ['docker', { provenance: false, sbom: false }, 'none', false],
    [
      'docker',
      { provenance: false, sbom: false, platforms: [p('linux/amd64'), p('linux/arm64')] },
      'none',
      true,
    ],
    ['docker-container', {}, 'gha', false],
  ] as const)(
    'driver %s with %j and cache %s needs a container builder: %s',
    (driver, over, cache, needed) => {
      expect(needsContainerBuilder(driver, inputs(over as Partial<BuildPushInputs>), cache)).toBe(needed);
    },
  );

  test.each([
    [{ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'u' }, true],
    [{ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'u' }, true],
    [{ ACTIONS_RESULTS_URL: 'u' }, false],
    [{}, false],
  ])('gha cache available with %j: %s', (env, ok) => {
    expect(ghaCacheAvailable(env)).toBe(ok);
  });
});

describe('metadata and manifests', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  test('metadata file', () => {
    expect(
      parseMetadata(JSON.stringify({ 'containerimage.digest': digest, 'image.name': 'r:a,r:b' })),
    ).toEqual({
      digest,
      imageNames: ['r:a', 'r:b'],
    });
    expect(parseMetadata('{}')).toEqual({ digest: undefined, imageNames: [] });
    expect(() => parseMetadata('nope')).toThrow('not JSON');
    expect(() => parseMetadata('{"containerimage.digest":"md5:1"}')).toThrow('unexpected image digest');
  });

  test('index platforms leave out attestation manifests', () => {
    const index = {
      manifests: [
        { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { platform: { os: 'linux', architecture: 'amd64' } },
        {
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    };
    expect(indexPlatforms(index)).toEqual([
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'amd64' },
    ]);
    expect(indexPlatforms({ config: {}, layers: [] })).toBeUndefined();
    expect(configPlatform({ os: 'linux', architecture: 'amd64' })).toEqual({
      os: 'linux',
      architecture: 'amd64',
    });
    expect(configPlatform({})).toBeUndefined();
  });

  test('missing platforms', () => {
    const listed = [{ os: 'linux', architecture: 'amd64' }];
    expect(missingPlatforms([p('linux/arm64'), p('linux/amd64')], listed).map(formatPlatform)).toEqual([
      'linux/arm64',
    ]);
  });
});
