import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';
import { clusterInput, ECS_NAME, watchInputs, type WatchInputs } from '../../shared/src/ecs/inputs.js';
import { requiredRegion } from '../../shared/src/aws-client.js';

export type Target =
  | { kind: 'previous' }
  | { kind: 'revision'; revision: number }
  | { kind: 'family-revision'; family: string; revision: number }
  | { kind: 'arn'; arn: string; family: string; revision: number };

export interface RollbackInputs extends WatchInputs {
  cluster: string;
  service: string;
  to: Target;
  reason: string;
  dryRun: boolean;
  region: string;
}

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
  const cluster = clusterInput(inputs);
  const service = inputs.required('service', 'the ECS service name');
  if (!ECS_NAME.test(service))
    throw new InputError('service', service, 'expected a service name (letters, digits, - and _, up to 255)');
  const to = parseTarget(inputs.raw('to'));
  const reason = inputs.required('reason', 'why you are rolling back, recorded on the revision');
  if (reason.length > 256) throw new InputError('reason', reason, 'at most 256 characters');
  const region = requiredRegion(inputs, env);
  return {
    cluster,
    service,
    to,
    reason,
    ...watchInputs(inputs),
    dryRun: inputs.bool('dry-run', false),
    region,
  };
}

export { tagValue } from '../../shared/src/revision.js';
