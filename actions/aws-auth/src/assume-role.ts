import {
  STSClient,
  AssumeRoleWithWebIdentityCommand,
  AssumeRoleCommand,
  type Credentials,
} from '@aws-sdk/client-sts';
import { awsClientConfig } from '../../shared/src/aws-client.js';
import { withRetry, classifyError } from '../../shared/src/retry.js';
import { ActionError, errorMessage, errorName } from '../../shared/src/errors.js';
import { describeClaims, type TokenClaims } from './token-claims.js';

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleArn: string;
  accountId: string;
}

export interface AssumeOptions {
  region: string;
  maxAttempts: number;
  sessionName: string;
  durationSeconds: number;
  onRetry: (what: string, err: unknown, attempt: number, delayMs: number) => void;
  /** Called with each secret as soon as it is known, before anything can print it. */
  mask: (secret: string) => void;
}

function toSession(
  what: string,
  creds: Credentials | undefined,
  arn: string | undefined,
  mask: (s: string) => void,
): SessionCredentials {
  if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken || !creds.Expiration || !arn) {
    throw new ActionError(`${what} answered without complete credentials`);
  }
  mask(creds.AccessKeyId);
  mask(creds.SecretAccessKey);
  mask(creds.SessionToken);
  const accountId = /^arn:[^:]+:sts::(\d{12}):/.exec(arn)?.[1];
  if (!accountId) throw new ActionError(`${what} returned an unexpected assumed-role ARN '${arn}'`);
  return {
    accessKeyId: creds.AccessKeyId,
    secretAccessKey: creds.SecretAccessKey,
    sessionToken: creds.SessionToken,
    expiration: creds.Expiration,
    assumedRoleArn: arn,
    accountId,
  };
}

// SDK retries are off (maxAttempts 1): withRetry decides, because IDPCommunicationError is retryable here
// although the SDK does not retry it, and AccessDenied must never be retried.
function client(region: string, credentials?: SessionCredentials): STSClient {
  return new STSClient({
    ...awsClientConfig({ region, maxAttempts: 1 }),
    ...(credentials ? { credentials } : {}),
  });
}

export async function assumeWithWebIdentity(
  roleArn: string,
  token: string,
  claims: TokenClaims,
  opts: AssumeOptions,
): Promise<SessionCredentials> {
  const sts = client(opts.region);
  try {
    const res = await withRetry(
      () =>
        sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: roleArn,
            RoleSessionName: opts.sessionName,
            WebIdentityToken: token,
            DurationSeconds: opts.durationSeconds,
          }),
        ),
      {
        attempts: opts.maxAttempts,
        onRetry: (e, a, d) => opts.onRetry('AssumeRoleWithWebIdentity', e, a, d),
      },
    );
    return toSession('AssumeRoleWithWebIdentity', res.Credentials, res.AssumedRoleUser?.Arn, opts.mask);
  } catch (err) {
    if (err instanceof ActionError) throw err;
    const kind = classifyError(err);
    if (kind === 'access-denied' || errorName(err) === 'InvalidIdentityToken') {
      throw new ActionError(
        `AWS refused AssumeRoleWithWebIdentity for ${roleArn} (${errorName(err)}: ${errorMessage(err)}). ` +
          `The role's trust policy must allow this token: ${describeClaims(claims)}. Compare them with its ` +
          `conditions on token.actions.githubusercontent.com:sub and :aud.`,
        { cause: err },
      );
    }
    throw new ActionError(
      `AssumeRoleWithWebIdentity for ${roleArn} failed: ${errorName(err)}: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  } finally {
    sts.destroy();
  }
}

export async function assumeChained(
  first: SessionCredentials,
  roleArn: string,
  externalId: string | undefined,
  opts: AssumeOptions,
): Promise<SessionCredentials> {
  const sts = client(opts.region, first);
  try {
    const res = await withRetry(
      () =>
        sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: opts.sessionName,
            DurationSeconds: opts.durationSeconds,
            ...(externalId ? { ExternalId: externalId } : {}),
          }),
        ),
      { attempts: opts.maxAttempts, onRetry: (e, a, d) => opts.onRetry('AssumeRole', e, a, d) },
    );
    return toSession('AssumeRole', res.Credentials, res.AssumedRoleUser?.Arn, opts.mask);
  } catch (err) {
    if (err instanceof ActionError) throw err;
    const hint =
      classifyError(err) === 'access-denied'
        ? ` The trust policy of ${roleArn} must allow ${first.assumedRoleArn.replace(/\/[^/]+$/, '')}` +
          (externalId ? ' with this external ID' : '') +
          ', and the first role needs sts:AssumeRole on it.'
        : '';
    throw new ActionError(
      `AssumeRole (chain) to ${roleArn} failed: ${errorName(err)}: ${errorMessage(err)}.${hint}`,
      {
        cause: err,
      },
    );
  } finally {
    sts.destroy();
  }
}
