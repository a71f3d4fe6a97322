// Launcher for the moto server: the real AWS API emulator behind slipway's integration tests and demo.
//
// What it is: `moto_server` (moto[server], pinned in requirements-dev.txt, from the project venv) on
// 127.0.0.1 on a free port. Requests go over HTTP through the real AWS SDK; moto models the APIs' state
// (STS, ECS, ECR, IAM, ...). What moto does not model (ECS rollouts over time, failures, throttling) is
// added by ecs-rollout-simulator.mjs in front of it.
//
// Guarantees: waits until the server answers (bounded), `reset()` wipes all state (POST /moto-api/reset),
// `stop()` always terminates it, and the process is killed when the parent exits or is interrupted.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForHttp } from './ports.mjs';

import { repoRoot } from './repo.mjs';
export const MOTO_ACCOUNT_ID = '123456789012';

/** Environment that points the AWS SDK (and terraform's provider) at an emulator URL. */
export function emulatorEnv(url, region = 'us-east-1') {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'testing-secret-not-real',
    AWS_SESSION_TOKEN: '',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

const running = new Set();
let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      for (const child of running) child.kill('SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/**
 * Starts moto_server. Options: `log` (function receiving moto's output lines; default: kept in memory and
 * shown only if start-up fails), `startTimeoutMs`.
 * @returns {Promise<{url: string, port: number, reset: () => Promise<void>, stop: () => Promise<void>, output: () => string}>}
 */
export async function startMoto({ log, startTimeoutMs = 60_000 } = {}) {
  const bin = join(repoRoot, '.venv', 'bin', 'moto_server');
  if (!existsSync(bin)) {
    throw new Error(`moto_server not found at ${bin}: run \`npm run setup\` to create the project venv.`);
  }
  installExitHooks();
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const child = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
    });
    running.add(child);
    let output = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      output = (output + text).slice(-200_000);
      if (log) for (const line of text.split('\n')) if (line) log(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let exited = false;
    const exitedPromise = new Promise((resolve) =>
      child.on('exit', () => {
        exited = true;
        running.delete(child);
        resolve();
      }),
    );
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${url}/moto-api/`, { timeoutMs: startTimeoutMs, isAlive: () => !exited });
    } catch (err) {
      lastError = new Error(`moto_server did not start on ${url}: ${err.message}\n${output.slice(-2000)}`);
      child.kill('SIGKILL');
      await exitedPromise;
      continue;
    }
    return {
      url,
      port,
      output: () => output,
      async reset() {
        const res = await fetch(`${url}/moto-api/reset`, {
          method: 'POST',
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
      },
      async stop() {
        if (exited) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exitedPromise;
        clearTimeout(timer);
      },
    };
  }
  throw lastError;
}
