// The terraform-plan-comment bundle, run as the runner runs it, against the fake GitHub API and real plans.
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../../../harness/run-action.mjs';
import { startFakeGitHub, WORKFLOW_LOGIN } from '../../../harness/fake-github.mjs';
import { markdownProblems } from '../markdown-check.js';
import { buildScenarios, type BuiltPlan } from './scenarios.js';
import { tempDir } from '../../../harness/temp-dirs.mjs';

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>;
let gh: Fake;
let plans: Record<'review' | 'no-op' | 'big', BuiltPlan>;
let cleanup = () => {};
let dir: string;
const PR = 17;

beforeAll(async () => {
  gh = await startFakeGitHub();
  const built = await buildScenarios(['review', 'no-op', 'big']);
  plans = built.plans;
  cleanup = built.cleanup;
  dir = tempDir('slipway-tpc-');
  writeFileSync(join(dir, 'pr.json'), JSON.stringify(prEvent(PR)));
  writeFileSync(join(dir, 'push.json'), JSON.stringify({ ref: 'refs/heads/main', after: 'abc' }));
  writeFileSync(join(dir, 'bad.json'), '{"format_version": "1.2", "resource_changes": [{"address": "x"}]}');
  writeFileSync(join(dir, 'v2.json'), '{"format_version": "2.0", "resource_changes": []}');
}, 180_000);
afterAll(async () => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
  await gh.close();
});
beforeEach(() => gh.reset());

function prEvent(number: number) {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, head: { sha: 'feedfacefeedfacefeedfacefeedfacefeedface' } },
    repository: { name: 'payments', owner: { login: 'acme' } },
  };
}

function run(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({
    action: 'terraform-plan-comment',
    inputs: { 'github-token': gh.token, ...inputs },
    env: {
      ...gh.env,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'pr.json'),
      GITHUB_WORKSPACE: dir,
      ...env,
    },
    timeoutMs: 30_000,
  });
}

const review = () => ({ 'plan-json': plans.review.planJsonPath, key: 'payments/prod' });

