import { InputError } from './errors.js';

/** Reads a raw input by name ('' when unset). Defaults to the runner's INPUT_* protocol. */
export type InputReader = (name: string) => string;

export const envInputReader: InputReader = (name) =>
  (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

/**
 * Typed, strict accessors over an InputReader. Every error names the input, the value and what is allowed.
 */
export class Inputs {
  constructor(private readonly read: InputReader = envInputReader) {}

  raw(name: string): string {
    return this.read(name).trim();
  }

  has(name: string): boolean {
    return this.raw(name) !== '';
  }

  required(name: string, what = 'a value'): string {
    const value = this.raw(name);
    if (value === '') throw new InputError(name, '', `this input is required (${what})`);
    return value;
  }

  string(name: string, fallback: string): string {
    const value = this.raw(name);
    return value === '' ? fallback : value;
  }

  optional(name: string): string | undefined {
    const value = this.raw(name);
    return value === '' ? undefined : value;
  }

  /** Exactly one of the values, compared case-insensitively; returns the canonical spelling. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === '') return fallback;
    const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (!found)
      throw new InputError(name, value, `allowed values are ${allowed.map((a) => `'${a}'`).join(', ')}`);
    return found;
  }

  int(name: string, opts: { min: number; max: number; fallback?: number }): number {
    const value = this.raw(name);
    if (value === '') {
      if (opts.fallback === undefined)
        throw new InputError(name, '', `this input is required (an integer from ${opts.min} to ${opts.max})`);
      return opts.fallback;
    }
    return parseIntStrict(name, value, opts.min, opts.max);
  }

  optionalInt(name: string, opts: { min: number; max: number }): number | undefined {
    return this.has(name) ? this.int(name, opts) : undefined;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === '') return fallback;
    return parseBoolean(name, value);
  }

  /** A duration such as `90s`, `20m`, `1h30m` or a bare number of seconds; returned in milliseconds. */
  duration(name: string, opts: { fallback: string; minMs: number; maxMs: number }): number {
    const value = this.raw(name) || opts.fallback;
    return parseDuration(name, value, opts.minMs, opts.maxMs);
  }

  /** Non-empty lines (or comma-separated items when `commas`), trimmed; `#` comment lines are skipped. */
  list(name: string, { commas = false }: { commas?: boolean } = {}): string[] {
    return parseList(this.raw(name), commas);
  }

  /** `KEY=VALUE` lines: the value may contain `=`; duplicate keys are an error; order is kept. */
  map(name: string, opts: { keyPattern?: RegExp; keyDescription?: string } = {}): Array<[string, string]> {
    return parseKeyValueLines(name, this.raw(name), opts);
  }
}

export function parseIntStrict(name: string, value: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value))
    throw new InputError(name, value, `expected a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InputError(name, value, `expected a whole number from ${min} to ${max}`);
  }
  return n;
}

export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(name, value, "expected 'true' or 'false'");
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(name: string, value: string, minMs: number, maxMs: number): number {
  const v = value.trim().toLowerCase();
  const allowed = `a duration like '90s', '20m', '1h30m' or a number of seconds, from ${formatDuration(minMs)} to ${formatDuration(maxMs)}`;
  let ms: number;
  if (/^\d+$/.test(v)) {
    ms = Number(v) * 1000;
  } else if (/^(\d+(ms|s|m|h))+$/.test(v)) {
    ms = 0;
    for (const m of v.matchAll(/(\d+)(ms|s|m|h)/g)) ms += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000);
  } else {
    throw new InputError(name, value, `expected ${allowed}`);
  }
  if (ms < minMs || ms > maxMs) throw new InputError(name, value, `expected ${allowed}`);
  return ms;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}

export function parseList(value: string, commas = false): string[] {
  return value
    .split(commas ? /[\n,]/ : /\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function parseKeyValueLines(
  name: string,
  value: string,
  { keyPattern = /^[A-Za-z_][A-Za-z0-9_.\-/:]*$/, keyDescription = 'letters, digits, _ . - / :' } = {},
): Array<[string, string]> {
  const seen = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const line of parseList(value)) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new InputError(name, line, 'each line must be KEY=VALUE');
    const key = line.slice(0, eq).trim();
    const val = line.slice(eq + 1).trim();
    if (!keyPattern.test(key)) throw new InputError(name, line, `key '${key}' must match ${keyDescription}`);
    if (seen.has(key)) throw new InputError(name, line, `key '${key}' appears more than once`);
    seen.add(key);
    pairs.push([key, val]);
  }
  return pairs;
}
