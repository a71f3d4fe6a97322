// The demo's story, step by step. Each step runs a real bundle against the emulator and shows its log.
import { startMoto, emulatorEnv } from '../../action-tests/support/moto.mjs';
import { startFakeOidc } from '../../action-tests/support/fake-oidc.mjs';
import { runAction } from '../../action-tests/support/run-action.mjs';

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

function show(title, result) {
  console.log(`\n${bold(`▶ ${title}`)} (exit ${result.code}, ${result.durationMs} ms)`);
  for (const line of result.stdout.split('\n')) {
    if (!line || line.startsWith('::add-mask::') || line.startsWith('::debug::')) continue;
    console.log(`  ${line}`);
  }
  if (Object.keys(result.outputs).length) console.log(`  outputs: ${JSON.stringify(result.outputs)}`);
}

export async function main() {
  const moto = await startMoto();
  const oidc = await startFakeOidc({ environment: 'production' });
  console.log(
    `moto server at ${moto.url}; fake GitHub OIDC issuer at ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}`,
  );
  try {
    const env = { ...emulatorEnv(moto.url), ...oidc.env };
    delete env.AWS_ACCESS_KEY_ID;
    delete env.AWS_SECRET_ACCESS_KEY;
    const auth = await runAction({
      action: 'aws-auth',
      inputs: { 'role-arn': 'arn:aws:iam::123456789012:role/slipway-deploy' },
      env,
    });
    show('aws-auth: GitHub OIDC -> AWS credentials', auth);
    if (auth.code !== 0) throw new Error('aws-auth failed');
    const denied = await runAction({
      action: 'aws-auth',
      inputs: {
        'role-arn': 'arn:aws:iam::123456789012:role/slipway-deploy',
        'allowed-account-ids': '210987654321',
      },
      env,
    });
    show('aws-auth with an account guard that refuses it', denied);
    if (denied.code !== 1) throw new Error('the account guard did not refuse');
    return 0;
  } catch (err) {
    console.error(`demo broke: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await oidc.close();
    await moto.stop();
  }
}
