import { ActionError } from '../../shared/src/errors.js';

/**
 * The parts of Terraform's JSON plan representation (`terraform show -json <planfile>`) that this action
 * reads: format 1.x (Terraform 1.1 and later) and 0.2 (Terraform 1.0.1 to 1.0.11: the same format, renamed
 * 1.0 in Terraform 1.1 with no other change). Unknown fields are ignored, as the format's compatibility
 * promise asks of consumers.
 */
export interface Change {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown;
  importing?: { id?: string; unknown?: boolean; identity?: unknown } | null;
  generated_config?: string;
}

export interface ResourceChange {
  address: string;
  previous_address?: string;
  mode?: string;
  type?: string;
  name?: string;
  deposed?: string;
  action_reason?: string;
  change: Change;
}

/** Terraform 1.14 `action_invocations[]`: an action that an apply of this plan will run. */
export interface ActionInvocation {
  address: string;
  type?: string;
  providerName?: string;
  /** Run because a resource changes (an `action_trigger` in its lifecycle) ... */
  lifecycle?: { resource: string; event: string; onFailure?: string };
  /** ... or because it was asked for (`terraform plan -invoke=<address>`). */
  invoked?: { callingResource?: string };
  config?: unknown;
  configSensitive?: unknown;
  configUnknown?: unknown;
}

/** Terraform 1.9+ `deferred_changes[]`: a change that could not be planned yet, and why. */
export interface DeferredChange {
  reason: string;
  resourceChange: ResourceChange;
}

export interface DeferredInvocation {
  reason: string;
  invocation: ActionInvocation;
}

export interface Plan {
  formatVersion: string;
  terraformVersion?: string;
  resourceChanges: ResourceChange[];
  resourceDrift: ResourceChange[];
  outputChanges: Array<[string, Change]>;
  actionInvocations: ActionInvocation[];
  deferredChanges: DeferredChange[];
  deferredInvocations: DeferredInvocation[];
  errored: boolean;
  applyable?: boolean;
  /** Terraform 1.8+: false when more plan/apply rounds are needed (deferred changes). */
  complete?: boolean;
}

export const SUPPORTED_MAJOR = 1;
/** Format 0.2 (Terraform 1.0.1 to 1.0.11) is format 1.0 by another name. */
export const ACCEPTED_PRE_1 = '0.2';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(source: string, problem: string): never {
  throw new ActionError(`${source} is not a usable Terraform JSON plan: ${problem}`);
}

function readChange(source: string, where: string, value: unknown): Change {
  if (!isObject(value)) fail(source, `${where}.change is missing or not an object`);
  const actions = value.actions;
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === 'string')) {
    fail(source, `${where}.change.actions must be a non-empty list of strings`);
  }
  const importing = value.importing;
  return {
    ...(value as Omit<Change, 'actions' | 'importing'>),
    actions: actions as string[],
    importing: isObject(importing) ? (importing as Change['importing']) : null,
  };
}

function readResourceChanges(source: string, field: string, value: unknown): ResourceChange[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(source, `${field} must be a list`);
  return value.map((item: unknown, i) => readResourceChange(source, `${field}[${i}]`, item));
}

function readResourceChange(source: string, where: string, item: unknown): ResourceChange {
  if (!isObject(item) || typeof item.address !== 'string' || item.address === '') {
    fail(source, `${where} has no address`);
  }
  const str = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : undefined);
  return {
    address: item.address,
    previous_address: str('previous_address'),
    mode: str('mode'),
    type: str('type'),
    name: str('name'),
    deposed: str('deposed'),
    action_reason: str('action_reason'),
    change: readChange(source, where, item.change),
  };
}

function list(source: string, field: string, value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(source, `${field} must be a list`);
  return value;
}

function readInvocation(source: string, where: string, item: unknown): ActionInvocation {
  if (!isObject(item) || typeof item.address !== 'string' || item.address === '') {
    fail(source, `${where} has no address`);
  }
  const str = (o: Record<string, unknown>, k: string) =>
    typeof o[k] === 'string' ? (o[k] as string) : undefined;
  const lt = item.lifecycle_action_trigger;
  const it = item.invoke_action_trigger;
  return {
    address: item.address,
    type: str(item, 'type'),
    providerName: str(item, 'provider_name'),
    lifecycle: isObject(lt)
      ? {
          resource: str(lt, 'triggering_resource_address') ?? '(unknown resource)',
          event: str(lt, 'action_trigger_event') ?? '(unknown event)',
          onFailure: str(lt, 'on_failure'),
        }
      : undefined,
    invoked: isObject(it) ? { callingResource: str(it, 'calling_resource_address') } : undefined,
    config: item.config_values,
    configSensitive: item.config_sensitive,
    configUnknown: item.config_unknown,
  };
}

function reasonOf(item: Record<string, unknown>): string {
  return typeof item.reason === 'string' && item.reason !== '' ? item.reason : 'unknown';
}

