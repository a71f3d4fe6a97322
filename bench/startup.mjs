#!/usr/bin/env node
// Start-up of every bundled action under Node 24, as the runner starts a step: process start -> the first
// request the action sends (AWS or the OIDC token endpoint, to a local server that answers 500), and
// process start -> exit with the clean error an action gives without its inputs. Also the size of each
// bundle (entry file / all .js chunks). Needs neither moto nor the simulator: only node_modules' Node 24 and
// the actions' dist/ bundles.
//
//   node bench/startup.mjs [--runs N] [--checkout DIR]
// --runs N (default 20) runs per action and scenario; --checkout DIR measures the actions/*/dist bundles of
// another checkout of the repository (e.g. a `git worktree` of an older commit), still under this
// checkout's Node 24, so start-up can be compared before and after a change. Prints a markdown table with
// min/median/max; nothing is asserted. `npm run bench` (bench/run.mjs) runs it first, through
// measureStartup, and puts its figures in its own table.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTRY, taskDefinitionDoc, writeTaskDefinition } from '../harness/ecs-fixture.mjs';
import { node24Path, repoRoot } from '../harness/repo.mjs';
import { figureRow, printTable } from './report.mjs';
import { stats } from './stats.mjs';

const TARGET_MS = 150;
const CLEAN = 'to clean error (no inputs)';
const FIRST_REQUEST = 'to first request';

/** The actions of a checkout that have a dist/ bundle. */
export function bundledActions(root) {
  const dir = join(root, 'actions');
  return readdirSync(dir).filter(
    (a) =>
      statSync(join(dir, a)).isDirectory() && a !== 'shared' && readdirSync(join(dir, a)).includes('dist'),
  );
}

