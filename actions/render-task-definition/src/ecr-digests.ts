import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { awsClientConfig } from '../../shared/src/aws-client.js';
import { ActionError, errorMessage, errorName } from '../../shared/src/errors.js';
import { classifyError } from '../../shared/src/retry.js';
import { parseEcrImage, SHA256_DIGEST_RE } from './image-ref.js';
import type { PendingImage } from './render-types.js';

export interface Resolved {
  /** image as written -> sha256 digest. */
  digests: Map<string, string>;
  /** Lookups the role may not make for images this step did not set (pin-digests: all): left as given. */
  warnings: string[];
}

/**
 * Resolves ECR images to their digests with DescribeImages (by their tag, or `latest` for an untagged image,
 * which is what ECS pulls), one client per region (an image may live in another region's registry). A failed
 * lookup of an image this step sets is an error; for any other image (pin-digests: all) a lookup the role
 * may not make, or a repository it cannot see, is a warning and the image stays as given. Loaded with
 * `await import()` only when there is something to pin.
 */
export async function resolveEcrDigests(
  images: readonly PendingImage[],
  opts: { maxAttempts: number; log: (line: string) => void },
): Promise<Resolved> {
  const clients = new Map<string, ECRClient>();
  const client = (region: string) => {
    let c = clients.get(region);
    if (!c)
      clients.set(region, (c = new ECRClient(awsClientConfig({ region, maxAttempts: opts.maxAttempts }))));
    return c;
  };
  const warnings: string[] = [];
  try {
    const settled = await Promise.allSettled(
      images.map(async ({ image, required, tag }): Promise<[string, string] | undefined> => {
        const ecr = parseEcrImage(image);
        if (!ecr)
          throw new ActionError(
            `pin-digests: ${image} is not a private ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag]), so it has no ECR digest to pin`,
          );
        try {
          const res = await client(ecr.region).send(
            new DescribeImagesCommand({
              registryId: ecr.registryId,
              repositoryName: ecr.repository,
              imageIds: [{ imageTag: tag }],
            }),
          );
          const digest = res.imageDetails?.[0]?.imageDigest;
          if (!digest || !SHA256_DIGEST_RE.test(digest))
            throw new ActionError(`ECR returned no usable digest for ${image} (got '${digest ?? ''}')`);
          opts.log(
            `${image}${ecr.tag ? '' : ' (no tag: looked up as :latest, as ECS pulls it)'} -> ${digest}`,
          );
          return [image, digest];
        } catch (err) {
          if (err instanceof ActionError) throw err;
          if (!required && mayNotLook(err)) {
            warnings.push(
              `pin-digests: ${image} left as given (not pinned): ${errorName(err)} for DescribeImages on repository '${ecr.repository}' in account ${ecr.registryId} (${ecr.region}). ` +
                `An image from another account (FireLens, App Mesh, ADOT, ...) needs ecr:DescribeImages granted by that repository's policy; pin-digests: changed does not look it up.`,
            );
            return undefined;
          }
          throw explain(err, image, ecr.repository, ecr.registryId, ecr.region, tag);
        }
      }),
    );
    // Every failure, in the order of the images (not whichever answer came first).
    const failures = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1)
      throw new ActionError(
        `pin-digests: ${failures.length} images could not be resolved:\n${failures.map((f) => `- ${errorMessage(f).replace(/^pin-digests: /, '')}`).join('\n')}`,
      );
    const entries = settled.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
    return { digests: new Map(entries), warnings };
  } finally {
    for (const c of clients.values()) c.destroy();
  }
}

/** The role may not describe the repository, or cannot see it (another account without a repository policy). */
function mayNotLook(err: unknown): boolean {
  return classifyError(err) === 'access-denied' || errorName(err) === 'RepositoryNotFoundException';
}

function explain(
  err: unknown,
  image: string,
  repo: string,
  account: string,
  region: string,
  tag: string,
): ActionError {
  const name = errorName(err);
  const where = `repository '${repo}' (account ${account}, ${region})`;
  if (name === 'ImageNotFoundException')
    return new ActionError(
      `pin-digests: image ${image}: tag '${tag}' is not in ECR ${where}. Push the image before rendering, fix the tag, or set pin-digests: none.`,
      { cause: err },
    );
  if (name === 'RepositoryNotFoundException')
    return new ActionError(
      `pin-digests: image ${image}: ECR ${where} does not exist or is not visible to these credentials. Check the image URI.`,
      { cause: err },
    );
  const hint = classifyError(err) === 'access-denied' ? ` The role needs ecr:DescribeImages on ${repo}.` : '';
  return new ActionError(
    `pin-digests: DescribeImages for ${image} failed: ${name}: ${errorMessage(err)}.${hint}`,
    { cause: err },
  );
}
