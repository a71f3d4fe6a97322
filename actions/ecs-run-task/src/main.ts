import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { ActionError } from '../../shared/src/errors.js';
import { writeSummary } from '../../shared/src/summary.js';
import { getInputs } from './inputs.js';

export const ACTION = 'ecs-run-task';

/** validate -> prepare (task definition, container, service placement) -> register -> RunTask once -> watch
 * and stream the log -> exit code decides -> report. */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    // Bad input failed above without loading the SDK; now the ECS client and the logic that needs it.
    const [{ TaskApi }, { prepare }, request, { watchTask }, { outcomeOf, failureHint }, report, logs] =
      await Promise.all([
        import('./task-api.js'),
        import('./prepare.js'),
        import('./request.js'),
        import('./watch.js'),
        import('./outcome.js'),
        import('./report.js'),
        import('../../shared/src/container-logs.js'),
      ]);
    const api = new TaskApi(inputs.region, inputs.maxAttempts, { warning: (m) => core.warning(m) });
    try {
      // 1. Decide everything before changing anything.
      const plan = await prepare(inputs, api, { info: (l) => core.info(l) });
      if (plan.logsUnavailable && inputs.logLines > 0)
        core.warning(`The task's log will not be shown: ${plan.logsUnavailable}`);

      // 2. Register the file's revision (an ARN is used as it is).
      let taskDefinitionArn: string;
      if (plan.fileDoc) {
        const { toRegisterInput } = await import('../../shared/src/task-definition.js');
        const td = await api.registerTaskDefinition(toRegisterInput(plan.fileDoc));
        taskDefinitionArn = td.taskDefinitionArn!;
        core.info(`Registered ${report.revisionLabel(taskDefinitionArn)} (${taskDefinitionArn})`);
      } else taskDefinitionArn = plan.taskDefinition.taskDefinitionArn!;
      core.setOutput('task-definition-arn', taskDefinitionArn);

      // 3. RunTask, exactly once.
      const req = request.runTaskRequest({
        cluster: inputs.cluster,
        taskDefinitionArn,
        container: plan.container,
        ...(inputs.command ? { command: inputs.command } : {}),
        environment: inputs.environment,
        startedBy: inputs.startedBy,
        placement: plan.placement,
      });
      const clientToken = request.clientToken(req, inputs.run);
      const started = Date.now();
      const { tasks, failures } = await api.runTask({ ...req, clientToken });
      const task = tasks[0];
      if (!task?.taskArn) {
        const why = failures.map(
          (f) =>
            `${f.reason ?? 'unknown reason'}${f.detail ? ` (${f.detail})` : ''}${f.arn ? ` on ${f.arn}` : ''}${failureHint(f.reason ?? '') ? `: ${failureHint(f.reason ?? '')}` : ''}`,
        );
        throw new ActionError(
          `RunTask started no task of ${report.revisionLabel(taskDefinitionArn)} in ${inputs.cluster}: ${why.join('; ') || 'ECS gave no reason'}`,
        );
      }
      const taskArn = task.taskArn;
      core.info(
        `Started task ${logs.taskIdOf(taskArn)} of ${report.revisionLabel(taskDefinitionArn)} (container ${plan.container}${inputs.command ? `, command ${JSON.stringify(inputs.command)}` : ''}${inputs.environment.length ? `, environment ${inputs.environment.map(([k]) => k).join(', ')}` : ''}, started by ${inputs.startedBy})`,
      );
      const location = logs.containerLogLocation(plan.taskDefinition, plan.container, taskArn, inputs.region);
      const logUrl =
        'unavailable' in location
          ? report.taskConsoleUrl(inputs.region, inputs.cluster, taskArn)
          : logs.logStreamUrl(location);
      core.setOutput('task-arn', taskArn);
      core.setOutput('log-url', logUrl);
      core.info(`Task: ${report.taskConsoleUrl(inputs.region, inputs.cluster, taskArn)}`);

      if (!inputs.wait) {
        core.setOutput('status', 'started');
        core.setOutput('exit-code', '');
        writeSummary(
          `### ⏳ ecs-run-task: started on cluster \`${inputs.cluster}\`\n\nTask [${logs.taskIdOf(taskArn)}](${report.taskConsoleUrl(inputs.region, inputs.cluster, taskArn)}) of ${report.revisionLabel(taskDefinitionArn)} was started; the step did not wait for it (wait: false).\n`,
        );
        return;
      }

      // 4. Wait for STOPPED, streaming the container's log line by line.
      let reader;
      if (!('unavailable' in location) && inputs.logLines > 0) {
        const { CloudWatchLogsApi } = await import('../../shared/src/logs-api.js');
        reader = new logs.LogStreamReader(
          new CloudWatchLogsApi(location.region, api.signingSource()),
          location,
        );
        core.info(`Log: ${location.group} ${location.stream}`);
      }
      const watched = await watchTask({
        api,
        cluster: inputs.cluster,
        taskArn,
        timeoutMs: inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        ...(reader ? { logs: reader } : {}),
        keepLines: inputs.logLines,
        log: { info: (l) => core.info(l), warning: (l) => core.warning(l), debug: (l) => core.debug(l) },
      });

      // 5. The container's exit code decides.
      const outcome = watched.stillRunning
        ? {
            status: 'timed-out' as const,
            reason: `the task was stopped after the time-out but had not stopped yet (last status ${watched.task?.lastStatus ?? 'unknown'})`,
          }
        : outcomeOf(watched.task!, plan.container, watched.timedOut);
      core.setOutput('status', outcome.status);
      core.setOutput('exit-code', outcome.exitCode === undefined ? '' : String(outcome.exitCode));
      writeSummary(
        report.summaryMarkdown({
          cluster: inputs.cluster,
          region: inputs.region,
          taskArn,
          taskDefinitionArn,
          container: plan.container,
          outcome,
          durationMs: Date.now() - started,
          lastLines: outcome.status === 'succeeded' ? [] : watched.lastLines,
          logUrl,
          ...(reader?.disabled ? { logsNote: `The log could not be read: ${reader.disabled}` } : {}),
        }),
      );
      core.info(`${outcome.status}: ${outcome.reason}`);
      core.debug(`ECS calls: ${[...api.calls].map(([op, n]) => `${op} ${n}`).join(', ')}`);
      if (outcome.status !== 'succeeded')
        core.setFailed(`${ACTION}: ${report.errorText(outcome, taskArn, watched.lastLines)}`);
    } finally {
      api.destroy();
    }
  });
}
