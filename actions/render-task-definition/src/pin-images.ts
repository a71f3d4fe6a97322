// Digest pinning, per `pin-digests`: a private ECR image given by tag is pinned to the digest it has now
// (`changed`: only the images this step sets; `all`: every ECR image; `none`: nothing). Images whose digest is
// not known yet are returned as pending (the caller resolves them and renders again); anything that is not a
// private ECR image is left as given, with a notice.
import type { JsonObject } from '../../shared/src/task-definition.js';
import { parseEcrImage } from './image-ref.js';
import type { PendingImage, PinMode } from './render-types.js';

export function pinImages(
  containers: JsonObject[],
  imageSet: ReadonlySet<string>,
  mode: PinMode,
  digests: ReadonlyMap<string, string>,
  notices: string[],
): { pending: Map<string, PendingImage>; pinned: Set<string> } {
  const pending = new Map<string, PendingImage>();
  const pinned = new Set<string>();
  if (mode !== 'none') {
    for (const c of containers) {
      if (typeof c.image !== 'string' || typeof c.name !== 'string') continue;
      const ecr = parseEcrImage(c.image);
      if (!ecr) {
        if (c.image && !c.image.includes('@'))
          notices.push(
            `${c.name}: ${c.image} is not a private ECR image; left as given (not pinned to a digest)`,
          );
        continue;
      }
      if (ecr.digest) continue;
      const required = imageSet.has(c.name);
      if (!required && mode === 'changed') {
        notices.push(
          `${c.name}: ${c.image} is left as given: pin-digests 'changed' pins only the images this step sets (pin-digests: all pins it too)`,
        );
        continue;
      }
      const digest = digests.get(c.image);
      if (digest) {
        if (!ecr.tag)
          notices.push(
            `${c.name}: ${c.image} has no tag, which ECS pulls as :latest; pinned to the digest :latest has now (${digest})`,
          );
        c.image = `${ecr.registry}/${ecr.repository}@${digest}`;
        pinned.add(c.name);
      } else {
        const seen = pending.get(c.image);
        pending.set(c.image, {
          image: c.image,
          required: required || (seen?.required ?? false),
          tag: ecr.tag ?? 'latest',
        });
      }
    }
  }

  return { pending, pinned };
}
