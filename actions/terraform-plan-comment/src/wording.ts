import type { Entry } from './summarize.js';

/** Human wording for Terraform's codes: action reasons, kinds of change, deferral reasons, action triggers. */

const REASONS: Record<string, string> = {
  replace_because_cannot_update: 'cannot be updated in place',
  replace_because_tainted: 'tainted',
  replace_by_request: 'replacement requested (-replace)',
  replace_by_triggers: 'replace_triggered_by',
  delete_because_no_resource_config: 'no longer in the configuration',
  delete_because_wrong_repetition: 'count/for_each added or removed',
  delete_because_count_index: 'count index out of range',
  delete_because_each_key: 'for_each key removed',
  delete_because_no_module: 'module removed',
  delete_because_no_move_target: 'moved block target missing',
  read_because_config_unknown: 'configuration known only at apply',
  read_because_dependency_pending: 'a dependency has pending changes',
  read_because_check_nested: 'in a check block',
};

/** Terraform's action_reason with a short explanation; unknown (future) codes are kept as they are. */
export function describeReason(reason: string | undefined): { text?: string; code: string } | undefined {
  if (!reason) return undefined;
  return { text: REASONS[reason], code: reason };
}

export function describeKind(e: Entry): string {
  switch (e.kind) {
    case 'replace':
      if (e.actions.includes('forget')) return 'replace (old object forgotten, not destroyed)';
      return e.actions[0] === 'create' ? 'replace (create first)' : 'replace (destroy first)';
    case 'delete':
      return 'destroy';
    case 'no-op':
      return e.importing ? 'import' : e.previousAddress ? 'move' : 'no change';
    case 'forget':
      return 'forget (removed from state, not destroyed)';
    default:
      return e.kind;
  }
}

const DEFERRED: Record<string, string> = {
  instance_count_unknown: 'count or for_each is known only after apply',
  resource_config_unknown: 'its configuration is known only after apply',
  provider_config_unknown: 'its provider configuration is known only after apply',
  deferred_prereq: 'it depends on another deferred change',
  absent_prereq: 'it depends on something that does not exist yet',
  excluded: 'excluded from this plan (-target or -exclude)',
  not_included: 'not included in this plan',
  unknown: 'Terraform gave no reason',
};

/** Why a change was deferred to a later round; unknown (future) codes are kept as they are. */
export function describeDeferral(reason: string): string {
  return DEFERRED[reason] ?? reason;
}

/** `BeforeCreate` (Go's name, what Terraform 1.14 writes) or `before_create` -> `before create`. */
function words(code: string): string {
  return code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** When an action invocation runs: its lifecycle trigger, or an explicit `-invoke`. */
export function describeTrigger(a: {
  lifecycle?: { resource: string; event: string; onFailure?: string };
  invoked?: { callingResource?: string };
}): string {
  if (a.lifecycle) {
    const onFailure = a.lifecycle.onFailure?.replace(/^ActionOnFailure/, '');
    return `${words(a.lifecycle.event)} of ${a.lifecycle.resource}${onFailure ? ` (on failure: ${words(onFailure)})` : ''}`;
  }
  if (a.invoked) {
    return `invoked with -invoke${a.invoked.callingResource ? ` for ${a.invoked.callingResource}` : ''}`;
  }
  return 'trigger not given';
}

export const HEADLINES = {
  noChanges: '**No changes.** The infrastructure matches the configuration.',
  errored:
    '**Plan errored: incomplete.** Terraform reported errors while planning: this plan is incomplete and cannot be applied.',
  deferredOnly:
    '**No changes yet.** Some changes were deferred to a later plan: the configuration is not fully applied.',
  plannedBeforeError: 'Planned before the error:',
} as const;
