// What the person reading the run sees at the end of a rollback: the step summary.
import { formatDuration } from '../../shared/src/inputs.js';
import { revisionLabel } from '../../shared/src/revision.js';

export type RollbackStatus = 'succeeded' | 'started' | 'dry-run' | 'failed' | 'timed-out' | 'superseded';

export function summaryMarkdown(o: {
  service: string;
  cluster: string;
  reason: string;
  from: string;
  to: string;
  status: RollbackStatus;
  durationMs: number;
  table: string;
  why?: string;
  actor?: string;
}): string {
  const icon =
    o.status === 'succeeded' ? '✅' : o.status === 'dry-run' ? '📝' : o.status === 'superseded' ? '⏭️' : '❌';
  return [
    `### ${icon} ecs-rollback: ${o.status} — ${o.service} on \`${o.cluster}\``,
    '',
    `- **from → to**: ${revisionLabel(o.from)} → ${revisionLabel(o.to)}`,
    `- **reason**: ${o.reason}`,
    `- **actor**: ${o.actor ?? 'unknown'}`,
    `- **duration**: ${formatDuration(o.durationMs)}`,
    ...(o.why ? [`- **why it did not succeed**: ${o.why}`] : []),
    '',
    o.table,
    '',
  ].join('\n');
}
