// Drift needs a provider that reads real objects (terraform_data never drifts), so this plan uses the aws
// provider from the local mirror against the moto server: an ECR repository is created through the API and
// brought into state with `terraform import` (one provider start, cheaper than plan+apply), tagged behind
// Terraform's back, then planned. The aws provider takes seconds to start, so this is the only such test.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { CreateRepositoryCommand, ECRClient, TagResourceCommand } from '@aws-sdk/client-ecr';
import { buildPlan, terraform, terraformSandbox } from '../../../harness/terraform-cli.mjs';
import { motoUrl, resetMoto } from '../../../harness/emulator.mjs';
import { MOTO_ACCOUNT_ID } from '../../../harness/moto.mjs';
import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { summarize } from '../../../actions/terraform-plan-comment/src/summarize.js';
import { renderPlan } from '../../../actions/terraform-plan-comment/src/render.js';
import { markdownProblems } from '../markdown-check.js';

let sandbox: ReturnType<typeof terraformSandbox>;
let planJsonPath: string;

const config = (url: string) => `
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    ecr = "${url}"
    sts = "${url}"
  }
}
resource "aws_ecr_repository" "app" {
  name = "payments"
  tags = { team = "payments" }
}
`;

beforeAll(async () => {
  await resetMoto();
  sandbox = terraformSandbox();
  const url = motoUrl();
  const ecr = new ECRClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const started = Date.now();
  const dir = join(sandbox.root, 'drift');
  const built = await buildPlan(dir, {
    env: sandbox.env,
    init: true,
    text: false,
    planned: { 'main.tf': config(url) },
    beforePlan: async () => {
      await ecr.send(
        new CreateRepositoryCommand({
          repositoryName: 'payments',
          tags: [{ Key: 'team', Value: 'payments' }],
        }),
      );
      await terraform(dir, ['import', '-no-color', '-input=false', 'aws_ecr_repository.app', 'payments'], {
        env: sandbox.env,
      });
      await ecr.send(
        new TagResourceCommand({
          resourceArn: `arn:aws:ecr:us-east-1:${MOTO_ACCOUNT_ID}:repository/payments`,
          tags: [{ Key: 'owner', Value: 'someone-else' }],
        }),
      );
    },
  });
  ecr.destroy();
  planJsonPath = built.planJsonPath;
  console.log(`aws drift plan built in ${Date.now() - started} ms: ${JSON.stringify(built.timings)}`);
}, 180_000);
afterAll(() => sandbox?.cleanup());

test('drift from resource_drift is counted and shown, with the update that undoes it', () => {
  const s = summarize(parsePlan(readFileSync(planJsonPath, 'utf8'), 'drift'));
  expect(s.counts.drift).toBe(1);
  expect(s.counts.update).toBe(1);
  expect(s.drift[0]!.address).toBe('aws_ecr_repository.app');
  const r = renderPlan(s, { title: 'Terraform plan', key: 'ecr', maxBytes: 60000 });
  expect(markdownProblems(r.markdown)).toEqual([]);
  expect(r.markdown).toContain('⚠️ 1 changed outside Terraform');
  expect(r.markdown).toContain('#### ⚠️ Changed outside Terraform (1)');
  expect(r.markdown).toContain('+ tags.owner = "someone-else"'); // the drift: before -> refreshed
  expect(r.markdown).toContain('- tags.owner = "someone-else"'); // the plan: removes it again
});
