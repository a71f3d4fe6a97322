import { ActionError } from '../../shared/src/errors.js';

/**
 * The parts of Terraform's JSON plan representation (`terraform show -json <planfile>`, format 1.x) that this
 * action reads. Unknown fields are ignored, as the format's compatibility promise asks of consumers.
 */
export interface Change {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown;
  importing?: { id?: string; unknown?: boolean } | null;
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

export interface Plan {
  formatVersion: string;
  terraformVersion?: string;
  resourceChanges: ResourceChange[];
  resourceDrift: ResourceChange[];
  outputChanges: Array<[string, Change]>;
  errored: boolean;
  applyable?: boolean;
}

export const SUPPORTED_MAJOR = 1;

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
  return value.map((item: unknown, i) => {
    const where = `${field}[${i}]`;
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
  });
}

/**
 * Parses and checks a JSON plan. `source` names it in errors (the input and path). Rejects state files,
 * saved plan binaries, and any format_version whose major version is not 1.
 */
export function parsePlan(text: string, source: string): Plan {
  if (text.startsWith('PK')) {
    fail(source, 'this is a binary plan file; convert it with `terraform show -json <planfile> > plan.json`');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    fail(source, `invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isObject(json)) fail(source, 'the JSON is not an object');
  const version = json.format_version;
  if (typeof version !== 'string') {
    fail(source, 'it has no format_version; produce it with `terraform show -json <planfile>`');
  }
  const m = /^(\d+)\.(\d+)$/.exec(version);
  if (!m) fail(source, `format_version '${version}' is not MAJOR.MINOR`);
  if (Number(m[1]) !== SUPPORTED_MAJOR) {
    throw new ActionError(
      `${source} has format_version '${version}': this action reads the Terraform JSON plan format ${SUPPORTED_MAJOR}.x ` +
        `(Terraform 1.x); a new major version may change its meaning, so it is refused rather than misread. ` +
        `Use a Terraform release whose \`show -json\` writes format ${SUPPORTED_MAJOR}.x, or a newer slipway.`,
    );
  }
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
    errored: json.errored === true,
    applyable: typeof json.applyable === 'boolean' ? json.applyable : undefined,
  };
}
