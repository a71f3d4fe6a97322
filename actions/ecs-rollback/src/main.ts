import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs, formatDuration } from '../../shared/src/inputs.js';
import { ActionError, errorName } from '../../shared/src/errors.js';
import { writeSummary } from '../../shared/src/summary.js';
import { getInputs, tagValue } from './inputs.js';
import { familyAndRevision, requestedRevision, revisionsTable, type Revision } from './revisions.js';
import type { EcsApi } from '../../shared/src/ecs/ecs-api.js';

export const ACTION = 'ecs-rollback';
const HISTORY = 10;

/** describe service -> recent revisions -> resolve target -> (dry run) -> deploy with the ecs-deploy engine -> tag. */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    // The chunks load in parallel: every millisecond here is start-up every rollback pays.
    const [{ EcsApi }, { describeServicesForChange }, { deployToService }] = await Promise.all([
      import('../../shared/src/ecs/ecs-api.js'),
      import('../../shared/src/ecs/preflight.js'),
      import('../../shared/src/ecs/deploy-service.js'),
    ]);
    const api = new EcsApi(inputs.region, inputs.maxAttempts, {
      warning: (m) => core.warning(m),
      debug: (m) => core.debug(m),
    });
    const started = Date.now();
    try {
      const log = { info: (l: string) => core.info(l), warning: (l: string) => core.warning(l) };
      const service = (
        await describeServicesForChange(api, inputs.cluster, inputs.region, [inputs.service], log)
      ).get(inputs.service)!;
      const currentArn = service.taskDefinition ?? '';
      const current = familyAndRevision(currentArn);

      // Recent revisions of the family, newest first, with their provenance tags.
      const history = await core.group(`Look up the recent revisions of ${current.family}`, async () => {
        const arns = [
          ...(await api.listTaskDefinitions(current.family, 'ACTIVE')),
          ...(await api.listTaskDefinitions(current.family, 'INACTIVE')),
        ]
          .sort((a, b) => familyAndRevision(b).revision - familyAndRevision(a).revision)
          .slice(0, HISTORY);
        return Promise.all(arns.map((arn) => describeRevision(api, arn)));
      });

      const wanted = requestedRevision(inputs.to, current, history);
      if (wanted.revision === current.revision) {
        throw new ActionError(
          `${wanted.family}:${wanted.revision} is already running on ${inputs.service}: nothing to roll back to`,
        );
      }
      let target = history.find((r) => r.revision === wanted.revision);
      if (!target) {
        try {
          target = await describeRevision(api, `${wanted.family}:${wanted.revision}`);
        } catch (err) {
          if (errorName(err) === 'ClientException' || /not found|Unable to describe/i.test(String(err))) {
            throw new ActionError(
              `${wanted.family}:${wanted.revision} does not exist (the family's newest revisions: ${
                history
                  .slice(0, 5)
                  .map((r) => r.revision)
                  .join(', ') || 'none'
              })`,
            );
          }
          throw err;
        }
      }
      if (!target.deployedAt) {
        if (!wanted.explicit)
          throw new ActionError(`${wanted.family}:${wanted.revision} was never deployed successfully`);
        core.warning(
          `${wanted.family}:${wanted.revision} has no slipway:deployed-at tag: it was never deployed successfully by slipway; rolling back to it because 'to' names it`,
        );
      }

      core.info(revisionsTable(history, current.revision, target.revision));
      const plan = `${inputs.service}: ${current.family}:${current.revision} → ${target.family}:${target.revision}${target.status === 'INACTIVE' ? ' (INACTIVE: re-registered first)' : ''} · reason: ${inputs.reason}`;
      core.info(`Plan: ${plan}`);
      core.setOutput('previous-task-definition-arn', currentArn);

      if (inputs.dryRun) {
        core.info('dry-run: nothing was changed');
        core.setOutput('task-definition-arn', target.arn);
        core.setOutput('status', 'dry-run');
        writeSummary(
          summary({
            inputs,
            from: currentArn,
            to: target.arn,
            status: 'dry-run',
            durationMs: Date.now() - started,
            table: revisionsTable(history, current.revision, target.revision),
          }),
        );
        return;
      }

      let targetArn = target.arn;
      if (target.status === 'INACTIVE') {
        const { fromDescribeOutput, toRegisterInput } = await import('../../shared/src/task-definition.js');
        const stored = await api.describeTaskDefinition(target.arn);
        const registered = await api.registerTaskDefinition(
          toRegisterInput(fromDescribeOutput(stored.taskDefinition, stored.tags)),
        );
        targetArn = registered.taskDefinitionArn!;
        core.notice(
          `${target.family}:${target.revision} was INACTIVE (deregistered); re-registered its stored definition as ${familyAndRevision(targetArn).family}:${familyAndRevision(targetArn).revision}`,
        );
      }

      const result = await deployToService({
        api,
        cluster: inputs.cluster,
        service: inputs.service,
        before: service,
        target: targetArn,
        forceNewDeployment: false,
        wait: inputs.wait,
        timeoutMs: inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        // A rollback that fails is reported, never "rolled forward" again by slipway.
        rollbackOnFailure: false,
        log: {
          info: (l) => core.info(`[${inputs.service}] ${l}`),
          warning: (l) => core.warning(`[${inputs.service}] ${l}`),
        },
      });

      const status =
        result.status === 'succeeded' || result.status === 'started'
          ? result.status
          : result.status === 'timed-out'
            ? 'timed-out'
            : 'failed';
      if (status === 'succeeded') {
        const at = new Date().toISOString();
        await api.tagResource(targetArn, {
          'slipway:rolled-back-at': at,
          'slipway:rollback-reason': tagValue(inputs.reason),
          'slipway:rolled-back-by': tagValue(process.env.GITHUB_ACTOR ?? 'unknown'),
        });
        core.info(
          `Tagged ${familyAndRevision(targetArn).family}:${familyAndRevision(targetArn).revision} slipway:rolled-back-at=${at}`,
        );
      }
      core.setOutput('task-definition-arn', targetArn);
      core.setOutput('status', status);
      writeSummary(
        summary({
          inputs,
          from: currentArn,
          to: targetArn,
          status,
          durationMs: Date.now() - started,
          table: revisionsTable(history, current.revision, target.revision),
          reason: result.reason,
        }),
      );
      if (status !== 'succeeded' && status !== 'started') {
        core.error(
          `${ACTION}: rollback of ${inputs.service} to ${familyAndRevision(targetArn).family}:${familyAndRevision(targetArn).revision} ${status}: ${result.reason.replace(/\.$/, '')}; the service is on ${result.finalTaskDefinition.split('/').pop()}`,
        );
        process.exitCode = 1;
      }
    } finally {
      api.destroy();
    }
  });
}