describe('terraform-plan-comment bundle', () => {
  test('posts one comment with the summary first, sets outputs and the job summary', async () => {
    const r = await run({ ...review(), 'plan-text': plans.review.planTextPath, labels: 'true' });
    expect(r.stderr).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.code).toBe(0);
    const comments = gh.comments(PR);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body as string;
    expect(body.split('\n')[0]).toBe('<!-- slipway:plan key=payments/prod status=destroy -->');
    expect(body).toContain('### Terraform plan: payments/prod');
    expect(body).toContain('**Plan:** 🟢 1 to add · 🟡 1 to change · 🔴 1 to destroy · 🔁 1 to replace');
    expect(body).toContain('`terraform_data.cache` — destroy');
    expect(body).toContain('commit `feedfac`');
    expect(markdownProblems(body)).toEqual([]);
    expect(r.outputs).toEqual({
      'has-changes': 'true',
      'has-destroy': 'true',
      status: 'destroy', // issue 16: the plan's status (no-changes, changes, destroy, errored) is an output
      add: '1',
      change: '1',
      destroy: '1',
      replace: '1',
      'comment-url': comments[0]!.html_url,
    });
    expect(r.summary).toContain('**Plan:** 🟢 1 to add');
    expect(r.summary).not.toContain('<!-- slipway:plan');
    expect(gh.labels(PR)).toEqual(['tf:destroy']);
    // The workflow token cannot read GET /user: the action falls back to github-actions[bot].
    expect(gh.requests.find((q) => q.route === 'user.get')?.status).toBe(403);
    expect(r.stdout).toContain(`Comments by ${WORKFLOW_LOGIN} count as this action's`);
  });

  test('a second run edits the same comment in place; labels follow the new plan', async () => {
    const first = await run({ ...review(), labels: 'true' });
    const id = gh.comments(PR)[0]!.id;
    const second = await run({
      'plan-json': plans['no-op'].planJsonPath,
      key: 'payments/prod',
      labels: 'true',
    });
    expect(second.code).toBe(0);
    const comments = gh.comments(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(id);
    expect(comments[0]!.body).toContain('**No changes.**');
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    expect(second.outputs['has-changes']).toBe('false');
    expect(gh.labels(PR)).toEqual(['tf:no-changes']);
    expect(gh.writes().map((q) => q.route)).toEqual([
      'comments.create',
      'labels.add',
      'comments.update',
      'labels.add',
      'labels.remove',
    ]);
  });

  test('two keys (matrix jobs) give two comments; labels take the most severe', async () => {
    await run({ ...review(), labels: 'true' });
    await run({ 'plan-json': plans['no-op'].planJsonPath, key: 'payments/staging', labels: 'true' });
    const comments = gh.comments(PR);
    expect(comments.map((c) => (c.body as string).split('\n')[0])).toEqual([
      '<!-- slipway:plan key=payments/prod status=destroy -->',
      '<!-- slipway:plan key=payments/staging status=no-changes -->',
    ]);
    expect(gh.labels(PR)).toEqual(['tf:destroy']);
  });

  test('a comment by another user with the same marker is left alone', async () => {
    const forged = gh.addComment(PR, {
      body: '<!-- slipway:plan key=payments/prod status=no-changes -->\nlooks fine to me',
      login: 'mallory',
    });
    const r = await run(review());
    expect(r.code).toBe(0);
    const comments = gh.comments(PR);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toEqual(forged);
    expect(gh.writes().every((q) => !q.path.endsWith(`/comments/${forged.id}`))).toBe(true);
  });

  test('recreate posts anew and deletes the old one; hide-previous minimises it instead', async () => {
    await run(review());
    const oldId = gh.comments(PR)[0]!.id;
    await run({ ...review(), mode: 'recreate' });
    let comments = gh.comments(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).not.toBe(oldId);

    const keptId = comments[0]!.id;
    const keptNode = comments[0]!.node_id;
    const third = await run({ ...review(), mode: 'recreate', 'hide-previous': 'true' });
    comments = gh.comments(PR);
    expect(comments).toHaveLength(2);
    expect(third.warnings).toEqual([]);
    expect(gh.minimized.get(keptId)).toBe('OUTDATED');
    expect(gh.requests.find((q) => q.route === 'graphql')?.body).toMatchObject({
      variables: { subjectId: keptNode },
    });
    expect(comments[0]!.body).toMatch(/^<!-- slipway:plan-outdated key=payments\/prod status=destroy -->/);
    // The retired comment no longer counts: the next update edits the newest only.
    const again = await run(review());
    expect(again.code).toBe(0);
    expect(gh.comments(PR)).toHaveLength(2);
    expect(gh.writes().at(-1)).toMatchObject({
      route: 'comments.update',
      path: expect.stringContaining(`/${comments[1]!.id}`),
    });
  });

  test('finds its comment beyond the first page of 100', async () => {
    for (let i = 0; i < 150; i++) gh.addComment(PR, { body: `chatter ${i}`, login: 'octocat' });
    await run(review());
    const before = gh.comments(PR).length;
    gh.requests.length = 0;
    await run(review());
    expect(gh.comments(PR)).toHaveLength(before);
    const pages = gh.requests.filter((q) => q.route === 'comments.list').map((q) => q.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    expect(gh.writes().map((q) => q.route)).toEqual(['comments.update']);
  });

  test.each([
    ['403 (fork)', { status: 403, message: 'Resource not accessible by integration' }, 'HTTP 403'],
    ['422', { status: 422, message: 'Validation Failed' }, 'HTTP 422'],
    ['network drop', { drop: true }, 'network error'],
  ])('a comment failure (%s) is a warning, not a failed step', async (_name, failure, text) => {
    gh.fail('comments.create', failure);
    const r = await run(review());
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('could not comment on pull request #17 in acme/payments');
    expect(r.warnings[0]).toContain(text);
    expect(r.outputs['has-destroy']).toBe('true');
    expect(r.outputs['comment-url']).toBe('');
    expect(r.summary).toContain('will be destroyed or replaced');
    expect(gh.comments(PR)).toHaveLength(0);
  });

  test('a transient 502 on listing is retried', async () => {
    gh.fail('comments.list', { status: 502, times: 1 });
    const r = await run(review());
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([]);
    expect(gh.requests.filter((q) => q.route === 'comments.list').map((q) => q.status)).toEqual([502, 200]);
    expect(gh.comments(PR)).toHaveLength(1);
  });

  test('a token that can read GET /user (a PAT) is matched by its own login', async () => {
    gh.addToken('ghp_personal', 'deploy-bot-user', { user: true });
    gh.addComment(PR, {
      body: '<!-- slipway:plan key=payments/prod status=changes -->\nold',
      login: 'deploy-bot-user',
    });
    const r = await run({ ...review(), 'github-token': 'ghp_personal' });
    expect(r.code).toBe(0);
    const comments = gh.comments(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('status=destroy');
  });

  test('outside a pull request only the job summary is written', async () => {
    const r = await run(review(), { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'push.json') });
    expect(r.code).toBe(0);
    expect(gh.requests).toHaveLength(0);
    expect(r.summary).toContain('### Terraform plan: payments/prod');
    expect(r.stdout).toContain('Not a pull request event (push)');
  });

  test('mode off writes no comment', async () => {
    const r = await run({ ...review(), mode: 'off' });
    expect(r.code).toBe(0);
    expect(gh.requests).toHaveLength(0);
    expect(r.outputs['has-changes']).toBe('true');
  });

  test('the 5,000-resource plan: comment under the limit, job summary under 1 MiB', async () => {
    const r = await run({
      'plan-json': plans.big.planJsonPath,
      'plan-text': plans.big.planTextPath,
      key: 'big',
    });
    expect(r.code).toBe(0);
    const body = gh.comments(PR)[0]!.body as string;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(60000);
    expect(markdownProblems(body)).toEqual([]);
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(markdownProblems(r.summary)).toEqual([]);
    expect(r.outputs).toMatchObject({ add: '4500', change: '140', destroy: '300', replace: '20' });
    console.log(`bundle run on the 5,000-resource plan: ${r.durationMs} ms`);
  });

  test.each([
    [{ 'plan-json': 'missing.json' }, "input 'plan-json': cannot read '"],
    [{ 'plan-json': 'bad.json' }, 'resource_changes[0].change is missing or not an object'],
    [
      { 'plan-json': 'v2.json' },
      "has format_version '2.0': this action reads the Terraform JSON plan format 1.x",
    ],
    [
      { 'plan-json': 'bad.json', mode: 'sometimes' },
      "input 'mode' is 'sometimes': allowed values are 'update', 'recreate', 'off'",
    ],
    [{ 'plan-json': 'bad.json', 'max-comment-bytes': '70000' }, "input 'max-comment-bytes' is '70000'"],
  ])('invalid input or plan fails with one clear error: %j', async (inputs, message) => {
    const r = await run({ ...inputs, 'plan-json': join(dir, inputs['plan-json']) });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^terraform-plan-comment: /);
    expect(r.errors[0]).toContain(message);
    expect(gh.requests).toHaveLength(0);
  });
});
