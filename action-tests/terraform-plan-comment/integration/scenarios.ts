// Real Terraform plans for the tests, generated into a temp dir at test time with terraform_data resources
// (built in: no provider, no network). Each scenario applies its `applied` configs in order, then plans
// `planned` and saves `terraform show -json` and `terraform show` of that plan.
import { join } from 'node:path';
import { buildPlan, terraformSandbox } from '../../../harness/terraform-cli.mjs';

export interface Scenario {
  applied?: Array<Record<string, string>>;
  planned: Record<string, string>;
  planArgs?: string[];
}

export interface BuiltPlan {
  planJsonPath: string;
  planTextPath: string;
  json: Record<string, unknown>;
  text: string;
  timings: Record<string, number>;
}

const tf = (hcl: string) => ({ 'main.tf': hcl });

/** A sensitive variable feeding a resource and a sensitive output; the scenario changes its value. */
const sensitiveConfig = (password: string) =>
  tf(`
variable "password" {
  type      = string
  sensitive = true
  default   = "${password}"
}
resource "terraform_data" "creds" {
  input = { user = "app", password = var.password }
}
output "password" {
  value     = var.password
  sensitive = true
}
`);

export const SCENARIOS = {
  create: {
    planned: tf(`
resource "terraform_data" "web" {
  input = { image = "web:1.2.3", replicas = 2 }
}
resource "terraform_data" "worker" {
  input = "worker:1.2.3"
}
output "web_id" {
  value = terraform_data.web.id
}
`),
  },
  update: {
    applied: [tf(`resource "terraform_data" "cfg" {\n  input = { image = "web:1.0.0", replicas = 2 }\n}\n`)],
    planned: tf(`resource "terraform_data" "cfg" {\n  input = { image = "web:1.1.0", replicas = 2 }\n}\n`),
  },
  'replace-delete-first': {
    applied: [tf(`resource "terraform_data" "db" {\n  triggers_replace = "v1"\n}\n`)],
    planned: tf(`resource "terraform_data" "db" {\n  triggers_replace = "v2"\n}\n`),
  },
  'replace-create-first': {
    applied: [
      tf(`
resource "terraform_data" "lb" {
  triggers_replace = "v1"
  lifecycle {
    create_before_destroy = true
  }
}
resource "terraform_data" "version" {
  input = "1"
}
resource "terraform_data" "app" {
  lifecycle {
    replace_triggered_by = [terraform_data.version]
  }
}
`),
    ],
    planned: tf(`
resource "terraform_data" "lb" {
  triggers_replace = "v2"
  lifecycle {
    create_before_destroy = true
  }
}
resource "terraform_data" "version" {
  input = "2"
}
resource "terraform_data" "app" {
  lifecycle {
    replace_triggered_by = [terraform_data.version]
  }
}
`),
  },
  destroy: {
    applied: [
      tf(`
resource "terraform_data" "cache" {
  input = "redis"
}
resource "terraform_data" "queue" {
  count = 3
  input = "q-\${count.index}"
}
`),
    ],
    planned: tf(`resource "terraform_data" "queue" {\n  count = 1\n  input = "q-\${count.index}"\n}\n`),
  },
  moved: {
    applied: [tf(`resource "terraform_data" "old_name" {\n  input = "x"\n}\n`)],
    planned: tf(
      `resource "terraform_data" "new_name" {\n  input = "x"\n}\nmoved {\n  from = terraform_data.old_name\n  to   = terraform_data.new_name\n}\n`,
    ),
  },
  import: {
    planned: tf(
      `import {\n  to = terraform_data.adopted\n  id = "existing-123"\n}\nresource "terraform_data" "adopted" {}\n`,
    ),
  },
  forget: {
    applied: [tf(`resource "terraform_data" "legacy" {\n  input = "keep-me"\n}\n`)],
    planned: tf(`removed {\n  from = terraform_data.legacy\n  lifecycle {\n    destroy = false\n  }\n}\n`),
  },
  'no-op': {
    applied: [
      tf(`resource "terraform_data" "same" {\n  input = "same"\n}\noutput "o" {\n  value = "same"\n}\n`),
    ],
    planned: tf(
      `resource "terraform_data" "same" {\n  input = "same"\n}\noutput "o" {\n  value = "same"\n}\n`,
    ),
  },
  sensitive: {
    applied: [sensitiveConfig('Old-Secret-Value-1')],
    planned: sensitiveConfig('New-Secret-Value-2'),
  },
  /** What a reviewer sees most: a replace, a destroy, an update, a create and an output change together. */
  review: {
    applied: [
      tf(`
resource "terraform_data" "database" {
  input            = { engine = "postgres", version = "15" }
  triggers_replace = "postgres-15"
}
resource "terraform_data" "cache" {
  input = "redis-7"
}
resource "terraform_data" "service" {
  input = { image = "payments:1.4.0", desired_count = 2 }
}
output "service_image" {
  value = "payments:1.4.0"
}
`),
    ],
    planned: tf(`
resource "terraform_data" "database" {
  input            = { engine = "postgres", version = "16" }
  triggers_replace = "postgres-16"
}
resource "terraform_data" "service" {
  input = { image = "payments:1.5.0", desired_count = 2 }
}
resource "terraform_data" "queue" {
  input = "payments-events"
}
output "service_image" {
  value = "payments:1.5.0"
}
`),
  },
  /**
   * 5,000 resource changes from a real plan: of 200 existing `fleet` instances 140 are updated, 40 unchanged
   * and 20 replaced; 300 `gone` instances are destroyed; 4,500 `added` instances are created.
   */
  big: {
    applied: [
      tf(`
resource "terraform_data" "fleet" {
  count            = 200
  input            = "v1-\${count.index}"
  triggers_replace = "t1"
}
resource "terraform_data" "gone" {
  count = 300
  input = "old-\${count.index}"
}
`),
    ],
    planned: tf(`
resource "terraform_data" "fleet" {
  count            = 200
  input            = count.index < 140 ? "v2-\${count.index}" : "v1-\${count.index}"
  triggers_replace = count.index >= 180 ? "t2" : "t1"
}
resource "terraform_data" "added" {
  count = 4500
  input = { name = "added-\${count.index}", tier = "standard" }
}
`),
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

/** Builds the named scenarios, two at a time (this machine has two cores). */
export async function buildScenarios<N extends ScenarioName>(
  names: readonly N[],
): Promise<{ plans: Record<N, BuiltPlan>; cleanup: () => void; ms: Record<string, number> }> {
  const sandbox = terraformSandbox({ needsMirror: false });
  const plans = {} as Record<N, BuiltPlan>;
  const ms: Record<string, number> = {};
  const queue = [...names];
  try {
    await Promise.all(
      [0, 1].map(async () => {
        for (let n = queue.shift(); n; n = queue.shift()) {
          const t = Date.now();
          const s: Scenario = SCENARIOS[n];
          plans[n] = (await buildPlan(join(sandbox.root, n), {
            env: sandbox.env,
            applied: s.applied ?? [],
            planned: s.planned,
            planArgs: s.planArgs ?? [],
          })) as BuiltPlan;
          ms[n] = Date.now() - t;
        }
      }),
    );
  } catch (err) {
    sandbox.cleanup();
    throw err;
  }
  return { plans, cleanup: sandbox.cleanup, ms };
}
