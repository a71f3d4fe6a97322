// The bundle's two reporting modes beside the plan comment, as the drift and apply workflows use them, against
// the fake GitHub API: `target: issue` (one drift issue per key, opened, updated, closed) and `apply-outcome`
// (the key's sticky comment reports the apply). Plans: real terraform plans (scenarios.ts) and the corpus.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../../../harness/run-action.mjs';
import { startFakeGitHub } from '../../../harness/fake-github.mjs';
import { tempDir } from '../../../harness/temp-dirs.mjs';
import { markdownProblems } from '../markdown-check.js';
import { buildScenarios, type BuiltPlan } from './scenarios.js';

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>;
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans');
const SHA = '0123456789abcdef0123456789abcdef01234567'; // run-action's GITHUB_SHA
const RUN_PAGE = 'https://github.com/acme/payments/actions/runs/4242';
let gh: Fake;
let plans: Record<'review' | 'no-op' | 'sensitive', BuiltPlan>;
let cleanup = () => {};
let dir: string;

beforeAll(async () => {
  gh = await startFakeGitHub();
  const built = await buildScenarios(['review', 'no-op', 'sensitive']);
  plans = built.plans;
  cleanup = built.cleanup;
  dir = tempDir('slipway-tpc-issue-');
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify({ schedule: '17 6 * * *' }));
  writeFileSync(join(dir, 'push.json'), JSON.stringify({ ref: 'refs/heads/main', after: SHA }));
  writeFileSync(
    join(dir, 'pr.json'),
    JSON.stringify({ number: 31, pull_request: { number: 31, head: { sha: SHA } } }),
  );
}, 180_000);
afterAll(async () => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
  await gh.close();
});
beforeEach(() => gh.reset());

function run(inputs: Record<string, string>, event: 'schedule' | 'push' | 'pull_request' = 'schedule') {
  const file = event === 'pull_request' ? 'pr.json' : `${event}.json`;
  return runAction({
    action: 'terraform-plan-comment',
    inputs: { 'github-token': gh.token, ...inputs },
    env: { ...gh.env, GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: join(dir, file), GITHUB_WORKSPACE: dir },
    timeoutMs: 30_000,
  });
}

const drift = (plan: string, extra: Record<string, string> = {}) =>
  run({ 'plan-json': plan, key: 'infra/prod', target: 'issue', ...extra });

describe('target: issue (drift)', () => {
  test('drift opens the issue, a second run updates it, a plan without changes closes it, then nothing', async () => {
    const opened = await drift(plans.review.planJsonPath);
    expect(opened.errors).toEqual([]);
    expect(opened.code).toBe(0);
    expect(opened.outputs).toMatchObject({
      'issue-action': 'opened',
      'issue-number': '100',
      status: 'destroy',
    });
    let issues = gh.issues();
    expect(issues).toHaveLength(1);
    const body = issues[0]!.body as string;
    expect(issues[0]).toMatchObject({
      title: 'Terraform drift: infra/prod',
      state: 'open',
      labels: [{ name: 'drift' }],
    });
    expect(body.split('\n')[0]).toBe('<!-- slipway:drift key=infra/prod -->');
    expect(body).toContain(`Found by [workflow run](${RUN_PAGE}) on commit \`0123456\``);
    expect(body).toContain('**Plan:** 🟢 1 to add · 🟡 1 to change · 🔴 1 to destroy · 🔁 1 to replace');
    expect(body).not.toContain('<!-- slipway:plan');
    expect(markdownProblems(body)).toEqual([]);
    expect(opened.summary).toContain('### Terraform plan: infra/prod');
    expect(gh.comments(100)).toHaveLength(0); // no pull request comment on a schedule

    const updated = await drift(plans.review.planJsonPath, { 'issue-title': 'Prod drifted' });
    expect(updated.outputs).toMatchObject({ 'issue-action': 'updated', 'issue-number': '100' });
    issues = gh.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('Prod drifted');

    const closed = await drift(plans['no-op'].planJsonPath);
    expect(closed.code).toBe(0);
    expect(closed.outputs).toMatchObject({
      'issue-action': 'closed',
      'issue-number': '100',
      'has-changes': 'false',
    });
    expect(gh.issues()[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const comments = gh.comments(100);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('**Drift is gone.**');
    expect(comments[0]!.body).toContain(RUN_PAGE);

    const none = await drift(plans['no-op'].planJsonPath);
    expect(none.outputs).toMatchObject({ 'issue-action': 'none', 'issue-number': '' });
    expect(gh.writes().map((q) => q.route)).toEqual([
      'issues.create',
      'issues.update',
      'comments.create',
      'issues.update',
    ]);
  });

  test('one issue per key; issues of other keys, other users and pull requests are left alone', async () => {
    const other = gh.addIssue({
      title: 'staging',
      body: '<!-- slipway:drift key=infra/staging -->',
      labels: ['drift'],
    });
    const forged = gh.addIssue({
      title: 'forged',
      body: '<!-- slipway:drift key=infra/prod -->',
      labels: ['drift'],
      login: 'mallory',
    });
    const pr = gh.addIssue({
      title: 'a PR',
      body: '<!-- slipway:drift key=infra/prod -->',
      labels: ['drift'],
      pullRequest: true,
    });
    const r = await drift(plans.review.planJsonPath);
    expect(r.outputs['issue-action']).toBe('opened');
    const mine = gh.issues().filter((i) => ![other.number, forged.number, pr.number].includes(i.number));
    expect(mine).toHaveLength(1);
    const closed = await drift(plans['no-op'].planJsonPath);
    expect(closed.outputs).toMatchObject({
      'issue-action': 'closed',
      'issue-number': String(mine[0]!.number),
    });
    for (const untouched of [other, forged, pr]) {
      expect(gh.issues().find((i) => i.number === untouched.number)!.state).toBe('open');
    }
  });

  test('an errored plan leaves the issue as it is, with a warning', async () => {
    await drift(plans.review.planJsonPath);
    const r = await drift(join(CORPUS, 'tf-1.13.5-errored.json'));
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'errored', 'issue-action': 'none' });
    expect(r.warnings.join('\n')).toContain('the plan errored, so it cannot tell whether infra/prod drifted');
    expect(gh.issues()[0]!.state).toBe('open');
    expect(r.summary).toContain('**Plan errored: incomplete.**');
    expect(r.summary).not.toContain('No changes');
  });

  test('a UTF-16 plan written by Windows PowerShell is read, and the log says how to write UTF-8', async () => {
    const r = await drift(join(CORPUS, 'tf-1.11.4-powershell-utf16le.json.bin'));
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ 'issue-action': 'opened', change: '2', status: 'changes' });
    expect(r.stdout).toContain('is UTF-16LE (as Windows PowerShell');
    expect(gh.issues()[0]!.body).not.toContain('Sup3r-Secret');
  });

  test('a GitHub failure fails the step (the issue is the only output), naming the cause', async () => {
    gh.fail('issues.create', { status: 403, message: 'Resource not accessible by integration' });
    const r = await drift(plans.review.planJsonPath);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /^terraform-plan-comment: could not update the drift issue for infra\/prod: HTTP 403/,
    );
  });

  test('pull-request-only inputs are refused with target issue, before any call', async () => {
    const r = await drift(plans.review.planJsonPath, { labels: 'true' });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toContain(
      "input 'labels' is 'true': applies to pull-request comments; target is 'issue'",
    );
    expect(gh.requests).toHaveLength(0);
  });
});

