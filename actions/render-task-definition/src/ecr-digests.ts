import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { awsClientConfig } from '../../shared/src/aws-client.js';
import { ActionError, errorMessage, errorName } from '../../shared/src/errors.js';
import { classifyError } from '../../shared/src/retry.js';
import { parseEcrImage, SHA256_DIGEST_RE } from './image-ref.js';

/**
 * Resolves ECR images given by tag to their digests with DescribeImages, one client per region (an image
 * may live in another region's registry). Loaded with `await import()` only when there is something to pin.
 */
export async function resolveEcrDigests(
  images: readonly string[],
  opts: { maxAttempts: number; log: (line: string) => void },
): Promise<Map<string, string>> {
  const clients = new Map<string, ECRClient>();
  const client = (region: string) => {
    let c = clients.get(region);
    if (!c)
      clients.set(region, (c = new ECRClient(awsClientConfig({ region, maxAttempts: opts.maxAttempts }))));
    return c;
  };
  try {
    const settled = await Promise.allSettled(
      images.map(async (image): Promise<[string, string]> => {
        const ecr = parseEcrImage(image);
        if (!ecr?.tag) throw new ActionError(`internal: ${image} is not an ECR image given by tag`);
        try {
          const res = await client(ecr.region).send(
            new DescribeImagesCommand({
              registryId: ecr.registryId,
              repositoryName: ecr.repository,
              imageIds: [{ imageTag: ecr.tag }],
            }),
          );
          const digest = res.imageDetails?.[0]?.imageDigest;
          if (!digest || !SHA256_DIGEST_RE.test(digest))
            throw new ActionError(`ECR returned no usable digest for ${image} (got '${digest ?? ''}')`);
          opts.log(`${image} -> ${digest}`);
          return [image, digest];
        } catch (err) {
          if (err instanceof ActionError) throw err;
          throw explain(err, image, ecr.repository, ecr.registryId, ecr.region, ecr.tag);
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
    const entries = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    return new Map(entries);
  } finally {
    for (const c of clients.values()) c.destroy();
  }
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
      `pin-digests: image ${image}: tag '${tag}' is not in ECR ${where}. Push the image before rendering, fix the tag, or set pin-digests: false.`,
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
