import { InputError } from '../../shared/src/errors.js';

/** A target platform as buildx and OCI image indexes spell it. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

const VARIANTS: Record<string, readonly string[]> = {
  amd64: ['v2', 'v3', 'v4'],
  arm64: ['v8'],
  arm: ['v5', 'v6', 'v7'],
  '386': [],
  ppc64le: [],
  s390x: [],
  riscv64: [],
};
const ARCHITECTURES = Object.keys(VARIANTS);

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** Parses `os/arch[/variant]` (Linux only: these images run on ECS/Fargate Linux). */
export function parsePlatform(input: string, value: string): Platform {
  const allowed = `expected os/arch[/variant] such as linux/arm64 or linux/amd64; architectures: ${ARCHITECTURES.join(', ')}`;
  const parts = value.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === ''))
    throw new InputError(input, value, allowed);
  const [os = '', architecture = '', variant] = parts;
  if (os !== 'linux') throw new InputError(input, value, `only linux platforms are supported (${allowed})`);
  const variants = VARIANTS[architecture];
  if (!variants) throw new InputError(input, value, allowed);
  if (variant !== undefined && !variants.includes(variant)) {
    throw new InputError(
      input,
      value,
      variants.length
        ? `variant '${variant}' is not one of ${variants.join(', ')} for ${architecture}`
        : `${architecture} has no variants`,
    );
  }
  // linux/arm64/v8 is how registries often list plain linux/arm64: one platform, one spelling.
  return variant && !(architecture === 'arm64' && variant === 'v8')
    ? { os, architecture, variant }
    : { os, architecture };
}

/** The platform a GitHub runner builds natively, from RUNNER_ARCH (X86, X64, ARM, ARM64). */
export function runnerPlatform(runnerArch: string | undefined): Platform | undefined {
  switch ((runnerArch ?? '').toUpperCase()) {
    case 'X64':
      return { os: 'linux', architecture: 'amd64' };
    case 'ARM64':
      return { os: 'linux', architecture: 'arm64' };
    case 'X86':
      return { os: 'linux', architecture: '386' };
    case 'ARM':
      return { os: 'linux', architecture: 'arm', variant: 'v7' };
    default:
      return undefined;
  }
}

/** True when an image built for `listed` satisfies a request for `requested`. */
export function platformSatisfies(requested: Platform, listed: Platform): boolean {
  if (requested.os !== listed.os || requested.architecture !== listed.architecture) return false;
  if (requested.architecture === 'arm64') return true; // v8 is the only arm64 variant
  if (requested.variant === undefined)
    return listed.variant === undefined || requested.architecture !== 'arm';
  return requested.variant === listed.variant;
}

/**
 * Platforms the runner cannot execute natively (they need QEMU). An unknown runner architecture is treated
 * as amd64, the GitHub-hosted default.
 */
export function emulatedPlatforms(requested: Platform[], runnerArch: string | undefined): Platform[] {
  const native = runnerPlatform(runnerArch) ?? { os: 'linux', architecture: 'amd64' };
  return requested.filter((p) => p.architecture !== native.architecture);
}
