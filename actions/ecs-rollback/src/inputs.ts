import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';
import { REGION_PATTERN, resolveRegion } from '../../shared/src/aws-client.js';

export type Target =
  | { kind: 'previous' }
  | { kind: 'revision'; revision: number }
  | { kind: 'family-revision'; family: string; revision: number }
  | { kind: 'arn'; arn: string; family: string; revision: number };

export interface RollbackInputs {
  cluster: string;
  service: string;
  to: Target;
  reason: string;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  dryRun: boolean;
  region: string;
  maxAttempts: number;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
const TD_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/([A-Za-z0-9_-]{1,255}):(\d+)$/;

export function parseTarget(value: string): Target {
  const v = value.trim();
  if (v === '' || v.toLowerCase() === 'previous') return { kind: 'previous' };
  if (/^\d+$/.test(v) && Number(v) >= 1) return { kind: 'revision', revision: Number(v) };
  const fr = /^([A-Za-z0-9_-]{1,255}):(\d+)$/.exec(v);
  if (fr && Number(fr[2]) >= 1) return { kind: 'family-revision', family: fr[1]!, revision: Number(fr[2]) };
  const arn = TD_ARN.exec(v);
  if (arn && Number(arn[2]) >= 1) return { kind: 'arn', arn: v, family: arn[1]!, revision: Number(arn[2]) };
  throw new InputError(
    'to',
    value,
    "expected 'previous', a revision number (42), family:revision (web:42) or a task definition ARN",
  );
}

export function getInputs(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): RollbackInputs {
  const cluster = inputs.required('cluster', 'the ECS cluster name or ARN');
  if (!NAME.test(cluster) && !CLUSTER_ARN.test(cluster)) {
    throw new InputError(
      'cluster',
      cluster,
      'expected a cluster name (letters, digits, - and _, up to 255) or a cluster ARN',
    );
  }
  const service = inputs.required('service', 'the ECS service name');
  if (!NAME.test(service))
    throw new InputError('service', service, 'expected a service name (letters, digits, - and _, up to 255)');
  const to = parseTarget(inputs.raw('to'));
  const reason = inputs.required('reason', 'why you are rolling back, recorded on the revision');
  if (reason.length > 256) throw new InputError('reason', reason, 'at most 256 characters');
  const region = resolveRegion(inputs.optional('region'), env);
  if (!region)
    throw new InputError('region', '', 'set the region input or AWS_REGION in the job environment');
  if (!REGION_PATTERN.test(region))
    throw new InputError('region', region, 'expected an AWS region such as eu-west-1');
  const timeoutMs = inputs.duration('timeout', { fallback: '20m', minMs: 5_000, maxMs: 6 * 3_600_000 });
  const pollIntervalMs = inputs.duration('poll-interval', { fallback: '2s', minMs: 1000, maxMs: 60_000 });
  if (pollIntervalMs * 3 > timeoutMs) {
    throw new InputError(
      'poll-interval',
      inputs.raw('poll-interval'),
      `must be at most a third of timeout (${inputs.raw('timeout') || '20m'})`,
    );
  }
  return {
    cluster,
    service,
    to,
    reason,
    wait: inputs.bool('wait', true),
    timeoutMs,
    pollIntervalMs,
    dryRun: inputs.bool('dry-run', false),
    region,
    maxAttempts: inputs.int('max-attempts', { min: 1, max: 10, fallback: 5 }),
  };
}

/** ECS tag values allow letters, digits, spaces and _ . : / = + - @ (up to 256). */
export function tagValue(text: string): string {
  return text.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, '-').slice(0, 256);
}
