// HTTP plumbing of the fake GitHub API (../fake-github.mjs): JSON answers and GitHub's error shape, request
// bodies read up to 10 MiB, a page of a list with GitHub's RFC 5988 Link header, the 422 details of a body
// over GitHub's 65,536 character limit, and stable numeric ids derived from names. Models no route itself.

/** Answers `body` as JSON (no body when undefined). */
export function sendJson(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** Answers GitHub's JSON error shape: message, documentation_url, status, plus `extra` (e.g. `errors`). */
export function sendError(res, status, message, extra = {}) {
  sendJson(res, status, {
    message,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
    ...extra,
  });
}

/** The request body: parsed JSON, else the text, undefined when empty; throws past 10 MiB. */
export async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > 10 * 1024 * 1024) throw new Error('request body over 10 MiB');
    chunks.push(c);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A stable positive number for a name (user and label ids). */
export function stableId(s) {
  let h = 7;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000_007;
  return h;
}

/**
 * One page of `all` as GitHub pages lists: `per_page` 1..100 (default 30), `page` from 1, and a Link header
 * with next/last (and first/prev when `backLinks`) whose URLs are `base` with the `carry` query parameters.
 * @param {unknown[]} all
 * @param {Record<string, string>} query
 * @param {{base: string, carry?: Record<string, string>, backLinks?: boolean}} links
 * @returns {{items: unknown[], headers: Record<string, string>}}
 */
export function pageOf(all, query, { base, carry = {}, backLinks = false }) {
  const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p, rel) => {
    const u = new URL(base);
    for (const [k, v] of Object.entries(carry)) u.searchParams.set(k, v);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u}>; rel="${rel}"`;
  };
  const links = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (backLinks && page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}

/** GitHub's 422 details for a `body` over 65,536 characters on a `resource` (Issue, IssueComment); else undefined. */
export function bodyTooLong(resource, text) {
  if (typeof text !== 'string' || [...text].length <= 65536) return undefined;
  return {
    errors: [
      {
        resource,
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ],
  };
}
