import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';
import { requiredRegion } from '../../shared/src/aws-client.js';
import { defaultSessionName, validateSessionName } from './session-name.js';

export interface AuthInputs {
  roleArn: string;
  region: string;
  audience: string;
  sessionName: string;
  durationSeconds: number;
  chainRoleArn?: string;
  chainExternalId?: string;
  allowedAccountIds: string[];
  exportEnv: boolean;
  maxAttempts: number;
}

export const ROLE_ARN_PATTERN = /^arn:aws(?:-[a-z]+)*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

export function accountOfRoleArn(arn: string): string | undefined {
  return ROLE_ARN_PATTERN.exec(arn)?.[1];
}

function roleArn(inputs: Inputs, name: string, value: string): string {
  if (!ROLE_ARN_PATTERN.test(value)) {
    throw new InputError(
      name,
      value,
      'expected an IAM role ARN such as arn:aws:iam::123456789012:role/deploy',
    );
  }
  return value;
}

/** Reads and validates every aws-auth input; nothing here calls AWS. */
export function getInputs(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): AuthInputs {
  const arn = roleArn(inputs, 'role-arn', inputs.required('role-arn', 'the ARN of the role to assume'));
  const region = requiredRegion(inputs, env);

  const audience = inputs.string('audience', 'sts.amazonaws.com');
  const sessionNameInput = inputs.optional('role-session-name');
  const sessionName = sessionNameInput
    ? validateSessionName('role-session-name', sessionNameInput)
    : defaultSessionName(env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT);

  const chainRoleArnValue = inputs.optional('chain-role-arn');
  const chainRoleArn = chainRoleArnValue ? roleArn(inputs, 'chain-role-arn', chainRoleArnValue) : undefined;
  const chainExternalId = inputs.optional('chain-external-id');
  if (chainExternalId !== undefined) {
    if (!chainRoleArn)
      throw new InputError('chain-external-id', chainExternalId, 'only allowed together with chain-role-arn');
    if (!/^[\w+=,.@:/-]{2,1224}$/.test(chainExternalId)) {
      throw new InputError(
        'chain-external-id',
        chainExternalId,
        'expected 2 to 1224 characters of letters, digits and +=,.@:/-',
      );
    }
  }

  const allowedAccountIds = inputs.list('allowed-account-ids', { commas: true });
  for (const id of allowedAccountIds) {
    if (!/^\d{12}$/.test(id))
      throw new InputError('allowed-account-ids', id, 'each entry must be a 12-digit AWS account ID');
  }
  const finalArn = chainRoleArn ?? arn;
  const finalAccount = accountOfRoleArn(finalArn);
  if (allowedAccountIds.length > 0 && finalAccount && !allowedAccountIds.includes(finalAccount)) {
    throw new InputError(
      chainRoleArn ? 'chain-role-arn' : 'role-arn',
      finalArn,
      `its account ${finalAccount} is not in allowed-account-ids (${allowedAccountIds.join(', ')})`,
    );
  }

  return {
    roleArn: arn,
    region,
    audience,
    sessionName,
    durationSeconds: inputs.int('role-duration-seconds', { min: 900, max: 43200, fallback: 3600 }),
    chainRoleArn,
    chainExternalId,
    allowedAccountIds,
    exportEnv: inputs.bool('export-env', true),
    maxAttempts: inputs.int('max-attempts', { min: 1, max: 10, fallback: 5 }),
  };
}
