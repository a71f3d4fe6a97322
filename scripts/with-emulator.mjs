#!/usr/bin/env node
// Runs a command with a moto server on 127.0.0.1: `node scripts/with-emulator.mjs <cmd> [args...]`.
// The command sees AWS_ENDPOINT_URL, dummy credentials, AWS_REGION=us-east-1 and SLIPWAY_MOTO_URL; moto is
// stopped when the command ends, fails or is interrupted. Exit code: the command's.
import { spawn } from 'node:child_process';
import { startMoto, emulatorEnv } from '../harness/moto.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/with-emulator.mjs <command> [args...]');
  process.exit(2);
}
const moto = await startMoto();
console.log(`with-emulator: moto server at ${moto.url}`);
const child = spawn(cmd, args, {
  stdio: 'inherit',
  env: { ...process.env, ...emulatorEnv(moto.url), SLIPWAY_MOTO_URL: moto.url },
});
const code = await new Promise((resolve) => {
  child.on('error', (err) => {
    console.error(`with-emulator: ${cmd}: ${err.message}`);
    resolve(127);
  });
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});
await moto.stop();
process.exit(code);
