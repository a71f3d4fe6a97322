// Rendering rules on hand-made plan fragments: budget in UTF-8 bytes, hostile addresses and values, markers.
// Real-terraform plans are rendered in integration/plans.test.ts.
import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { summarize } from '../../../actions/terraform-plan-comment/src/summarize.js';
import {
  compactList,
  encodeKey,
  marker,
  markOutdated,
  parseMarker,
  renderPlan,
} from '../../../actions/terraform-plan-comment/src/render.js';
import {
  attributeDiff,
  collectSensitiveStrings,
  splitPlanText,
} from '../../../actions/terraform-plan-comment/src/diff.js';
import { code, fenced } from '../../../actions/terraform-plan-comment/src/markdown.js';
import { markdownProblems } from '../markdown-check.js';

const summaryOf = (resourceChanges: unknown[]) =>
  summarize(parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: resourceChanges }), 'p'));
const opts = { title: 'Terraform plan', key: 'k', maxBytes: 60000 };

describe('markdown validator', () => {
  test.each([
    ['```diff\n+ a\n```', []],
    ['````\n```\n````', []],
    ['```\nunclosed', ['line 1: code fence never closed']],
    ['<details><summary>x</summary>\n\nbody', ['line 1: <details> never closed']],
    ['</details>', ['line 1: </details> without a matching <details>']],
    ['```\n<details>\n```', []],
    ['- `</details>` and ``<details>``', []],
  ])('%j', (md, problems) => {
    expect(markdownProblems(md)).toEqual(problems);
  });
});

describe('renderPlan', () => {
  test('hostile addresses and values cannot break the markdown', () => {
    const s = summaryOf([
      {
        address: 'x.y["</summary></details><b>`` ```"]',
        change: { actions: ['delete'], before: { v: '```\n</details>\n````' }, after: null },
      },
    ]);
    const r = renderPlan(s, opts);
    expect(markdownProblems(r.markdown)).toEqual([]);
    expect(r.markdown).toContain('&lt;/summary&gt;&lt;/details&gt;');
  });

  test('the budget is in UTF-8 bytes, not characters', () => {
    const entries = Array.from({ length: 400 }, (_, i) => ({
      address: `terraform_data.ünïcödé_${i}`,
      change: { actions: ['create'], before: null, after: { input: '日本語のテキスト'.repeat(5) } },
    }));
    const s = summaryOf(entries);
    for (const max of [4000, 10000, 30000]) {
      const r = renderPlan(s, { ...opts, maxBytes: max });
      expect(Buffer.byteLength(r.markdown, 'utf8')).toBeLessThanOrEqual(max);
      expect(r.bytes).toBe(Buffer.byteLength(r.markdown, 'utf8'));
      expect(r.markdown.length).toBeLessThan(r.bytes); // multi-byte text really is counted in bytes
      expect(markdownProblems(r.markdown)).toEqual([]);
      expect(r.detailsShown).toBeLessThan(r.detailsTotal);
      expect(r.markdown).toContain(
        `Details of ${r.detailsTotal - r.detailsShown} of 400 changes were left out`,
      );
    }
  });

  test('the destroy list is never cut while it fits; for_each keys cannot be compacted, so it is cut last, saying so', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      address: `aws_s3_bucket.b["bucket-with-a-long-name-${i}"]`,
      change: { actions: ['delete'], before: { id: String(i) }, after: null },
      action_reason: 'delete_because_each_key',
    }));
    const s = summaryOf(many);
    const big = renderPlan(s, { ...opts, maxBytes: 65536 });
    expect(big.listCut).toBe(0);
    expect(big.markdown.match(/^> - 🔴/gm)).toHaveLength(400);
    const small = renderPlan(s, { ...opts, maxBytes: 8000 });
    expect(small.bytes).toBeLessThanOrEqual(8000);
    expect(small.listCut).toBeGreaterThan(0);
    expect(small.markdown).toContain(`> - … and ${small.listCut} more, all listed in the job summary`);
    expect(small.markdown).toContain('**400 resources will be destroyed or replaced:**');
    expect(markdownProblems(small.markdown)).toEqual([]);
  });

  test('compactList joins consecutive count indexes with the same action and reason only', () => {
    const s = summaryOf([
      ...[0, 1, 2, 3].map((i) => ({
        address: `a.b[${i}]`,
        change: { actions: ['delete'] },
        action_reason: 'delete_because_count_index',
      })),
      { address: 'a.b[5]', change: { actions: ['delete'] }, action_reason: 'delete_because_count_index' },
      { address: 'a.c[0]', change: { actions: ['delete', 'create'] } },
    ]);
    expect(compactList(s.destroyList).map((i) => [i.label, i.count])).toEqual([
      ['`a.b[0–3]` (4 instances)', 4],
      ['`a.b[5]`', 1],
      ['`a.c[0]`', 1],
    ]);
  });

  test('errored plans are flagged', () => {
    const s = summarize(parsePlan(JSON.stringify({ format_version: '1.2', errored: true }), 'p'));
    expect(renderPlan(s, opts).markdown).toContain('Terraform reported errors while planning');
  });
});

