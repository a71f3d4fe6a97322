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
import { pinImages } from './pin-images.js';
import { RenderError, type Pairs, type RenderOptions, type RenderResult } from './render-types.js';
import { applyLabels, applyTaskOverrides } from './overrides.js';
import { substitute } from './placeholders.js';
import { validateTaskDefinition } from './validate.js';

/** The pure heart of the action: template + inputs (+ resolved digests) -> a registrable task definition. */

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

  const { pending, pinned } = pinImages(containers, imageSet, options.pinDigests, digests, notices);

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

  applyTaskOverrides(doc, containers, options);
  applyLabels(containers, options, changed);

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
