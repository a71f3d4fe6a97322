import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { writeSummary } from '../../shared/src/summary.js';
import { prefixed, stepLog } from '../../shared/src/log.js';
import { TAG, revisionLabel } from '../../shared/src/revision.js';
import { getInputs, tagValue } from './inputs.js';
import { watchSettings } from '../../shared/src/ecs/inputs.js';
import { familyAndRevision, revisionsTable } from './revisions.js';
import { summaryMarkdown, type RollbackStatus } from './report.js';

export const ACTION = 'ecs-rollback';

/**
 * describe service -> settle a deployment in progress -> recent revisions -> choose target -> (dry run) ->
 * re-register an INACTIVE target -> deploy it with the ecs-deploy engine -> tag -> report.
 */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    // Only what the first request needs is loaded before it; the rest loads while it is in flight.
    const [{ EcsApi }, { ServicePoller }, preflight] = await Promise.all([
      import('../../shared/src/ecs/ecs-api.js'),
      import('../../shared/src/ecs/service-poller.js'),
      import('../../shared/src/ecs/preflight.js'),
    ]);
    const log = stepLog();
    const api = new EcsApi(inputs.region, { maxAttempts: inputs.maxAttempts, log });
    const poller = new ServicePoller(api, inputs.cluster);
    const started = Date.now();
    const report = (o: { from: string; to: string; status: RollbackStatus; table: string; why?: string }) =>
      writeSummary(
        summaryMarkdown({
          ...o,
          service: inputs.service,
          cluster: inputs.cluster,
          reason: inputs.reason,
          durationMs: Date.now() - started,
          actor: process.env.GITHUB_ACTOR,
        }),
      );
    try {
      // 1. The service as it runs now, and the revision a rollback goes to.
      const describing = preflight.describeServicesForChange(
        poller,
        inputs.cluster,
        inputs.region,
        [inputs.service],
        log,
      );
      const engine = Promise.all([import('../../shared/src/ecs/deploy-service.js'), import('./history.js')]);
      engine.catch(() => undefined); // awaited below; a failed describe must not leave it unhandled
      const described = await describing;
      const [{ deployToService }, history] = await engine;
      preflight.refuseController(described);
      const current = familyAndRevision(described.get(inputs.service)!.taskDefinition ?? '');
      const revisions = await history.recentRevisions(api, current.family);
      const target = await history.chooseTarget(api, inputs.to, current, revisions, inputs.service);
      const table = revisionsTable(revisions, current.revision, target.revision);
      core.info(table);
      core.info(
        `Plan: ${inputs.service}: ${current.family}:${current.revision} → ${target.family}:${target.revision}${target.status === 'INACTIVE' ? ' (INACTIVE: re-registered first)' : ''} · reason: ${inputs.reason}`,
      );

      // 2. A deployment in progress is waited for, refused or replaced (if-in-progress).
      const service = (
        await preflight.settleInProgress({
          api,
          poller,
          cluster: inputs.cluster,
          before: described,
          mode: inputs.dryRun ? 'replace' : inputs.ifInProgress,
          timeoutMs: inputs.timeoutMs,
          pollIntervalMs: inputs.pollIntervalMs,
          log,
        })
      ).get(inputs.service)!;
      const currentArn = service.taskDefinition ?? '';
      core.setOutput('previous-task-definition-arn', currentArn);

      if (inputs.dryRun) {
        core.info('dry-run: nothing was changed');
        core.setOutput('task-definition-arn', target.arn);
        core.setOutput('status', 'dry-run');
        report({ from: currentArn, to: target.arn, status: 'dry-run', table });
        return;
      }

      // 3. An INACTIVE (deregistered) target is registered again from its stored definition.
      let targetArn = target.arn;
      if (target.status === 'INACTIVE') {
        const { fromDescribeOutput, toRegisterInput } = await import('../../shared/src/task-definition.js');
        const { registrationId } = await import('../../shared/src/revision.js');
        const stored = await api.describeTaskDefinition(target.arn);
        const registered = await api.registerTaskDefinition(
          toRegisterInput(fromDescribeOutput(stored.taskDefinition, stored.tags)),
          registrationId(),
        );
        targetArn = registered.taskDefinitionArn!;
        core.notice(
          `${target.family}:${target.revision} was INACTIVE (deregistered); re-registered its stored definition as ${revisionLabel(targetArn)}`,
        );
      }

      // 4. Deploy it with the same engine and watch; a rollback that fails is reported, never rolled forward.
      const result = await deployToService({
        api,
        poller,
        cluster: inputs.cluster,
        service: inputs.service,
        before: service,
        target: targetArn,
        forceNewDeployment: false,
        ...watchSettings(inputs),
        rollbackOnFailure: false,
        log: prefixed(log, `[${inputs.service}] `),
      });
      const status: RollbackStatus = result.status === 'rolled-back' ? 'failed' : result.status;

      // 5. Record the rollback on the revision, then report.
      if (status === 'succeeded') {
        const at = new Date().toISOString();
        const tagged = await api.tagResource(targetArn, {
          [TAG.rolledBackAt]: at,
          [TAG.rollbackReason]: tagValue(inputs.reason),
          [TAG.rolledBackBy]: tagValue(process.env.GITHUB_ACTOR ?? 'unknown'),
        });
        if (tagged) core.info(`Tagged ${revisionLabel(targetArn)} ${TAG.rolledBackAt}=${at}`);
      }
      core.setOutput('task-definition-arn', targetArn);
      core.setOutput('status', status);
      report({ from: currentArn, to: targetArn, status, table, why: result.reason });
      core.info(api.callsLine());
      if (status !== 'succeeded' && status !== 'started') {
        core.error(
          `${ACTION}: rollback of ${inputs.service} to ${revisionLabel(targetArn)} ${status}: ${result.reason.replace(/\.$/, '')}; the service is on ${revisionLabel(result.finalTaskDefinition)}`,
        );
        process.exitCode = 1;
      }
    } finally {
      api.destroy();
    }
  });
}
