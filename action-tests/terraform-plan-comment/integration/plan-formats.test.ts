// Plans of other Terraform releases from the corpus (fixtures/plans), run through the bundle onto a pull
// request: an errored plan, format 0.2 and 0.1, a plan whose only content is action invocations.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../../../harness/run-action.mjs';
import { startFakeGitHub } from '../../../harness/fake-github.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';
import { buildScenarios, type BuiltPlan } from './scenarios.js';

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>;
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans');
const PR = 17;
let gh: Fake;
let plans: Record<'no-op', BuiltPlan>;
let cleanup = () => {};
let dir: string;

beforeAll(async () => {
  gh = await startFakeGitHub();
  const built = await buildScenarios(['no-op']);
  plans = built.plans;
  cleanup = built.cleanup;
  dir = tempDir('slipway-tpc-formats-');
  writeFileSync(
    join(dir, 'pr.json'),
    JSON.stringify({ number: PR, pull_request: { number: PR, head: { sha: 'feedface' } } }),
  );
}, 180_000);
afterAll(async () => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
  await gh.close();
});
beforeEach(() => gh.reset());

const run = (inputs: Record<string, string>) =>
  runAction({
    action: 'terraform-plan-comment',
    inputs: { 'github-token': gh.token, ...inputs },
    env: {
      ...gh.env,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'pr.json'),
      GITHUB_WORKSPACE: dir,
    },
    timeoutMs: 30_000,
  });

describe('terraform-plan-comment bundle on plans of other Terraform releases', () => {
  test('an errored plan (Terraform 1.13): headline says so first, status and label errored, never no-changes', async () => {
    await run({ 'plan-json': plans['no-op'].planJsonPath, key: 'payments/prod', labels: 'true' });
    expect(gh.labels(PR)).toEqual(['tf:no-changes']);
    const r = await run({
      'plan-json': join(CORPUS, 'tf-1.13.5-errored.json'),
      key: 'payments/prod',
      labels: 'true',
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'errored', 'has-changes': 'false' });
    expect(r.warnings).toEqual(['Terraform reported errors while planning: this plan is incomplete.']);
    const body = gh.comments(PR)[0]!.body as string;
    expect(body.split('\n')[0]).toBe('<!-- slipway:plan key=payments/prod status=errored -->');
    expect(body.split('\n')[4]).toMatch(
      /^\*\*Plan errored: incomplete\.\*\* Terraform reported errors while planning/,
    );
    expect(body).not.toContain('No changes');
    expect(gh.labels(PR)).toEqual(['tf:errored']);
  });

  test('a Terraform 1.0.11 plan (format 0.2) is read; a 1.0.0 plan (format 0.1) is refused saying why', async () => {
    const ok = await run({ 'plan-json': join(CORPUS, 'tf-1.0.11-format-0.2.json'), key: 'old' });
    expect(ok.code).toBe(0);
    expect(ok.outputs).toMatchObject({ add: '1', change: '1', destroy: '1', status: 'destroy' });
    const old = await run({ 'plan-json': join(CORPUS, 'tf-1.0.0-format-0.1.json'), key: 'old' });
    expect(old.code).toBe(1);
    expect(old.errors[0]).toContain(
      "has format_version '0.1', written by Terraform 0.12 to 1.0.0: it is refused",
    );
  });

  test('a plan with only action invocations (Terraform 1.14) is a change: what will run is listed', async () => {
    const r = await run({ 'plan-json': join(CORPUS, 'tf-1.14.0-invoke-only.json'), key: 'actions' });
    expect(r.outputs).toMatchObject({ 'has-changes': 'true', status: 'changes' });
    const body = gh.comments(PR)[0]!.body as string;
    expect(body).toContain('**1 action will run on apply:**');
    expect(body).not.toContain('No changes');
  });
});
