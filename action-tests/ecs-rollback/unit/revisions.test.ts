import { parseTarget, getInputs, tagValue } from '../../../actions/ecs-rollback/src/inputs.js';
import {
  requestedRevision,
  revisionsTable,
  type Revision,
} from '../../../actions/ecs-rollback/src/revisions.js';
import { Inputs } from '../../../actions/shared/src/inputs.js';

const rev = (revision: number, deployed: boolean, status = 'ACTIVE'): Revision => ({
  arn: `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`,
  family: 'web',
  revision,
  status,
  images: [
    `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${String(revision).repeat(64).slice(0, 64)}`,
  ],
  deployedAt: deployed ? `2026-11-0${revision}T00:00:00Z` : undefined,
});
const history = [rev(7, true), rev(6, false), rev(5, true, 'INACTIVE'), rev(4, true), rev(3, false)];

test.each([
  ['previous', { kind: 'previous' }],
  ['', { kind: 'previous' }],
  ['42', { kind: 'revision', revision: 42 }],
  ['web:42', { kind: 'family-revision', family: 'web', revision: 42 }],
  [
    'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42',
    {
      kind: 'arn',
      arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42',
      family: 'web',
      revision: 42,
    },
  ],
])('parseTarget(%p)', (value, expected) => expect(parseTarget(value)).toEqual(expected));

test.each(['0', 'latest', 'web:', 'web:x', 'arn:aws:ecs:eu-west-1:1:task-definition/web', '-1'])(
  'parseTarget rejects %p',
  (value) => {
    expect(() => parseTarget(value)).toThrow(
      `input 'to' is '${value}': expected 'previous', a revision number`,
    );
  },
);

test('previous is the highest deployed revision below the running one (INACTIVE included)', () => {
  expect(requestedRevision({ kind: 'previous' }, { family: 'web', revision: 7 }, history)).toEqual({
    family: 'web',
    revision: 5,
    explicit: false,
  });
  expect(requestedRevision({ kind: 'previous' }, { family: 'web', revision: 5 }, history)).toEqual({
    family: 'web',
    revision: 4,
    explicit: false,
  });
});

test('previous with no deployed revision below says how to proceed', () => {
  expect(() => requestedRevision({ kind: 'previous' }, { family: 'web', revision: 4 }, history)).toThrow(
    "there is no earlier revision of web that was deployed successfully (tagged slipway:deployed-at) below the running web:4; name one with 'to'",
  );
});

test('explicit targets stay in the family', () => {
  expect(
    requestedRevision({ kind: 'revision', revision: 3 }, { family: 'web', revision: 7 }, history),
  ).toEqual({ family: 'web', revision: 3, explicit: true });
  expect(() =>
    requestedRevision(
      { kind: 'family-revision', family: 'api', revision: 3 },
      { family: 'web', revision: 7 },
      history,
    ),
  ).toThrow("'to' names api:3, but service runs the family web");
});

test('the revisions table marks the running and the target revision', () => {
  const table = revisionsTable(history, 7, 5);
  expect(table.split('\n')[2]).toBe(
    '| web:7 | ACTIVE | web@777777777777 |  | 2026-11-07T00:00:00Z | ← running |',
  );
  expect(table).toContain('| web:5 | INACTIVE | web@555555555555 |  | 2026-11-05T00:00:00Z | ← target |');
});

test('inputs: reason is required and bounded; tag values are cleaned', () => {
  const parse = (v: Record<string, string>) =>
    getInputs(new Inputs((n) => v[n] ?? ''), { AWS_REGION: 'eu-west-1' });
  expect(() => parse({ cluster: 'c', service: 's' })).toThrow(
    "input 'reason' is empty: this input is required",
  );
  expect(() => parse({ cluster: 'c', service: 's', reason: 'x'.repeat(257) })).toThrow(
    'at most 256 characters',
  );
  expect(parse({ cluster: 'c', service: 's', reason: 'r' }).to).toEqual({ kind: 'previous' });
  expect(tagValue('500s on /checkout; see #123 (urgent!)')).toBe('500s on /checkout_ see _123 _urgent__');
});
