// End to end under act (host mode, offline): the terraform-pr and terraform-apply starter templates calling
// terraform-plan.yml and terraform-apply.yml, with the real terraform CLI (terraform_data only: no provider
// download), aws-auth against moto's STS and the fake OIDC issuer, the fake GitHub API behind
// support/github-runs.mjs (merged pull request, artifact list) and the artifact stand-ins of
// workflow-runner.mjs. State is a local backend shared by the runs of a test, as a bucket would be.
//
// Covered: a reviewed plan from the pushed tree is applied as it is (no fresh plan); a reviewed plan from
// another tree -> fresh plan job + apply job applying exactly that plan; require-reviewed-plan: true ->
// plan-changed naming the resource, nothing applied; a stale reviewed plan -> plan-stale; the apply result on the pull request's sticky comment.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeOidc } from '../../../harness/fake-oidc.mjs';
import { startFakeGitHub } from '../../../harness/fake-github.mjs';
import { awsEnv } from '../../../harness/emulator.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';
import { runWorkflow, findAct, actPinned } from '../../../harness/workflow-runner.mjs';
import { repoRoot } from '../../../harness/run-action.mjs';
import { startGitHubRuns } from '../support/github-runs.mjs';

type Oidc = Awaited<ReturnType<typeof startFakeOidc>>;
type GitHub = Awaited<ReturnType<typeof startFakeGitHub>>;
type Runs = Awaited<ReturnType<typeof startGitHubRuns>>;

const act = findAct();
const maybe = act || actPinned() ? describe : describe.skip;
// The apply result comment needs terraform-plan-comment's apply-outcome input (branch plan-comment).
const applyOutcome = /^\s{2}apply-outcome:/m.test(
  readFileSync(join(repoRoot, 'actions', 'terraform-plan-comment', 'action.yml'), 'utf8'),
);

const template = (name: string) =>
  readFileSync(join(repoRoot, 'workflows', `${name}.yml`), 'utf8').replaceAll('$default-branch', 'main');

const vars = {
  SLIPWAY_PLAN_ROLE_ARN: 'arn:aws:iam::123456789012:role/slipway-plan',
  SLIPWAY_APPLY_ROLE_ARN: 'arn:aws:iam::123456789012:role/slipway-apply',
  SLIPWAY_REGION: 'us-east-1',
};

/** A root module with one terraform_data resource whose input is `size`, state in `stateDir`. */
function infra(stateDir: string, size: string) {
  return `terraform {
  backend "local" {
    path = "${stateDir}/terraform.tfstate"
  }
}

resource "terraform_data" "bucket" {
  input = "${size}"
}
`;
}

