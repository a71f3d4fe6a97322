import {
  describeDeferral,
  describeReason,
  describeTrigger,
} from '../../../actions/terraform-plan-comment/src/wording.js';

describe('wording', () => {
  test.each([
    [
      { lifecycle: { resource: 'aws_x.a', event: 'AfterUpdate', onFailure: 'ActionOnFailureContinue' } },
      'after update of aws_x.a (on failure: continue)',
    ],
    [{ lifecycle: { resource: 'aws_x.a', event: 'before_create' } }, 'before create of aws_x.a'],
    [{ invoked: {} }, 'invoked with -invoke'],
    [{ invoked: { callingResource: 'aws_x.b' } }, 'invoked with -invoke for aws_x.b'],
    [{}, 'trigger not given'],
  ])('describeTrigger(%j) = %s', (a, text) => {
    expect(describeTrigger(a)).toBe(text);
  });

  test('unknown codes are kept as they are', () => {
    expect(describeDeferral('provider_config_unknown')).toBe(
      'its provider configuration is known only after apply',
    );
    expect(describeDeferral('some_future_reason')).toBe('some_future_reason');
    expect(describeReason('replace_by_some_future_thing')).toEqual({
      text: undefined,
      code: 'replace_by_some_future_thing',
    });
  });
});
