// PAUSE lifecycle hooks: a deployment stopped at a stage until someone says CONTINUE or ROLLBACK. `on-pause`
// decides who: `wait` (a person: the exact command and console link are printed, and ECS applies the hook's
// timeoutAction at expiresAt), `continue`, `rollback`, or `verify` (a bash command against the new revision,
// e.g. a smoke test on test traffic: exit 0 continues, anything else rolls back).
import { spawn } from 'node:child_process';
import type { DeploymentLifecycleHookDetail, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';
import { formatDuration } from '../inputs.js';
import { revisionLabel } from '../revision.js';
import type { Log } from '../log.js';

export type OnPause = 'wait' | 'continue' | 'rollback' | 'verify';

export interface PauseDecision {
  hookId: string;
  stage: string;
  action: 'CONTINUE' | 'ROLLBACK' | 'waiting';
  /** Why, for the log, the reason and the summary. */
  why: string;
  /** The verify command's last lines. */
  output?: string[];
}

export interface PauseContext {
  api: Pick<EcsApi, 'continueServiceDeployment'>;
  onPause: OnPause;
  verifyCommand?: string;
  cluster: string;
  service: string;
  region: string;
  target: string;
  log: Log;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The CLI command a person runs to release a hook. */
export function continueCommand(sdArn: string, hookId: string, action: 'CONTINUE' | 'ROLLBACK'): string {
  return `aws ecs continue-service-deployment --service-deployment-arn ${sdArn} --hook-id ${hookId} --action ${action}`;
}

export function deploymentConsoleUrl(region: string, cluster: string, service: string): string {
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}/deployments?region=${region}`;
}

/** Runs the verify command; resolves with its exit code and last lines. Bounded by `timeoutMs`. */
export function runVerify(
  command: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
  onLine: (line: string) => void,
): Promise<{ code: number; lines: string[]; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const lines: string[] = [];
    let pending = '';
    let timedOut = false;
    const take = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const l of parts) {
        lines.push(l);
        if (lines.length > 200) lines.shift();
        onLine(l);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, lines: [...lines, `cannot run bash: ${err.message}`], timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (pending) {
        lines.push(pending);
        onLine(pending);
      }
      resolve({ code: timedOut ? 124 : (code ?? 1), lines, timedOut });
    });
  });
}

/** Answers one PAUSE hook that awaits an action, by `on-pause`. */
export async function answerPause(
  c: PauseContext,
  sd: ServiceDeployment,
  hook: DeploymentLifecycleHookDetail,
  now = Date.now(),
): Promise<PauseDecision> {
  const sdArn = sd.serviceDeploymentArn ?? '';
  const hookId = hook.hookId ?? '';
  const stage = sd.lifecycleStage ?? '?';
  const left = hook.expiresAt ? formatDuration(Math.max(0, hook.expiresAt.getTime() - now)) : '?';
  const send = async (
    action: 'CONTINUE' | 'ROLLBACK',
    why: string,
    output?: string[],
  ): Promise<PauseDecision> => {
    await c.api.continueServiceDeployment(sdArn, hookId, action);
    c.log.info(`⏸ ContinueServiceDeployment ${action} on hook ${hookId} at ${stage}: ${why}`);
    return { hookId, stage, action, why, ...(output ? { output } : {}) };
  };
  switch (c.onPause) {
    case 'continue':
      return send('CONTINUE', 'on-pause is continue');
    case 'rollback':
      return send('ROLLBACK', 'on-pause is rollback');
    case 'verify': {
      c.log.info(
        `⏸ paused at ${stage} (hook ${hookId}): running verify-command against ${revisionLabel(c.target)}`,
      );
      const env = {
        ...(c.env ?? process.env),
        SLIPWAY_STAGE: stage,
        SLIPWAY_CLUSTER: c.cluster,
        SLIPWAY_SERVICE: c.service,
        SLIPWAY_TARGET_REVISION: c.target,
        SLIPWAY_HOOK_ID: hookId,
        SLIPWAY_SERVICE_DEPLOYMENT_ARN: sdArn,
      };
      const budget = hook.expiresAt ? Math.max(1000, hook.expiresAt.getTime() - now - 5_000) : 30 * 60_000;
      const r = await runVerify(
        c.verifyCommand ?? 'false',
        env,
        c.cwd ?? process.env.GITHUB_WORKSPACE ?? process.cwd(),
        budget,
        (l) => c.log.info(`│ ${l}`),
      );
      const tail = r.lines.slice(-20);
      if (r.code === 0) return send('CONTINUE', 'verify-command passed (exit 0)', tail);
      return send(
        'ROLLBACK',
        r.timedOut
          ? `verify-command did not finish before the hook expires (${formatDuration(budget)})`
          : `verify-command failed (exit ${r.code})${tail.length ? `: ${tail.at(-1)}` : ''}`,
        tail,
      );
    }
    default: {
      c.log.info(
        [
          `⏸ paused at ${stage}: hook ${hookId} awaits an action; it expires in ${left}, then ECS will ${hook.timeoutAction ?? 'apply its timeout action'}.`,
          `  continue:    ${continueCommand(sdArn, hookId, 'CONTINUE')}`,
          `  roll back:   ${continueCommand(sdArn, hookId, 'ROLLBACK')}`,
          `  console:     ${deploymentConsoleUrl(c.region, c.cluster, c.service)}`,
        ].join('\n'),
      );
      return {
        hookId,
        stage,
        action: 'waiting',
        why: `waited for a person (on-pause: wait); expires in ${left}, then ${hook.timeoutAction ?? '?'}`,
      };
    }
  }
}
