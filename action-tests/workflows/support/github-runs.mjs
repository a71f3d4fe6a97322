// The parts of GitHub's REST API that terraform-apply.yml reads to find the reviewed plan, in front of the
// fake GitHub API (harness/fake-github.mjs), which answers everything else (comments, labels,
// issues, GraphQL): point GITHUB_API_URL at `url`. Binds 127.0.0.1 on a free port.
//
// Models:
//  - GET /repos/{o}/{r}/commits/{sha}/pulls: the pull requests a commit belongs to (set by `mergePull`), as
//    GitHub answers for the merge commit of a merged pull request (`*`: every commit); [] for others.
//  - GET /repos/{o}/{r}/pulls/{n}: `number`, `state`, `merged`, `merged_at`, `head.sha`.
//  - GET /repos/{o}/{r}/actions/artifacts?name=: the artifacts the upload-artifact stand-in stored in
//    `artifactsDir` (workflow-runner.mjs), shaped like GitHub's list (`id`, `name`, `expired`,
//    `created_at`, `workflow_run.id/head_sha`), newest last.
// Does not model: pagination of artifacts, expiry, artifact downloads over HTTP (the download stand-in reads
// the directory), permissions.
import { createServer, request } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {{upstream: string, artifactsDir: string}} o  upstream: the fake GitHub API's base URL
 */
export async function startGitHubRuns({ upstream, artifactsDir }) {
  /** @type {Map<string, number>} merge commit sha -> pull request number */
  const merges = new Map();
  /** @type {Map<number, {headSha: string}>} */
  const pulls = new Map();
  const requests = [];

  const artifacts = () =>
    existsSync(artifactsDir)
      ? readdirSync(artifactsDir).map((d) =>
          JSON.parse(readFileSync(join(artifactsDir, d, 'meta.json'), 'utf8')),
        )
      : [];
  const send = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method, path: url.pathname });
    let m;
    if (
      req.method === 'GET' &&
      (m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(url.pathname))
    ) {
      const n = merges.get(m[1]) ?? merges.get('*');
      return send(
        res,
        200,
        n === undefined
          ? []
          : [
              {
                number: n,
                state: 'closed',
                merged_at: '2026-12-01T09:00:00Z',
                head: { sha: pulls.get(n)?.headSha },
              },
            ],
      );
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(url.pathname))) {
      const pr = pulls.get(Number(m[1]));
      if (!pr) return send(res, 404, { message: 'Not Found', status: '404' });
      return send(res, 200, {
        number: Number(m[1]),
        state: 'closed',
        merged: true,
        head: { sha: pr.headSha },
      });
    }
    if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts$/.test(url.pathname)) {
      const name = url.searchParams.get('name');
      const list = artifacts()
        .filter((a) => !name || a.name === name)
        .sort((a, b) => a.id - b.id)
        .map((a) => ({
          id: a.id,
          name: a.name,
          expired: false,
          created_at: a.created_at,
          workflow_run: { id: a.run_id, head_sha: a.head_sha },
        }));
      return send(res, 200, { total_count: list.length, artifacts: list });
    }
    // Everything else: the fake GitHub API.
    const target = new URL(req.url ?? '/', upstream);
    const up = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', (e) => send(res, 502, { message: `upstream: ${e.message}` }));
    req.pipe(up);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    requests,
    /** Records pull request `number` (head `headSha`) as merged by commit `mergeSha` (`*`: any commit). */
    mergePull(number, { headSha, mergeSha }) {
      pulls.set(number, { headSha });
      merges.set(mergeSha, number);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
