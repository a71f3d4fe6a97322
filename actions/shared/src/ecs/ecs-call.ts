// How one ECS call is sent: by its operation's row in ECS_CALL_POLICY (call-policy.ts). Throttling is
// retried, a 5xx on a call that may have been applied is read back before anything is sent again,
// AccessDenied names the missing permission, and an optional call that the endpoint does not support switches
// its feature off with one warning. It also counts every call and retry for the step's last line.
import { backoffDelay, classifyError, sleep as realSleep } from '../retry.js';
import { ActionError, errorMessage, errorName } from '../errors.js';
import type { Log } from '../log.js';
import { ECS_CALL_POLICY, throttleAttempts, type EcsOperation } from './call-policy.js';

export class AccessDeniedError extends ActionError {}

export function missingPermission(err: unknown, operation: string): string {
  const m = /not authorized to perform: ([\w:-]+)/.exec(errorMessage(err));
  return m?.[1] ?? `ecs:${operation}`;
}

/** The answer of an optional call: its value, skipped for this poll, or not available on this endpoint. */
export type Optional<T> =
  { kind: 'ok'; value: T } | { kind: 'skipped'; reason: string } | { kind: 'unavailable'; reason: string };

/** Optional features, each switched off (once, with one warning) when the endpoint or the role lacks it. */
export type Feature = 'service-deployments' | 'diagnosis' | 'tagging';
const FEATURE_OF: Partial<Record<EcsOperation, Feature>> = {
  ListServiceDeployments: 'service-deployments',
  DescribeServiceDeployments: 'service-deployments',
  DescribeServiceRevisions: 'service-deployments',
  ListTasks: 'diagnosis',
  DescribeTasks: 'diagnosis',
  TagResource: 'tagging',
};
const FEATURE_FALLBACK: Record<Feature, string> = {
  'service-deployments': "the watch uses the service's deployments array instead",
  diagnosis: 'stopped tasks are not explained',
  tagging: 'revisions are not tagged',
};

/** The ECS API answered in a way that means "this endpoint does not have that operation". */
export function isUnsupported(err: unknown): boolean {
  const name = errorName(err);
  if (
    [
      'UnknownOperationException',
      'InvalidAction',
      'UnsupportedOperation',
      'UnsupportedOperationException',
      'UnknownOperation',
    ].includes(name)
  )
    return true;
  // A body that is not the ECS JSON protocol (an HTML error page from a proxy or an emulator): the SDK
  // cannot parse it.
  const msg = errorMessage(err);
  return (
    (name === 'SyntaxError' && /Deserialization error|Unexpected token|JSON/i.test(msg)) ||
    /Deserialization error|Unexpected token '<'|is not valid JSON/i.test(msg)
  );
}

export interface EcsCallOptions {
  /** Attempts for a 5xx / reset on a read (throttling gets twice as many). */
  maxAttempts: number;
  log: Log;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Base delay of the retry backoff (ms). */
  baseDelayMs?: number;
}

export class EcsCallRunner {
  /** Number of calls sent, by operation (for the summary and the benchmarks). */
  readonly calls = new Map<string, number>();
  /** Retries, by operation. */
  readonly retries = new Map<string, number>();
  private readonly off = new Map<Feature, string>();
  private readonly log: Log;
  private readonly maxAttempts: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  private readonly baseDelayMs: number;

  constructor(opts: EcsCallOptions) {
    this.log = opts.log;
    this.maxAttempts = opts.maxAttempts;
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
    this.baseDelayMs = opts.baseDelayMs ?? 500;
  }

  /** A warning in the step's log. */
  warn(message: string): void {
    this.log.warning(message);
  }

  /** False once the endpoint showed it lacks the feature (or the role may not use it). */
  has(feature: Feature): boolean {
    return !this.off.has(feature);
  }

  private switchOff(feature: Feature, why: string): void {
    if (this.off.has(feature)) return;
    this.off.set(feature, why);
    this.log.warning(`${why}; ${FEATURE_FALLBACK[feature]}`);
  }