async function describeRevision(api: Pick<EcsApi, 'describeTaskDefinition'>, arn: string): Promise<Revision> {
  const { taskDefinition, tags } = await api.describeTaskDefinition(arn);
  const tag = (k: string) => tags.find((t) => t.key === k)?.value;
  return {
    arn: taskDefinition.taskDefinitionArn ?? arn,
    family: taskDefinition.family ?? '',
    revision: taskDefinition.revision ?? 0,
    status: taskDefinition.status ?? 'ACTIVE',
    images: (taskDefinition.containerDefinitions ?? []).map((c) => c.image ?? ''),
    commit: tag('slipway:commit'),
    deployedAt: tag('slipway:deployed-at'),
    rolledBackAt: tag('slipway:rolled-back-at'),
  };
}

function summary(o: {
  inputs: { service: string; cluster: string; reason: string };
  from: string;
  to: string;
  status: string;
  durationMs: number;
  table: string;
  reason?: string;
}): string {
  const icon = o.status === 'succeeded' ? '✅' : o.status === 'dry-run' ? '📝' : '❌';
  return [
    `### ${icon} ecs-rollback: ${o.status} — ${o.inputs.service} on \`${o.inputs.cluster}\``,
    '',
    `- **from → to**: ${o.from.split('/').pop()} → ${o.to.split('/').pop()}`,
    `- **reason**: ${o.inputs.reason}`,
    `- **actor**: ${process.env.GITHUB_ACTOR ?? 'unknown'}`,
    `- **duration**: ${formatDuration(o.durationMs)}`,
    ...(o.reason ? [`- **why it did not succeed**: ${o.reason}`] : []),
    '',
    o.table,
    '',
  ].join('\n');
}
