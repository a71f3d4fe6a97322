import { runAction, assertNoSecretsIn } from '../../../harness/run-action.mjs';
import { startFakeOidc } from '../../../harness/fake-oidc.mjs';
import { awsEnv, resetMoto } from '../../../harness/emulator.mjs';

type Oidc = Awaited<ReturnType<typeof startFakeOidc>>;
let oidc: Oidc;

// The job starts with no AWS credentials: aws-auth is what provides them.
function jobEnv(extra: Record<string, string> = {}) {
  const env: Record<string, string> = { ...awsEnv(), ...oidc.env, ...extra };
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  delete env.AWS_SESSION_TOKEN;
  return env;
}

beforeAll(async () => {
  await resetMoto();
  oidc = await startFakeOidc({ environment: 'production' });
});
afterAll(() => oidc.close());

describe('aws-auth bundle against moto STS and the fake OIDC issuer', () => {
  test('assumes the role, exports credentials, sets outputs, leaks nothing', async () => {
    const r = await runAction({
      action: 'aws-auth',
      inputs: { 'role-arn': 'arn:aws:iam::111122223333:role/deploy', audience: 'sts.amazonaws.com' },
      env: jobEnv(),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({
      'aws-account-id': '111122223333',
      'assumed-role-arn': 'arn:aws:sts::111122223333:assumed-role/deploy/slipway-acme-payments-4242',
      expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(r.exportedEnv.AWS_REGION).toBe('us-east-1');
    expect(r.exportedEnv.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
    expect(oidc.audiences.at(-1)).toBe('sts.amazonaws.com');
    // Every secret is registered for masking, and none is printed anywhere else.
    const secrets = [
      r.exportedEnv.AWS_ACCESS_KEY_ID,
      r.exportedEnv.AWS_SECRET_ACCESS_KEY,
      r.exportedEnv.AWS_SESSION_TOKEN,
      oidc.tokens.at(-1)!,
    ];
    for (const s of secrets) expect(r.masked).toContain(s);
    assertNoSecretsIn(r.stdout + r.stderr + r.summary + JSON.stringify(r.outputs), secrets);
    expect(r.stdout).toContain("sub='repo:acme/payments:environment:production'");
    expect(r.summary).toContain(
      'Assumed `arn:aws:sts::111122223333:assumed-role/deploy/slipway-acme-payments-4242`',
    );
  });

  test('chains into a second account and reports the final role', async () => {
    const r = await runAction({
      action: 'aws-auth',
      inputs: {
        'role-arn': 'arn:aws:iam::111122223333:role/ci',
        'chain-role-arn': 'arn:aws:iam::444455556666:role/deploy',
        'chain-external-id': 'slipway-prod',
        'allowed-account-ids': '444455556666',
        'role-duration-seconds': '7200',
        region: 'eu-west-1',
      },
      env: jobEnv({ AWS_REGION: '' }),
    });
    expect(r.code).toBe(0);
    expect(r.outputs['aws-account-id']).toBe('444455556666');
    expect(r.outputs['assumed-role-arn']).toContain('assumed-role/deploy/');
    expect(r.exportedEnv.AWS_REGION).toBe('eu-west-1');
    expect(r.warnings.join('\n')).toContain('role chaining limits sessions to 1 hour');
    const secrets = [
      r.exportedEnv.AWS_ACCESS_KEY_ID,
      r.exportedEnv.AWS_SECRET_ACCESS_KEY,
      r.exportedEnv.AWS_SESSION_TOKEN,
    ];
    assertNoSecretsIn(r.stdout + r.stderr, secrets);
  });

  test('an account outside allowed-account-ids fails before any STS call', async () => {
    const before = oidc.audiences.length;
    const r = await runAction({
      action: 'aws-auth',
      inputs: {
        'role-arn': 'arn:aws:iam::111122223333:role/deploy',
        'allowed-account-ids': '999999999999, 888888888888',
      },
      env: jobEnv(),
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "aws-auth: input 'role-arn' is 'arn:aws:iam::111122223333:role/deploy': its account 111122223333 is not in allowed-account-ids (999999999999, 888888888888)",
    ]);
    expect(oidc.audiences.length).toBe(before);
    expect(r.exportedEnv).toEqual({});
  });

  test('a job without id-token: write is told how to fix it', async () => {
    const env = jobEnv();
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const r = await runAction({
      action: 'aws-auth',
      inputs: { 'role-arn': 'arn:aws:iam::111122223333:role/deploy' },
      env,
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('permissions: id-token: write');
  });

  test('a malformed role ARN fails before the token is requested', async () => {
    const before = oidc.audiences.length;
    const r = await runAction({
      action: 'aws-auth',
      inputs: { 'role-arn': 'arn:aws:iam::123:role/x' },
      env: jobEnv(),
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "aws-auth: input 'role-arn' is 'arn:aws:iam::123:role/x': expected an IAM role ARN such as arn:aws:iam::123456789012:role/deploy",
    ]);
    expect(oidc.audiences.length).toBe(before);
  });

  test('an OIDC endpoint failure is reported with the audience', async () => {
    const broken = await startFakeOidc({ failWith: 500 });
    try {
      const env = { ...jobEnv(), ...broken.env };
      const r = await runAction({
        action: 'aws-auth',
        inputs: { 'role-arn': 'arn:aws:iam::111122223333:role/deploy', audience: 'custom-aud' },
        env,
      });
      expect(r.code).toBe(1);
      expect(r.errors[0]).toBe(
        "aws-auth: could not get an OIDC token for audience 'custom-aud': the token endpoint answered HTTP 500: injected failure",
      );
      expect(r.warnings).toHaveLength(2); // 3 attempts, each retry announced
      assertNoSecretsIn(r.stdout, [broken.requestToken]);
      expect(r.masked).toContain(broken.requestToken);
    } finally {
      await broken.close();
    }
  });

  test('a brief OIDC endpoint outage is retried and the job goes on', async () => {
    const flaky = await startFakeOidc({ failFirst: 1 });
    try {
      const r = await runAction({
        action: 'aws-auth',
        inputs: { 'role-arn': 'arn:aws:iam::111122223333:role/deploy' },
        env: { ...jobEnv(), ...flaky.env },
      });
      expect(r.code).toBe(0);
      expect(r.warnings).toEqual([
        expect.stringMatching(
          /^OIDC token request attempt 1 failed \(the token endpoint answered HTTP 503: injected outage\); retrying in \d+ ms$/,
        ),
      ]);
      expect(r.masked).toContain(flaky.tokens[0]);
      expect(r.masked).toContain(flaky.requestToken);
    } finally {
      await flaky.close();
    }
  });
});