  count(map: Map<string, number>, op: string): void {
    map.set(op, (map.get(op) ?? 0) + 1);
  }

  /**
   * Sends one call by its policy. `readBack` (for calls that may have been applied) answers the value the
   * call would have returned if it landed, or undefined if it did not.
   */
  async call<T>(
    op: EcsOperation,
    send: () => Promise<T>,
    readBack?: () => Promise<T | undefined>,
  ): Promise<T> {
    const policy = ECS_CALL_POLICY[op];
    let transientLeft = this.maxAttempts - 1;
    let throttleLeft = throttleAttempts(this.maxAttempts) - 1;
    for (let attempt = 1; ; attempt++) {
      try {
        this.count(this.calls, op);
        return await send();
      } catch (err) {
        const kind = classifyError(err);
        if (kind === 'access-denied') {
          throw new AccessDeniedError(
            `${op} was denied: the deploy role needs ${missingPermission(err, op)} (${errorMessage(err)})`,
            { cause: err },
          );
        }
        if (isUnsupported(err)) throw err;
        const what = `${op} ${kind === 'throttling' ? 'throttled' : 'failed'} (${errorName(err) || 'error'}: ${errorMessage(err)})`;
        if (kind === 'throttling') {
          if (throttleLeft-- <= 0) throw err;
        } else if (kind === 'transient') {
          if (transientLeft-- <= 0) throw err;
          if (policy.onTransient === 'read-back' && readBack) {
            const landed = await readBack();
            if (landed !== undefined) {
              this.log.warning(`${what}, but it was applied: not sending it again`);
              return landed;
            }
            this.log.warning(`${what}, and it was not applied: sending it again`);
            this.count(this.retries, op);
            continue;
          }
        } else {
          throw err;
        }
        const delay = backoffDelay(attempt, this.baseDelayMs, 10_000, this.random);
        this.log.warning(`${what}; retry ${attempt} in ${(delay / 1000).toFixed(1)}s`);
        this.count(this.retries, op);
        await this.sleep(delay);
      }
    }
  }

  /** One attempt of an optional call: skipped on throttling or 5xx, its feature switched off when unsupported. */
  async optional<T>(op: EcsOperation, send: () => Promise<T>): Promise<Optional<T>> {
    const feature = FEATURE_OF[op];
    if (feature && this.off.has(feature)) return { kind: 'unavailable', reason: this.off.get(feature)! };
    try {
      this.count(this.calls, op);
      return { kind: 'ok', value: await send() };
    } catch (err) {
      const kind = classifyError(err);
      if (isUnsupported(err) || kind === 'access-denied') {
        const why =
          kind === 'access-denied'
            ? `${op} was denied: the deploy role needs ${missingPermission(err, op)}`
            : `${op} is not supported by this endpoint (${errorName(err) || 'error'}: ${errorMessage(err).slice(0, 120)})`;
        if (feature) this.switchOff(feature, why);
        return { kind: 'unavailable', reason: why };
      }
      if (kind === 'throttling' || kind === 'transient') {
        this.log.debug(
          `${op} ${kind === 'throttling' ? 'throttled' : 'failed'} (${errorName(err)}); skipped for this poll`,
        );
        return { kind: 'skipped', reason: `${errorName(err) || kind}: ${errorMessage(err)}` };
      }
      throw err;
    }
  }

  totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  totalRetries(): number {
    let n = 0;
    for (const v of this.retries.values()) n += v;
    return n;
  }

  /** `ECS calls: 42 (DescribeServices 30, …), 3 retries` for the log. */
  callsLine(): string {
    const retries = this.totalRetries();
    return `ECS calls: ${this.totalCalls()} (${[...this.calls].map(([op, n]) => `${op} ${n}`).join(', ')})${retries ? `, ${retries} retries (${[...this.retries].map(([op, n]) => `${op} ${n}`).join(', ')})` : ''}`;
  }
}
