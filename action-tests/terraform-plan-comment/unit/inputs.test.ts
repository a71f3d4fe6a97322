import { defaultKey, getInputs } from '../../../actions/terraform-plan-comment/src/inputs.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';

const ENV = { GITHUB_WORKSPACE: '/work/repo', GITHUB_TOKEN: 'ghs_x' };
const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = ENV) =>
  getInputs(new Inputs((n) => values[n] ?? ''), env);

describe('terraform-plan-comment inputs', () => {
  test('defaults', () => {
    expect(parse({ 'plan-json': 'infra/prod/plan.json', 'github-token': 't' })).toEqual({
      planJson: 'infra/prod/plan.json',
      planText: undefined,
      key: 'infra/prod',
      title: 'Terraform plan: infra/prod',
      githubToken: 't',
      mode: 'update',
      hidePrevious: false,
      labels: false,
      maxCommentBytes: 60000,
      commentAuthor: undefined,
    });
  });

  test.each([
    ['plan.json', {}, '.'],
    ['infra/prod/plan.json', {}, 'infra/prod'],
    ['/work/repo/infra/plan.json', {}, 'infra'],
    ['infra/plan.json', { TF_WORKSPACE: 'eu' }, 'infra@eu'],
    ['infra/plan.json', { TF_WORKSPACE: 'default' }, 'infra'],
    ['/elsewhere/plan.json', {}, '/elsewhere'],
  ])('default key for %s %j is %s', (path, env, key) => {
    expect(defaultKey(path, { ...ENV, ...env })).toBe(key);
  });

  test('title for the root key, explicit key and title', () => {
    expect(parse({ 'plan-json': 'plan.json' }).title).toBe('Terraform plan');
    expect(parse({ 'plan-json': 'plan.json', key: 'prod', title: 'Prod plan' })).toMatchObject({
      key: 'prod',
      title: 'Prod plan',
    });
  });

  test.each([
    [{}, "input 'plan-json' is empty: this input is required"],
    [{ mode: 'sticky' }, "input 'mode' is 'sticky': allowed values are 'update', 'recreate', 'off'"],
    [
      { 'max-comment-bytes': '65537' },
      "input 'max-comment-bytes' is '65537': expected a whole number from 4000 to 65536",
    ],
    [{ 'max-comment-bytes': '60k' }, "input 'max-comment-bytes' is '60k'"],
    [{ labels: 'yes' }, "input 'labels' is 'yes': expected 'true' or 'false'"],
    [{ 'hide-previous': 'true', mode: 'off' }, "input 'hide-previous' is 'true': only has an effect"],
    [{ 'comment-author': 'not a login' }, "input 'comment-author' is 'not a login': expected a GitHub login"],
    [{ key: 'x'.repeat(201) }, "input 'key' is '"],
    [{ title: 'two\nlines' }, "input 'title' is 'two\nlines': expected one line"],
  ])('%j fails: %s', (values, message) => {
    const withPlan =
      'plan-json' in values || Object.keys(values).length === 0
        ? values
        : { 'plan-json': 'p.json', ...values };
    expect(() => parse(withPlan)).toThrow(message);
  });

  test('a token is required only to comment or label', () => {
    expect(() => parse({ 'plan-json': 'p.json' }, { GITHUB_WORKSPACE: '/w' })).toThrow(
      "input 'github-token' is empty: a token is needed to comment or label",
    );
    expect(parse({ 'plan-json': 'p.json', mode: 'off' }, { GITHUB_WORKSPACE: '/w' }).githubToken).toBe('');
  });

  test.each(['github-actions[bot]', 'my-app[bot]', 'octocat', 'a-b-c'])(
    'comment-author %s is accepted',
    (login) => {
      expect(parse({ 'plan-json': 'p.json', 'comment-author': login }).commentAuthor).toBe(login);
    },
  );

  test('target issue: defaults, and its own inputs', () => {
    expect(parse({ 'plan-json': 'infra/prod/plan.json', target: 'issue' }).issue).toEqual({
      title: 'Terraform drift: infra/prod',
      label: 'drift',
    });
    expect(
      parse({
        'plan-json': 'p.json',
        target: 'issue',
        'issue-title': 'Prod drift',
        'issue-label': 'tf-drift',
      }).issue,
    ).toEqual({ title: 'Prod drift', label: 'tf-drift' });
    expect(parse({ 'plan-json': 'p.json' }).issue).toBeUndefined();
  });

  test('apply-outcome: title, log and pull request', () => {
    expect(
      parse({ 'plan-json': 'infra/plan.json', 'apply-outcome': 'failed', 'apply-log': 'apply.log' }),
    ).toMatchObject({
      title: 'Terraform apply: infra',
      apply: { outcome: 'failed', log: 'apply.log' },
    });
    expect(parse({ 'plan-json': 'plan.json', 'apply-outcome': 'applied' }).title).toBe('Terraform apply');
    expect(parse({ 'plan-json': 'p.json', 'pull-request': '42' }).pullRequest).toBe(42);
  });

  test.each([
    [{ target: 'discussion' }, "input 'target' is 'discussion': allowed values are 'pr-comment', 'issue'"],
    [
      { target: 'issue', labels: 'true' },
      "input 'labels' is 'true': applies to pull-request comments; target is 'issue'",
    ],
    [{ target: 'issue', mode: 'recreate' }, "input 'mode' is 'recreate': applies to pull-request comments"],
    [
      { target: 'issue', 'hide-previous': 'true' },
      "input 'hide-previous' is 'true': applies to pull-request comments",
    ],
    [
      { target: 'issue', 'apply-outcome': 'applied' },
      "input 'apply-outcome' is 'applied': applies to pull-request comments",
    ],
    [{ target: 'issue', 'issue-label': 'a,b' }, "input 'issue-label' is 'a,b': expected one label name"],
    [{ target: 'issue', 'issue-title': 'x'.repeat(257) }, "input 'issue-title' is '"],
    [{ 'issue-title': 'Drift' }, "input 'issue-title' is 'Drift': only has an effect when target is 'issue'"],
    [{ 'issue-label': 'drift' }, "input 'issue-label' is 'drift': only has an effect when target is 'issue'"],
    [
      { 'apply-outcome': 'success' },
      "input 'apply-outcome' is 'success': allowed values are 'applied', 'failed'",
    ],
    [
      { 'apply-log': 'a.log' },
      "input 'apply-log' is 'a.log': only has an effect when apply-outcome is 'applied' or 'failed'",
    ],
    [
      { 'apply-outcome': 'failed', mode: 'off' },
      "input 'apply-outcome' is 'failed': reports on the pull request's comment; mode is 'off'",
    ],
    [{ 'pull-request': '#12' }, "input 'pull-request' is '#12': expected a pull request number such as 42"],
  ])('%j fails: %s', (values, message) => {
    expect(() => parse({ 'plan-json': 'p.json', ...values })).toThrow(message);
  });
});
