import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { ActionError, errorMessage } from '../../shared/src/errors.js';
import { writeSummary } from '../../shared/src/summary.js';
import { getInputs } from './inputs.js';
import { decodeClaims, describeClaims } from './token-claims.js';
import { proxyVariablesSet, requestOidcToken } from './oidc-token.js';

export const ACTION = 'aws-auth';

/** GitHub OIDC token -> STS role session (-> chained role) -> exported credentials. */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());

    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
      throw new ActionError(
        'this job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Grant it with ' +
          '`permissions: id-token: write` on the job (and `contents: read`); on pull requests from forks GitHub never provides one.',
      );
    }
    const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    core.setSecret(requestToken);
    const token = await core.group('Request the GitHub OIDC token', async () => {
      let jwt: string;
      try {
        jwt = await requestOidcToken({
          url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL as string,
          requestToken,
          audience: inputs.audience,
          onRetry: (err, attempt, delayMs) =>
            core.warning(
              `OIDC token request attempt ${attempt} failed (${errorMessage(err)}); retrying in ${delayMs} ms`,
            ),
        });
      } catch (err) {
        const proxies = proxyVariablesSet(process.env);
        const hint =
          proxies.length > 0 && process.env.NODE_USE_ENV_PROXY !== '1'
            ? ` (${proxies[0]} is set, but this request does not go through a proxy unless NODE_USE_ENV_PROXY=1 is set for the step)`
            : '';
        throw new ActionError(
          `could not get an OIDC token for audience '${inputs.audience}': ${errorMessage(err)}${hint}`,
        );
      }
      core.setSecret(jwt);
      core.info(`Received a token for audience '${inputs.audience}'`);
      return jwt;
    });
    const claims = decodeClaims(token);
    core.info(`OIDC token: ${describeClaims(claims)}`);

    // Loaded only after the inputs are valid: a bad input fails before the SDK is even parsed.
    const { assumeWithWebIdentity, assumeChained } = await import('./assume-role.js');
    const assumeOptions = {
      region: inputs.region,
      maxAttempts: inputs.maxAttempts,
      sessionName: inputs.sessionName,
      durationSeconds: inputs.durationSeconds,
      mask: (secret: string) => core.setSecret(secret),
      onRetry: (what: string, err: unknown, attempt: number, delayMs: number) =>
        core.warning(`${what} attempt ${attempt} failed (${errorMessage(err)}); retrying in ${delayMs} ms`),
    };

    core.info(`Assuming ${inputs.roleArn} as session '${inputs.sessionName}' in ${inputs.region}`);
    let session = await assumeWithWebIdentity(inputs.roleArn, token, claims, assumeOptions);
    core.info(`Assumed ${session.assumedRoleArn} (expires ${session.expiration.toISOString()})`);

    if (inputs.chainRoleArn) {
      let duration = inputs.durationSeconds;
      if (duration > 3600) {
        core.warning(
          `role chaining limits sessions to 1 hour: role-duration-seconds ${duration} lowered to 3600 for ${inputs.chainRoleArn}`,
        );
        duration = 3600;
      }
      core.info(`Chaining into ${inputs.chainRoleArn}`);
      session = await assumeChained(session, inputs.chainRoleArn, inputs.chainExternalId, {
        ...assumeOptions,
        durationSeconds: duration,
      });
      core.info(`Assumed ${session.assumedRoleArn} (expires ${session.expiration.toISOString()})`);
    }

    if (inputs.allowedAccountIds.length > 0 && !inputs.allowedAccountIds.includes(session.accountId)) {
      throw new ActionError(
        `the assumed role is in account ${session.accountId}, which is not in allowed-account-ids (${inputs.allowedAccountIds.join(', ')}); no credentials were exported`,
      );
    }

    if (inputs.exportEnv) {
      core.exportVariable('AWS_ACCESS_KEY_ID', session.accessKeyId);
      core.exportVariable('AWS_SECRET_ACCESS_KEY', session.secretAccessKey);
      core.exportVariable('AWS_SESSION_TOKEN', session.sessionToken);
      core.exportVariable('AWS_REGION', inputs.region);
      core.exportVariable('AWS_DEFAULT_REGION', inputs.region);
      core.info(
        'Exported AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, AWS_DEFAULT_REGION',
      );
    }
    core.setOutput('aws-account-id', session.accountId);
    core.setOutput('assumed-role-arn', session.assumedRoleArn);
    core.setOutput('expiration', session.expiration.toISOString());
    writeSummary(
      `### aws-auth\nAssumed \`${session.assumedRoleArn}\` in account \`${session.accountId}\` (${inputs.region}), ` +
        `credentials valid until ${session.expiration.toISOString()}.\n`,
    );
  });
}
