import type { BuildPushInputs } from './inputs.js';
import { formatPlatform } from './platforms.js';

/** The runner variables BuildKit's `type=gha` cache reads (v1: ACTIONS_CACHE_URL, v2: ACTIONS_RESULTS_URL). */
export const GHA_CACHE_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
] as const;

/**
 * A JavaScript action's process receives the cache service variables (a `run:` step does not); buildx is
 * started with this process's environment, so `type=gha` finds them without any token on the command line.
 */
export function ghaCacheAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && (env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL));
}

/** Environment variable through which secret number `index` reaches buildx (`--secret id=...,env=...`). */
export function secretEnvName(index: number): string {
  return `SLIPWAY_BUILD_SECRET_${index}`;
}

export interface BuildPlan {
  imageUri: string;
  /** Builder to pass with --builder (one this action created or reused); undefined: the current builder. */
  builder?: string;
  metadataFile: string;
  /** Effective cache after checking what the runner provides. */
  cache: 'gha' | 'registry' | 'none';
  labels: Array<[string, string]>;
}

export function cacheScope(repository: string): string {
  return repository.replace(/[^A-Za-z0-9_.-]/g, '-');
}

/** The exact `docker buildx build` argument list (no secret values: those go through the environment). */
export function buildArgs(inputs: BuildPushInputs, plan: BuildPlan, repository: string): string[] {
  const args = ['buildx', 'build'];
  if (plan.builder) args.push('--builder', plan.builder);
  if (inputs.file) args.push('--file', inputs.file);
  args.push('--platform', inputs.platforms.map(formatPlatform).join(','));
  if (inputs.target) args.push('--target', inputs.target);
  for (const tag of inputs.tags) args.push('--tag', `${plan.imageUri}:${tag}`);
  for (const [k, v] of inputs.buildArgs) args.push('--build-arg', `${k}=${v}`);
  for (const [k, v] of plan.labels) args.push('--label', `${k}=${v}`);
  inputs.secrets.forEach(([id], i) => args.push('--secret', `id=${id},env=${secretEnvName(i)}`));
  if (plan.cache === 'gha') {
    const scope = cacheScope(repository);
    args.push('--cache-from', `type=gha,scope=${scope}`);
    args.push('--cache-to', `type=gha,mode=max,scope=${scope},ignore-error=true`);
  } else if (plan.cache === 'registry') {
    const ref = `${plan.imageUri}:buildcache`;
    args.push('--cache-from', `type=registry,ref=${ref}`);
    // ECR needs the cache as an OCI image manifest rather than buildkit's own cache-manifest media type.
    args.push(
      '--cache-to',
      `type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`,
    );
  }
  args.push(`--provenance=${inputs.provenance}`, `--sbom=${inputs.sbom}`);
  args.push('--metadata-file', plan.metadataFile);
  if (inputs.push) args.push('--push');
  else if (inputs.platforms.length === 1) args.push('--load');
  args.push(inputs.context);
  return args;
}

/** Environment additions for the buildx process: one variable per secret. */
export function secretEnv(inputs: BuildPushInputs): Record<string, string> {
  const env: Record<string, string> = {};
  inputs.secrets.forEach(([, value], i) => (env[secretEnvName(i)] = value));
  return env;
}

/**
 * Whether the current builder can do what this build asks: the `docker` driver cannot export a cache,
 * build several platforms into one image or attach attestations; a `docker-container` builder can.
 */
export function needsContainerBuilder(
  driver: string,
  inputs: BuildPushInputs,
  cache: BuildPlan['cache'],
): boolean {
  if (driver !== 'docker') return false;
  return cache !== 'none' || inputs.platforms.length > 1 || inputs.provenance || inputs.sbom;
}
