import type { JsonValue } from '../../shared/src/task-definition.js';

/** `${NAME}` placeholders in a parsed template (string values and object keys). `$${` writes a literal `${`. */

const PLACEHOLDER_RE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface Unresolved {
  name: string;
  path: string;
}

export interface SubstitutionResult<T> {
  value: T;
  unresolved: Unresolved[];
  used: Set<string>;
}

export function jsonPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return parent === '' ? safe.replace(/^\./, '') : `${parent}${safe}`;
}

export function substitute<T extends JsonValue>(
  root: T,
  variables: ReadonlyMap<string, string>,
): SubstitutionResult<T> {
  const unresolved: Unresolved[] = [];
  const used = new Set<string>();
  const replace = (text: string, path: string): string =>
    text.replace(PLACEHOLDER_RE, (whole, escape: string, name: string) => {
      if (escape) return whole.slice(1);
      const v = variables.get(name);
      if (v === undefined) {
        unresolved.push({ name, path });
        return whole;
      }
      used.add(name);
      return v;
    });
  const walk = (value: JsonValue, path: string): JsonValue => {
    if (typeof value === 'string') return replace(value, path);
    if (Array.isArray(value)) return value.map((v, i) => walk(v, jsonPath(path, i)));
    if (value !== null && typeof value === 'object') {
      const out: { [k: string]: JsonValue } = {};
      for (const [k, v] of Object.entries(value)) {
        const key = replace(k, jsonPath(path, k));
        out[key] = walk(v, jsonPath(path, key));
      }
      return out;
    }
    return value;
  };
  return { value: walk(root, '') as T, unresolved, used };
}
