// long-file: one suite around one moto ECR and the fake docker CLI; each test is one build-push scenario, and
// splitting would start the emulators twice
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ECRClient, CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import { runAction, assertNoSecretsIn } from '../../../harness/run-action.mjs';
import { awsEnv, resetMoto } from '../../../harness/emulator.mjs';
import { fakeDocker } from '../../../harness/fake-docker.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';

const ACCOUNT = '123456789012';
const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const URI = `${REGISTRY}/payments-api`;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const CACHE_ENV = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-not-real-7f3a',
  ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.example/',
  ACTIONS_CACHE_SERVICE_V2: 'True',
};

type Fake = ReturnType<typeof fakeDocker>;
interface Call {
  argv: string[];
  stdin: { bytes: number; sha256: string } | null;
  env: Record<string, boolean>;
  secretEnv: Record<string, string | null>;
}

let workspace: string;

beforeAll(async () => {
  await resetMoto();
  const ecr = new ECRClient({ ...awsEnvConfig() });
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'payments-api' }));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/worker' }));
  ecr.destroy();
  workspace = tempDir('slipway-bp-ws-');
  mkdirSync(join(workspace, 'app'));
  writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM public.ecr.aws/docker/library/alpine:3.20\n');
});

function awsEnvConfig() {
  const env = awsEnv();
  return {
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  };
}

async function build(
  inputs: Record<string, string>,
  { fake = fakeDocker(), env = {} }: { fake?: Fake; env?: Record<string, string> } = {},
) {
  // run-action.mjs accepts `cwd` (the job's workspace) although its JSDoc does not list it.
  const opts = {
    action: 'build-push',
    inputs,
    env: { ...awsEnv(), ...CACHE_ENV, ...env, ...fake.env },
    cwd: workspace,
  };
  const r = await runAction(opts);
  const calls = fake.calls() as Call[];
  return { ...r, calls, fake, builds: calls.filter((c) => c.argv[0] === 'buildx' && c.argv[1] === 'build') };
}

const metadataArg = (argv: string[]) => argv[argv.indexOf('--metadata-file') + 1] ?? '';

