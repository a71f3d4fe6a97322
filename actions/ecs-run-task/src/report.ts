// What the person reading the run sees at the end: the step summary and the one-line error.
import { markdownTable } from '../../shared/src/summary.js';
import { formatDuration } from '../../shared/src/inputs.js';
import { taskIdOf } from '../../shared/src/container-logs.js';
import type { Outcome, RunStatus } from './outcome.js';

const ICON: Record<RunStatus, string> = {
  succeeded: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  started: '⏳',
};

export function taskConsoleUrl(region: string, cluster: string, taskArn: string): string {
  const name = cluster.split('/').pop() ?? cluster;
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(name)}/tasks/${taskIdOf(taskArn)}/configuration?region=${region}`;
}

export function revisionLabel(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

/** The `::error::` text: what happened, then the container's last lines (at most `maxLines`). */
export function errorText(outcome: Outcome, taskArn: string, lastLines: string[], maxLines = 20): string {
  const lines = lastLines.slice(-maxLines);
  const head = `task ${taskIdOf(taskArn)} ${outcome.status}: ${outcome.reason}`;
  return lines.length ? `${head}. Last ${lines.length} log line(s):\n${lines.join('\n')}` : head;
}

export function summaryMarkdown(o: {
  cluster: string;
  region: string;
  taskArn: string;
  taskDefinitionArn: string;
  container: string;
  outcome: Outcome;
  durationMs: number;
  lastLines: string[];
  logUrl: string;
  logsNote?: string;
}): string {
  const rows = [
    [
      `[${taskIdOf(o.taskArn)}](${taskConsoleUrl(o.region, o.cluster, o.taskArn)})`,
      revisionLabel(o.taskDefinitionArn),
      o.container,
      o.outcome.exitCode === undefined ? '–' : String(o.outcome.exitCode),
      formatDuration(o.durationMs),
    ],
  ];
  const parts = [
    `### ${ICON[o.outcome.status]} ecs-run-task: ${o.outcome.status} on cluster \`${o.cluster}\``,
    '',
    markdownTable(['task', 'task definition', 'container', 'exit code', 'duration'], rows),
    '',
    o.outcome.reason.charAt(0).toUpperCase() + o.outcome.reason.slice(1) + '.',
  ];
  if (o.lastLines.length) {
    // A fence longer than any backtick run in the lines, so a log line cannot close it.
    const longest = Math.max(
      2,
      ...o.lastLines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))),
    );
    const fence = '`'.repeat(longest + 1);
    parts.push(
      '',
      `#### Last ${o.lastLines.length} log line(s) of ${o.container}`,
      '',
      fence + 'text',
      ...o.lastLines,
      fence,
    );
  }
  if (o.logsNote) parts.push('', `> ${o.logsNote}`);
  if (o.logUrl) parts.push('', `[Log](${o.logUrl})`);
  return parts.join('\n') + '\n';
}