describe('apply-outcome', () => {
  const apply = (outcome: string, event: 'push' | 'pull_request', extra: Record<string, string> = {}) =>
    run(
      { 'plan-json': plans.sensitive.planJsonPath, key: 'apply', 'apply-outcome': outcome, ...extra },
      event,
    );

  test('after a merge: the merged pull request is found by the commit; the key comment is updated in place', async () => {
    gh.setCommitPulls(SHA, [{ number: 31, merged: true }]);
    const plan = await run({ 'plan-json': plans.sensitive.planJsonPath, key: 'apply' }, 'pull_request');
    const id = gh.comments(31)[0]!.id;
    const applied = await apply('applied', 'push');
    expect(applied.errors).toEqual([]);
    expect(applied.code).toBe(0);
    const comments = gh.comments(31);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(id);
    const body = comments[0]!.body as string;
    expect(body.split('\n')[0]).toBe('<!-- slipway:plan key=apply status=changes -->');
    expect(body).toContain('### Terraform apply: apply');
    expect(body).toContain('✅ **Applied.** Terraform applied the plan below at commit `0123456`');
    expect(body).toContain('**Plan:** 🟢 0 to add · 🟡 1 to change');
    expect(applied.outputs['comment-url']).toBe(plan.outputs['comment-url']);
    expect(applied.summary).toContain('✅ **Applied.**');
  });

  test('failed: the last 30 lines of the log, redacted, in a code block, under the size limit', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => `\u001b[31mline ${i + 1}\u001b[0m`);
    lines[70] = 'Error: creating thing: password New-Secret-Value-2 rejected';
    lines[75] = 'x'.repeat(5000);
    writeFileSync(join(dir, 'apply.log'), lines.join('\n') + '\n');
    const r = await apply('failed', 'pull_request', {
      'apply-log': join(dir, 'apply.log'),
      'max-comment-bytes': '8000',
    });
    expect(r.code).toBe(0);
    const body = gh.comments(31)[0]!.body as string;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(8000);
    expect(markdownProblems(body)).toEqual([]);
    expect(body).toContain('❌ **Apply failed.**');
    expect(body).toMatch(/Last \d+ of 80 lines of the apply output:\n\n```text\n/);
    expect(body).toContain('line 80\n```');
    expect(body).toContain('Error: creating thing: password (sensitive) rejected');
    expect(body).not.toContain('New-Secret-Value-2');
    expect(body).not.toContain('\u001b');
  });

  test('failed without a readable log: a warning, and the comment says where the output is', async () => {
    const r = await apply('failed', 'pull_request', { 'apply-log': join(dir, 'missing.log') });
    expect(r.code).toBe(0);
    expect(r.warnings.join('\n')).toContain("input 'apply-log': cannot read");
    expect(gh.comments(31)[0]!.body).toContain('could not be read: the apply output is in the workflow run');
  });

  test('the pull-request input names the pull request on a push', async () => {
    const r = await apply('applied', 'push', { 'pull-request': '58' });
    expect(r.code).toBe(0);
    expect(gh.comments(58)).toHaveLength(1);
    expect(gh.requests.some((q) => q.route === 'commits.pulls')).toBe(false);
  });

  test('no pull request for the commit: only the job summary', async () => {
    const r = await apply('applied', 'push');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not a pull request event (push)');
    expect(gh.writes()).toHaveLength(0);
    expect(r.summary).toContain('✅ **Applied.**');
  });
});
