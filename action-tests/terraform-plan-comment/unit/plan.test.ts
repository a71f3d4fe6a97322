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

describe('format versions and encodings', () => {
  test('format 0.2 (Terraform 1.0.1 to 1.0.11) is read like 1.0', () => {
    const p = parsePlan(
      JSON.stringify({
        format_version: '0.2',
        terraform_version: '1.0.11',
        resource_changes: [rc('a.b', ['create'])],
      }),
      'p',
    );
    expect(p.formatVersion).toBe('0.2');
    expect(p.resourceChanges).toHaveLength(1);
  });

  test.each(['0.3', '0.0'])('format %s is refused like any other unknown version', (v) => {
    expect(() => parsePlan(JSON.stringify({ format_version: v }), 'p')).toThrow(
      `p has format_version '${v}': this action reads the Terraform JSON plan format 1.x (Terraform 1.1 and later) and 0.2`,
    );
  });

  test('format 0.1 is refused, saying which Terraform wrote it and why', () => {
    expect(() => parsePlan('{"format_version": "0.1"}', 'p')).toThrow(
      "p has format_version '0.1', written by Terraform 0.12 to 1.0.0: it is refused, because plans of Terraform before 0.14 carry no sensitive-value masks",
    );
  });

  test('a leading BOM character is skipped', () => {
    expect(parsePlan(`\uFEFF${plan()}`, 'p').formatVersion).toBe('1.2');
  });

  test.each([
    [
      'UTF-16 LE read as UTF-8',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan(), 'utf16le')]).toString('utf8'),
    ],
    ['UTF-16 LE without BOM read as UTF-8', Buffer.from(plan(), 'utf16le').toString('utf8')],
    [
      'UTF-16 LE read as latin1',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan(), 'utf16le')]).toString('latin1'),
    ],
  ])('%s: says it is UTF-16 and how to write UTF-8', (_name, text) => {
    expect(() => parsePlan(text, 'p')).toThrow(
      'p is not a usable Terraform JSON plan: the file is UTF-16 (Windows PowerShell 5.1 writes `>` redirects as UTF-16); write UTF-8 instead',
    );
  });

  test('action invocations and deferred changes are read', () => {
    const p = parsePlan(
      plan({
        action_invocations: [
          { address: 'action.x.y', type: 'x', invoke_action_trigger: {} },
          {
            address: 'action.x.z',
            lifecycle_action_trigger: {
              triggering_resource_address: 'a.b',
              action_trigger_event: 'before_create',
            },
          },
        ],
        deferred_changes: [
          { reason: 'absent_prereq', resource_change: rc('c.d', ['create']) },
          { resource_change: rc('e.f', ['update']) },
        ],
        deferred_action_invocations: [
          { reason: 'deferred_prereq', action_invocation: { address: 'action.x.w' } },
        ],
        complete: false,
      }),
      'p',
    );
    expect(p.actionInvocations.map((a) => [a.address, a.invoked !== undefined, a.lifecycle?.event])).toEqual([
      ['action.x.y', true, undefined],
      ['action.x.z', false, 'before_create'],
    ]);
    expect(p.deferredChanges.map((d) => [d.reason, d.resourceChange.address])).toEqual([
      ['absent_prereq', 'c.d'],
      ['unknown', 'e.f'],
    ]);
    expect(p.deferredInvocations[0]!.invocation.address).toBe('action.x.w');
    expect(p.complete).toBe(false);
  });

  test.each([
    ['{"format_version": "1.2", "action_invocations": {}}', 'action_invocations must be a list'],
    ['{"format_version": "1.2", "action_invocations": [{}]}', 'action_invocations[0] has no address'],
    [
      '{"format_version": "1.2", "deferred_changes": [{"reason": "x"}]}',
      'deferred_changes[0].resource_change has no address',
    ],
  ])('%s -> %s', (text, message) => {
    expect(() => parsePlan(text, 'p')).toThrow(message);
  });
});
