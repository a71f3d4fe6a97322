import { InputError } from '../../shared/src/errors.js';

const ALLOWED = /^[\w+=,.@-]{2,64}$/;

export function validateSessionName(input: string, value: string): string {
  if (!ALLOWED.test(value)) {
    throw new InputError(input, value, 'expected 2 to 64 characters of letters, digits and +=,.@_-');
  }
  return value;
}

/** `slipway-<owner>-<repo>-<run id>[-<attempt>]`, sanitised to STS's characters and cut to 64. */
export function defaultSessionName(repository?: string, runId?: string, runAttempt?: string): string {
  const parts = [
    'slipway',
    repository?.replace('/', '-'),
    runId,
    runAttempt && runAttempt !== '1' ? runAttempt : undefined,
  ];
  let name = parts
    .filter((p): p is string => Boolean(p))
    .join('-')
    .replace(/[^\w+=,.@-]/g, '-');
  if (name.length > 64) {
    // Keep the run id (the tail), which is what identifies the session in CloudTrail.
    const tail = name.slice(
      name.lastIndexOf('-', name.length - 1 - (runAttempt ? runAttempt.length + 1 : 0)),
    );
    name = name.slice(0, 64 - tail.length) + tail;
    name = name.slice(0, 64);
  }
  return name;
}
