import { ActionError } from '../../shared/src/errors.js';
import { TAG, tagValue } from '../../shared/src/revision.js';
import {
  isJsonObject,
  mergeTags,
  readTags,
  stripDescribeOnlyFields,
  type JsonObject,
  type JsonValue,
  type TaskDefinitionDocument,
  type TaskDefinitionTag,
} from '../../shared/src/task-definition.js';
import { parseEcrImage } from './image-ref.js';
import { substitute } from './placeholders.js';
import { validateTaskDefinition } from './validate.js';

/** The pure heart of the action: template + inputs (+ resolved digests) -> a registrable task definition. */

export type Pairs = ReadonlyArray<readonly [string, string]>;

export interface RenderOptions {
  /** Container name -> new image reference. */
  images: Pairs;
  environment: Pairs;
  /** Containers that get `environment` and `secrets`; empty means the changed containers. */
  environmentContainers: readonly string[];
  secrets: Pairs;
  variables: Pairs;
  cpu?: string;
  memory?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  cpuArchitecture?: 'ARM64' | 'X86_64';
  logGroup?: string;
  /** Region for awslogs-region when log-group is set. */
  logRegion?: string;
  labels: Pairs;
  tags: Pairs;
  /** Which ECR images given by tag are resolved to digests (see PIN_MODES). */
  pinDigests: PinMode;
  provenance: { commit?: string; runId?: string; ref?: string };
}

/**
 * `changed`: only the images this step sets (containers / container-name + image); every other container is
 * left exactly as the template has it, so the role needs ecr:DescribeImages only on the repositories it
 * pushes to. `all`: every private ECR image; a lookup the role may not make for an image this step did not
 * set (AccessDenied, RepositoryNotFound in another account) is a warning naming it, not a failure.
 * `none`: no lookups at all.
 */
export const PIN_MODES = ['changed', 'all', 'none'] as const;
export type PinMode = (typeof PIN_MODES)[number];

/** An ECR image reference still to be resolved, as written in the task definition. */
export interface PendingImage {
  image: string;
  /** Set by this step: a failed lookup is an error. Otherwise (pin-digests: all) a denied lookup is a warning. */
  required: boolean;
  /** The tag looked up: the image's own, or `latest` for an image without one (what ECS pulls). */
  tag: string;
}

export interface ContainerReport {
  name: string;
  oldImage: string;
  newImage: string;
  /** Image given in the containers input. */
  imageSet: boolean;
  pinned: boolean;
  envChanged: string[];
  secretsChanged: string[];
}

export interface RenderResult {
  taskDefinition: TaskDefinitionDocument;
  family: string;
  removedFields: string[];
  containers: ContainerReport[];
  changed: string[];
  /** container -> image as written. */
  images: Record<string, string>;
  /** ECR images given by tag (or untagged) that still need a digest from ECR, per pin-digests. */
  pending: PendingImage[];
  unusedVariables: string[];
  notices: string[];
}

export const REVISION_LABEL = 'org.opencontainers.image.revision';

