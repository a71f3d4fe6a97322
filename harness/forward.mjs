// Forwards one HTTP request to another server on loopback (moto, for the simulators and proxies that sit in
// front of it) and resolves with its whole answer. Bounded: a server that does not answer within 30 s fails.
import { request as httpRequest } from 'node:http';

/**
 * @param {string} targetUrl base URL of the server, e.g. moto's
 * @param {{method?: string, url?: string, headers: import('node:http').IncomingHttpHeaders}} req
 * @param {string} body
 * @returns {Promise<{status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer}>}
 */
export function forwardTo(targetUrl, req, body) {
  return new Promise((resolve, reject) => {
    const u = new URL(targetUrl);
    const out = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: u.host, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    out.on('error', reject);
    out.setTimeout(30_000, () => out.destroy(new Error(`${u.host} did not answer within 30 s`)));
    out.end(body);
  });
}
