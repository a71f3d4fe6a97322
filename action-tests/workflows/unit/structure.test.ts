// long-file: one rule per test over every workflow file (permissions, pins, env-passing, concurrency); they
// share one parse of the files
// The rules every workflow and starter template follows, checked on the parsed YAML: least privilege,
// pinned third-party actions, no expressions in shell, timeouts, the deploy/rollback concurrency group,
// typed and described reusable-workflow interfaces, and slipway action/workflow refs that match the
// action.yml / workflow_call they point at.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  repoRoot,
  RELEASE_REF,
  slipwayRepo,
  loadWorkflows,
  actionInputs,
  steps,
  parseUses,
  usesLines,
  runScripts,
  slipwayRefProblems,
} from '../../../scripts/workflows/lib.mjs';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const workflows = loadWorkflows() as { dir: string; file: string; rel: string; text: string; doc: Dict }[];
const repo = slipwayRepo();
const reusable = workflows.filter((w) => w.dir === '.github/workflows' && w.doc.on?.workflow_call);
const templates = workflows.filter((w) => w.dir === 'workflows');
const byName = (file: string) => workflows.find((w) => w.rel === `.github/workflows/${file}`)!;
const jobsOf = (w: { doc: Dict }) => Object.entries((w.doc.jobs ?? {}) as Dict) as [string, Dict][];
const isSlipway = (uses: string) => uses.toLowerCase().startsWith(`${repo.toLowerCase()}/`);
const runsAwsAuth = (job: Dict) =>
  (job.steps ?? []).some((s: Dict) => /\/actions\/aws-auth@/.test(s.uses ?? ''));

/** The reusable workflow a template/caller job points at (slipway's, or a local one in our own CI). */
function calledWorkflow(uses: string) {
  return workflows.find((w) => w.rel === parseUses(uses).path);
}

test('the expected workflows and templates exist', () => {
  const names = workflows.map((w) => w.rel);
  for (const f of [
    'ecs-deploy',
    'ecs-rollback',
    'terraform-plan',
    'terraform-apply',
    'terraform-drift',
    'build-image',
    'promotion-summary',
    'ci',
    'check-dist',
    'release',
  ])
    expect(names).toContain(`.github/workflows/${f}.yml`);
  for (const f of [
    'deploy',
    'rollback',
    'terraform-pr',
    'terraform-apply',
    'terraform-drift',
    'promote',
    'promote-branches',
    'migrate-from-aws-starter',
  ])
    expect(names).toContain(`workflows/${f}.yml`);
});

