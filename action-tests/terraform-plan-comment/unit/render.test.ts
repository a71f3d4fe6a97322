// Rendering rules on hand-made plan fragments: budget in UTF-8 bytes, hostile addresses and values.
// Real-terraform plans are rendered in integration/plans.test.ts.
import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { summarize } from '../../../actions/terraform-plan-comment/src/summarize.js';
import { renderPlan } from '../../../actions/terraform-plan-comment/src/render.js';
import { markdownProblems } from '../markdown-check.js';

const summaryOf = (resourceChanges: unknown[]) =>
  summarize(parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: resourceChanges }), 'p'));
const opts = { title: 'Terraform plan', key: 'k', maxBytes: 60000 };

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

  test('errored plans are flagged', () => {
    const s = summarize(parsePlan(JSON.stringify({ format_version: '1.2', errored: true }), 'p'));
    expect(renderPlan(s, opts).markdown).toContain('Terraform reported errors while planning');
  });
});
