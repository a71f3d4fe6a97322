// The plan corpus (fixtures/plans, one file per Terraform release and feature, see its README): for every
// plan the headline, status and counts, and the counts in the rendered comment checked against an
// independent count of resource_changes[].change.actions written here, apart from the action's own code.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { summarize, type Status } from '../../../actions/terraform-plan-comment/src/summarize.js';
import { renderPlan } from '../../../actions/terraform-plan-comment/src/render.js';
import { decodeText } from '../../../actions/terraform-plan-comment/src/text-file.js';
import { markdownProblems } from '../markdown-check.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') || f.endsWith('.json.bin'))
  .sort();
const REFUSED = ['tf-0.15.5-format-0.1.json', 'tf-1.0.0-format-0.1.json'];
const PLANS = FILES.filter((f) => !REFUSED.includes(f));

const read = (file: string) => decodeText(readFileSync(join(DIR, file))).text;

interface Tally {
  add: number;
  change: number;
  destroy: number;
  replace: number;
  forget: number;
  read: number;
}

/** Counts resource_changes[].change.actions straight from the JSON, as Terraform documents the lists. */
function tally(json: { resource_changes?: Array<{ change: { actions: string[] } }> }): Tally {
  const t: Tally = { add: 0, change: 0, destroy: 0, replace: 0, forget: 0, read: 0 };
  for (const { change } of json.resource_changes ?? []) {
    const list = change.actions.join(',');
    if (list === 'create') t.add++;
    else if (list === 'update') t.change++;
    else if (list === 'delete') t.destroy++;
    else if (list === 'delete,create' || list === 'create,delete' || list === 'create,forget') t.replace++;
    else if (list === 'forget') t.forget++;
    else if (list === 'read') t.read++;
    else if (list !== 'no-op') throw new Error(`unexpected action list ${list}`);
  }
  return t;
}

/** The counts a reader sees in the comment's headline (a count not shown is 0). */
function countsInComment(markdown: string): Tally {
  const n = (label: string) => Number(new RegExp(`(\\d+) ${label}`).exec(markdown)?.[1] ?? 0);
  return {
    add: n('to add'),
    change: n('to change'),
    destroy: n('to destroy'),
    replace: n('to replace'),
    forget: n('to forget'),
    read: n('to read'),
  };
}

const render = (file: string) => {
  const s = summarize(parsePlan(read(file), file));
  return {
    s,
    md: renderPlan(s, { title: 'Terraform plan', key: 'corpus', maxBytes: 60000, redact: s.redact }),
  };
};