/** Thrown with every problem found; the message lists them one per line. */
export class RenderError extends ActionError {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `the task definition is not valid: ${problems[0]}`
        : `the task definition has ${problems.length} problems:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    this.name = 'RenderError';
  }
}

/**
 * Renders `template`. `digests` maps an ECR image reference given by tag to its `sha256:` digest; with
 * pinDigests, images still missing from it are listed in `pending` (call again once they are resolved).
 * Throws RenderError listing every problem; never writes anything.
 */
export function renderTaskDefinition(
  template: TaskDefinitionDocument,
  options: RenderOptions,
  digests: ReadonlyMap<string, string> = new Map(),
): RenderResult {
  const problems: string[] = [];
  const notices: string[] = [];
  const { document: stripped, removed } = stripDescribeOnlyFields(template);

  const originalImages = new Map<string, string>();
  const templateContainers = Array.isArray(stripped.containerDefinitions)
    ? stripped.containerDefinitions
    : [];
  for (const c of templateContainers) {
    if (isJsonObject(c) && typeof c.name === 'string')
      originalImages.set(c.name, typeof c.image === 'string' ? c.image : '');
  }

  const variables = new Map(options.variables);
  const sub = substitute(stripped, variables);
  for (const u of sub.unresolved) {
    problems.push(
      `${u.path}: placeholder \${${u.name}} has no value: add ${u.name}=<value> to the variables input (write $\${${u.name}} for a literal \${${u.name}})`,
    );
  }
  const doc = sub.value as TaskDefinitionDocument;
  const unusedVariables = [...variables.keys()].filter((k) => !sub.used.has(k));

  const containers = (Array.isArray(doc.containerDefinitions) ? doc.containerDefinitions : []).filter(
    isJsonObject,
  );
  const byName = new Map<string, JsonObject>();
  for (const c of containers) if (typeof c.name === 'string') byName.set(c.name, c);
  const known = () => [...byName.keys()].map((n) => `'${n}'`).join(', ') || 'none';

  // Images from the containers input.
  const imageSet = new Set<string>();
  for (const [name, image] of options.images) {
    const c = byName.get(name);
    if (!c) {
      problems.push(
        `containers: the task definition has no container '${name}' (its containers: ${known()})`,
      );
      continue;
    }
    c.image = image;
    imageSet.add(name);
  }

  // Digest pinning, per pin-digests: private ECR images without a digest; anything else is left alone.
  const pending = new Map<string, PendingImage>();
  const pinned = new Set<string>();
  if (options.pinDigests !== 'none') {
    for (const c of containers) {
      if (typeof c.image !== 'string' || typeof c.name !== 'string') continue;
      const ecr = parseEcrImage(c.image);
      if (!ecr) {
        if (c.image && !c.image.includes('@'))
          notices.push(
            `${c.name}: ${c.image} is not a private ECR image; left as given (not pinned to a digest)`,
          );
        continue;
      }
      if (ecr.digest) continue;
      const required = imageSet.has(c.name);
      if (!required && options.pinDigests === 'changed') {
        notices.push(
          `${c.name}: ${c.image} is left as given: pin-digests 'changed' pins only the images this step sets (pin-digests: all pins it too)`,
        );
        continue;
      }
      const digest = digests.get(c.image);
      if (digest) {
        if (!ecr.tag)
          notices.push(
            `${c.name}: ${c.image} has no tag, which ECS pulls as :latest; pinned to the digest :latest has now (${digest})`,
          );
        c.image = `${ecr.registry}/${ecr.repository}@${digest}`;
        pinned.add(c.name);
      } else {
        const seen = pending.get(c.image);
        pending.set(c.image, {
          image: c.image,
          required: required || (seen?.required ?? false),
          tag: ecr.tag ?? 'latest',
        });
      }
    }
  }

  const changed = containers
    .map((c) => String(c.name))
    .filter(
      (n) =>
        imageSet.has(n) &&
        (byName.get(n)!.image !== originalImages.get(n) || pending.has(String(byName.get(n)!.image))),
    );

  // Environment and secrets.
  const reports = new Map<string, { env: string[]; secrets: string[] }>();
  for (const c of containers) reports.set(String(c.name), { env: [], secrets: [] });
  if (options.environment.length > 0 || options.secrets.length > 0) {
    let targets = [...options.environmentContainers];
    const missing = targets.filter((t) => !byName.has(t));
    for (const m of missing)
      problems.push(
        `environment-containers: the task definition has no container '${m}' (its containers: ${known()})`,
      );
    if (targets.length === 0) {
      targets = changed;
      if (targets.length === 0) {
        problems.push(
          `environment-containers: no container's image changed, so environment/secrets have no default target: name the containers (${known()})`,
        );
      }
    }
    for (const t of targets.filter((n) => byName.has(n))) {
      const c = byName.get(t)!;
      reports.get(t)!.env = upsert(c, 'environment', 'value', options.environment);
      reports.get(t)!.secrets = upsert(c, 'secrets', 'valueFrom', options.secrets);
    }
  }

  // Task-level overrides.
  if (options.cpu !== undefined) doc.cpu = options.cpu;
  if (options.memory !== undefined) doc.memory = options.memory;
  for (const key of ['cpu', 'memory'] as const) if (typeof doc[key] === 'number') doc[key] = String(doc[key]);
  if (options.taskRoleArn !== undefined) doc.taskRoleArn = options.taskRoleArn;
  if (options.executionRoleArn !== undefined) doc.executionRoleArn = options.executionRoleArn;
  if (options.cpuArchitecture !== undefined) {
    doc.runtimePlatform = {
      ...(isJsonObject(doc.runtimePlatform) ? doc.runtimePlatform : {}),
      cpuArchitecture: options.cpuArchitecture,
    };
  }
  if (options.logGroup !== undefined) {
    for (const c of containers) {
      if (c.logConfiguration !== undefined && c.logConfiguration !== null) continue;
      c.logConfiguration = {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': options.logGroup,
          'awslogs-region': options.logRegion ?? '',
          'awslogs-stream-prefix': typeof doc.family === 'string' ? doc.family : 'ecs',
        },
      };
    }
  }

  // Docker labels (every container) and provenance (changed containers).
  for (const c of containers) {
    const labels: JsonObject = isJsonObject(c.dockerLabels) ? c.dockerLabels : {};
    for (const [k, v] of options.labels) labels[k] = v;
    if (options.provenance.commit && changed.includes(String(c.name)))
      labels[REVISION_LABEL] = options.provenance.commit;
    if (Object.keys(labels).length > 0 || c.dockerLabels !== undefined) c.dockerLabels = labels;
  }

  // Tags: existing (file or ECS) + tags input + provenance.
  const provenance: TaskDefinitionTag[] = [];
  if (options.provenance.commit)
    provenance.push({ key: TAG.commit, value: tagValue(options.provenance.commit) });
  if (options.provenance.runId)
    provenance.push({ key: TAG.runId, value: tagValue(options.provenance.runId) });
  if (options.provenance.ref) provenance.push({ key: TAG.ref, value: tagValue(options.provenance.ref) });
  const tagUpdates = [...options.tags.map(([key, value]) => ({ key, value })), ...provenance];
  if (tagUpdates.length > 0) {
    if (doc.tags !== undefined && !Array.isArray(doc.tags))
      problems.push('tags: must be a list of {"key": ..., "value": ...}');
    else doc.tags = mergeTags(readTags(doc), tagUpdates).map((t) => ({ key: t.key, value: t.value }));
  }

  problems.push(...validateTaskDefinition(doc));
  if (problems.length > 0) throw new RenderError(dedupe(problems));

  const images: Record<string, string> = {};
  for (const c of containers) images[String(c.name)] = String(c.image);
  return {
    taskDefinition: doc,
    family: String(doc.family),
    removedFields: removed,
    containers: containers.map((c) => {
      const name = String(c.name);
      return {
        name,
        oldImage: originalImages.get(name) ?? '',
        newImage: String(c.image),
        imageSet: imageSet.has(name),
        pinned: pinned.has(name),
        envChanged: reports.get(name)?.env ?? [],
        secretsChanged: reports.get(name)?.secrets ?? [],
      };
    }),
    changed,
    images,
    pending: [...pending.values()],
    unusedVariables,
    notices,
  };
}

/** Upserts name/value pairs into a container list field in place; returns the names whose value changed. */
function upsert(
  container: JsonObject,
  field: 'environment' | 'secrets',
  valueKey: 'value' | 'valueFrom',
  pairs: Pairs,
): string[] {
  if (pairs.length === 0) return [];
  const list: JsonValue[] = Array.isArray(container[field]) ? container[field] : [];
  const changed: string[] = [];
  for (const [name, value] of pairs) {
    const existing = list.find((e): e is JsonObject => isJsonObject(e) && e.name === name);
    if (existing) {
      if (existing[valueKey] !== value) changed.push(name);
      existing[valueKey] = value;
    } else {
      list.push({ name, [valueKey]: value });
      changed.push(name);
    }
  }
  container[field] = list;
  return changed;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