describe('build-push bundle with a fake docker against moto ECR', () => {
  test('ARM64 push from an amd64 runner: QEMU, a docker-container builder, gha cache, exact argv', async () => {
    const r = await build({ repository: 'payments-api', context: 'app' }, { env: { RUNNER_ARCH: 'X64' } });
    expect(r.stderr).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const argv = r.calls.map((c) => c.argv);
    expect(argv).toEqual([
      ['buildx', 'version'],
      ['login', '--username', 'AWS', '--password-stdin', REGISTRY],
      ['run', '--privileged', '--rm', 'docker.io/tonistiigi/binfmt:qemu-v9.2.2', '--install', 'arm64'],
      ['buildx', 'inspect'],
      ['buildx', 'inspect', 'slipway-4242-1'],
      ['buildx', 'create', '--name', 'slipway-4242-1', '--driver', 'docker-container', '--bootstrap'],
      expect.arrayContaining(['buildx', 'build']),
      ['buildx', 'imagetools', 'inspect', `${URI}@${r.outputs.digest}`, '--format', '{{json .Manifest}}'],
    ]);
    const buildArgv = r.builds[0]!.argv;
    expect(buildArgv).toEqual([
      'buildx',
      'build',
      '--builder',
      'slipway-4242-1',
      '--platform',
      'linux/arm64',
      '--tag',
      `${URI}:${SHA}`,
      '--tag',
      `${URI}:main`,
      '--label',
      `org.opencontainers.image.revision=${SHA}`,
      '--label',
      'org.opencontainers.image.source=https://github.com/acme/payments',
      '--cache-from',
      'type=gha,scope=payments-api',
      '--cache-to',
      'type=gha,mode=max,scope=payments-api,ignore-error=true',
      '--provenance=true',
      '--sbom=true',
      '--metadata-file',
      metadataArg(buildArgv),
      '--push',
      'app',
    ]);
    expect(metadataArg(buildArgv)).toMatch(/slipway-build-push-[^/]+\/metadata\.json$/);
    // The runner's cache service variables reach buildx through the environment, never argv.
    expect(r.builds[0]!.env).toEqual({
      ACTIONS_RUNTIME_TOKEN: true,
      ACTIONS_CACHE_URL: false,
      ACTIONS_RESULTS_URL: true,
      ACTIONS_CACHE_SERVICE_V2: true,
    });
    expect(JSON.stringify(argv)).not.toContain(CACHE_ENV.ACTIONS_RUNTIME_TOKEN);
    // The notice recommends a native ARM runner.
    expect(r.stdout).toMatch(
      /^::notice::build-push: building linux\/arm64 on a X64 runner through QEMU emulation\. A native ARM runner \(runs-on: ubuntu-24\.04-arm\)/m,
    );
    // Outputs.
    expect(r.outputs.image).toBe(URI);
    expect(r.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(r.outputs['image-ref']).toBe(`${URI}@${r.outputs.digest}`);
    expect(r.outputs.tags).toBe(`${URI}:${SHA}\n${URI}:main`);
    // ECR password: masked, given on stdin (the same bytes), never printed.
    const login = r.calls[1]!;
    const password = r.masked.find(
      (m) => login.stdin?.sha256 === `sha256:${createHash('sha256').update(m).digest('hex')}`,
    );
    expect(password).toBeDefined();
    expect(login.stdin!.bytes).toBe(Buffer.byteLength(password!));
    assertNoSecretsIn(r.stdout + r.stderr + r.summary + JSON.stringify(argv), [password!]);
    // State for the post step, and the summary.
    expect(r.state).toEqual({ registry: REGISTRY, builder: 'slipway-4242-1' });
    expect(r.summary).toContain(`\`${URI}@${r.outputs.digest}\``);
    expect(r.summary).toContain('linux/arm64 (linux/arm64 emulated with QEMU on a X64 runner)');
    expect(r.summary).toMatch(/\| Duration \| \d+(ms|s) \(build \d+(ms|s)\) \|/);
    r.cleanup();
  });

  test('ARM64 push from an ARM runner: no QEMU, no notice', async () => {
    const r = await build({ repository: 'payments-api', context: 'app' }, { env: { RUNNER_ARCH: 'ARM64' } });
    expect(r.code).toBe(0);
    expect(r.calls.some((c) => c.argv[0] === 'run')).toBe(false);
    expect(r.stdout).not.toContain('::notice::');
    expect(r.stdout).toContain('The ARM64 runner builds linux/arm64 natively: no emulation needed');
    const buildArgv = r.builds[0]!.argv;
    expect(buildArgv).toEqual([
      'buildx',
      'build',
      '--builder',
      'slipway-4242-1',
      '--platform',
      'linux/arm64',
      '--tag',
      `${URI}:${SHA}`,
      '--tag',
      `${URI}:main`,
      '--label',
      `org.opencontainers.image.revision=${SHA}`,
      '--label',
      'org.opencontainers.image.source=https://github.com/acme/payments',
      '--cache-from',
      'type=gha,scope=payments-api',
      '--cache-to',
      'type=gha,mode=max,scope=payments-api,ignore-error=true',
      '--provenance=true',
      '--sbom=true',
      '--metadata-file',
      metadataArg(buildArgv),
      '--push',
      'app',
    ]);
    expect(r.summary).toContain('linux/arm64 (native)');
    r.cleanup();
  });

  test('multi-platform, registry cache, secrets, build args, labels, target, file, own tags', async () => {
    const npmToken = 'npm_s3cr3t-value-that-must-not-leak';
    const sentry = 'sentry=dsn=with=equals';
    const r = await build(
      {
        image: `${REGISTRY}/team/worker`,
        context: 'app',
        file: 'app/Dockerfile',
        platforms: 'linux/amd64, linux/arm64',
        tags: 'v1.4.0\nstable',
        'build-args': 'NODE_VERSION=24\nFEATURES=a=b,c',
        secrets: `npm_token=${npmToken}\nsentry.dsn=${sentry}`,
        labels: 'team=payments\norg.opencontainers.image.source=https://example.test/src',
        target: 'runtime',
        cache: 'registry',
        provenance: 'false',
        sbom: 'false',
      },
      { env: { RUNNER_ARCH: 'X64' } },
    );
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const buildArgv = r.builds[0]!.argv;
    const W = `${REGISTRY}/team/worker`;
    expect(buildArgv).toEqual([
      'buildx',
      'build',
      '--builder',
      'slipway-4242-1',
      '--file',
      'app/Dockerfile',
      '--platform',
      'linux/amd64,linux/arm64',
      '--target',
      'runtime',
      '--tag',
      `${W}:v1.4.0`,
      '--tag',
      `${W}:stable`,
      '--build-arg',
      'NODE_VERSION=24',
      '--build-arg',
      'FEATURES=a=b,c',
      '--label',
      `org.opencontainers.image.revision=${SHA}`,
      '--label',
      'team=payments',
      '--label',
      'org.opencontainers.image.source=https://example.test/src',
      '--secret',
      'id=npm_token,env=SLIPWAY_BUILD_SECRET_0',
      '--secret',
      'id=sentry.dsn,env=SLIPWAY_BUILD_SECRET_1',
      '--cache-from',
      `type=registry,ref=${W}:buildcache`,
      '--cache-to',
      `type=registry,ref=${W}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`,
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      metadataArg(buildArgv),
      '--push',
      'app',
    ]);
    // Only the arm64 half is emulated on an amd64 runner: QEMU, but no "use an ARM runner" notice.
    expect(r.calls.find((c) => c.argv[0] === 'run')!.argv.slice(-2)).toEqual(['--install', 'arm64']);
    expect(r.stdout).not.toContain('::notice::');
    // Secret values arrive in buildx's environment, byte for byte, and appear nowhere else.
    const hash = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
    expect(r.builds[0]!.secretEnv).toEqual({
      SLIPWAY_BUILD_SECRET_0: hash(npmToken),
      SLIPWAY_BUILD_SECRET_1: hash(sentry),
    });
    expect(r.masked).toEqual(expect.arrayContaining([npmToken, sentry]));
    assertNoSecretsIn(r.stdout + r.stderr + r.summary + JSON.stringify(r.calls.map((c) => c.argv)), [
      npmToken,
      sentry,
    ]);
    expect(r.outputs.tags).toBe(`${W}:v1.4.0\n${W}:stable`);
    r.cleanup();
  });

  test('cache none on a docker-container builder set up by the caller: current builder, no cache flags', async () => {
    const r = await build(
      { repository: 'payments-api', context: 'app', cache: 'none' },
      { fake: fakeDocker({ driver: 'docker-container' }), env: { RUNNER_ARCH: 'ARM64' } },
    );
    expect(r.code).toBe(0);
    const buildArgv = r.builds[0]!.argv;
    expect(buildArgv.slice(0, 4)).toEqual(['buildx', 'build', '--platform', 'linux/arm64']);
    expect(buildArgv.some((a) => a.startsWith('--cache'))).toBe(false);
    expect(r.calls.some((c) => c.argv[1] === 'create')).toBe(false);
    expect(r.state).toEqual({ registry: REGISTRY });
    r.cleanup();
  });

  test('gha cache without the runner cache service: warns and builds without a cache', async () => {
    const r = await build(
      { repository: 'payments-api', context: 'app' },
      { env: { RUNNER_ARCH: 'ARM64', ACTIONS_RUNTIME_TOKEN: '', ACTIONS_RESULTS_URL: '' } },
    );
    expect(r.code).toBe(0);
    expect(r.warnings.join('\n')).toContain("cache 'gha' needs the runner's cache service");
    expect(r.builds[0]!.argv.some((a) => a.startsWith('--cache'))).toBe(false);
    r.cleanup();
  });

  test('an amd64-only manifest for an arm64 request fails, naming the missing platform', async () => {
    const r = await build(
      { repository: 'payments-api', context: 'app' },
      { fake: fakeDocker({ pushedPlatforms: 'linux/amd64' }), env: { RUNNER_ARCH: 'X64' } },
    );
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /^build-push: the pushed image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/payments-api@sha256:[a-f0-9]{64} is missing linux\/arm64: its manifest lists linux\/amd64\./,
    );
    expect(r.outputs['image-ref']).toBeUndefined();
    r.cleanup();
  });

  test('single-platform push without attestations is checked through the image config', async () => {
    const r = await build(
      { repository: 'payments-api', context: 'app', provenance: 'false', sbom: 'false', cache: 'none' },
      { fake: fakeDocker({ pushedPlatforms: 'linux/amd64' }), env: { RUNNER_ARCH: 'ARM64' } },
    );
    expect(r.code).toBe(1);
    expect(r.calls.at(-1)!.argv.slice(-2)).toEqual(['--format', '{{json .Image}}']);
    expect(r.errors[0]).toContain('is missing linux/arm64: its manifest lists linux/amd64');
    r.cleanup();
  });

  test('a failing build reports buildx error lines', async () => {
    const r = await build(
      { repository: 'payments-api', context: 'app' },
      { fake: fakeDocker({ fail: 'build' }), env: { RUNNER_ARCH: 'ARM64' } },
    );
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(
      'build-push: docker buildx build failed (docker buildx build --builder exited 1)',
    );
    expect(r.errors[0]).toContain('did not complete successfully: exit code: 2');
    r.cleanup();
  });

  test('a missing ECR repository fails before docker builds anything', async () => {
    const fake = fakeDocker();
    const r = await build({ repository: 'does-not-exist', context: 'app' }, { fake });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      `build-push: the ECR repository 'does-not-exist' does not exist in account ${ACCOUNT} (us-east-1); create it (e.g. with slipway's Terraform modules) before pushing`,
    ]);
    expect(fake.calls().map((c: Call) => c.argv.join(' '))).toEqual(['buildx version']);
    r.cleanup();
  });

  test.each([
    [{ platforms: 'linux/arm64,arm64' }, "input 'platforms' is 'arm64': expected os/arch[/variant]"],
    [{ platforms: 'linux/arm64/v7' }, "input 'platforms' is 'linux/arm64/v7': variant 'v7' is not one of v8"],
    [{ tags: 'v1,-bad' }, "input 'tags' is '-bad': a Docker tag is 1 to 128 characters"],
    [{ tags: 'repo:v1' }, "input 'tags' is 'repo:v1': give tag names only"],
    [{ cache: 's3' }, "input 'cache' is 's3': allowed values are 'gha', 'registry', 'none'"],
    [{ repository: 'Payments_API' }, "input 'repository' is 'Payments_API': an ECR repository name is"],
    [{ secrets: 'npm token=s3cr3t-abc' }, "input 'secrets' is 'npm token=***': id 'npm token' must be"],
    [{ secrets: 'a=1\na=s3cr3t-abc' }, "input 'secrets' is 'a=***': id 'a' appears more than once"],
    [{ context: 'nope' }, "input 'context' is 'nope': no such directory"],
  ])('bad input %j fails before any AWS call or docker invocation', async (extra, message) => {
    const fake = fakeDocker();
    const r = await build(
      { repository: 'payments-api', context: 'app', ...extra },
      // An unreachable AWS endpoint proves no AWS call is attempted.
      { fake, env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } },
    );
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`build-push: ${message}`);
    expect(fake.calls()).toEqual([]);
    assertNoSecretsIn(r.stdout + r.stderr, ['s3cr3t-abc']);
    r.cleanup();
  });

  test('post step logs out and removes the builder it created', async () => {
    const fake = fakeDocker();
    const main = await build({ repository: 'payments-api', context: 'app' }, { fake });
    expect(main.code).toBe(0);
    const post = await runAction({
      action: 'build-push',
      step: 'post',
      state: main.state,
      env: { ...fake.env },
    });
    expect(post.code).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(
      fake
        .calls()
        .slice(-2)
        .map((c: Call) => c.argv),
    ).toEqual([
      ['logout', REGISTRY],
      ['buildx', 'rm', 'slipway-4242-1'],
    ]);
    main.cleanup();
    post.cleanup();
  });
});