maybe('terraform plan on the pull request, apply on merge (act)', () => {
  let oidc: Oidc;
  let github: GitHub;
  let runs: Runs;
  let artifacts: string;
  let state: string;

  beforeAll(async () => {
    oidc = await startFakeOidc({ ref: 'refs/heads/main' });
    github = await startFakeGitHub({ owner: 'acme', repo: 'payments' });
  });
  beforeEach(async () => {
    artifacts = tempDir('slipway-artifacts-');
    state = tempDir('slipway-state-');
    github.reset();
    runs = await startGitHubRuns({ upstream: github.url, artifactsDir: artifacts });
  });
  afterEach(async () => runs?.close());
  afterAll(async () => {
    await github?.close();
    await oidc?.close();
  });

  const env = () => ({
    ...oidc.env,
    AWS_ENDPOINT_URL: awsEnv().AWS_ENDPOINT_URL,
    AWS_EC2_METADATA_DISABLED: 'true',
    GITHUB_API_URL: runs.url,
    GITHUB_GRAPHQL_URL: `${runs.url}/graphql`,
  });
  /** The caller repository: both templates and the root module (the same files make the same tree). */
  const repo = (size: string) => ({
    '.github/workflows/terraform-pr.yml': template('terraform-pr'),
    '.github/workflows/terraform-apply.yml': template('terraform-apply'),
    'infra/main.tf': infra(state, size),
  });
  const stateInput = () => {
    const file = join(state, 'terraform.tfstate');
    if (!existsSync(file)) return undefined;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      resources: { instances: { attributes: { input: { value: unknown } } }[] }[];
    };
    return doc.resources[0]?.instances[0]?.attributes.input.value;
  };

  /** The pull request run: plan, sticky comment on PR 7, plan artifact. Returns its commit. */
  async function reviewOnPullRequest(size: string) {
    const files = repo(size);
    const pr = await runWorkflow({
      workflow: files['.github/workflows/terraform-pr.yml'],
      workflowFile: 'terraform-pr.yml',
      files,
      event: 'pull_request',
      payload: {
        number: 7,
        pull_request: { number: 7, head: { sha: 'from-run', repo: { full_name: 'acme/payments' } } },
        repository: { full_name: 'acme/payments', name: 'payments', owner: { login: 'acme' } },
      },
      env: env(),
      vars,
      secrets: { GITHUB_TOKEN: github.token },
      artifactsDir: artifacts,
    });
    if (pr.code !== 0) console.log(pr.output);
    expect(pr.code).toBe(0);
    expect(
      github
        .comments(7)
        .map((c) => c.body)
        .join('\n'),
    ).toContain('terraform_data.bucket');
    runs.mergePull(7, { headSha: pr.sha, mergeSha: '*' });
    return pr;
  }

  const applyOnPush = (size: string, edit: (w: string) => string = (w) => w) => {
    const files = repo(size);
    const workflow = edit(files['.github/workflows/terraform-apply.yml']);
    return runWorkflow({
      workflow,
      workflowFile: 'terraform-apply.yml',
      files: { ...files, '.github/workflows/terraform-apply.yml': workflow },
      env: env(),
      vars,
      secrets: { GITHUB_TOKEN: github.token },
      artifactsDir: artifacts,
    });
  };

  test('the reviewed plan, made from the pushed tree, is applied as it is', async () => {
    const pr = await reviewOnPullRequest('small');
    const r = await applyOnPush('small');
    if (r.code !== 0) console.log(r.output);
    expect(r.code).toBe(0);
    expect(r.tree).toBe(pr.tree);
    const plan = r.job('terraform plan to apply')!;
    expect(plan.outputs.source).toBe('reviewed');
    // No fresh plan: the plan job only found, downloaded and hashed the reviewed plan.
    expect(plan.steps.map((s) => s.name)).not.toContain('terraform init, plan (fresh)');
    expect(r.output).toContain('it is the plan to apply');
    const apply = r.job('terraform apply (infra in infrastructure)')!;
    expect(apply.result).toBe('succeeded');
    expect(apply.outputs.outcome).toBe('applied');
    expect(stateInput()).toBe('small');
  });

  test('a reviewed plan from another tree: a fresh plan job, then the apply job applies exactly that plan', async () => {
    await reviewOnPullRequest('small');
    const r = await applyOnPush('large');
    if (r.code !== 0) console.log(r.output);
    expect(r.code).toBe(0);
    const plan = r.job('terraform plan to apply')!;
    expect(plan.outputs.source).toBe('fresh');
    expect(r.output).toContain('the reviewed plan (PR #7) was made from tree');
    expect(plan.steps.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'terraform init, plan (fresh)',
        'slipway-dev/slipway/actions/terraform-plan-comment@v1',
      ]),
    );
    const apply = r.job('terraform apply (infra in infrastructure)')!;
    expect(apply.result).toBe('succeeded');
    expect(r.output).toContain(`Applying fresh plan, sha256 ${plan.outputs.sha256}`);
    expect(stateInput()).toBe('large');
  });

  test('require-reviewed-plan: true and a changed plan -> plan-changed naming the resource, nothing applied', async () => {
    await reviewOnPullRequest('small');
    const r = await applyOnPush('large', (w) =>
      w.replace('require-reviewed-plan: false', 'require-reviewed-plan: true'),
    );
    expect(r.code).not.toBe(0);
    expect(r.job('terraform plan to apply')?.result).toBe('failed');
    expect(r.output).toMatch(
      /::error title=plan-changed::terraform-apply: plan-changed: .*terraform_data\.bucket: reviewed create, now create/,
    );
    expect(r.job('terraform apply (infra')).toBeUndefined();
    expect(stateInput()).toBeUndefined();
  });

  test('a reviewed plan the state moved past fails as plan-stale, naming the cause; no fresh plan is applied', async () => {
    await reviewOnPullRequest('small');
    // Another apply wrote the state after the review (an empty state, serial 1, another lineage).
    writeFileSync(
      join(state, 'terraform.tfstate'),
      JSON.stringify({
        version: 4,
        terraform_version: '1.11.4',
        serial: 1,
        lineage: 'another-apply',
        outputs: {},
        resources: [],
      }),
    );
    const r = await applyOnPush('small');
    expect(r.code).not.toBe(0);
    expect(r.job('terraform plan to apply')?.outputs.source).toBe('reviewed');
    expect(r.job('terraform apply (infra in infrastructure)')?.outputs.outcome).toBe('failed');
    expect(r.output).toContain(
      '::error title=plan-stale::terraform-apply: plan-stale: the state changed after the reviewed plan was made',
    );
    expect(r.output).not.toContain('terraform init, plan (fresh)');
    expect(stateInput()).toBeUndefined();
  });

  (applyOutcome ? test : test.skip)(
    'the apply result goes to the pull request: applied, or failed with the error (apply key, sticky)',
    async () => {
      await reviewOnPullRequest('large');
      // Another tree: the fresh plan is commented on the merged pull request under the apply key first ...
      const r = await applyOnPush('small');
      if (r.code !== 0) console.log(r.output);
      expect(r.code).toBe(0);
      const applyComments = () => github.comments(7).filter((c) => c.body.includes('apply:infra'));
      const applyBody = () => applyComments()[0]?.body ?? '';
      expect(applyComments()).toHaveLength(1);
      // ... and the same comment then carries the result.
      expect(applyBody()).toContain('✅ **Applied.**');
      expect(applyBody()).toContain('Terraform apply in infrastructure: infra');

      // A failed apply (the state moved on) updates that comment with the error's tail.
      await reviewOnPullRequest('small');
      writeFileSync(
        join(state, 'terraform.tfstate'),
        JSON.stringify({
          version: 4,
          terraform_version: '1.11.4',
          serial: 9,
          lineage: 'another-apply',
          outputs: {},
          resources: [],
        }),
      );
      const failed = await applyOnPush('small');
      expect(failed.code).not.toBe(0);
      expect(applyComments()).toHaveLength(1);
      expect(applyBody()).toContain('❌ **Apply failed.**');
      expect(applyBody()).toContain('Saved plan does not match the given state');
      expect(failed.output).toContain('::error title=plan-stale::');
    },
  );
});
