#!/usr/bin/env node
// `npm run demo`: slipway's main job on the local AWS emulator. Installs what it needs (npm ci, the Python
// venv), then runs the story (scripts/demo/main.mjs) on Node 24, the runtime of the actions themselves.
// Exit code is non-zero only if the demo itself broke.
import { spawn } from 'node:child_process';
import { run, node24Path, repoRoot } from './lib.mjs';

const setup = await run(process.execPath, ['scripts/setup.mjs']);
if (setup.code !== 0) process.exit(setup.code);
const child = spawn(
  node24Path(),
  [
    '--input-type=module',
    '-e',
    "const { main } = await import('./scripts/demo/main.mjs'); process.exitCode = await main();",
  ],
  {
    cwd: repoRoot,
    stdio: 'inherit',
  },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
