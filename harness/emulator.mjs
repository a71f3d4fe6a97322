// Access to the moto server that scripts/with-emulator.mjs started for the integration test run.
import { emulatorEnv } from './moto.mjs';

export function motoUrl() {
  const url = process.env.SLIPWAY_MOTO_URL;
  if (!url)
    throw new Error(
      'SLIPWAY_MOTO_URL is not set: run integration tests through `npm run test:integration` (scripts/with-emulator.mjs).',
    );
  return url;
}

/** Wipes all emulator state; call in beforeAll of every integration test file. */
export async function resetMoto() {
  const res = await fetch(`${motoUrl()}/moto-api/reset`, {
    method: 'POST',
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
}

/** AWS environment for an action process pointed at moto (or at `url`, e.g. the rollout simulator). */
export function awsEnv(url = motoUrl(), region = 'us-east-1') {
  return emulatorEnv(url, region);
}
