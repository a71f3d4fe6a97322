import {
  Inputs,
  parseDuration,
  formatDuration,
  parseKeyValueLines,
} from '../../../actions/shared/src/inputs.js';
import { InputError } from '../../../actions/shared/src/errors.js';

const reader = (values: Record<string, string>) => new Inputs((name) => values[name] ?? '');

describe('Inputs', () => {
  test.each([
    ['1', 1],
    ['900', 900],
    ['0043', 43],
  ])('int(%s) = %d', (raw, expected) => {
    expect(reader({ n: raw }).int('n', { min: 0, max: 1000 })).toBe(expected);
  });

  test.each(['1.5', '12abc', 'abc', '1e3', '-', '2000', '-1', ' 1 2'])(
    'int rejects %p naming the input and the range',
    (raw) => {
      expect(() => reader({ n: raw }).int('n', { min: 0, max: 1000 })).toThrow(
        /input 'n' is '.*': expected a whole number from 0 to 1000/,
      );
    },
  );

  test('int falls back only when the input is empty', () => {
    expect(reader({}).int('n', { min: 0, max: 10, fallback: 7 })).toBe(7);
    expect(() => reader({}).int('n', { min: 0, max: 10 })).toThrow(
      /input 'n' is empty: this input is required/,
    );
  });

  test.each([
    ['true', true],
    ['FALSE', false],
    ['True', true],
  ])('bool(%s)', (raw, expected) => expect(reader({ b: raw }).bool('b', false)).toBe(expected));

  test.each(['yes', '1', 'on', 'tru'])('bool rejects %p', (raw) => {
    expect(() => reader({ b: raw }).bool('b', false)).toThrow(
      "input 'b' is '" + raw + "': expected 'true' or 'false'",
    );
  });

  test('required names the input', () => {
    expect(() => reader({}).required('cluster', 'the ECS cluster name')).toThrow(
      "input 'cluster' is empty: this input is required (the ECS cluster name)",
    );
  });

  test('oneOf returns the canonical spelling and lists the allowed values', () => {
    expect(reader({ m: 'UPDATE' }).oneOf('m', ['update', 'recreate', 'off'] as const, 'update')).toBe(
      'update',
    );
    expect(() =>
      reader({ m: 'sticky' }).oneOf('m', ['update', 'recreate', 'off'] as const, 'update'),
    ).toThrow("input 'm' is 'sticky': allowed values are 'update', 'recreate', 'off'");
  });

  test('list splits lines (and commas when asked) and skips comments', () => {
    expect(reader({ l: 'a\n\n  b \n# c\n' }).list('l')).toEqual(['a', 'b']);
    expect(reader({ l: '1, 2\n3' }).list('l', { commas: true })).toEqual(['1', '2', '3']);
  });
});

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['45', 45_000],
    ['500ms', 500],
  ])('%s = %d ms', (raw, ms) => expect(parseDuration('timeout', raw, 0, 24 * 3_600_000)).toBe(ms));

  test.each(['', 'soon', '10 m', '1d', '-5s', '1.5m'])('rejects %p', (raw) => {
    expect(() => parseDuration('timeout', raw, 0, 3_600_000)).toThrow(InputError);
  });

  test('enforces the range and says it', () => {
    expect(() => parseDuration('poll-interval', '5m', 1000, 60_000)).toThrow(
      "input 'poll-interval' is '5m': expected a duration like '90s', '20m', '1h30m' or a number of seconds, from 1s to 1m",
    );
  });

  test.each([
    [500, '500ms'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [0, '0ms'],
  ])('formatDuration(%d) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('parseKeyValueLines', () => {
  test('keeps = inside values and the order of lines', () => {
    expect(parseKeyValueLines('environment', 'B=x=y==\nA=postgres://u:p@h/db?sslmode=require\nC=')).toEqual([
      ['B', 'x=y=='],
      ['A', 'postgres://u:p@h/db?sslmode=require'],
      ['C', ''],
    ]);
  });

  test.each([
    ['novalue', 'each line must be KEY=VALUE'],
    ['=value', 'each line must be KEY=VALUE'],
    ['A=1\nA=2', "key 'A' appears more than once"],
    ['1BAD=x', "key '1BAD' must match"],
  ])('rejects %p', (text, message) => {
    expect(() => parseKeyValueLines('environment', text)).toThrow(message);
  });
});
