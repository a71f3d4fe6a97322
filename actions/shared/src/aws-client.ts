import { SLIPWAY_VERSION } from './version.js';
import { InputError } from './errors.js';
import type { Inputs } from './inputs.js';

export interface AwsClientOptions {
  region: string;
  /** Attempts per call made by the SDK itself (adaptive retry mode). */
  maxAttempts: number;
  /**
   * `standard` for clients whose calls slipway retries itself (maxAttempts 1): the adaptive mode's
   * client-side rate limiter would otherwise hold back every later call after one throttle, the verdict's
   * DescribeServices included.
   */
  retryMode?: 'adaptive' | 'standard';
}

/**
 * The configuration every slipway AWS client is built with. The endpoint is deliberately not set here: the
 * SDK reads AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself, which is how tests reach the emulator.
 */
export function awsClientConfig(opts: AwsClientOptions) {
  return {
    region: opts.region,
    maxAttempts: opts.maxAttempts,
    retryMode: opts.retryMode ?? ('adaptive' as const),
    customUserAgent: [[`slipway/${SLIPWAY_VERSION}`]] as [string, string?][],
  };
}

/** Region from the input, else AWS_REGION, else AWS_DEFAULT_REGION. */
export function resolveRegion(
  input: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return input || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}

export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** The `region` input, else AWS_REGION / AWS_DEFAULT_REGION; required and validated. */
export function requiredRegion(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): string {
  const region = resolveRegion(inputs.optional('region'), env);
  if (!region)
    throw new InputError('region', '', 'set the region input or AWS_REGION in the job environment');
  if (!REGION_PATTERN.test(region))
    throw new InputError('region', region, 'expected an AWS region such as eu-west-1');
  return region;
}
