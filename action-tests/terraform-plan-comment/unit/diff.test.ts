import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { summarize } from '../../../actions/terraform-plan-comment/src/summarize.js';
import { attributeDiff } from '../../../actions/terraform-plan-comment/src/diff.js';
import { collectSensitiveStrings } from '../../../actions/terraform-plan-comment/src/redact.js';

const summaryOf = (resourceChanges: unknown[]) =>
  summarize(parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: resourceChanges }), 'p'));

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
