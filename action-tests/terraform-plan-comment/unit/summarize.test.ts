import { parsePlan } from '../../../actions/terraform-plan-comment/src/plan.js';
import { kindOf, summarize, toEntry } from '../../../actions/terraform-plan-comment/src/summarize.js';
import { describeKind } from '../../../actions/terraform-plan-comment/src/wording.js';

const plan = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format_version: '1.2', planned_values: {}, ...extra });
const rc = (address: string, actions: string[], extra: Record<string, unknown> = {}) => ({
  address,
  change: { actions, before: null, after: null },
  ...extra,
});

describe('kindOf and counts', () => {
  test.each([
    [['no-op'], 'no-op'],
    [['create'], 'create'],
    [['read'], 'read'],
    [['update'], 'update'],
    [['delete', 'create'], 'replace'],
    [['create', 'delete'], 'replace'],
    [['delete'], 'delete'],
    [['forget'], 'forget'],
    [['create', 'forget'], 'replace'],
  ])('%j is %s', (actions, kind) => {
    expect(kindOf(actions)).toBe(kind);
  });

  test('replace order, create+forget and deposed objects are described', () => {
    expect(describeKind(toEntry(rc('a', ['create', 'delete'])))).toBe('replace (create first)');
    expect(describeKind(toEntry(rc('a', ['delete', 'create'])))).toBe('replace (destroy first)');
    expect(describeKind(toEntry(rc('a', ['create', 'forget'])))).toBe(
      'replace (old object forgotten, not destroyed)',
    );
  });

  test('counts, has-destroy and status', () => {
    const s = summarize(
      parsePlan(
        plan({
          resource_changes: [
            rc('a', ['create']),
            rc('b', ['update']),
            rc('c', ['delete']),
            rc('d', ['create', 'delete']),
            rc('e', ['read']),
            rc('f', ['no-op'], { previous_address: 'old_f' }),
            rc('g', ['no-op'], { change: { actions: ['no-op'], importing: { id: 'i-1' } } }),
            rc('h', ['create', 'forget']),
            rc('i', ['no-op']),
          ],
          resource_drift: [rc('b', ['update']), rc('x', ['no-op'])],
          output_changes: { o: { actions: ['update'] }, same: { actions: ['no-op'] } },
        }),
        'p',
      ),
    );
    expect(s.counts).toEqual({
      create: 1,
      update: 1,
      delete: 1,
      replace: 2,
      read: 1,
      import: 1,
      move: 1,
      forget: 0,
      drift: 1,
      outputs: 1,
    });
    expect(s.destroyList.map((e) => e.address)).toEqual(['c', 'd', 'h']);
    expect(s.hasDestroy).toBe(true);
    expect(s.status).toBe('destroy');
  });

  test.each([
    [[rc('a', ['no-op'])], {}, false],
    [[rc('a', ['read'])], {}, false],
    [[], { o: { actions: ['create'] } }, true],
    [[rc('a', ['no-op'], { previous_address: 'b' })], {}, true],
    [[rc('a', ['create', 'forget'])], {}, true],
  ])('has-changes for %j / outputs %j is %s', (changes, outputs, expected) => {
    const s = summarize(parsePlan(plan({ resource_changes: changes, output_changes: outputs }), 'p'));
    expect(s.hasChanges).toBe(expected);
    expect(s.hasDestroy).toBe(false);
  });
});