/** The inputs with which each action gets as far as its first request (build-push has none it could send). */
function inputsToFirstRequest(url, tdPath) {
  return {
    'aws-auth': {
      'INPUT_ROLE-ARN': 'arn:aws:iam::123456789012:role/d',
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?x=1`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
    },
    'ecs-deploy': {
      INPUT_CLUSTER: 'c',
      INPUT_SERVICES: 'web',
      'INPUT_TASK-DEFINITION': tdPath,
      'INPUT_MAX-ATTEMPTS': '1',
    },
    'ecs-rollback': {
      INPUT_CLUSTER: 'c',
      INPUT_SERVICE: 'web',
      INPUT_REASON: 'bench',
      'INPUT_MAX-ATTEMPTS': '1',
    },
    'render-task-definition': { 'INPUT_TASK-DEFINITION': 'web:1', 'INPUT_MAX-ATTEMPTS': '1' },
  };
}

/** Total size of the .js files of a dist/ folder. */
function jsBytes(dist) {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
}

/**
 * Measures every bundled action of the checkout at `root`.
 * @param {{ root?: string, runs?: number, log?: (m: string) => void }} [opts]
 * @returns {Promise<{ startup: Record<string, { cleanError: object, firstRequest?: object, entryBytes: number,
 *   totalJsBytes: number }>, rows: string[][] }>} `rows` as bench/run.mjs prints them
 */
export async function measureStartup({ root = repoRoot, runs = 20, log = () => {} } = {}) {
  const node24 = node24Path();
  let firstRequestAt = 0;
  const server = createServer((req, res) => {
    firstRequestAt ||= Date.now();
    req.resume();
    res
      .writeHead(500, { 'content-type': 'application/json' })
      .end('{"__type":"ServerException","message":"bench"}');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  const tmp = mkdtempSync(join(tmpdir(), 'slipway-bench-'));
  const withInputs = inputsToFirstRequest(
    url,
    writeTaskDefinition(taskDefinitionDoc('web', `${REGISTRY}/web:v2`), tmp),
  );

  /** One start: ms to exit, or (untilRequest) ms to the first request, killing the process there. */
  const once = (entry, extraEnv, untilRequest) =>
    new Promise((resolveStart) => {
      firstRequestAt = 0;
      const t0 = Date.now();
      const child = spawn(node24, [entry], {
        cwd: tmp,
        env: {
          PATH: process.env.PATH,
          HOME: tmp,
          RUNNER_TEMP: tmp,
          AWS_REGION: 'us-east-1',
          AWS_ENDPOINT_URL: url,
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'x',
          ...extraEnv,
        },
        stdio: 'ignore',
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const poll = setInterval(() => {
        if (untilRequest && firstRequestAt) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 1);
      child.on('exit', () => {
        clearTimeout(timer);
        clearInterval(poll);
        resolveStart(untilRequest ? (firstRequestAt ? firstRequestAt - t0 : NaN) : Date.now() - t0);
      });
    });

  const startup = {};
  const rows = [];
  try {
    for (const a of bundledActions(root)) {
      const dist = join(root, 'actions', a, 'dist');
      const entry = join(dist, 'index.js');
      const clean = [];
      for (let i = 0; i < runs; i++) clean.push(await once(entry, {}, false));
      const toRequest = [];
      if (withInputs[a])
        for (let i = 0; i < runs; i++) toRequest.push(await once(entry, withInputs[a], true));
      const entryBytes = statSync(entry).size;
      const totalJsBytes = jsBytes(dist);
      const fr = toRequest.length ? stats(toRequest.filter((x) => !Number.isNaN(x))) : undefined;
      startup[a] = { cleanError: stats(clean), firstRequest: fr, entryBytes, totalJsBytes };
      rows.push(
        figureRow(
          `start-up ${a}: ${CLEAN}${fr ? ` / ${FIRST_REQUEST}` : ''}`,
          `${Math.round(stats(clean).median)} ms${fr ? ` / ${Math.round(fr.median)} ms` : ''} (n=${runs})`,
          `≤ ${TARGET_MS} ms`,
          Math.max(stats(clean).median, fr?.median ?? 0) <= TARGET_MS,
        ),
        figureRow(
          `bundle ${a}: entry / all chunks`,
          `${(entryBytes / 1e6).toFixed(2)} MB / ${(totalJsBytes / 1e6).toFixed(2)} MB`,
          'each ≤ 1.5 MB',
          totalJsBytes <= 1.5e6,
        ),
      );
      log(
        `start-up ${a}: ${Math.round(stats(clean).median)} ms${fr ? ` / ${Math.round(fr.median)} ms` : ''}`,
      );
    }
  } finally {
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return { startup, rows };
}

/** The standalone table: one row per action and scenario. */
export function startupTable(startup) {
  const ms = (x) => (x === undefined ? '-' : String(Math.round(x)));
  const line = (a, scenario, st, s) => [
    a,
    scenario,
    ms(st.min),
    ms(st.median),
    ms(st.max),
    String(st.n),
    `${(s.entryBytes / 1e6).toFixed(2)} / ${(s.totalJsBytes / 1e6).toFixed(2)}`,
  ];
  return Object.entries(startup).flatMap(([a, s]) => [
    line(a, CLEAN, s.cleanError, s),
    ...(s.firstRequest ? [line(a, FIRST_REQUEST, s.firstRequest, s)] : []),
  ]);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const runs = Number(value('--runs') ?? 20);
  const root = resolve(value('--checkout') ?? repoRoot);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`bench/startup.mjs: --runs takes a whole number >= 1; got "${value('--runs')}"`);
    process.exit(2);
  }
  const { startup } = await measureStartup({ root, runs, log: (m) => process.stderr.write(`bench: ${m}\n`) });
  const out = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { encoding: 'utf8' }).stdout?.trim() || '?';
  const commit = out('git', ['-C', root, 'log', '-1', '--format=%h %cs']);
  console.log(
    `\n## slipway start-up: ${root} at ${commit} (Node ${out(node24Path(), ['--version'])}, ${runs} runs each)\n`,
  );
  printTable(
    ['action', 'scenario', 'min ms', 'median ms', 'max ms', 'runs', 'bundle MB (entry / all .js)'],
    startupTable(startup),
  );
}
