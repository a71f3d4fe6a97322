import type { ActionInvocation, Change, DeferredInvocation, Plan, ResourceChange } from './plan.js';
import { redactionSet } from './redact.js';

/** What happens to one resource instance, most consequential first. */
export type Kind = 'delete' | 'replace' | 'update' | 'create' | 'forget' | 'read' | 'no-op';
export const KIND_ORDER: readonly Kind[] = [
  'delete',
  'replace',
  'update',
  'create',
  'forget',
  'read',
  'no-op',
];

export interface Entry {
  address: string;
  previousAddress?: string;
  deposed?: string;
  kind: Kind;
  actions: string[];
  /** Terraform's action_reason, when it gave one. */
  reason?: string;
  /** The import ID when this change imports an existing object. */
  importId?: string;
  importing: boolean;
  /** True when the actions include `delete`: a real object will be destroyed. */
  destroys: boolean;
  change: Change;
}

/** Every count at zero: a plan with nothing to do. */
export const NO_CHANGES: Readonly<Counts> = {
  create: 0,
  update: 0,
  delete: 0,
  replace: 0,
  read: 0,
  import: 0,
  move: 0,
  forget: 0,
  drift: 0,
  outputs: 0,
};

export interface Counts {
  create: number;
  update: number;
  delete: number;
  replace: number;
  read: number;
  import: number;
  move: number;
  forget: number;
  drift: number;
  outputs: number;
}

/** `errored`: Terraform failed while planning, so the plan is incomplete; it outranks every other status. */
export type Status = 'no-changes' | 'changes' | 'destroy' | 'errored';
export const STATUSES: readonly Status[] = ['no-changes', 'changes', 'destroy', 'errored'];

export interface PlanSummary {
  plan: Plan;
  entries: Entry[];
  drift: Entry[];
  outputs: Array<{ name: string; change: Change }>;
  counts: Counts;
  /** Terraform 1.14 action invocations: what an apply of this plan will run besides resource changes. */
  actions: ActionInvocation[];
  /** Changes Terraform could not plan yet (Terraform 1.9+ deferred changes), with the reason. */
  deferred: Array<{ reason: string; entry: Entry }>;
  deferredActions: DeferredInvocation[];
  /** Strings Terraform marks sensitive anywhere in the plan: never shown, wherever they appear. */
  redact: Set<string>;
  /** Every entry that is destroyed or replaced (replace in either order, and create+forget). */
  destroyList: Entry[];
  hasChanges: boolean;
  hasDestroy: boolean;
  status: Status;
}

/** Replace is any action list with both delete and create, in either order (also create+forget). */
export function kindOf(actions: readonly string[]): Kind {
  const has = (a: string) => actions.includes(a);
  if (has('create') && (has('delete') || has('forget'))) return 'replace';
  if (has('delete')) return 'delete';
  if (has('forget')) return 'forget';
  if (has('update')) return 'update';
  if (has('create')) return 'create';
  if (has('read')) return 'read';
  return 'no-op';
}

export function toEntry(rc: ResourceChange): Entry {
  const actions = rc.change.actions;
  const importing = rc.change.importing != null;
  return {
    address: rc.address,
    previousAddress:
      rc.previous_address && rc.previous_address !== rc.address ? rc.previous_address : undefined,
    deposed: rc.deposed,
    kind: kindOf(actions),
    actions,
    reason: rc.action_reason,
    importId: rc.change.importing?.id,
    importing,
    destroys: actions.includes('delete'),
    change: rc.change,
  };
}

/** A change a reviewer must look at: anything but a plain no-op or read (moves and imports count). */
export function isChange(e: Entry): boolean {
  return (e.kind !== 'no-op' && e.kind !== 'read') || e.importing || e.previousAddress !== undefined;
}

export function summarize(plan: Plan): PlanSummary {
  const entries = plan.resourceChanges.map(toEntry);
  const drift = plan.resourceDrift.map(toEntry).filter((e) => e.kind !== 'no-op');
  const outputs = plan.outputChanges
    .filter(([, c]) => kindOf(c.actions) !== 'no-op')
    .map(([name, change]) => ({ name, change }));
  const counts: Counts = { ...NO_CHANGES, drift: drift.length, outputs: outputs.length };
  for (const e of entries) {
    if (e.kind !== 'no-op') counts[e.kind]++;
    if (e.importing) counts.import++;
    if (e.previousAddress) counts.move++;
  }
  const destroyList = entries.filter((e) => e.kind === 'delete' || e.kind === 'replace');
  const actions = plan.actionInvocations;
  const hasChanges = entries.some(isChange) || outputs.length > 0 || actions.length > 0;
  const hasDestroy = entries.some((e) => e.destroys);
  return {
    plan,
    entries,
    drift,
    outputs,
    counts,
    actions,
    deferred: plan.deferredChanges.map((d) => ({ reason: d.reason, entry: toEntry(d.resourceChange) })),
    deferredActions: plan.deferredInvocations,
    redact: redactionSet(plan),
    destroyList,
    hasChanges,
    hasDestroy,
    status: plan.errored ? 'errored' : hasDestroy ? 'destroy' : hasChanges ? 'changes' : 'no-changes',
  };
}
