/** Container image references (the docker reference grammar) and ECR repository URIs. Pure. */

export interface ImageRef {
  /** Registry host (and port) when the reference names one, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com`. */
  domain?: string;
  /** Repository path without the domain, e.g. `team/api`. */
  path: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}';
const PATH_RE = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const TAG_RE = new RegExp(`^${TAG}$`);
const DIGEST_RE = new RegExp(`^${DIGEST}$`);
export const SHA256_DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/** Why `image` is not a valid reference, or undefined when it is. */
export function imageProblem(image: string): string | undefined {
  if (image === '') return 'it is empty';
  if (/\s/.test(image)) return 'it contains whitespace';
  if (image.length > 255 + 72) return 'it is too long';
  const parsed = parseImage(image);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** Parses a reference; returns a reason string when it is malformed. */
export function parseImage(image: string): ImageRef | string {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest))
      return `its digest '${digest}' is not algorithm:hex (e.g. sha256:<64 hex digits>)`;
    if (digest.startsWith('sha256:') && !SHA256_DIGEST_RE.test(digest))
      return `its digest '${digest}' must be sha256: followed by 64 lowercase hex digits`;
  }
  let domain: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase()
    ) {
      domain = first;
      rest = rest.slice(slash + 1);
      if (!DOMAIN_RE.test(domain)) return `its registry '${domain}' is not a valid host[:port]`;
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag))
      return `its tag '${tag}' is not valid (letters, digits, _ . -, at most 128, not starting with . or -)`;
  }
  if (rest === '') return 'it has no repository name';
  if (!PATH_RE.test(rest))
    return `its repository '${rest}' is not valid (lowercase letters, digits and separators . _ __ - between them, / between path parts)`;
  if ((domain ? domain.length + 1 : 0) + rest.length > 255) return 'its name is longer than 255 characters';
  return { domain, path: rest, tag, digest };
}

export interface EcrImage {
  registryId: string;
  region: string;
  /** `<acct>.dkr.ecr.<region>.amazonaws.com` (or the FIPS, China or dual-stack form actually used). */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const ECR_DOMAIN_RE =
  /^(\d{12})\.(?:dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws)$/;

/** The ECR parts of a private ECR image URI, or undefined for any other registry (Docker Hub, ECR Public, ...). */
export function parseEcrImage(image: string): EcrImage | undefined {
  const ref = parseImage(image);
  if (typeof ref === 'string' || !ref.domain) return undefined;
  const m = ECR_DOMAIN_RE.exec(ref.domain);
  if (!m) return undefined;
  return {
    registryId: m[1]!,
    region: (m[2] ?? m[3])!,
    registry: ref.domain,
    repository: ref.path,
    tag: ref.tag,
    digest: ref.digest,
  };
}
