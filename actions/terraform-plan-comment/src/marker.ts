/**
 * The hidden identity markers that make a comment or an issue this action's own: one per key. A plan comment
 * carries `<!-- slipway:plan key=<key> status=<status> -->`; a retired one `slipway:plan-outdated`; a drift
 * issue `<!-- slipway:drift key=<key> -->`. Keys are percent-encoded to one token.
 */

const PLAN_MARKER = /<!-- slipway:plan(-outdated)? key=(\S*) status=([\w-]+) -->/;
const DRIFT_MARKER = /<!-- slipway:drift key=(\S*) -->/;

export function encodeKey(key: string): string {
  return [...key]
    .map((ch) =>
      /[A-Za-z0-9._~/:@+=,-]/.test(ch)
        ? ch
        : [...Buffer.from(ch, 'utf8')]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');
}

function decodeKey(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

export function marker(key: string, status: string, outdated = false): string {
  return `<!-- slipway:plan${outdated ? '-outdated' : ''} key=${encodeKey(key)} status=${status} -->`;
}

export function parseMarker(body: string): { key: string; status: string; outdated: boolean } | undefined {
  const m = PLAN_MARKER.exec(body.slice(0, 2000));
  if (!m) return undefined;
  const key = decodeKey(m[2]!);
  return key === undefined ? undefined : { key, status: m[3]!, outdated: m[1] !== undefined };
}

/** Marks a comment body outdated, so that it is no longer ours for its key (and not counted for labels). */
export function markOutdated(body: string): string {
  return body.replace(
    PLAN_MARKER,
    (_m, _o, key: string, status: string) => `<!-- slipway:plan-outdated key=${key} status=${status} -->`,
  );
}

export function driftMarker(key: string): string {
  return `<!-- slipway:drift key=${encodeKey(key)} -->`;
}

/** The key of a drift issue body's marker, or undefined when it has none. */
export function parseDriftMarker(body: string): string | undefined {
  const m = DRIFT_MARKER.exec(body.slice(0, 2000));
  return m ? decodeKey(m[1]!) : undefined;
}
