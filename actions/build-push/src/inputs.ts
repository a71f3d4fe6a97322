import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../../shared/src/errors.js';
import { parseList, type Inputs } from '../../shared/src/inputs.js';
import { requiredRegion } from '../../shared/src/aws-client.js';
import { formatPlatform, parsePlatform, type Platform } from './platforms.js';
import { ECR_IMAGE_PATTERN, defaultTags, validateRepositoryName, validateTag } from './tags.js';

export const CACHE_MODES = ['gha', 'registry', 'none'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** Where the image goes: a repository name in the current account, or a full ECR URI. */
export type Destination =
  | { kind: 'repository'; repository: string; region: string }
  | { kind: 'image'; uri: string; registry: string; accountId: string; repository: string; region: string };

export interface BuildPushInputs {
  destination: Destination;
  context: string;
  file?: string;
  platforms: Platform[];
  tags: string[];
  buildArgs: Array<[string, string]>;
  secrets: Array<[string, string]>;
  target?: string;
  labels: Array<[string, string]>;
  cache: CacheMode;
  push: boolean;
  provenance: boolean;
  sbom: boolean;
}

function destination(inputs: Inputs, env: NodeJS.ProcessEnv): Destination {
  const repository = inputs.optional('repository');
  const image = inputs.optional('image');
  if (repository && image) {
    throw new InputError('image', image, 'give either repository or image, not both');
  }
  if (image) {
    const m = ECR_IMAGE_PATTERN.exec(image);
    if (!m) {
      throw new InputError(
        'image',
        image,
        'expected an ECR repository URI without a tag, such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments-api',
      );
    }
    const [, accountId = '', region = '', repo = ''] = m;
    if (repo.includes(':') || repo.includes('@')) {
      throw new InputError(
        'image',
        image,
        'give the repository URI without a tag or digest; use the tags input',
      );
    }
    validateRepositoryName('image', repo);
    const regionInput = inputs.optional('region');
    if (regionInput && regionInput !== region) {
      throw new InputError(
        'region',
        regionInput,
        `the image is in ${region}; leave region empty or set it to ${region}`,
      );
    }
    return {
      kind: 'image',
      uri: image,
      registry: image.slice(0, image.indexOf('/')),
      accountId,
      repository: repo,
      region,
    };
  }
  if (!repository) {
    throw new InputError(
      'repository',
      '',
      'this input is required (an ECR repository name such as payments-api), unless image gives a full repository URI',
    );
  }
  if (repository.includes('.amazonaws.com')) {
    throw new InputError('repository', repository, 'this is a repository URI: pass it as image instead');
  }
  validateRepositoryName('repository', repository);
  const region = requiredRegion(inputs, env);
  return { kind: 'repository', repository, region };
}

function platforms(inputs: Inputs): Platform[] {
  const values = inputs.list('platforms', { commas: true });
  const list = (values.length ? values : ['linux/arm64']).map((v) => parsePlatform('platforms', v));
  const seen = new Set<string>();
  for (const p of list) {
    const key = formatPlatform(p);
    if (seen.has(key)) throw new InputError('platforms', key, 'this platform is listed twice');
    seen.add(key);
  }
  return list;
}

function tags(inputs: Inputs, env: NodeJS.ProcessEnv): string[] {
  const given = inputs.list('tags', { commas: true });
  if (given.length === 0) {
    const fallback = defaultTags(env);
    if (fallback.length === 0) {
      throw new InputError(
        'tags',
        '',
        'no tags given and GITHUB_SHA is not set to derive one; list the tags to push',
      );
    }
    return fallback;
  }
  const result: string[] = [];
  for (const t of given) if (!result.includes(validateTag('tags', t))) result.push(t);
  return result;
}

function localPath(input: string, value: string, workspace: string, kind: 'directory' | 'file'): void {
  const path = isAbsolute(value) ? value : resolve(workspace, value);
  const ok =
    existsSync(path) && (kind === 'directory' ? statSync(path).isDirectory() : statSync(path).isFile());
  if (!ok)
    throw new InputError(
      input,
      value,
      `no such ${kind} (looked for ${path}); did the job check out the code?`,
    );
}

/**
 * `ID=VALUE` lines of BuildKit secrets. Unlike Inputs.map, an error never repeats the value: it shows
 * `ID=***` so a typo cannot print a secret.
 */
export function parseSecrets(raw: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of parseList(raw)) {
    const eq = line.indexOf('=');
    const id = eq < 0 ? '' : line.slice(0, eq).trim();
    const shown = eq < 0 ? '***' : `${id}=***`;
    if (eq <= 0) throw new InputError('secrets', shown, 'each line must be ID=VALUE');
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(id))
      throw new InputError('secrets', shown, `id '${id}' must be letters, digits and _ . -`);
    if (pairs.some(([k]) => k === id))
      throw new InputError('secrets', shown, `id '${id}' appears more than once`);
    const value = line.slice(eq + 1).trim();
    if (value === '') throw new InputError('secrets', `${id}=`, `secret '${id}' has an empty value`);
    pairs.push([id, value]);
  }
  return pairs;
}

/** Reads and validates every build-push input; nothing here calls AWS or docker. */
export function getInputs(
  inputs: Inputs,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): BuildPushInputs {
  const dest = destination(inputs, env);
  const context = inputs.string('context', '.');
  const remoteContext = /^[a-z]+:\/\/|^git@/.test(context);
  if (!remoteContext) localPath('context', context, cwd, 'directory');
  const file = inputs.optional('file');
  if (file && !remoteContext) localPath('file', file, cwd, 'file');

  const target = inputs.optional('target');
  if (target !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(target)) {
    throw new InputError('target', target, 'expected a build stage name (letters, digits, _ . -)');
  }
  const buildArgs = inputs.map('build-args', {
    keyPattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
    keyDescription: 'a build argument name (letters, digits, _)',
  });
  const secrets = parseSecrets(inputs.raw('secrets'));
  const labels = inputs.map('labels', {
    keyPattern: /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/,
    keyDescription: 'a label key (letters, digits, _ . - /)',
  });

  return {
    destination: dest,
    context,
    file,
    platforms: platforms(inputs),
    tags: tags(inputs, env),
    buildArgs,
    secrets,
    target,
    labels,
    cache: inputs.oneOf('cache', CACHE_MODES, 'gha'),
    push: inputs.bool('push', true),
    provenance: inputs.bool('provenance', true),
    sbom: inputs.bool('sbom', true),
  };
}

/** org.opencontainers.image.* labels from the run, unless the caller set them. */
export function effectiveLabels(
  labels: Array<[string, string]>,
  env: NodeJS.ProcessEnv,
): Array<[string, string]> {
  const given = new Set(labels.map(([k]) => k));
  const defaults: Array<[string, string]> = [];
  if (env.GITHUB_SHA && !given.has('org.opencontainers.image.revision'))
    defaults.push(['org.opencontainers.image.revision', env.GITHUB_SHA]);
  if (env.GITHUB_REPOSITORY && !given.has('org.opencontainers.image.source'))
    defaults.push([
      'org.opencontainers.image.source',
      `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}`,
    ]);
  return [...defaults, ...labels];
}
