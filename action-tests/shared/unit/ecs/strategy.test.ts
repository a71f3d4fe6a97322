// The expected-duration arithmetic behind `timeout: auto`, from a service's own deployment configuration.
import {
  autoTimeout,
  expectedDuration,
  linearSteps,
  stageBakeMs,
  timeoutLine,
} from '../../../../actions/shared/src/ecs/strategy.js';

const MIN = 60_000;

test.each<[string, object, number]>([
  ['rolling', {}, 10],
  ['rolling ignores bakeTimeInMinutes', { strategy: 'ROLLING', bakeTimeInMinutes: 30 }, 10],
  ['blue/green with a 15m bake', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 15 }, 25],
  // ECS's defaults: 10 % steps, 6m step bake, none after 100 %: 9 bakes = 54m.
  ['linear with the defaults', { strategy: 'LINEAR' }, 10 + 54],
  [
    'linear 5 × 20 %, 1m step bake, 2m bake',
    {
      strategy: 'LINEAR',
      bakeTimeInMinutes: 2,
      linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 1 },
    },
    10 + 4 + 2,
  ],
  [
    'linear 33 % (4 steps)',
    { strategy: 'LINEAR', linearConfiguration: { stepPercent: 33, stepBakeTimeInMinutes: 5 } },
    10 + 15,
  ],
  ['canary with the defaults (10m canary bake)', { strategy: 'CANARY' }, 20],
  [
    'a PAUSE hook counts its time-out',
    {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 5,
      lifecycleHooks: [
        {
          targetType: 'PAUSE',
          lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
          timeoutConfiguration: { timeoutInMinutes: 30 },
        },
      ],
    },
    45,
  ],
  [
    'a Lambda hook does not',
    {
      strategy: 'BLUE_GREEN',
      lifecycleHooks: [{ targetType: 'AWS_LAMBDA', lifecycleStages: ['POST_SCALE_UP'] }],
    },
    10,
  ],
])('%s: %d minutes', (_name, config, minutes) => {
  expect(expectedDuration(config).ms).toBe(minutes * MIN);
});

test('linear steps', () => {
  expect([linearSteps(10), linearSteps(20), linearSteps(33), linearSteps(100), linearSteps(3)]).toEqual([
    10, 5, 4, 1, 34,
  ]);
});

test('auto timeout: expected + max(10m, a quarter), at least 20m', () => {
  expect(autoTimeout({ ms: 10 * MIN, parts: [] })).toBe(20 * MIN);
  expect(autoTimeout({ ms: 64 * MIN, parts: [] })).toBe(80 * MIN);
  expect(autoTimeout({ ms: 25 * MIN, parts: [] })).toBe(35 * MIN);
});

test('the start line says what the expectation is made of', () => {
  const e = expectedDuration({ strategy: 'LINEAR' });
  expect(timeoutLine('LINEAR', e, autoTimeout(e), true)).toBe(
    'strategy LINEAR: expected 1h4m (10m to scale up and settle, 10 steps of 10 % with 9 × 6m step bakes); timeout 1h20m (auto)',
  );
});

test('a bake stage has a known length; other stages do not', () => {
  expect(stageBakeMs({ bakeTimeInMinutes: 15 }, 'BAKE_TIME')).toBe(15 * MIN);
  expect(stageBakeMs({ bakeTimeInMinutes: 15 }, 'SCALE_UP')).toBeUndefined();
});
