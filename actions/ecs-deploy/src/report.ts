// What the person reading the run sees at the end: the step summary table and the per-service errors.
import type { ServiceDeployResult, DeployStatus } from '../../shared/src/ecs/deploy-result.js';
import { revisionLabel } from '../../shared/src/revision.js';
import { markdownTable } from '../../shared/src/summary.js';
import { describeGroups, hintFor } from '../../shared/src/ecs/diagnose.js';
import { formatDuration } from '../../shared/src/inputs.js';

const SEVERITY: Record<DeployStatus, number> = {
  succeeded: 0,
  started: 1,
  'rolled-back': 2,
  superseded: 3,
  'timed-out': 4,
  failed: 5,
};
const ICON: Record<DeployStatus, string> = {
  succeeded: '✅',
  started: '⏳',
  'rolled-back': '↩️',
  'timed-out': '⏱️',
  superseded: '⏭️',
  failed: '❌',
};

export function overallStatus(results: ServiceDeployResult[]): DeployStatus {
  return results.reduce<DeployStatus>(
    (worst, r) => (SEVERITY[r.status] > SEVERITY[worst] ? r.status : worst),
    'succeeded',
  );
}

export function consoleUrl(region: string, cluster: string, service: string): string {
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}/deployments?region=${region}`;
}

export function errorLine(r: ServiceDeployResult): string {
  const where =
    r.status === 'rolled-back' || (r.status === 'timed-out' && r.rolledBack)
      ? `; rolled back to ${revisionLabel(r.previousTaskDefinition)}, which is serving`
      : r.status === 'failed' || r.status === 'timed-out'
        ? `; the service is on ${revisionLabel(r.finalTaskDefinition)}`
        : '';
  const top = r.stopGroups[0];
  const logs = r.stopGroups.find((g) => g.logs && 'lines' in g.logs && g.logs.lines.length)?.logs;
  const tail =
    logs && 'lines' in logs
      ? `\nLast ${logs.lines.length} lines of ${logs.container} (${logs.where}):\n${logs.lines.join('\n')}`
      : '';
  return `service ${r.service}: ${r.status}: ${r.reason.replace(/\.$/, '')}${where}${top ? `. Tasks stopped: ${top.reason}${top.containers.length ? ` (${top.containers.join(', ')})` : ''}` : ''}${tail}`;
}

export function summaryMarkdown(opts: {
  cluster: string;
  region: string;
  images: string[];
  results: ServiceDeployResult[];
}): string {
  const { cluster, region, images, results } = opts;
  const status = overallStatus(results);
  const rows = results.map((r) => [
    `[${r.service}](${consoleUrl(region, cluster, r.service)})`,
    `${revisionLabel(r.previousTaskDefinition)} → ${revisionLabel(r.taskDefinition)}`,
    `${ICON[r.status]} ${r.status}${r.rolledBack || r.status === 'superseded' ? ` (now on ${revisionLabel(r.finalTaskDefinition)})` : ''}`,
    formatDuration(r.durationMs),
  ]);
  const parts = [
    `### ${ICON[status]} ecs-deploy: ${status} on cluster \`${cluster}\``,
    '',
    markdownTable(['service', 'revision', 'result', 'duration'], rows),
    '',
    `Images: ${images.map((i) => `\`${i}\``).join(', ') || '(unknown)'}`,
  ];
  parts.push(...timelineMarkdown(results));
  const failed = results.filter((r) => r.status !== 'succeeded' && r.status !== 'started');
  if (failed.length) {
    parts.push('', '#### Why');
    for (const r of failed) {
      parts.push('', `**${r.service}**: ${r.reason}`);
      for (const [i, line] of describeGroups(r.stopGroups).entries()) {
        parts.push(`- ${line}`);
        const hint = hintFor(line);
        if (hint) parts.push(`  - ${hint}`);
        const logs = r.stopGroups[i]?.logs;
        if (logs && 'lines' in logs && logs.lines.length)
          parts.push(
            '',
            `  Last ${logs.lines.length} lines of \`${logs.container}\` ([log stream](${logs.url})):`,
            '',
            `  ${FENCE}text`,
            ...logs.lines.map((l) => `  ${l.replaceAll(FENCE, "'''")}`),
            `  ${FENCE}`,
          );
      }
    }
  }
  return parts.join('\n') + '\n';
}

const FENCE = '`'.repeat(3);

/** The lifecycle stages of each service's deployment with how long each took, and how PAUSE hooks were answered. */
export function timelineMarkdown(results: ServiceDeployResult[]): string[] {
  const out: string[] = [];
  const staged = results.filter((r) => r.stages.length);
  if (staged.length) {
    out.push('', '#### Stages');
    for (const r of staged) {
      const rows = r.stages.map((st) => [
        st.stage,
        st.endedAt !== undefined ? formatDuration(st.endedAt - st.startedAt) : 'not finished',
      ]);
      out.push('', `**${r.service}** (${r.strategy})`, '', markdownTable(['stage', 'took'], rows));
    }
  }
  const paused = results.filter((r) => r.pauses.length);
  if (paused.length) {
    out.push('', '#### Lifecycle hooks');
    for (const r of paused)
      for (const p of r.pauses) {
        out.push('', `**${r.service}** at ${p.stage} (hook ${p.hookId}): ${p.action}: ${p.why}`);
        if (p.output?.length)
          out.push('', `${FENCE}text`, ...p.output.map((l) => l.replaceAll(FENCE, "'''")), FENCE);
      }
  }
  return out;
}
