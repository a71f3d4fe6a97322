import type { Change, Plan } from './plan.js';

/** What a value marked sensitive is shown as, wherever it appears. */
export const SENSITIVE = '(sensitive)';

/** Shortest string redacted wherever it recurs: shorter ones would blank out ordinary words. */
const MIN_SECRET_CHARS = 4;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The part of a sensitive/unknown mask that applies to `key` (true at any level = the whole subtree). */
export function maskChild(mask: unknown, key: string | number): unknown {
  if (mask === true) return true;
  if (Array.isArray(mask)) return typeof key === 'number' ? mask[key] : undefined;
  if (isObject(mask)) return mask[String(key)];
  return undefined;
}

function collect(found: Set<string>, value: unknown, mask: unknown, under = false): void {
  const here = under || mask === true;
  if (typeof value === 'string') {
    if (here && value.length >= MIN_SECRET_CHARS) found.add(value);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => collect(found, v, maskChild(mask, i), here));
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) collect(found, v, maskChild(mask, k), here);
}

/** Every string value Terraform marks sensitive anywhere in these changes, to redact it wherever it recurs. */
export function collectSensitiveStrings(changes: Iterable<Change>): Set<string> {
  const found = new Set<string>();
  for (const c of changes) {
    collect(found, c.before, c.before_sensitive);
    collect(found, c.after, c.after_sensitive);
  }
  return found;
}

/**
 * The redaction set of a whole plan: sensitive strings of resource changes, drift, deferred changes, output
 * changes and action invocation configs. Built once by the summary; every renderer takes it from there.
 */
export function redactionSet(plan: Plan): Set<string> {
  const found = collectSensitiveStrings([
    ...plan.resourceChanges.map((r) => r.change),
    ...plan.resourceDrift.map((r) => r.change),
    ...plan.deferredChanges.map((d) => d.resourceChange.change),
    ...plan.outputChanges.map(([, c]) => c),
  ]);
  for (const a of [...plan.actionInvocations, ...plan.deferredInvocations.map((d) => d.invocation)])
    collect(found, a.config, a.configSensitive);
  return found;
}

/** Replaces every redacted string in free text (terraform's own text, an apply log), longest first. */
export function redactText(text: string, redact: ReadonlySet<string>): string {
  const secrets = [...redact].filter((s) => s.length >= MIN_SECRET_CHARS).sort((x, y) => y.length - x.length);
  let out = text;
  for (const s of secrets) out = out.split(s).join(SENSITIVE);
  return out;
}
