// End to end under act (host mode, offline): workflows/terraform-drift.yml -> terraform-drift.yml, with the
// real terraform CLI and the aws provider from the local mirror against moto (aws-auth: the plan role through
// moto's STS and the fake OIDC issuer), terraform-plan-comment `target: issue` against the fake GitHub API.
// The out-of-band change is made with the AWS SDK against moto, as someone in the console would.
//
// Covered: no drift -> nothing opened; a repository changed out of band -> drift, issue opened; a second
// run -> the same issue updated; the change reverted -> issue closed. The issue steps need terraform-plan-
// comment's `target: issue` (branch plan-comment); without it only the drift detection is asserted.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateRepositoryCommand, ECRClient, PutImageTagMutabilityCommand } from '@aws-sdk/client-ecr';
import { startFakeOidc } from '../../../harness/fake-oidc.mjs';
import { startFakeGitHub } from '../../../harness/fake-github.mjs';
import { awsEnv, motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';
import { terraform, terraformSandbox } from '../../../harness/terraform-cli.mjs';
import { runWorkflow, findAct, actPinned } from '../../../harness/workflow-runner.mjs';
import { repoRoot } from '../../../harness/run-action.mjs';

const act = findAct();
const maybe = act || actPinned() ? describe : describe.skip;
const issueTarget = /^\s{2}target:/m.test(
  readFileSync(join(repoRoot, 'actions', 'terraform-plan-comment', 'action.yml'), 'utf8'),
);
if (!issueTarget)
  console.warn('drift e2e: terraform-plan-comment has no `target` input yet: issue assertions skipped');

const rootConfig = (url: string, stateDir: string) => `terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
  backend "local" {
    path = "${stateDir}/terraform.tfstate"
  }
}

provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    ecr = "${url}"
    sts = "${url}"
  }
}

resource "aws_ecr_repository" "app" {
  name                 = "ledger"
  image_tag_mutability = "IMMUTABLE"
}
`;

maybe('terraform-drift.yml: drift opens, updates and closes one issue per root (act)', () => {
  let oidc: Awaited<ReturnType<typeof startFakeOidc>>;
  let github: Awaited<ReturnType<typeof startFakeGitHub>>;
  let sandbox: ReturnType<typeof terraformSandbox>;
  let ecr: ECRClient;
  let main: string;

  beforeAll(async () => {
    await resetMoto();
    oidc = await startFakeOidc({ ref: 'refs/heads/main' });
    github = await startFakeGitHub({ owner: 'acme', repo: 'payments' });
    sandbox = terraformSandbox();
    ecr = new ECRClient({
      region: 'us-east-1',
      endpoint: motoUrl(),
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'testing-secret-not-real' },
    });
    main = rootConfig(motoUrl(), tempDir('slipway-drift-state-'));
    // The root as it was applied: the repository exists and is in the state.
    await ecr.send(
      new CreateRepositoryCommand({ repositoryName: 'ledger', imageTagMutability: 'IMMUTABLE' }),
    );
    const dir = join(sandbox.root, 'infra');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf'), main);
    const env = { ...sandbox.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    await terraform(dir, ['init', '-no-color', '-input=false'], { env });
    await terraform(dir, ['import', '-no-color', '-input=false', 'aws_ecr_repository.app', 'ledger'], {
      env,
    });
  }, 180_000);
  afterAll(async () => {
    ecr?.destroy();
    sandbox?.cleanup();
    await github?.close();
    await oidc?.close();
  });

  const check = async () => {
    const r = await runWorkflow({
      workflow: readFileSync(join(repoRoot, 'workflows', 'terraform-drift.yml'), 'utf8'),
      event: 'workflow_dispatch',
      files: { 'infra/main.tf': main },
      env: {
        ...oidc.env,
        ...github.env,
        AWS_ENDPOINT_URL: awsEnv().AWS_ENDPOINT_URL,
        AWS_EC2_METADATA_DISABLED: 'true',
        TF_CLI_CONFIG_FILE: sandbox.env.TF_CLI_CONFIG_FILE ?? '',
        CHECKPOINT_DISABLE: '1',
      },
      vars: {
        SLIPWAY_PLAN_ROLE_ARN: 'arn:aws:iam::123456789012:role/slipway-plan',
        SLIPWAY_REGION: 'us-east-1',
      },
      secrets: { GITHUB_TOKEN: github.token },
      timeoutMs: 300_000,
    });
    if (r.code !== 0) console.log(r.output);
    expect(r.code).toBe(0);
    // Never writes to infrastructure: no apply anywhere in the run.
    expect(r.output).not.toMatch(/terraform apply|Apply complete/);
    return r.job('drift (infra)')!;
  };
  const mutability = (value: 'MUTABLE' | 'IMMUTABLE') =>
    ecr.send(new PutImageTagMutabilityCommand({ repositoryName: 'ledger', imageTagMutability: value }));

  test('no drift, drift (opened), drift again (updated), fixed (closed)', async () => {
    const clean = await check();
    expect(clean.outputs.drift).toBe('false');
    if (issueTarget) {
      expect(clean.outputs['issue-action']).toBe('none');
      expect(github.issues()).toEqual([]);
    }

    await mutability('MUTABLE'); // out of band
    const opened = await check();
    expect(opened.outputs.drift).toBe('true');
    if (issueTarget) {
      expect(opened.outputs['issue-action']).toBe('opened');
      expect(opened.outputs['issue-number']).toMatch(/^\d+$/);
      const issue = github.issues()[0]!;
      expect(issue).toMatchObject({ state: 'open', title: 'Terraform drift: infra' });
      expect(issue.labels.map((l: { name: string }) => l.name)).toContain('drift');
      expect(issue.body).toContain('aws_ecr_repository.app');
      expect(issue.body).toContain('/actions/runs/');
    }

    const updated = await check();
    expect(updated.outputs.drift).toBe('true');
    if (issueTarget) {
      expect(updated.outputs['issue-action']).toBe('updated');
      expect(updated.outputs['issue-number']).toBe(opened.outputs['issue-number']);
      expect(github.issues()).toHaveLength(1);
    }

    await mutability('IMMUTABLE'); // fixed
    const closed = await check();
    expect(closed.outputs.drift).toBe('false');
    if (issueTarget) {
      expect(closed.outputs['issue-action']).toBe('closed');
      expect(github.issues()).toEqual([expect.objectContaining({ state: 'closed' })]);
    }
  }, 900_000);
});
