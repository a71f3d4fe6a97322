import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { effectiveLabels, getInputs, parseSecrets } from '../../../actions/build-push/src/inputs.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const ws = tempDir('slipway-bp-unit-');
mkdirSync(join(ws, 'app'));
writeFileSync(join(ws, 'app', 'Dockerfile'), 'FROM scratch\n');
const ENV = {
  AWS_REGION: 'eu-west-1',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/feature/ARM64 builds!',
};
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = ENV) =>
  getInputs(new Inputs((n) => values[n] ?? ''), env, ws);

describe('build-push inputs', () => {
  test('defaults', () => {
    expect(parse({ repository: 'payments-api' })).toEqual({
      destination: { kind: 'repository', repository: 'payments-api', region: 'eu-west-1' },
      context: '.',
      file: undefined,
      platforms: [{ os: 'linux', architecture: 'arm64' }],
      tags: ['0123456789abcdef0123456789abcdef01234567', 'feature-ARM64-builds'],
      buildArgs: [],
      secrets: [],
      target: undefined,
      labels: [],
      cache: 'gha',
      push: true,
      provenance: true,
      sbom: true,
    });
  });

  test('a full image URI gives account, region and repository', () => {
    expect(parse({ image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/team/api' }).destination).toEqual({
      kind: 'image',
      uri: '111122223333.dkr.ecr.us-west-2.amazonaws.com/team/api',
      registry: '111122223333.dkr.ecr.us-west-2.amazonaws.com',
      accountId: '111122223333',
      repository: 'team/api',
      region: 'us-west-2',
    });
  });

  test('platforms: linux/arm64/v8 is linux/arm64; arm keeps its variant', () => {
    expect(
      parse({ repository: 'api', platforms: 'linux/arm64/v8\nlinux/arm/v7, linux/amd64' }).platforms,
    ).toEqual([
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
      { os: 'linux', architecture: 'amd64' },
    ]);
  });

  test.each([
    [{}, "input 'repository' is empty: this input is required"],
    [{ repository: 'a', image: 'b' }, "input 'image' is 'b': give either repository or image, not both"],
    [{ repository: 'api' }, "input 'region' is empty", {}],
    [{ repository: 'api', region: 'Ireland' }, "input 'region' is 'Ireland': expected an AWS region"],
    [{ repository: 'Api' }, "input 'repository' is 'Api': an ECR repository name is"],
    [{ repository: 'a' }, "input 'repository' is 'a'"],
    [{ repository: 'team//api' }, "input 'repository' is 'team//api'"],
    [
      { repository: '1234.dkr.ecr.eu-west-1.amazonaws.com/api' },
      'this is a repository URI: pass it as image',
    ],
    [
      { image: 'docker.io/library/alpine' },
      "input 'image' is 'docker.io/library/alpine': expected an ECR repository URI",
    ],
    [{ image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/api:v1' }, 'without a tag or digest'],
    [
      { image: '111122223333.dkr.ecr.us-west-2.amazonaws.com/api', region: 'eu-west-1' },
      'the image is in us-west-2',
    ],
    [{ repository: 'api', platforms: 'linux' }, "input 'platforms' is 'linux': expected os/arch[/variant]"],
    [{ repository: 'api', platforms: 'windows/amd64' }, 'only linux platforms are supported'],
    [{ repository: 'api', platforms: 'linux/mips' }, "input 'platforms' is 'linux/mips'"],
    [{ repository: 'api', platforms: 'linux/386/v7' }, '386 has no variants'],
    [{ repository: 'api', platforms: 'linux/arm64,linux/arm64/v8' }, 'this platform is listed twice'],
    [{ repository: 'api', tags: '.hidden' }, "input 'tags' is '.hidden': a Docker tag"],
    [{ repository: 'api', tags: 'x'.repeat(129) }, 'a Docker tag is 1 to 128 characters'],
    [{ repository: 'api', tags: 'api@sha256:abc' }, 'give tag names only'],
    [
      { repository: 'api', cache: 'local' },
      "input 'cache' is 'local': allowed values are 'gha', 'registry', 'none'",
    ],
    [{ repository: 'api', push: 'yes' }, "input 'push' is 'yes': expected 'true' or 'false'"],
    [
      { repository: 'api', 'build-args': 'NODE VERSION=24' },
      "key 'NODE VERSION' must match a build argument name",
    ],
    [{ repository: 'api', labels: 'no-equals' }, 'each line must be KEY=VALUE'],
    [{ repository: 'api', target: '-x' }, "input 'target' is '-x': expected a build stage name"],
    [{ repository: 'api', context: 'missing' }, "input 'context' is 'missing': no such directory"],
    [{ repository: 'api', context: 'app', file: 'app/Nope' }, "input 'file' is 'app/Nope': no such file"],
  ])('%j -> %s', (values, message, env = ENV) => {
    expect(() => parse(values, env as NodeJS.ProcessEnv)).toThrow(message);
  });

  test('a git URL context is not checked on disk', () => {
    expect(parse({ repository: 'api', context: 'https://github.com/acme/api.git#main' }).context).toBe(
      'https://github.com/acme/api.git#main',
    );
  });

  test('no tags and no GITHUB_SHA is an error', () => {
    expect(() => parse({ repository: 'api' }, { AWS_REGION: 'eu-west-1' })).toThrow(
      "input 'tags' is empty: no tags given and GITHUB_SHA is not set",
    );
  });

  test('secrets: values kept whole, never shown in errors', () => {
    expect(parseSecrets('a=x=y\n# comment\nb.c = z ')).toEqual([
      ['a', 'x=y'],
      ['b.c', 'z'],
    ]);
    for (const bad of ['noequals-s3cr3t', 'bad id=s3cr3t', 'a=1\na=s3cr3t', '=s3cr3t']) {
      let message = '';
      try {
        parseSecrets(bad);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/^input 'secrets' is '.*\*\*\*'/);
      expect(message).not.toContain('s3cr3t');
    }
    expect(() => parseSecrets('a=')).toThrow("secret 'a' has an empty value");
  });

  test('OCI labels from the run, unless given', () => {
    const env = {
      GITHUB_SHA: 'abc',
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_SERVER_URL: 'https://ghe.example',
    };
    expect(effectiveLabels([['team', 'x']], env)).toEqual([
      ['org.opencontainers.image.revision', 'abc'],
      ['org.opencontainers.image.source', 'https://ghe.example/acme/api'],
      ['team', 'x'],
    ]);
    expect(effectiveLabels([['org.opencontainers.image.revision', 'given']], env)).toEqual([
      ['org.opencontainers.image.source', 'https://ghe.example/acme/api'],
      ['org.opencontainers.image.revision', 'given'],
    ]);
  });
});
