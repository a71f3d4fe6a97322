import { ECRClient, DescribeRepositoriesCommand, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { awsClientConfig } from '../../shared/src/aws-client.js';
import { ActionError, errorMessage, errorName } from '../../shared/src/errors.js';
import type { Destination } from './inputs.js';

export interface Registry {
  /** e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com */
  registry: string;
  /** registry/repository */
  imageUri: string;
  repository: string;
  accountId: string;
  region: string;
}

export interface RegistryLogin {
  username: string;
  password: string;
  expiresAt?: Date;
}

const MAX_ATTEMPTS = 5;

function describe(err: unknown): string {
  return `${errorName(err) || 'Error'}: ${errorMessage(err)}`;
}

/** The registry URI: from the image input, or from the credentials' account (STS) and the region. */
export async function resolveRegistry(dest: Destination): Promise<Registry> {
  if (dest.kind === 'image') {
    return {
      registry: dest.registry,
      imageUri: dest.uri,
      repository: dest.repository,
      accountId: dest.accountId,
      region: dest.region,
    };
  }
  const sts = new STSClient(awsClientConfig({ region: dest.region, maxAttempts: MAX_ATTEMPTS }));
  try {
    const id = await sts.send(new GetCallerIdentityCommand({}));
    if (!id.Account) throw new ActionError('STS GetCallerIdentity answered without an account ID');
    const registry = `${id.Account}.dkr.ecr.${dest.region}.amazonaws.com${dest.region.startsWith('cn-') ? '.cn' : ''}`;
    return {
      registry,
      imageUri: `${registry}/${dest.repository}`,
      repository: dest.repository,
      accountId: id.Account,
      region: dest.region,
    };
  } catch (err) {
    if (err instanceof ActionError) throw err;
    throw new ActionError(
      `could not find the AWS account of the current credentials (STS GetCallerIdentity: ${describe(err)}); run slipway aws-auth (or configure credentials) before this step`,
      { cause: err },
    );
  } finally {
    sts.destroy();
  }
}

function ecrClient(region: string): ECRClient {
  return new ECRClient(awsClientConfig({ region, maxAttempts: MAX_ATTEMPTS }));
}

/** Fails early, with the fix, when the repository does not exist (instead of a push error deep in the build). */
export async function checkRepository(reg: Registry): Promise<void> {
  const ecr = ecrClient(reg.region);
  try {
    await ecr.send(
      new DescribeRepositoriesCommand({ registryId: reg.accountId, repositoryNames: [reg.repository] }),
    );
  } catch (err) {
    if (errorName(err) === 'RepositoryNotFoundException') {
      throw new ActionError(
        `the ECR repository '${reg.repository}' does not exist in account ${reg.accountId} (${reg.region}); create it (e.g. with slipway's Terraform modules) before pushing`,
        { cause: err },
      );
    }
    throw new ActionError(`ECR DescribeRepositories for '${reg.repository}' failed: ${describe(err)}`, {
      cause: err,
    });
  } finally {
    ecr.destroy();
  }
}

/** A registry password from ECR GetAuthorizationToken (base64 "AWS:<password>"), valid for 12 hours. */
export async function getLogin(reg: Registry, mask: (secret: string) => void): Promise<RegistryLogin> {
  const ecr = ecrClient(reg.region);
  try {
    const res = await ecr.send(new GetAuthorizationTokenCommand({}));
    const data = res.authorizationData?.[0];
    if (!data?.authorizationToken)
      throw new ActionError('ECR GetAuthorizationToken answered without a token');
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
      throw new ActionError('ECR GetAuthorizationToken returned a token that is not user:password');
    const password = decoded.slice(colon + 1);
    mask(password);
    mask(data.authorizationToken);
    return { username: decoded.slice(0, colon), password, expiresAt: data.expiresAt };
  } catch (err) {
    if (err instanceof ActionError) throw err;
    throw new ActionError(
      `ECR GetAuthorizationToken failed (${describe(err)}); the role needs ecr:GetAuthorizationToken`,
      { cause: err },
    );
  } finally {
    ecr.destroy();
  }
}
