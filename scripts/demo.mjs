#!/usr/bin/env node
// `npm run demo`: slipway's main job on the local AWS emulator. Installs what it needs (npm ci, the Python
// venv), starts moto on 127.0.0.1, and runs the real action bundles under Node 24 as the runner would.
// Exit code is non-zero only if the demo itself broke.
import { run } from './lib.mjs';

const setup = await run(process.execPath, ['scripts/setup.mjs']);
if (setup.code !== 0) process.exit(setup.code);
const { main } = await import('./demo/main.mjs');
process.exit(await main());