function readDeferred(source: string, json: Record<string, unknown>) {
  const deferredChanges = list(source, 'deferred_changes', json.deferred_changes).map((item, i) => {
    const where = `deferred_changes[${i}]`;
    if (!isObject(item)) fail(source, `${where} is not an object`);
    return {
      reason: reasonOf(item),
      resourceChange: readResourceChange(source, `${where}.resource_change`, item.resource_change),
    };
  });
  const deferredInvocations = list(
    source,
    'deferred_action_invocations',
    json.deferred_action_invocations,
  ).map((item, i) => {
    const where = `deferred_action_invocations[${i}]`;
    if (!isObject(item)) fail(source, `${where} is not an object`);
    return {
      reason: reasonOf(item),
      invocation: readInvocation(source, `${where}.action_invocation`, item.action_invocation),
    };
  });
  return { deferredChanges, deferredInvocations };
}

/** Refuses what is not a JSON plan in a format this action reads, saying what the file is and what to run. */
function checkFormat(source: string, json: Record<string, unknown>): string {
  const version = json.format_version;
  if (typeof version !== 'string') {
    fail(source, 'it has no format_version; produce it with `terraform show -json <planfile>`');
  }
  const m = /^(\d+)\.(\d+)$/.exec(version);
  if (!m) fail(source, `format_version '${version}' is not MAJOR.MINOR`);
  if (version === '0.1') {
    throw new ActionError(
      `${source} has format_version '0.1', written by Terraform 0.12 to 1.0.0: it is refused, because plans of ` +
        'Terraform before 0.14 carry no sensitive-value masks (before_sensitive/after_sensitive), so a comment ' +
        'could show secrets. Plan with Terraform 1.0.1 or later (format 0.2 and 1.x are read).',
    );
  }
  if (Number(m[1]) !== SUPPORTED_MAJOR && version !== ACCEPTED_PRE_1) {
    throw new ActionError(
      `${source} has format_version '${version}': this action reads the Terraform JSON plan format ${SUPPORTED_MAJOR}.x ` +
        `(Terraform 1.1 and later) and 0.2 (Terraform 1.0.1 to 1.0.11); a new major version may change its meaning, so it is refused rather than misread. ` +
        `Use a Terraform release whose \`show -json\` writes format ${SUPPORTED_MAJOR}.x, or a newer slipway.`,
    );
  }
  return version;
}

const UTF16_HINT =
  'the file is UTF-16 (Windows PowerShell 5.1 writes `>` redirects as UTF-16); write UTF-8 instead: ' +
  '`terraform show -json tfplan | Out-File -Encoding utf8 plan.json`, or use PowerShell 7';

/**
 * Parses and checks a JSON plan (text already decoded, see text-file.ts). `source` names it in errors (the
 * input and path). Rejects state files, saved plan binaries, format 0.1 and unknown major versions.
 */
export function parsePlan(text: string, source: string): Plan {
  if (text.startsWith('PK')) {
    fail(source, 'this is a binary plan file; convert it with `terraform show -json <planfile> > plan.json`');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Text that was not decoded as UTF-16 (see text-file.ts): a mangled BOM, or a zero byte in the first two.
  if (/^(\uFFFD\uFFFD|\u00FF\u00FE|\u00FE\u00FF)/.test(text) || text.slice(0, 2).includes('\0'))
    fail(source, UTF16_HINT);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    fail(source, `invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isObject(json)) fail(source, 'the JSON is not an object');
  const version = checkFormat(source, json);
  if (!('planned_values' in json) && !('resource_changes' in json) && 'values' in json) {
    fail(
      source,
      'this is a state file (`terraform show -json` without a plan file); pass the plan: `terraform show -json <planfile>`',
    );
  }
  const outputs = json.output_changes;
  const outputChanges: Array<[string, Change]> = [];
  if (outputs !== undefined && outputs !== null) {
    if (!isObject(outputs)) fail(source, 'output_changes must be an object');
    for (const [name, change] of Object.entries(outputs)) {
      outputChanges.push([name, readChange(source, `output_changes.${name}`, change)]);
    }
  }
  return {
    formatVersion: version,
    terraformVersion: typeof json.terraform_version === 'string' ? json.terraform_version : undefined,
    resourceChanges: readResourceChanges(source, 'resource_changes', json.resource_changes),
    resourceDrift: readResourceChanges(source, 'resource_drift', json.resource_drift),
    outputChanges,
    actionInvocations: list(source, 'action_invocations', json.action_invocations).map((item, i) =>
      readInvocation(source, `action_invocations[${i}]`, item),
    ),
    ...readDeferred(source, json),
    errored: json.errored === true,
    applyable: typeof json.applyable === 'boolean' ? json.applyable : undefined,
    complete: typeof json.complete === 'boolean' ? json.complete : undefined,
  };
}
