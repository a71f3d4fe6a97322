import {
  encodeKey,
  marker,
  markOutdated,
  parseMarker,
} from '../../../actions/terraform-plan-comment/src/marker.js';

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
