import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { ActionError } from '../../shared/src/errors.js';
import { writeSummary } from '../../shared/src/summary.js';
import { getInputs } from './inputs.js';
import { errorLine, overallStatus, summaryMarkdown } from './report.js';

export const ACTION = 'ecs-deploy';

/** describe services -> register once -> UpdateService per service -> watch -> (rollback) -> report. */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    // Everything above ran without the SDK: bad input fails fast. Now load the ECS engine.
    // The chunks load in parallel: every millisecond here is start-up every deploy pays.
    const [{ EcsApi }, { deployToService }, { revisionLabel }, { describeServicesForChange }] =
      await Promise.all([
        import('../../shared/src/ecs/ecs-api.js'),
        import('../../shared/src/ecs/deploy-service.js'),
        import('../../shared/src/ecs/rollout.js'),
        import('../../shared/src/ecs/preflight.js'),
      ]);
    const api = new EcsApi(inputs.region, inputs.maxAttempts, {
      warning: (m) => core.warning(m),
      debug: (m) => core.debug(m),
    });
    const started = Date.now();
    try {
      const fileDoc =
        inputs.taskDefinition.kind === 'file' ? await loadFile(inputs.taskDefinition.path) : undefined;

      // 1. Describe every service before changing anything: each one's PRIMARY is its rollback target.
      const before = await core.group(
        `Describe ${inputs.services.length} service(s) in ${inputs.cluster}`,
        () =>
          describeServicesForChange(api, inputs.cluster, inputs.region, inputs.services, {
            info: (l) => core.info(l),
            warning: (l) => core.warning(l),
          }),
      );

      // Each service's capacity providers must be able to run the revision (Fargate Spot: Linux only).
      const { unsupportedCapacityProviders, fromDescribeOutput } =
        await import('../../shared/src/task-definition.js');
      const targetDoc =
        fileDoc ??
        (inputs.taskDefinition.kind === 'arn'
          ? fromDescribeOutput(
              (await api.describeTaskDefinition(inputs.taskDefinition.arn)).taskDefinition,
              [],
            )
          : undefined);
      const mismatches = inputs.services.flatMap((name) => {
        const providers = (before.get(name)?.capacityProviderStrategy ?? []).map(
          (s) => s.capacityProvider ?? '',
        );
        const bad = targetDoc ? unsupportedCapacityProviders(targetDoc, providers) : [];
        return bad.length
          ? [
              `service ${name} uses ${bad.join(', ')}, which cannot run this task definition's platform (Windows tasks need FARGATE)`,
            ]
          : [];
      });
      if (mismatches.length) throw new ActionError(`nothing was changed: ${mismatches.join('; ')}`);

      // 2. Register the task definition once (unless an ARN was given).
      let target: string;
      let registered = false;
      if (inputs.taskDefinition.kind === 'arn') {
        target = inputs.taskDefinition.arn;
        await api.describeTaskDefinition(target);
      } else {
        const { toRegisterInput } = await import('../../shared/src/task-definition.js');
        const td = await api.registerTaskDefinition(toRegisterInput(fileDoc!));
        target = td.taskDefinitionArn!;
        registered = true;
        core.info(`Registered ${revisionLabel(target)} (${target})`);
      }
      const { taskDefinition: targetDef } = await api.describeTaskDefinition(target);
      const images = (targetDef.containerDefinitions ?? []).map((c) => `${c.name}=${c.image}`);

      // 3 + 4. One UpdateService per service, then watch each, in parallel; log lines carry the service name.
      const deployed = await Promise.all(
        inputs.services.map((name) =>
          deployToService({
            api,
            cluster: inputs.cluster,
            service: name,
            before: before.get(name)!,
            target,
            desiredCount: inputs.desiredCount,
            forceNewDeployment: inputs.forceNewDeployment,
            wait: inputs.wait,
            timeoutMs: inputs.timeoutMs,
            pollIntervalMs: inputs.pollIntervalMs,
            rollbackOnFailure: inputs.rollbackOnFailure,
            maxFailedTasks: inputs.maxFailedTasks,
            log: { info: (l) => core.info(`[${name}] ${l}`), warning: (l) => core.warning(`[${name}] ${l}`) },
          }),
        ),
      );

      // rollback-scope all: one service failed, so the release is rolled back everywhere it succeeded.
      const { releaseRollbackPlan, rollBackRelease } = await import('./release-rollback.js');
      const results = await rollBackRelease(deployed, releaseRollbackPlan(inputs.rollbackScope, deployed), {
        api,
        cluster: inputs.cluster,
        region: inputs.region,
        timeoutMs: inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        log: (name) => ({
          info: (l) => core.info(`[${name}] ${l}`),
          warning: (l) => core.warning(`[${name}] ${l}`),
        }),
        releaseLog: { info: (l) => core.info(l), warning: (l) => core.warning(l) },
      });

      // 5. Record success on the revision (it became steady somewhere and still serves there); clean up a
      // revision nobody runs.
      const servesAfterSuccess = deployed.some(
        (r, i) => r.status === 'succeeded' && results[i]?.finalTaskDefinition === target,
      );
      if (servesAfterSuccess) {
        const at = new Date().toISOString();
        await api.tagResource(target, { 'slipway:deployed-at': at });
        core.info(`Tagged ${revisionLabel(target)} slipway:deployed-at=${at}`);
      }
      if (
        registered &&
        inputs.deregisterFailed &&
        results.every((r) => r.finalTaskDefinition !== target && r.status !== 'started')
      ) {
        await api.deregisterTaskDefinition(target);
        core.info(`Deregistered ${revisionLabel(target)}: no service runs it`);
      }

      const status = overallStatus(results);
      const first = results[0]!;
      core.setOutput('task-definition-arn', target);
      core.setOutput('previous-task-definition-arn', first.previousTaskDefinition);
      core.setOutput('status', status);
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
      core.info(
        `ECS calls: ${api.totalCalls()} (${[...api.calls].map(([op, n]) => `${op} ${n}`).join(', ')})`,
      );

      const failed = results.filter((r) => r.status !== 'succeeded' && r.status !== 'started');
      // One annotation per failed service, each with its reason; the step fails.
      for (const r of failed) core.error(`${ACTION}: ${errorLine(r)}`);
      if (failed.length) process.exitCode = 1;
    } finally {
      api.destroy();
    }
  });
}

async function loadFile(path: string) {
  const { loadTaskDefinitionFile } = await import('../../shared/src/task-definition.js');
  const doc = await loadTaskDefinitionFile(path);
  if (typeof doc.family !== 'string' || !Array.isArray(doc.containerDefinitions)) {
    throw new ActionError(`task definition file ${path} needs a family and containerDefinitions`);
  }
  return doc;
}
