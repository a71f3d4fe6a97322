/** `valueFrom` of a container secret: an SSM parameter name or ARN, or a Secrets Manager ARN. Pure. */

const PARTITION = 'aws(?:-[a-z]+)*';
const SSM_NAME = '[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*';
const SSM_NAME_RE = new RegExp(`^/?${SSM_NAME}$`);
const SSM_ARN_RE = new RegExp(`^arn:${PARTITION}:ssm:[a-z0-9-]+:\\d{12}:parameter/?${SSM_NAME}$`);
const SECRET_ARN_RE = new RegExp(
  `^arn:${PARTITION}:secretsmanager:[a-z0-9-]+:\\d{12}:secret:([A-Za-z0-9/_+=.@-]+)((?::[^:]*)*)$`,
);
const VERSION_STAGE_RE = /^[A-Za-z0-9_+=.@-]{1,256}$/;
const VERSION_ID_RE = /^[A-Za-z0-9-]{32,64}$/;

export const SECRET_FORMATS =
  'use an SSM parameter name (/app/prod/db-password), an SSM parameter ARN ' +
  '(arn:aws:ssm:<region>:<account>:parameter/app/prod/db-password) or a Secrets Manager secret ARN ' +
  '(arn:aws:secretsmanager:<region>:<account>:secret:<name>, optionally followed by :<json-key>:<version-stage>:<version-id>)';

/** Why `valueFrom` cannot be a container secret reference, or undefined when it is well formed. */
export function secretRefProblem(valueFrom: string): string | undefined {
  if (valueFrom === '') return `it is empty; ${SECRET_FORMATS}`;
  if (/\s/.test(valueFrom)) return `it contains whitespace; ${SECRET_FORMATS}`;
  if (!valueFrom.startsWith('arn:')) {
    if (valueFrom.length > 2048) return 'an SSM parameter name is at most 2048 characters';
    return SSM_NAME_RE.test(valueFrom)
      ? undefined
      : `it is not an SSM parameter name (letters, digits, _ . - and / between levels); ${SECRET_FORMATS}`;
  }
  const service = valueFrom.split(':')[2] ?? '';
  if (service === 'ssm') {
    return SSM_ARN_RE.test(valueFrom)
      ? undefined
      : `it is not a well-formed SSM parameter ARN (arn:aws:ssm:<region>:<12-digit account>:parameter/<name>)`;
  }
  if (service === 'secretsmanager') {
    const m = SECRET_ARN_RE.exec(valueFrom);
    if (!m)
      return 'it is not a well-formed Secrets Manager ARN (arn:aws:secretsmanager:<region>:<12-digit account>:secret:<name>)';
    const suffix = m[2] ?? '';
    if (suffix === '') return undefined;
    const parts = suffix.slice(1).split(':');
    if (parts.length !== 3) {
      return (
        `after the secret name give all three of :<json-key>:<version-stage>:<version-id>, leaving unused ones ` +
        `empty (e.g. ...:secret:${m[1]}:password:: for a JSON key); it has ${parts.length}`
      );
    }
    const [, stage, id] = parts as [string, string, string];
    if (stage !== '' && !VERSION_STAGE_RE.test(stage))
      return `its version stage '${stage}' is not a valid staging label`;
    if (id !== '' && !VERSION_ID_RE.test(id))
      return `its version id '${id}' is not a version id (32-64 letters, digits, -)`;
    if (stage !== '' && id !== '') return 'give either a version stage or a version id, not both';
    return undefined;
  }
  return `it is an ARN of '${service || 'an unknown service'}'; ${SECRET_FORMATS}`;
}