describe('plan corpus', () => {
  test('the corpus covers Terraform 1.0 (format 0.2) to 1.14 and every encoding', () => {
    expect(PLANS.length).toBeGreaterThanOrEqual(18);
    for (const part of [
      '1.0.11',
      '1.1.9',
      '1.5.7',
      '1.7.5',
      '1.9.8',
      '1.10.5',
      '1.14.0',
      'utf16le',
      'utf16be',
      'bom',
    ])
      expect(FILES.some((f) => f.includes(part))).toBe(true);
  });

  test.each(PLANS)('%s: the comment counts what resource_changes say', (file) => {
    const json = JSON.parse(read(file)) as Parameters<typeof tally>[0];
    const want = tally(json);
    const { s, md } = render(file);
    expect(countsInComment(md.markdown)).toEqual(want);
    expect({
      add: s.counts.create,
      change: s.counts.update,
      destroy: s.counts.delete,
      replace: s.counts.replace,
      forget: s.counts.forget,
      read: s.counts.read,
    }).toEqual(want);
    expect(markdownProblems(md.markdown)).toEqual([]);
    expect(md.markdown.startsWith(`<!-- slipway:plan key=corpus status=${s.status} -->`)).toBe(true);
  });

  const NO_CHANGES = '**No changes.** The infrastructure matches the configuration.';
  test.each<[string, Status, string, string[], string[]]>([
    [
      'tf-1.0.11-format-0.2.json',
      'destroy',
      '**Plan:** 🟢 1 to add · 🟡 1 to change · 🔴 1 to destroy',
      ['📤 1 output change', '⚠️ 1 changed outside Terraform'],
      [],
    ],
    [
      'tf-1.0.11-utf8-bom.json.bin',
      'destroy',
      '**Plan:** 🟢 1 to add · 🟡 1 to change · 🔴 1 to destroy',
      [],
      [],
    ],
    [
      'tf-1.1.9-moved.json',
      'changes',
      '**Plan:** 🟢 0 to add · 🟡 1 to change · 🔴 0 to destroy · ➡️ 2 to move',
      ['moved from aws_s3_bucket.log_bucket'],
      [],
    ],
    ['tf-1.3.10-no-changes.json', 'no-changes', NO_CHANGES, [], ['<details>']],
    [
      'tf-1.4.7-replace.json',
      'destroy',
      '🔁 3 to replace · 🔵 1 to read',
      ['replace (create first) · tainted', '# forces replacement'],
      [],
    ],
    ['tf-1.5.7-import.json', 'changes', '📥 2 to import', ['# import ID "acme-assets"'], []],
    [
      'tf-1.6.6-errored-partial.json',
      'errored',
      '**Plan errored: incomplete.** Terraform reported errors while planning',
      ['Planned before the error: 🟢 1 to add · 🟡 0 to change · 🔴 1 to destroy'],
      [NO_CHANGES],
    ],
    [
      'tf-1.7.5-forget.json',
      'changes',
      '⚪ 1 to forget',
      ['forget (removed from state, not destroyed)'],
      ['[!CAUTION]'],
    ],
    [
      'tf-1.9.8-deferred.json',
      'changes',
      '**Plan:** 🟢 1 to add',
      [
        '⏸️ 2 deferred',
        '**2 changes deferred**',
        '`kubernetes_namespace.apps`',
        'deferred: its provider configuration is known only after apply',
        'deferred: count or for_each is known only after apply',
      ],
      [],
    ],
    [
      'tf-1.9.8-deferred-only.json',
      'no-changes',
      '**No changes yet.** Some changes were deferred',
      ['⏸️ 1 deferred', 'aws_s3_object.config'],
      [NO_CHANGES],
    ],
    [
      'tf-1.10.5-ephemeral.json',
      'changes',
      '🟡 1 to change',
      ['+ instance_class = "db.t3.medium"'],
      ['ephemeral.'],
    ],
    [
      'tf-1.11.4-sensitive.json',
      'changes',
      '🟡 2 to change · 🔴 0 to destroy · 📤 1 output change',
      ['(sensitive)'],
      ['Sup3r-Secret'],
    ],
    [
      'tf-1.11.4-powershell-utf16le.json.bin',
      'changes',
      '🟡 2 to change · 🔴 0 to destroy · 📤 1 output change',
      ['(sensitive)'],
      ['Sup3r-Secret'],
    ],
    [
      'tf-1.11.4-utf16be.json.bin',
      'changes',
      '🟡 2 to change · 🔴 0 to destroy · 📤 1 output change',
      ['(sensitive)'],
      ['Sup3r-Secret'],
    ],
    [
      'tf-1.12.2-import-identity.json',
      'changes',
      '🟢 1 to add · 🟡 0 to change · 🔴 0 to destroy · 📥 1 to import',
      ['# import by identity {"bucket":"acme-adopted","region":"us-east-1","account_id":"123456789012"}'],
      [],
    ],
    [
      'tf-1.13.5-errored.json',
      'errored',
      '**Plan errored: incomplete.** Terraform reported errors while planning: this plan is incomplete and cannot be applied.',
      [],
      [NO_CHANGES, 'Planned before the error'],
    ],
    [
      'tf-1.14.0-invoke-only.json',
      'changes',
      '**Plan:** 🟢 0 to add · 🟡 0 to change · 🔴 0 to destroy · ▶️ 1 action to run',
      ['**1 action will run on apply:**', '`action.aws_lambda_invoke.notify` — invoked with -invoke'],
      [NO_CHANGES],
    ],
    [
      'tf-1.14.0-actions-lifecycle.json',
      'changes',
      '🟡 1 to change · 🔴 0 to destroy · ▶️ 2 actions to run',
      [
        '`action.aws_cloudfront_create_invalidation.site` — after update of aws_cloudfront_distribution.site (on failure: halt)',
      ],
      ['Audit-Token-77aa19'],
    ],
  ])('%s: status %s, headline, content', (file, status, headline, contains, absent) => {
    const { s, md } = render(file);
    expect(s.status).toBe(status);
    const lines = md.markdown.split('\n');
    // The headline is the first line after the title: what the plan does, or that it errored.
    expect(lines[2]).toBe('### Terraform plan');
    expect(lines[4]).toContain(headline);
    for (const c of contains) expect(md.markdown).toContain(c);
    for (const a of absent) expect(md.markdown).not.toContain(a);
  });

  test('errored plans never carry no-changes; action-only plans have changes', () => {
    for (const file of ['tf-1.13.5-errored.json', 'tf-1.6.6-errored-partial.json']) {
      const { s } = render(file);
      expect(s.status).toBe('errored');
      expect(s.plan.errored).toBe(true);
    }
    const actions = render('tf-1.14.0-invoke-only.json').s;
    expect(actions.hasChanges).toBe(true);
    expect(actions.actions.map((a) => a.address)).toEqual(['action.aws_lambda_invoke.notify']);
  });

  test('the secret of a sensitive action config is in the redaction set', () => {
    expect(render('tf-1.14.0-actions-lifecycle.json').s.redact.has('Audit-Token-77aa19')).toBe(true);
  });

  test.each(REFUSED)('%s (format 0.1) is refused, saying why and what to use', (file) => {
    expect(() => parsePlan(read(file), file)).toThrow(
      `${file} has format_version '0.1', written by Terraform 0.12 to 1.0.0: it is refused, because plans of Terraform before 0.14 carry no sensitive-value masks`,
    );
    expect(() => parsePlan(read(file), file)).toThrow(
      'Plan with Terraform 1.0.1 or later (format 0.2 and 1.x are read).',
    );
  });

  test('format 0.2 reads exactly like the same plan labelled 1.0', () => {
    const text = read('tf-1.0.11-format-0.2.json');
    const a = summarize(parsePlan(text, 'a'));
    const b = summarize(parsePlan(text.replace('"format_version": "0.2"', '"format_version": "1.0"'), 'b'));
    expect(a.counts).toEqual(b.counts);
    expect(a.status).toBe(b.status);
  });
});
