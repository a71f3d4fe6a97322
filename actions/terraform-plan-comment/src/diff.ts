import type { Change } from './plan.js';
import { maskChild, SENSITIVE } from './redact.js';
import type { Entry } from './summarize.js';

export { SENSITIVE };
export const UNKNOWN = '(known after apply)';
const MAX_VALUE_CHARS = 300;

interface Leaf {
  /** The value compared (JSON); never shown when sensitive. */
  raw: string;
  shown: string;
  sensitive: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function pathJoin(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const k = /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
  return path ? `${path}.${k}` : k;
}

function shorten(s: string): string {
  return s.length <= MAX_VALUE_CHARS
    ? s
    : `${s.slice(0, MAX_VALUE_CHARS)}… (${s.length - MAX_VALUE_CHARS} more characters)`;
}

/** Flattens a value to its leaves, applying the sensitive and unknown masks (true at any level = the subtree). */
function leaves(
  value: unknown,
  sensitive: unknown,
  unknown: unknown,
  redact: ReadonlySet<string>,
  path = '',
  out = new Map<string, Leaf>(),
): Map<string, Leaf> {
  if (sensitive === true) {
    if (value !== null && value !== undefined)
      out.set(path, { raw: JSON.stringify(value), shown: SENSITIVE, sensitive: true });
    return out;
  }
  if (unknown === true) {
    out.set(path, { raw: '\u0000unknown', shown: UNKNOWN, sensitive: false });
    return out;
  }
  if (Array.isArray(value) || isObject(value)) {
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    const extra =
      !Array.isArray(value) && isObject(unknown)
        ? Object.keys(unknown).filter((k) => !(k in value) && unknown[k] === true)
        : [];
    if (keys.length === 0 && extra.length === 0) {
      if (path) out.set(path, { raw: JSON.stringify(value), shown: JSON.stringify(value), sensitive: false });
      return out;
    }
    for (const k of keys) {
      const v = (value as Record<string | number, unknown>)[k];
      leaves(v, maskChild(sensitive, k), maskChild(unknown, k), redact, pathJoin(path, k), out);
    }
    for (const k of extra)
      out.set(pathJoin(path, k), { raw: '\u0000unknown', shown: UNKNOWN, sensitive: false });
    return out;
  }
  if (value === null || value === undefined) return out;
  const raw = JSON.stringify(value);
  if (typeof value === 'string' && redact.has(value)) {
    out.set(path, { raw, shown: SENSITIVE, sensitive: true });
  } else {
    out.set(path, { raw, shown: shorten(raw), sensitive: false });
  }
  return out;
}

function replacePathStrings(change: Change): string[] {
  if (!Array.isArray(change.replace_paths)) return [];
  return change.replace_paths
    .filter((p): p is Array<string | number> => Array.isArray(p))
    .map((p) => p.reduce<string>((acc, k) => pathJoin(acc, k), ''));
}

/**
 * Attribute-level diff of one resource change from the JSON plan, as lines for a ```diff block: `+` added,
 * `-` removed, a `-`/`+` pair for a changed value, `~` for a changed sensitive value (never shown).
 */
export function attributeDiff(entry: Entry, redact: ReadonlySet<string> = new Set()): string[] {
  const c = entry.change;
  const before = leaves(c.before, c.before_sensitive, undefined, redact);
  const after = leaves(c.after, c.after_sensitive, c.after_unknown, redact);
  const forcing = replacePathStrings(c);
  const forces = (p: string) =>
    forcing.some((f) => p === f || p.startsWith(`${f}.`) || p.startsWith(`${f}[`))
      ? '   # forces replacement'
      : '';
  const lines: string[] = [];
  const identity = c.importing?.identity;
  if (entry.importing && entry.importId === undefined && identity !== undefined && identity !== null) {
    lines.push(`# import by identity ${JSON.stringify(identity)}`); // Terraform 1.12+
  } else if (entry.importing) lines.push(`# import ID ${JSON.stringify(entry.importId ?? '(unknown)')}`);
  if (entry.previousAddress) lines.push(`# moved from ${entry.previousAddress}`);
  if (entry.deposed) lines.push(`# deposed object ${entry.deposed}`);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  let unchanged = 0;
  const onlyRemove = entry.kind === 'delete' || entry.kind === 'forget';
  for (const p of paths) {
    const b = before.get(p);
    const a = onlyRemove ? undefined : after.get(p);
    if (onlyRemove && entry.kind === 'forget') {
      unchanged++;
      continue;
    }
    if (b && a) {
      if (b.raw === a.raw && b.shown === a.shown) {
        unchanged++;
      } else if (b.sensitive && a.sensitive) {
        lines.push(`~ ${p} = ${SENSITIVE}${forces(p)}`);
      } else {
        lines.push(`- ${p} = ${b.shown}`);
        lines.push(`+ ${p} = ${a.shown}${forces(p)}`);
      }
    } else if (a) {
      lines.push(`+ ${p} = ${a.shown}${forces(p)}`);
    } else if (b) {
      lines.push(`- ${p} = ${b.shown}${forces(p)}`);
    }
  }
  if (unchanged > 0)
    lines.push(
      `# (${unchanged} unchanged attribute${unchanged === 1 ? '' : 's'} ${entry.kind === 'forget' ? 'kept in the real object' : 'hidden'})`,
    );
  if (lines.length === 0) lines.push('# (no attribute changes)');
  return lines;
}

/** Diff of an output value change (a single line pair). */
export function outputValue(change: Change, which: 'before' | 'after', redact: ReadonlySet<string>): string {
  const value = which === 'before' ? change.before : change.after;
  if ((which === 'before' ? change.before_sensitive : change.after_sensitive) === true) return SENSITIVE;
  if (which === 'after' && change.after_unknown === true) return UNKNOWN;
  if (value === null || value === undefined) return 'null';
  const l = leaves(value, undefined, undefined, redact);
  if (l.size === 1 && l.has('')) return l.get('')!.shown;
  if (typeof value === 'string' && redact.has(value)) return SENSITIVE;
  const json = JSON.stringify(value);
  return [...redact].some((s) => json.includes(s)) ? SENSITIVE : shorten(json);
}
