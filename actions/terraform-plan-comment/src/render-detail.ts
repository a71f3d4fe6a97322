import { attributeDiff, outputValue } from './diff.js';
import { cutLines, details, escapeHtml, fenced } from './markdown.js';
import { ICON, plural } from './render-head.js';
import type { RenderOptions } from './render-options.js';
import { isChange, type Entry, type PlanSummary } from './summarize.js';
import { describeDeferral, describeKind, describeReason } from './wording.js';

/** The per-resource detail blocks, in the order a reviewer reads them; dropped from the bottom when too big. */

/** One resource's block; `drift` for resource_drift, `deferred` (the reason) for a deferred change. */
function entryBlock(e: Entry, opts: RenderOptions, cap: number, drift = false, deferred?: string): string {
  const redact = opts.redact ?? new Set<string>();
  const text =
    drift || deferred !== undefined
      ? undefined
      : opts.textBlocks?.get(e.deposed ? `${e.address} (deposed object ${e.deposed})` : e.address);
  const lines = text !== undefined ? text.split('\n') : attributeDiff(e, redact);
  const where = opts.fullPlanLink?.text ?? 'the job summary';
  const body = cutLines(lines, cap, (n) => `# … ${n} more lines, in ${where}`).join('\n');
  const tags: string[] = [drift ? 'changed outside Terraform' : describeKind(e)];
  if (!drift && e.importing && e.kind !== 'no-op') tags.push('import');
  if (!drift && e.previousAddress && e.kind !== 'no-op') tags.push(`moved from ${e.previousAddress}`);
  if (!drift && e.previousAddress && e.kind === 'no-op') tags[0] = `moved from ${e.previousAddress}`;
  if (deferred !== undefined) tags.unshift(`deferred: ${describeDeferral(deferred)}`);
  const reason = drift ? undefined : describeReason(e.reason);
  const icon = drift ? ICON.drift : deferred !== undefined ? ICON.deferred : ICON[e.kind];
  const summary =
    `${icon ?? ''} <code>${escapeHtml(e.address)}</code> — ${escapeHtml(tags.join(', '))}` +
    (reason
      ? ` · ${reason.text ? `${escapeHtml(reason.text)} ` : ''}<code>${escapeHtml(reason.code)}</code>`
      : '');
  return details(summary, fenced('diff', body));
}

const GROUPS: Array<{ title: string; icon: string; match: (e: Entry) => boolean }> = [
  { title: 'Destroy', icon: ICON.delete!, match: (e) => e.kind === 'delete' },
  { title: 'Replace', icon: ICON.replace!, match: (e) => e.kind === 'replace' },
  { title: 'Update in place', icon: ICON.update!, match: (e) => e.kind === 'update' },
  { title: 'Create', icon: ICON.create!, match: (e) => e.kind === 'create' },
  {
    title: 'Forget (removed from state, not destroyed)',
    icon: ICON.forget!,
    match: (e) => e.kind === 'forget',
  },
  { title: 'Import or move only', icon: ICON['no-op']!, match: (e) => e.kind === 'no-op' && isChange(e) },
  { title: 'Read', icon: ICON.read!, match: (e) => e.kind === 'read' },
];

/** The detail blocks in order, built lazily: a comment stops building them once the budget is spent. */
export function detailBlocks(
  s: PlanSummary,
  opts: RenderOptions,
): { total: number; blocks: () => Iterable<string> } {
  const cap = Math.max(1500, Math.floor(opts.maxBytes / 8));
  const groups = GROUPS.map((g) => ({ ...g, members: s.entries.filter(g.match) }));
  const total =
    groups.reduce((n, g) => n + g.members.length, 0) +
    s.deferred.length +
    s.drift.length +
    (s.outputs.length ? 1 : 0);
  function* blocks(): Iterable<string> {
    for (const g of groups) {
      for (const [i, e] of g.members.entries()) {
        const block = entryBlock(e, opts, cap);
        yield i === 0 ? `#### ${g.icon} ${g.title} (${g.members.length})\n\n${block}` : block;
      }
    }
    for (const [i, { reason, entry }] of s.deferred.entries()) {
      const block = entryBlock(entry, opts, cap, false, reason);
      yield i === 0
        ? `#### ${ICON.deferred} Deferred to a later plan (${s.deferred.length})\n\nTerraform could not plan these yet; they are not part of this apply.\n\n${block}`
        : block;
    }
    for (const [i, e] of s.drift.entries()) {
      const block = entryBlock(e, opts, cap, true);
      yield i === 0
        ? `#### ${ICON.drift} Changed outside Terraform (${s.drift.length})\n\nTerraform refreshed these objects and found changes made outside it; the plan above already accounts for them.\n\n${block}`
        : block;
    }
    if (s.outputs.length) {
      const redact = opts.redact ?? new Set<string>();
      const lines: string[] = [];
      for (const { name, change } of s.outputs) {
        const kind = change.actions.includes('delete')
          ? 'delete'
          : change.actions.includes('create')
            ? 'create'
            : 'update';
        if (kind !== 'create') lines.push(`- ${name} = ${outputValue(change, 'before', redact)}`);
        if (kind !== 'delete') lines.push(`+ ${name} = ${outputValue(change, 'after', redact)}`);
      }
      const body = cutLines(lines, cap, (n) => `# … ${n} more lines`).join('\n');
      yield `#### ${ICON.outputs} Output changes (${s.outputs.length})\n\n${details(plural(s.outputs.length, 'output'), fenced('diff', body))}`;
    }
  }
  return { total, blocks };
}
