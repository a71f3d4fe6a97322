// Fake `docker` CLI for the build-push tests: there is no Docker engine on this machine.
//
// How it is used: `fakeDocker()` returns an environment whose PATH starts with ./bin (a `docker` launcher
// that runs this file), plus a JSON-lines log the test reads back with `calls()`.
//
// Models (just enough of the CLI contract the action relies on):
//  - every invocation is logged as {argv, stdin, env}: `stdin` is null unless the command reads it
//    (`login --password-stdin`), then {bytes, sha256}; never its content. `env` records only which of the
//    runner's cache variables (ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL,
//    ACTIONS_CACHE_SERVICE_V2) were present (true/false), and for each `--secret id=X,env=NAME` the sha256 of
//    that variable's value (so a test can prove a secret arrived without it being written anywhere);
//  - `login --username U --password-stdin REGISTRY` (fails on an empty password or a missing registry),
//    `logout REGISTRY`;
//  - `buildx version`; `buildx inspect [name]` prints `Driver: <driver>` (the current builder's driver from
//    SLIPWAY_FAKE_DOCKER_DRIVER, default `docker`; a named builder exists once `buildx create` made it);
//    `buildx create --name N --driver D`, `buildx rm N`;
//  - `run --privileged --rm <tonistiigi/binfmt> --install a,b` prints binfmt's status JSON;
//  - `buildx build ...` validates the flags it knows, writes --metadata-file like buildx
//    (containerimage.digest, containerimage.descriptor, image.name, buildx.build.ref) and records the
//    "pushed" manifest: platforms from SLIPWAY_FAKE_DOCKER_PUSHED_PLATFORMS (comma separated; the test's
//    choice, to model a builder that ignored --platform) or else the --platform value; an image index with
//    one attestation manifest (unknown/unknown) per platform when provenance or sbom is on, a single
//    manifest otherwise;
//  - `buildx imagetools inspect REF --format '{{json .Manifest}}' | '{{json .Image}}'` answers from what was
//    pushed (by digest), or fails like a registry's "not found".
//  - SLIPWAY_FAKE_DOCKER_FAIL=<subcommand> (e.g. `build`, `login`) makes that subcommand exit 1.
// Modules: fake-docker/cli.mjs (the process: invocation log, commands), fake-docker/buildx-build.mjs (`buildx
// build`), fake-docker/cli-helpers.mjs (argv flags, digests, state file).
// Does not model: building anything, layers, real registries or credentials, progress output beyond a few
// lines, BuildKit's cache protocol, `docker run` of other images.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dirs.mjs';
import { main } from './fake-docker/cli.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Sets up a fake docker for one test (or one file): returns `env` to merge into the action's environment,
 * `calls()` (every invocation so far) and `builds()` (the argv after `docker` of each `buildx build`).
 * @param {{driver?: string, pushedPlatforms?: string, fail?: string}} [opts]
 */
export function fakeDocker(opts = {}) {
  const dir = tempDir('slipway-fake-docker-');
  const log = join(dir, 'calls.jsonl');
  writeFileSync(log, '');
  chmodSync(join(here, 'bin', 'docker'), 0o755);
  const env = {
    PATH: `${join(here, 'bin')}:${process.env.PATH ?? ''}`,
    SLIPWAY_FAKE_DOCKER_NODE: process.execPath,
    SLIPWAY_FAKE_DOCKER_LOG: log,
    SLIPWAY_FAKE_DOCKER_STATE: join(dir, 'state.json'),
    SLIPWAY_FAKE_DOCKER_DRIVER: opts.driver ?? 'docker',
    ...(opts.pushedPlatforms ? { SLIPWAY_FAKE_DOCKER_PUSHED_PLATFORMS: opts.pushedPlatforms } : {}),
    ...(opts.fail ? { SLIPWAY_FAKE_DOCKER_FAIL: opts.fail } : {}),
  };
  const calls = () =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return {
    env,
    dir,
    calls,
    builds: () => calls().filter((c) => c.argv[0] === 'buildx' && c.argv[1] === 'build'),
  };
}

// The executable side (run through bin/docker): fake-docker/cli.mjs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
