import { existsSync } from 'node:fs';
import { InputError } from '../../shared/src/errors.js';

/** Where the template comes from: a file, or a task definition registered in ECS. Pure but for one stat. */
export type TemplateSource =
  { kind: 'file'; path: string } | { kind: 'ecs'; reference: string; family: string };

const FAMILY = '[A-Za-z0-9_-]{1,255}';
const FAMILY_REVISION_RE = new RegExp(`^(${FAMILY})(?::([1-9][0-9]{0,9}))?$`);
const ARN_RE = new RegExp(
  `^arn:aws(?:-[a-z]+)*:ecs:[a-z0-9-]+:\\d{12}:task-definition/(${FAMILY}):[1-9][0-9]{0,9}$`,
);

/**
 * An existing file wins; otherwise a family, family:revision or task definition ARN is fetched from ECS.
 * Anything else is an error naming the input: a missing file, or a malformed reference.
 */
export function classifyTemplateSource(
  value: string,
  exists: (p: string) => boolean = existsSync,
): TemplateSource {
  if (exists(value)) return { kind: 'file', path: value };
  const arn = ARN_RE.exec(value);
  if (arn) return { kind: 'ecs', reference: value, family: arn[1]! };
  const fr = FAMILY_REVISION_RE.exec(value);
  if (fr) return { kind: 'ecs', reference: value, family: fr[1]! };
  if (value.startsWith('arn:')) {
    throw new InputError(
      'task-definition',
      value,
      'not a task definition ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>)',
    );
  }
  throw new InputError(
    'task-definition',
    value,
    'no such file (paths are relative to the workspace; check out the repository first), and not a ' +
      'family, family:revision or task definition ARN to fetch from ECS',
  );
}
