// `docker buildx build` of the fake docker CLI (see ../fake-docker.mjs): validates the flags the action
// passes (one context, --secret id=X,env=NAME, gha/registry caches, a builder whose driver allows cache export
// and multi-platform builds), then records the manifest it would have pushed and writes --metadata-file as
// buildx does. Pushed platforms come from SLIPWAY_FAKE_DOCKER_PUSHED_PLATFORMS (a builder that ignored
// --platform) or else --platform; provenance or sbom, or more than one platform, makes an image index with one
// attestation manifest (unknown/unknown) per platform. SLIPWAY_FAKE_DOCKER_FAIL=build fails the build like a
// failing RUN step. Does not build anything: no layers, no real digests of content, no BuildKit cache.
import { writeFileSync } from 'node:fs';
import { fail, option, options, sha256 } from './cli-helpers.mjs';

function parsePlatform(p) {
  const [os, architecture, variant] = p.split('/');
  return { os, architecture, ...(variant ? { variant } : {}) };
}

/** The manifest (an index for several platforms or attestations, else one image manifest) of `pushed`. */
function manifestOf(pushed, tags, attest) {
  const images = pushed.map((p) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: sha256(`image ${JSON.stringify(p)} ${tags.join(',')}`),
    size: 1234,
    platform: p,
  }));
  if (attest || images.length > 1) {
    const attestations = images.map((img) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256(`attestation ${img.digest}`),
      size: 566,
      annotations: {
        'vnd.docker.reference.digest': img.digest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      platform: { architecture: 'unknown', os: 'unknown' },
    }));
    return {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [...images, ...(attest ? attestations : [])],
    };
  }
  return {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('config'), size: 900 },
    layers: [],
  };
}

/**
 * Runs `buildx build` with `argv` (everything after `docker`); `state` is updated with a pushed image.
 * @param {string[]} argv
 * @param {{builders: Record<string, string>, images: Record<string, unknown>}} state
 */
export function build(argv, state) {
  const metadataFile = option(argv, '--metadata-file');
  const platformArg = option(argv, '--platform') ?? 'linux/amd64';
  const tags = options(argv, '--tag');
  const context = argv.at(-1);
  if (!context || context.startsWith('--')) fail('ERROR: "docker buildx build" requires exactly 1 argument.');
  for (const s of options(argv, '--secret')) {
    if (!/^id=[^,]+,env=[A-Z0-9_]+$/.test(s)) fail(`ERROR: invalid secret ${s}`);
  }
  for (const c of [...options(argv, '--cache-to'), ...options(argv, '--cache-from')]) {
    if (!/^type=(gha|registry)(,|$)/.test(c)) fail(`ERROR: unsupported cache ${c}`);
  }
  const builder = option(argv, '--builder');
  const driver = builder ? state.builders[builder] : process.env.SLIPWAY_FAKE_DOCKER_DRIVER;
  if (!driver) fail(`ERROR: no builder "${builder}" found`);
  const wantsCache = argv.includes('--cache-to');
  if (driver === 'docker' && wantsCache) {
    fail(
      'ERROR: Cache export is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
    );
  }
  if (driver === 'docker' && platformArg.includes(',')) {
    fail('ERROR: Multi-platform build is not supported for the docker driver.');
  }
  const attest = argv.includes('--provenance=true') || argv.includes('--sbom=true');
  const pushed = (process.env.SLIPWAY_FAKE_DOCKER_PUSHED_PLATFORMS || platformArg)
    .split(',')
    .map(parsePlatform);
  const manifest = manifestOf(pushed, tags, attest);
  const digest = sha256(JSON.stringify(manifest));
  const config =
    pushed.length === 1 ? { ...pushed[0], config: {}, rootfs: { type: 'layers', diff_ids: [] } } : undefined;
  if (argv.includes('--push')) state.images[digest] = { manifest, config, tags };
  process.stderr.write(
    '#0 building with fake builder\n#1 [internal] load build definition from Dockerfile\n',
  );
  if (process.env.SLIPWAY_FAKE_DOCKER_FAIL === 'build') {
    fail(
      '#9 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2\nERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    );
  }
  for (const t of tags)
    if (argv.includes('--push')) process.stderr.write(`#12 pushing manifest for ${t}@${digest}\n`);
  if (metadataFile) {
    writeFileSync(
      metadataFile,
      JSON.stringify(
        {
          'buildx.build.ref': `${builder ?? 'default'}/${builder ?? 'default'}0/fakeref`,
          'containerimage.descriptor': { mediaType: manifest.mediaType, digest, size: 1609 },
          'containerimage.digest': digest,
          'image.name': tags.join(','),
        },
        null,
        2,
      ),
    );
  }
}
