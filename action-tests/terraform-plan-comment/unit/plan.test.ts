// Pure logic on hand-made plan fragments, for the edges real terraform cannot easily produce (future
// format versions, broken files, rare action lists). The real-terraform cases are in integration/plans.test.ts.
import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { summarize } from '../../../actions/terraform-plan-comment/src/summarize.js';

const plan = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format_version: '1.2', planned_values: {}, ...extra });
const rc = (address: string, actions: string[], extra: Record<string, unknown> = {}) => ({
  address,
  change: { actions, before: null, after: null },
  ...extra,
});

describe('parsePlan', () => {
  test.each([
    ['{', 'plan.json is not a usable Terraform JSON plan: invalid JSON'],
    ['[]', 'the JSON is not an object'],
    [
      '{"resource_changes": []}',
      'it has no format_version; produce it with `terraform show -json <planfile>`',
    ],
    ['{"format_version": "one"}', "format_version 'one' is not MAJOR.MINOR"],
    [
      '{"format_version": "2.0"}',
      "plan.json has format_version '2.0': this action reads the Terraform JSON plan format 1.x",
    ],
    ['{"format_version": "0.1"}', "format_version '0.1'"],
    ['{"format_version": "1.0", "values": {}}', 'this is a state file'],
    ['PK\u0003\u0004binary', 'this is a binary plan file'],
    ['{"format_version": "1.2", "resource_changes": {}}', 'resource_changes must be a list'],
    [
      '{"format_version": "1.2", "resource_changes": [{"change": {"actions": ["create"]}}]}',
      'resource_changes[0] has no address',
    ],
    [
      '{"format_version": "1.2", "resource_changes": [{"address": "a", "change": {"actions": []}}]}',
      'resource_changes[0].change.actions must be a non-empty list',
    ],
    [
      '{"format_version": "1.2", "output_changes": {"o": {"actions": "update"}}}',
      'output_changes.o.change.actions',
    ],
  ])('%s -> %s', (text, message) => {
    expect(() => parsePlan(text, 'plan.json')).toThrow(message);
  });

  test('a newer minor version with unknown fields is read', () => {
    const p = parsePlan(
      plan({
        format_version: '1.9',
        some_future_field: { x: 1 },
        resource_changes: [rc('a.b', ['create'], { future: true })],
      }),
      'p',
    );
    expect(p.resourceChanges[0]!.address).toBe('a.b');
  });

  test('a plan with no changes has no resource_changes at all', () => {
    const s = summarize(parsePlan(plan(), 'p'));
    expect(s.entries).toEqual([]);
    expect(s.status).toBe('no-changes');
  });
});
