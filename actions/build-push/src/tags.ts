import { InputError } from '../../shared/src/errors.js';

/** Docker's tag grammar: a word character, then up to 127 of [A-Za-z0-9_.-]. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** ECR repository names: lowercase path components separated by / with . _ - inside; 2 to 256 characters. */
export const ECR_REPOSITORY_PATTERN = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const ECR_IMAGE_PATTERN =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?\/(.+)$/;

export function validateRepositoryName(input: string, name: string): string {
  if (name.length < 2 || name.length > 256 || !ECR_REPOSITORY_PATTERN.test(name)) {
    throw new InputError(
      input,
      name,
      'an ECR repository name is 2 to 256 lowercase letters, digits and . _ - / (each path part starting and ending with a letter or digit), e.g. payments-api or team/payments-api',
    );
  }
  return name;
}

export function validateTag(input: string, tag: string): string {
  if (tag.includes(':') || tag.includes('/') || tag.includes('@')) {
    throw new InputError(
      input,
      tag,
      'give tag names only (e.g. v1.2.3); the repository comes from the repository or image input',
    );
  }
  if (!TAG_PATTERN.test(tag)) {
    throw new InputError(
      input,
      tag,
      'a Docker tag is 1 to 128 characters of letters, digits, _ . - and cannot start with . or -',
    );
  }
  return tag;
}

/** A git ref name turned into a valid Docker tag: other characters become '-', no leading '.' or '-'. */
export function sanitizeTag(name: string): string | undefined {
  const tag = name
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)
    .replace(/[.-]+$/, '');
  return tag === '' ? undefined : tag;
}

/** Default tags: the commit SHA, and the branch (head branch for pull requests) or git tag name. */
export function defaultTags(env: NodeJS.ProcessEnv): string[] {
  const tags: string[] = [];
  if (env.GITHUB_SHA && TAG_PATTERN.test(env.GITHUB_SHA)) tags.push(env.GITHUB_SHA);
  const ref = env.GITHUB_REF ?? '';
  let name: string | undefined;
  if (env.GITHUB_HEAD_REF) name = env.GITHUB_HEAD_REF;
  else if (ref.startsWith('refs/heads/')) name = ref.slice('refs/heads/'.length);
  else if (ref.startsWith('refs/tags/')) name = ref.slice('refs/tags/'.length);
  const sanitized = name ? sanitizeTag(name) : undefined;
  if (sanitized && !tags.includes(sanitized)) tags.push(sanitized);
  return tags;
}
