import { mockClient } from 'aws-sdk-client-mock';
import { STSClient, AssumeRoleWithWebIdentityCommand, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { assumeWithWebIdentity, assumeChained } from '../../../actions/aws-auth/src/assume-role.js';

const sts = mockClient(STSClient);
const creds = (id: string) => ({
  AccessKeyId: `ASIA${id}`,
  SecretAccessKey: `secret-${id}`,
  SessionToken: `token-${id}`,
  Expiration: new Date('2030-01-01T00:00:00Z'),
});
const err = (name: string, status: number) =>
  Object.assign(new Error(`${name}: nope`), { name, $metadata: { httpStatusCode: status } });
const claims = { sub: 'repo:acme/api:ref:refs/heads/main', aud: 'sts.amazonaws.com' };
const masked: string[] = [];
const retries: string[] = [];
const opts = {
  region: 'eu-west-1',
  maxAttempts: 3,
  sessionName: 's',
  durationSeconds: 900,
  mask: (s: string) => masked.push(s),
  onRetry: (what: string) => retries.push(what),
};

beforeEach(() => {
  sts.reset();
  masked.length = 0;
  retries.length = 0;
});

// Edge cases moto cannot produce (it never denies or fails); the happy paths run against moto in integration/.
describe('assumeWithWebIdentity edge cases', () => {
  test('AccessDenied is not retried and prints the token claims to compare with the trust policy', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).rejects(err('AccessDenied', 403));
    await expect(
      assumeWithWebIdentity('arn:aws:iam::111122223333:role/d', 'jwt', claims, { ...opts }),
    ).rejects.toThrow(
      "AWS refused AssumeRoleWithWebIdentity for arn:aws:iam::111122223333:role/d (AccessDenied: AccessDenied: nope). The role's trust policy must allow this token: sub='repo:acme/api:ref:refs/heads/main', aud='sts.amazonaws.com'",
    );
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(1);
  });

  test('IDPCommunicationError is retried, then succeeds; every credential is masked', async () => {
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejectsOnce(err('IDPCommunicationError', 400))
      .resolves({
        Credentials: creds('A'),
        AssumedRoleUser: { Arn: 'arn:aws:sts::111122223333:assumed-role/d/s', AssumedRoleId: 'x' },
      });
    const session = await assumeWithWebIdentity('arn:aws:iam::111122223333:role/d', 'jwt', claims, {
      ...opts,
      onRetry: (w) => retries.push(w),
    });
    expect(session.accountId).toBe('111122223333');
    expect(retries).toEqual(['AssumeRoleWithWebIdentity']);
    expect(masked).toEqual(['ASIAA', 'secret-A', 'token-A']);
  }, 10_000);

  test('throttling past max-attempts fails with the error named', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).rejects(err('ThrottlingException', 400));
    await expect(
      assumeWithWebIdentity('arn:aws:iam::111122223333:role/d', 'jwt', claims, { ...opts, maxAttempts: 2 }),
    ).rejects.toThrow(
      'AssumeRoleWithWebIdentity for arn:aws:iam::111122223333:role/d failed: ThrottlingException',
    );
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(2);
  }, 10_000);

  test('an answer without credentials is an error, not a silent success', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).resolves({});
    await expect(
      assumeWithWebIdentity('arn:aws:iam::111122223333:role/d', 'jwt', claims, opts),
    ).rejects.toThrow('without complete credentials');
  });

  test('a denied chain hop explains both trust sides', async () => {
    sts.on(AssumeRoleCommand).rejects(err('AccessDenied', 403));
    const first = {
      ...creds('A'),
      accessKeyId: 'a',
      secretAccessKey: 'b',
      sessionToken: 'c',
      expiration: new Date(),
      assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/d/s',
      accountId: '111122223333',
    };
    await expect(assumeChained(first, 'arn:aws:iam::444455556666:role/x', 'ext', opts)).rejects.toThrow(
      'AssumeRole (chain) to arn:aws:iam::444455556666:role/x failed: AccessDenied: AccessDenied: nope. The trust policy of arn:aws:iam::444455556666:role/x must allow arn:aws:sts::111122223333:assumed-role/d with this external ID',
    );
  });
});
