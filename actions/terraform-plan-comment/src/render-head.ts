import { cell, code } from './markdown.js';
import type { ActionInvocation } from './plan.js';
import type { Entry, PlanSummary } from './summarize.js';
import { describeKind, describeReason, describeTrigger, HEADLINES } from './wording.js';

/** The parts of a rendering that are always kept: the counts line and the alerts that list what matters. */

export const ICON: Record<string, string> = {
  delete: '🔴',
  replace: '🔁',
  update: '🟡',
  create: '🟢',
  forget: '⚪',
  read: '🔵',
  'no-op': '📥',
  drift: '⚠️',
  outputs: '📤',
  action: '▶️',
  deferred: '⏸️',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The headline: what an apply of this plan does, in counts. An errored plan says so first and never says
 * "No changes"; a plan whose only content is deferred changes says the configuration is not fully applied.
 */
export function countsLine(s: PlanSummary): string {
  const c = s.counts;
  const extra: string[] = [];
  if (c.replace) extra.push(`${ICON.replace} ${c.replace} to replace`);
  if (c.import) extra.push(`📥 ${c.import} to import`);
  if (c.move) extra.push(`➡️ ${c.move} to move`);
  if (c.forget) extra.push(`${ICON.forget} ${c.forget} to forget`);
  if (c.read) extra.push(`${ICON.read} ${c.read} to read`);
  if (c.outputs) extra.push(`${ICON.outputs} ${plural(c.outputs, 'output change')}`);
  if (s.actions.length) extra.push(`${ICON.action} ${plural(s.actions.length, 'action')} to run`);
  const deferred = s.deferred.length + s.deferredActions.length;
  if (deferred) extra.push(`${ICON.deferred} ${deferred} deferred`);
  if (c.drift) extra.push(`${ICON.drift} ${c.drift} changed outside Terraform`);
  const counts = [
    `${ICON.create} ${c.create} to add`,
    `${ICON.update} ${c.update} to change`,
    `${ICON.delete} ${c.delete} to destroy`,
    ...extra,
  ];
  if (s.status === 'errored') {
    const planned = s.hasChanges || extra.length > 0;
    return planned
      ? `${HEADLINES.errored}\n\n${HEADLINES.plannedBeforeError} ${counts.join(' · ')}`
      : HEADLINES.errored;
  }
  if (!s.hasChanges) {
    return [deferred ? HEADLINES.deferredOnly : HEADLINES.noChanges, ...extra].join(' · ');
  }
  return `**Plan:** ${counts.join(' · ')}`;
}

export interface ListItem {
  icon: string;
  label: string;
  what: string;
  /** Resource instances this item stands for. */
  count: number;
}

export function listItem(e: Entry): ListItem {
  const reason = describeReason(e.reason);
  return {
    icon: ICON[e.kind] ?? '',
    label: code(e.deposed ? `${e.address} (deposed ${e.deposed})` : e.address),
    what: `${describeKind(e)}${reason ? ` · ${reason.text ? `${reason.text} ` : ''}${code(reason.code)}` : ''}`,
    count: 1,
  };
}

/** Collapses runs of count indexes (`x[0]`, `x[1]`, … with the same action and reason) into `x[0–9]` (10). */
export function compactList(entries: readonly Entry[]): ListItem[] {
  const out: ListItem[] = [];
  let run: { prefix: string; from: number; to: number; e: Entry } | undefined;
  const flush = () => {
    if (!run) return;
    const item = listItem(run.e);
    const n = run.to - run.from + 1;
    out.push(
      n === 1
        ? item
        : { ...item, label: `${code(`${run.prefix}[${run.from}–${run.to}]`)} (${n} instances)`, count: n },
    );
    run = undefined;
  };
  for (const e of entries) {
    const m = /^(.*)\[(\d+)\]$/.exec(e.address);
    const same =
      run &&
      m &&
      !e.deposed &&
      m[1] === run.prefix &&
      Number(m[2]) === run.to + 1 &&
      e.kind === run.e.kind &&
      e.reason === run.e.reason &&
      e.actions.join() === run.e.actions.join();
    if (same && run && m) {
      run.to = Number(m[2]);
      continue;
    }
    flush();
    if (m && !e.deposed) run = { prefix: m[1]!, from: Number(m[2]), to: Number(m[2]), e };
    else out.push(listItem(e));
  }
  flush();
  return out;
}

export function destroyAlert(items: ListItem[], total: number, cut: number, where: string): string {
  const lines = [
    '> [!CAUTION]',
    `> **${plural(total, 'resource')} will be destroyed or replaced:**`,
    ...items.map((i) => `> - ${i.icon} ${i.label} — ${cell(i.what)}`),
  ];
  if (cut > 0) lines.push(`> - … and ${cut} more, all listed in ${where}`);
  return lines.join('\n');
}

const MAX_LISTED_ACTIONS = 50;

function actionLine(a: ActionInvocation): string {
  return `> - ${ICON.action} ${code(a.address)} — ${cell(describeTrigger(a))}`;
}

/** Terraform 1.14 action invocations: what will run on apply besides resource changes. */
export function actionsAlert(s: PlanSummary, where: string): string | undefined {
  if (!s.actions.length) return undefined;
  const lines = [
    '> [!IMPORTANT]',
    `> **${plural(s.actions.length, 'action')} will run on apply:**`,
    ...s.actions.slice(0, MAX_LISTED_ACTIONS).map(actionLine),
  ];
  const more = s.actions.length - MAX_LISTED_ACTIONS;
  if (more > 0) lines.push(`> - … and ${more} more, all listed in ${where}`);
  return lines.join('\n');
}

/** Deferred changes and invocations: the plan is not the whole story, another round is needed. */
export function deferredNote(s: PlanSummary): string | undefined {
  const n = s.deferred.length + s.deferredActions.length;
  if (!n) return undefined;
  const names = [
    ...s.deferred.map((d) => d.entry.address),
    ...s.deferredActions.map((d) => d.invocation.address),
  ];
  const shown = names.slice(0, 10).map((a) => code(a));
  const more = names.length > shown.length ? ` and ${names.length - shown.length} more` : '';
  return (
    `> [!NOTE]\n> **${plural(n, 'change')} deferred** (Terraform could not plan ${n === 1 ? 'it' : 'them'} yet): ` +
    `${shown.join(', ')}${more}. Another plan and apply after this one is needed to finish.`
  );
}
