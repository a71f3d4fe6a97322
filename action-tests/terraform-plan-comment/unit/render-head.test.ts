// The always-kept head of a rendering: the counts line and the lists of what matters.
import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { summarize } from '../../../actions/terraform-plan-comment/src/summarize.js';
import { compactList } from '../../../actions/terraform-plan-comment/src/render-head.js';

const summaryOf = (resourceChanges: unknown[]) =>
  summarize(parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: resourceChanges }), 'p'));

describe('compactList', () => {
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
});