describe('attributeDiff', () => {
  test('sensitive leaves and recurring sensitive strings are never shown; unknowns are named', () => {
    const change = {
      actions: ['update'],
      before: { password: 'hunter2-old', copy: 'hunter2-old', tags: { a: '1' } },
      after: { password: 'hunter2-new', copy: 'hunter2-new', tags: { a: '1', b: '2' } },
      before_sensitive: { password: true },
      after_sensitive: { password: true },
      after_unknown: { arn: true },
    };
    const redact = collectSensitiveStrings([change]);
    const s = summaryOf([{ address: 'x.y', change }]);
    const lines = attributeDiff(s.entries[0]!, redact);
    expect(lines).toEqual([
      '+ arn = (known after apply)',
      '~ copy = (sensitive)',
      '~ password = (sensitive)',
      '+ tags.b = "2"',
      '# (1 unchanged attribute hidden)',
    ]);
  });
});

describe('marker', () => {
  test.each(['infra/prod', '.', 'env: prod --> x', 'ünï <b>', 'a b%20c'])('round-trips %j', (key) => {
    const m = marker(key, 'changes');
    expect(m).toMatch(/^<!-- slipway:plan key=\S+ status=changes -->$/);
    expect(parseMarker(`${m}\nbody`)).toEqual({ key, status: 'changes', outdated: false });
    expect(parseMarker(markOutdated(`${m}\nbody`))).toEqual({ key, status: 'changes', outdated: true });
  });
  test('keys are escaped to one token', () => {
    expect(encodeKey('infra/prod@eu-west-1')).toBe('infra/prod@eu-west-1');
    expect(encodeKey('a b>c')).toBe('a%20b%3Ec');
  });
});

describe('markdown helpers', () => {
  test.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
  ])('code(%j)', (s, out) => expect(code(s)).toBe(out));
  test('fenced() outgrows any backtick run', () => {
    expect(fenced('diff', '```\nx')).toBe('````diff\n```\nx\n````');
  });
});

describe('splitPlanText', () => {
  const TEXT = [
    'Note: Objects have changed outside of Terraform',
    '',
    '  # aws_x.a has changed',
    '  ~ resource "aws_x" "a" {}',
    '',
    'Terraform will perform the following actions:',
    '',
    '  # aws_x.a will be updated in-place',
    '  ~ resource "aws_x" "a" {',
    '      ~ name = "p" -> "q"',
    '    }',
    '',
    '  # aws_x.b["with space"] must be replaced',
    '-/+ resource "aws_x" "b" {',
    '      ~ secret = "s3cr3t-value" -> "other"',
    '    }',
    '',
    'Plan: 1 to add, 1 to change, 1 to destroy.',
  ].join('\n');

  test('finds each block after the actions header, moves symbols to column 0, redacts', () => {
    const blocks = splitPlanText(TEXT, ['aws_x.a', 'aws_x.b["with space"]'], new Set(['s3cr3t-value']));
    expect(blocks.get('aws_x.a')).toBe(
      '  # aws_x.a will be updated in-place\n~   resource "aws_x" "a" {\n~       name = "p" -> "q"\n    }',
    );
    expect(blocks.get('aws_x.b["with space"]')).toBe(
      '  # aws_x.b["with space"] must be replaced\n-/+ resource "aws_x" "b" {\n~       secret = "(sensitive)" -> "other"\n    }',
    );
  });
});
