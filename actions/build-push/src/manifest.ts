import { ActionError } from '../../shared/src/errors.js';
import { formatPlatform, platformSatisfies, type Platform } from './platforms.js';
import type { Docker } from './docker.js';
import { imagetoolsInspect } from './docker.js';

/** What buildx writes to --metadata-file that this action reads. */
export interface BuildMetadata {
  /** Undefined when nothing was exported (a multi-platform build with push: false). */
  digest?: string;
  imageNames: string[];
}

export function parseMetadata(text: string): BuildMetadata {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ActionError('buildx wrote a metadata file that is not JSON');
  }
  const digest = data['containerimage.digest'];
  if (digest !== undefined && (typeof digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(digest))) {
    throw new ActionError(`buildx's metadata file has an unexpected image digest ${JSON.stringify(digest)}`);
  }
  const names = typeof data['image.name'] === 'string' ? data['image.name'].split(',').filter(Boolean) : [];
  return { digest, imageNames: names };
}

interface Descriptor {
  mediaType?: string;
  digest?: string;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

/**
 * Platforms of the images in an index (`{{json .Manifest}}`), leaving out attestation manifests
 * (`unknown/unknown`, annotated vnd.docker.reference.type=attestation-manifest). Undefined for a single manifest.
 */
export function indexPlatforms(manifest: unknown): Platform[] | undefined {
  const m = manifest as { manifests?: Descriptor[] } | null;
  if (!m || !Array.isArray(m.manifests)) return undefined;
  return m.manifests
    .filter((d) => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .filter((d) => d.platform?.os && d.platform.os !== 'unknown' && d.platform.architecture)
    .map((d) => ({
      os: d.platform?.os ?? '',
      architecture: d.platform?.architecture ?? '',
      ...(d.platform?.variant ? { variant: d.platform.variant } : {}),
    }));
}

/** Platform of a single image from its config (`{{json .Image}}`). */
export function configPlatform(config: unknown): Platform | undefined {
  const c = config as { os?: string; architecture?: string; variant?: string } | null;
  if (!c?.os || !c.architecture) return undefined;
  return { os: c.os, architecture: c.architecture, ...(c.variant ? { variant: c.variant } : {}) };
}

export function missingPlatforms(requested: Platform[], listed: Platform[]): Platform[] {
  return requested.filter((r) => !listed.some((l) => platformSatisfies(r, l)));
}

/** Reads the pushed manifest from the registry and fails unless it lists every requested platform. */
export async function verifyPushedPlatforms(
  docker: Docker,
  ref: string,
  requested: Platform[],
): Promise<Platform[]> {
  const manifest = await imagetoolsInspect(docker, ref, '{{json .Manifest}}');
  let listed = indexPlatforms(manifest);
  if (!listed) {
    const single = configPlatform(await imagetoolsInspect(docker, ref, '{{json .Image}}'));
    listed = single ? [single] : [];
  }
  const missing = missingPlatforms(requested, listed);
  if (missing.length) {
    const has = listed.length ? listed.map(formatPlatform).join(', ') : 'no platform';
    throw new ActionError(
      `the pushed image ${ref} is missing ${missing.map(formatPlatform).join(', ')}: its manifest lists ${has}. ` +
        `A service running on ${missing.map(formatPlatform).join(', ')} cannot start it; check the Dockerfile's FROM --platform lines and the builder's platforms.`,
    );
  }
  return listed;
}
