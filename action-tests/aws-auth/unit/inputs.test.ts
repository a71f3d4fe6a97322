import { getInputs } from '../../../actions/aws-auth/src/inputs.js';
import { defaultSessionName } from '../../../actions/aws-auth/src/session-name.js';
import { decodeClaims, describeClaims } from '../../../actions/aws-auth/src/token-claims.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = { AWS_REGION: 'eu-west-1' }) =>
  getInputs(new Inputs((n) => values[n] ?? ''), env);

describe('aws-auth inputs', () => {
  test('defaults', () => {
    expect(
      parse(
        { 'role-arn': ROLE },
        { AWS_REGION: 'eu-west-1', GITHUB_REPOSITORY: 'acme/api', GITHUB_RUN_ID: '77' },
      ),
    ).toEqual({
      roleArn: ROLE,
      region: 'eu-west-1',
      audience: 'sts.amazonaws.com',
      sessionName: 'slipway-acme-api-77',
      durationSeconds: 3600,
      chainRoleArn: undefined,
      chainExternalId: undefined,
      allowedAccountIds: [],
      exportEnv: true,
      maxAttempts: 5,
    });
  });

  test.each([
    [{ 'role-arn': 'deploy' }, "input 'role-arn' is 'deploy': expected an IAM role ARN"],
    [
      { 'role-arn': 'arn:aws:iam::12345:role/deploy' },
      "input 'role-arn' is 'arn:aws:iam::12345:role/deploy'",
    ],
    [{ 'role-arn': 'arn:aws:iam::111122223333:user/bob' }, 'expected an IAM role ARN'],
    [{}, "input 'role-arn' is empty: this input is required"],
    [{ 'role-arn': ROLE, region: 'Europe' }, "input 'region' is 'Europe': expected an AWS region"],
    [
      { 'role-arn': ROLE, 'role-duration-seconds': '60' },
      "input 'role-duration-seconds' is '60': expected a whole number from 900 to 43200",
    ],
    [{ 'role-arn': ROLE, 'role-duration-seconds': '1h' }, "input 'role-duration-seconds' is '1h'"],
    [{ 'role-arn': ROLE, 'max-attempts': '0' }, "input 'max-attempts' is '0'"],
    [{ 'role-arn': ROLE, 'export-env': 'yes' }, "input 'export-env' is 'yes': expected 'true' or 'false'"],
    [{ 'role-arn': ROLE, 'role-session-name': 'has space' }, "input 'role-session-name' is 'has space'"],
    [
      { 'role-arn': ROLE, 'chain-external-id': 'abc' },
      "input 'chain-external-id' is 'abc': only allowed together with chain-role-arn",
    ],
    [{ 'role-arn': ROLE, 'chain-role-arn': 'nope' }, "input 'chain-role-arn' is 'nope'"],
    [
      { 'role-arn': ROLE, 'allowed-account-ids': '1234' },
      "input 'allowed-account-ids' is '1234': each entry must be a 12-digit",
    ],
    [
      { 'role-arn': ROLE, 'allowed-account-ids': '999999999999' },
      'its account 111122223333 is not in allowed-account-ids (999999999999)',
    ],
    [
      {
        'role-arn': ROLE,
        'chain-role-arn': 'arn:aws:iam::444455556666:role/x',
        'allowed-account-ids': '111122223333',
      },
      "input 'chain-role-arn' is 'arn:aws:iam::444455556666:role/x': its account 444455556666 is not in allowed-account-ids",
    ],
  ])('%p fails: %s', (values, message) => {
    expect(() => parse(values)).toThrow(message);
  });

  test('region is required when AWS_REGION is not set', () => {
    expect(() => parse({ 'role-arn': ROLE }, {})).toThrow(
      "input 'region' is empty: set the region input or AWS_REGION",
    );
  });

  test('GovCloud and China partitions are accepted', () => {
    expect(
      parse({ 'role-arn': 'arn:aws-us-gov:iam::111122223333:role/d', region: 'us-gov-west-1' }).region,
    ).toBe('us-gov-west-1');
    expect(
      parse({ 'role-arn': 'arn:aws-cn:iam::111122223333:role/d', region: 'cn-north-1' }).roleArn,
    ).toContain('aws-cn');
  });
});

describe('defaultSessionName', () => {
  test.each([
    ['acme/api', '12', undefined, 'slipway-acme-api-12'],
    ['acme/api', '12', '3', 'slipway-acme-api-12-3'],
    ['acme/my repo!', '12', '1', 'slipway-acme-my-repo--12'],
    [undefined, undefined, undefined, 'slipway'],
  ])('%s run %s attempt %s -> %s', (repo, run, attempt, expected) => {
    expect(defaultSessionName(repo, run, attempt)).toBe(expected);
  });

  test('long names are cut to 64 characters keeping the run id', () => {
    const name = defaultSessionName(`acme/${'x'.repeat(100)}`, '9876543210', '2');
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[\w+=,.@-]+$/);
    expect(name).toContain('9876543210');
  });
});

describe('token claims', () => {
  test('decodes the non-secret claims for error messages', () => {
    const payload = Buffer.from(
      JSON.stringify({ sub: 'repo:acme/api:ref:refs/heads/main', aud: 'sts.amazonaws.com', secretish: 'x' }),
    ).toString('base64url');
    const claims = decodeClaims(`h.${payload}.s`);
    expect(claims).toEqual({ sub: 'repo:acme/api:ref:refs/heads/main', aud: 'sts.amazonaws.com' });
    expect(describeClaims(claims)).toBe("sub='repo:acme/api:ref:refs/heads/main', aud='sts.amazonaws.com'");
  });

  test('a malformed token decodes to nothing rather than throwing', () => {
    expect(decodeClaims('not-a-jwt')).toEqual({});
    expect(describeClaims({})).toBe('(token claims could not be decoded)');
  });
});