describe.each(workflows.map((w) => [w.rel, w] as const))('%s', (_rel, wf) => {
  test('permissions: {} at the top, explicit grants on every job, no write-all', () => {
    expect(wf.doc.permissions).toEqual({});
    for (const [id, job] of jobsOf(wf)) {
      expect([id, job.permissions]).toEqual([id, expect.any(Object)]);
      expect(JSON.stringify(job.permissions)).not.toMatch(/write-all|read-all/);
    }
  });

  test('id-token: write only in jobs that run aws-auth (or call a workflow whose jobs do)', () => {
    for (const [id, job] of jobsOf(wf)) {
      if (job.permissions?.['id-token'] !== 'write') continue;
      const needs = job.uses
        ? jobsOf(calledWorkflow(job.uses) ?? { doc: {} }).some(([, j]) => runsAwsAuth(j))
        : runsAwsAuth(job);
      expect([id, needs]).toEqual([id, true]);
    }
  });

  test('a caller job grants every permission the called workflow asks for', () => {
    for (const [id, job] of jobsOf(wf)) {
      if (!job.uses) continue;
      const called = calledWorkflow(job.uses);
      expect([id, called?.rel]).toEqual([id, expect.any(String)]);
      for (const [, cj] of jobsOf(called!))
        for (const [scope, level] of Object.entries((cj.permissions ?? {}) as Dict)) {
          const granted = job.permissions?.[scope];
          const ok = level === 'read' ? granted === 'read' || granted === 'write' : granted === level;
          expect([id, scope, ok]).toEqual([id, scope, true]);
        }
    }
  });

  test('timeout-minutes on every job that runs steps', () => {
    for (const [id, job] of jobsOf(wf)) {
      if (job.uses) continue;
      expect([id, job['timeout-minutes']]).toEqual([id, expect.any(Number)]);
      expect(job['timeout-minutes']).toBeGreaterThan(0);
    }
  });

  test('third-party actions pinned by full commit SHA with a # vX.Y.Z comment', () => {
    for (const { line, uses, comment } of usesLines(wf.text)) {
      const u = parseUses(uses);
      // Only our own CI calls a workflow of this repository, with the self-repository form `$/`; `./` would
      // resolve in the caller's checkout, and a reusable workflow runs in the caller's repository.
      expect([line, u.kind]).not.toEqual([line, 'local']);
      if (u.kind === 'self') {
        expect([
          line,
          wf.rel === '.github/workflows/ci.yml' && u.path.startsWith('.github/workflows/'),
        ]).toEqual([line, true]);
        continue;
      }
      expect([line, u.kind]).toEqual([line, 'remote']);
      if (isSlipway(uses)) continue; // checked by the ref-consistency test
      expect([line, uses]).toEqual([line, expect.stringMatching(/@[0-9a-f]{40}$/)]);
      expect([line, comment]).toEqual([line, expect.stringMatching(/^v\d+\.\d+\.\d+$/)]);
    }
  });

  test('no ${{ }} inside run: (inputs reach the shell through env:)', () => {
    for (const { where, script } of runScripts(wf.doc))
      expect([where, script]).toEqual([where, expect.not.stringContaining('${{')]);
  });

  test('never pull_request_target, never secrets: inherit', () => {
    const on = wf.doc.on ?? {};
    expect(Object.keys(typeof on === 'string' ? { [on]: 1 } : on)).not.toContain('pull_request_target');
    for (const [id, job] of jobsOf(wf)) expect([id, job.secrets]).not.toEqual([id, 'inherit']);
  });

  test('slipway actions get only inputs their action.yml declares, and every required one', () => {
    for (const { jobId, step } of steps(wf.doc)) {
      if (!step.uses || !isSlipway(step.uses)) continue;
      const u = parseUses(step.uses);
      const name = u.path.replace(/^actions\//, '');
      const inputs = actionInputs(name) as Dict | null;
      expect([step.uses, inputs === null ? `actions/${name}/action.yml missing` : 'ok']).toEqual([
        step.uses,
        'ok',
      ]);
      const given = Object.keys(step.with ?? {});
      for (const key of given)
        expect([jobId, step.uses, key, key in inputs!]).toEqual([jobId, step.uses, key, true]);
      for (const [key, spec] of Object.entries(inputs!))
        if (spec.required && spec.default === undefined)
          expect([jobId, step.uses, key, given.includes(key)]).toEqual([jobId, step.uses, key, true]);
    }
  });
});

test(`every ${repo}/... ref uses package.json's owner, @${RELEASE_REF}, and names something that exists`, () => {
  expect(slipwayRefProblems()).toEqual([]);
});

describe.each(reusable.map((w) => [w.rel, w] as const))('reusable %s', (_rel, wf) => {
  const call = wf.doc.on.workflow_call ?? {};
  test('inputs are typed and described; outputs and secrets are described', () => {
    for (const [name, spec] of Object.entries((call.inputs ?? {}) as Dict)) {
      expect([name, spec.type]).toEqual([name, expect.stringMatching(/^(string|boolean|number)$/)]);
      expect([name, typeof spec.description, spec.description?.length > 10]).toEqual([name, 'string', true]);
      if (!spec.required) expect([name, 'default' in spec]).toEqual([name, true]);
    }
    for (const [name, spec] of Object.entries({ ...(call.outputs ?? {}), ...(call.secrets ?? {}) } as Dict))
      expect([name, typeof spec.description]).toEqual([name, 'string']);
  });
});

test('deploy and rollback share one concurrency group per environment+service that never cancels', () => {
  const deploy = byName('ecs-deploy.yml').doc.jobs.deploy;
  const rollback = byName('ecs-rollback.yml').doc.jobs.rollback;
  expect(deploy.concurrency).toEqual({
    group:
      'slipway-deploy-${{ inputs.environment }}-${{ inputs.region || vars.SLIPWAY_REGION }}-${{ inputs.service }}',
    'cancel-in-progress': false,
  });
  expect(rollback.concurrency).toEqual(deploy.concurrency);
  // Both run in the chosen GitHub environment, so its protection rules apply.
  expect(deploy.environment).toBe('${{ inputs.environment }}');
  expect(rollback.environment).toBe('${{ inputs.environment }}');
  expect(byName('terraform-apply.yml').doc.jobs.apply.concurrency['cancel-in-progress']).toBe(false);
});

test('ecs-deploy.yml: gate -> build -> scan -> deploy, ARM by default, deploy steps in flow order', () => {
  const wf = byName('ecs-deploy.yml').doc;
  expect(Object.keys(wf.jobs)).toEqual(['gate', 'build', 'scan', 'deploy']);
  expect(wf.jobs.build.needs).toBe('gate');
  expect(wf.jobs.scan.needs).toBe('build');
  expect(wf.jobs.deploy.needs).toEqual(['gate', 'build', 'scan']);
  expect(wf.on.workflow_call.inputs.platforms.default).toBe('linux/arm64');
  expect(wf.on.workflow_call.inputs['build-runner'].default).toMatch(/arm/);
  expect(wf.jobs.build['runs-on']).toBe('${{ inputs.build-runner }}');
  const flow = wf.jobs.deploy.steps
    .filter((s: Dict) => s.uses)
    .map((s: Dict) => s.uses.replace(/@.*/, '').split('/').at(-1));
  // ecs-run-task is the optional pre-deploy command (issue 15), run on the rendered revision before the deploy.
  expect(flow).toEqual(['checkout', 'aws-auth', 'render-task-definition', 'ecs-run-task', 'ecs-deploy']);
  expect(Object.keys(wf.on.workflow_call.outputs)).toEqual(expect.arrayContaining(['image', 'status']));
});

test('terraform-plan.yml degrades on fork PRs instead of borrowing credentials', () => {
  const w = byName('terraform-plan.yml');
  expect(w.text).toContain('plan skipped: no credentials on fork PRs');
  const job = w.doc.jobs.plan;
  expect(job.env.FORK).toContain('github.event.pull_request.head.repo.full_name != github.repository');
  for (const s of job.steps as Dict[])
    if (/aws-auth|terraform-plan-comment|upload-artifact/.test(s.uses ?? ''))
      expect(s.if).toBe("env.FORK != 'true'");
});

test('terraform-apply.yml: plan outside the environment, apply inside it, exactly the planned file', () => {
  const w = byName('terraform-apply.yml');
  const { plan, apply } = w.doc.jobs;
  expect(Object.keys(w.doc.jobs)).toEqual(['plan', 'apply']);
  expect(plan.environment).toBeUndefined();
  expect(apply.environment).toBe('${{ inputs.environment }}');
  expect(apply.needs).toBe('plan');
  expect(plan.concurrency['cancel-in-progress']).toBe(false);
  // The plan job assumes the read-only plan role, the apply job the apply role.
  const roles = (job: Dict) =>
    (job.steps as Dict[]).filter((s) => /aws-auth/.test(s.uses ?? '')).map((s) => s.with['role-arn']);
  expect(roles(plan)).toEqual(['${{ inputs.plan-role-arn || vars.SLIPWAY_PLAN_ROLE_ARN }}']);
  expect(roles(apply)).toEqual(['${{ inputs.role-arn || vars.SLIPWAY_APPLY_ROLE_ARN }}']);
  const applyScripts = runScripts({ jobs: { apply } })
    .map((r: { script: string }) => r.script)
    .join('\n');
  expect(applyScripts).toContain('sha256sum');
  expect(applyScripts).toContain('plan-hash-mismatch');
  expect(applyScripts).toContain('plan-stale');
  // A stale or changed plan is never replaced by a fresh, unseen one inside the apply job.
  expect(applyScripts).not.toMatch(/^\s*(plan=\()?terraform plan\b/m);
  const planScripts = runScripts({ jobs: { plan } })
    .map((r: { script: string }) => r.script)
    .join('\n');
  expect(planScripts).toContain('plan-changed');
  expect(planScripts).not.toMatch(/^\s*terraform apply\b/m);
  expect(w.doc.on.workflow_call.inputs['require-reviewed-plan']).toEqual(
    expect.objectContaining({ type: 'boolean', default: false }),
  );
});

test('terraform-drift.yml: read-only plan role, -detailed-exitcode, issues per root, never applies', () => {
  const w = byName('terraform-drift.yml');
  const job = w.doc.jobs.drift;
  expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', issues: 'write' });
  expect(job.strategy['fail-fast']).toBe(false);
  expect(job.concurrency.group).toContain('${{ matrix.root.key }}');
  const scripts = runScripts(w.doc)
    .map((r: { script: string }) => r.script)
    .join('\n');
  expect(scripts).toContain('-detailed-exitcode');
  expect(scripts).not.toMatch(/^\s*terraform (apply|import|destroy|state (rm|mv|push))\b/m);
  const comment = (job.steps as Dict[]).find((s) => /terraform-plan-comment/.test(s.uses ?? ''));
  expect(comment?.with.target).toBe('issue');
  const aws = (job.steps as Dict[]).find((s) => /aws-auth/.test(s.uses ?? ''));
  expect(aws?.with['role-arn']).toBe('${{ inputs.role-arn || vars.SLIPWAY_PLAN_ROLE_ARN }}');
  const starter = workflows.find((x) => x.rel === 'workflows/terraform-drift.yml')!.doc;
  expect(Object.keys(starter.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
});

describe.each(['workflows/promote.yml', 'workflows/promote-branches.yml'])('promotion %s', (rel) => {
  const w = () => workflows.find((x) => x.rel === rel)!.doc;
  const deploys = () =>
    (Object.entries(w().jobs) as [string, Dict][]).filter(([, j]) => /ecs-deploy\.yml@/.test(j.uses ?? ''));

  test("every environment deploys the first job's image, never a build of its own", () => {
    expect(deploys().length).toBeGreaterThan(1);
    for (const [id, job] of deploys()) {
      expect([id, job.with.image]).toEqual([id, expect.stringMatching(/needs\.build\.outputs\.images?\b/)]);
      expect([id, job.with['ecr-repository']]).toEqual([id, undefined]);
      expect([id, [job.needs].flat()]).toEqual([id, expect.arrayContaining(['build'])]);
    }
  });

  test('one concurrency group per environment, region and service, never cancelling', () => {
    const groups = new Set<string>();
    for (const [id, job] of deploys()) {
      expect([id, job.concurrency?.['cancel-in-progress']]).toEqual([id, false]);
      const g = job.concurrency.group as string;
      expect([id, g.includes(job.with.environment) && g.includes(job.with.region)]).toEqual([id, true]);
      groups.add(g);
    }
    expect(groups.size).toBe(deploys().length);
  });
});

test('promote.yml: dev -> staging -> production in two regions in parallel, then one summary', () => {
  const jobs = workflows.find((x) => x.rel === 'workflows/promote.yml')!.doc.jobs as Dict;
  expect([jobs.staging.needs].flat()).toContain('dev');
  for (const id of ['production-us-east-1', 'production-us-west-2']) {
    expect([jobs[id].needs].flat()).toContain('staging');
    expect(jobs[id].with.environment).toBe('production');
  }
  // The second region deploys from its own registry (build-image.yml's images map).
  expect(jobs['production-us-west-2'].with.image).toContain("['us-west-2']");
  expect(jobs.build.with['replica-regions']).toContain('us-west-2');
  expect(jobs.summary.if).toContain('always()');
  expect([...jobs.summary.needs].sort()).toEqual(
    Object.keys(jobs)
      .filter((j) => j !== 'summary')
      .sort(),
  );
});

test('ci.yml: one final job is the single required check and needs every other job', () => {
  const jobs = byName('ci.yml').doc.jobs as Dict;
  const ids = Object.keys(jobs);
  const final = jobs[ids.at(-1)!];
  expect(ids.at(-1)).toBe('required');
  expect(final.if).toBe('always()');
  expect([...final.needs].sort()).toEqual(ids.slice(0, -1).sort());
});

describe.each(templates.map((w) => [w.rel, w] as const))('template %s', (rel, wf) => {
  test('has a .properties.json with name and description', () => {
    const path = join(repoRoot, rel.replace(/\.ya?ml$/, '.properties.json'));
    expect(existsSync(path)).toBe(true);
    const props = JSON.parse(readFileSync(path, 'utf8'));
    expect(props).toEqual(
      expect.objectContaining({ name: expect.any(String), description: expect.any(String) }),
    );
  });

  test(`calls a slipway reusable workflow @${RELEASE_REF} with inputs it declares, and every required one`, () => {
    const calls = jobsOf(wf).filter(([, j]) => j.uses);
    expect(calls.length).toBeGreaterThan(0);
    for (const [id, job] of calls) {
      expect(job.uses).toMatch(new RegExp(`^${repo}/\\.github/workflows/[\\w-]+\\.yml@${RELEASE_REF}$`));
      const inputs = (calledWorkflow(job.uses)!.doc.on.workflow_call.inputs ?? {}) as Dict;
      for (const key of Object.keys(job.with ?? {}))
        expect([id, key, key in inputs]).toEqual([id, key, true]);
      for (const [key, spec] of Object.entries(inputs))
        if (spec.required) expect([id, key, key in (job.with ?? {})]).toEqual([id, key, true]);
    }
  });
});
