import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { writeSummary } from '../../shared/src/summary.js';
import { prefixed, stepLog } from '../../shared/src/log.js';
import { getInputs } from './inputs.js';
import { watchSettings } from '../../shared/src/ecs/inputs.js';
import { errorLine, overallStatus, summaryMarkdown } from './report.js';

export const ACTION = 'ecs-deploy';

/**
 * describe services -> load and check the revision -> settle a deployment in progress -> register once ->
 * UpdateService per service -> watch -> (rollback) -> record -> report.
 */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    // Everything above ran without the SDK: bad input fails fast. Now load what the first request needs;
    // the rest of the engine loads while that request is in flight (start-up is paid by every deploy).
    const [{ EcsApi }, { ServicePoller }, preflight] = await Promise.all([
      import('../../shared/src/ecs/ecs-api.js'),
      import('../../shared/src/ecs/service-poller.js'),
      import('../../shared/src/ecs/preflight.js'),
    ]);
    const log = stepLog();
    const api = new EcsApi(inputs.region, { maxAttempts: inputs.maxAttempts, log });
    const poller = new ServicePoller(api, inputs.cluster);
    const started = Date.now();
    try {
      // 1. Describe every service before changing anything; the revision must exist (an ARN) or load (a
      //    file), and every service must be able to run it.
      const describing = core.group(
        `Describe ${inputs.services.length} service(s) in ${inputs.cluster}`,
        () =>
          preflight.describeServicesForChange(poller, inputs.cluster, inputs.region, inputs.services, log),
      );
      const engine = Promise.all([import('../../shared/src/ecs/deploy-service.js'), import('./target.js')]);
      engine.catch(() => undefined); // awaited below; a failed describe must not leave it unhandled
      const described = await describing;
      const [{ deployToService }, { loadTarget, containerImages }] = await engine;
      preflight.refuseController(described);
      const target = await loadTarget(api, inputs.taskDefinition, inputs.region, log);
      preflight.refuseUnrunnable(described, target.doc);

      // 2. A deployment already in progress is waited for, refused or replaced (if-in-progress). Each
      //    service's PRIMARY afterwards is its rollback target.
      const before = await preflight.settleInProgress({
        api,
        poller,
        cluster: inputs.cluster,
        before: described,
        mode: inputs.ifInProgress,
        timeoutMs: inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        log,
      });

      // 3. Register it once (unless an ARN was given).
      const { arn, registered } = await target.register();
      const images = containerImages(target.doc);

      // 4. One UpdateService per service, then watch each, in parallel; log lines carry the service name.
      const deployed = await Promise.all(
        inputs.services.map((name) =>
          deployToService({
            api,
            poller,
            cluster: inputs.cluster,
            service: name,
            before: before.get(name)!,
            target: arn,
            desiredCount: inputs.desiredCount,
            forceNewDeployment: inputs.forceNewDeployment,
            ...watchSettings(inputs),
            rollbackOnFailure: inputs.rollbackOnFailure,
            maxFailedTasks: inputs.maxFailedTasks,
            log: prefixed(log, `[${name}] `),
          }),
        ),
      );

      // 5. rollback-scope all: one service failed, so the release is rolled back everywhere it succeeded.
      const { releaseRollbackPlan, rollBackRelease } = await import('./release-rollback.js');
      const results = await rollBackRelease(deployed, releaseRollbackPlan(inputs.rollbackScope, deployed), {
        api,
        poller,
        cluster: inputs.cluster,
        region: inputs.region,
        timeoutMs: inputs.timeoutMs,
        timeoutAuto: inputs.timeoutAuto,
        pollIntervalMs: inputs.pollIntervalMs,
        log: (name) => prefixed(log, `[${name}] `),
        releaseLog: log,
      });

      // 6. Record where the revision served; deregister one that nothing runs.
      const { recordRevision } = await import('./record.js');
      await recordRevision(api, {
        target: arn,
        registered,
        deregisterFailed: inputs.deregisterFailed,
        deployed,
        final: results,
        log,
      });

      // 7. Report: outputs, summary, one annotation per service that did not succeed.
      const first = results[0]!;
      core.setOutput('task-definition-arn', arn);
      core.setOutput('previous-task-definition-arn', first.previousTaskDefinition);
      core.setOutput('status', overallStatus(results));
      core.setOutput('rolled-back', String(results.some((r) => r.rolledBack)));
      core.setOutput('deployment-id', first.deploymentId ?? '');
      core.setOutput('duration-seconds', String(Math.round((Date.now() - started) / 1000)));
      core.setOutput(
        'results',
        JSON.stringify(
          results.map((r) => ({
            service: r.service,
            status: r.status,
            reason: r.reason,
            taskDefinition: r.taskDefinition,
            previousTaskDefinition: r.previousTaskDefinition,
            finalTaskDefinition: r.finalTaskDefinition,
            durationSeconds: Math.round(r.durationMs / 1000),
          })),
        ),
      );
      writeSummary(summaryMarkdown({ cluster: inputs.cluster, region: inputs.region, images, results }));
      core.info(api.callsLine());
      const failed = results.filter((r) => r.status !== 'succeeded' && r.status !== 'started');
      for (const r of failed) core.error(`${ACTION}: ${errorLine(r)}`);
      if (failed.length) process.exitCode = 1;
    } finally {
      api.destroy();
    }
  });
}
