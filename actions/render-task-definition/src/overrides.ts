// Task-level overrides (cpu, memory, roles, architecture, a default awslogs configuration) and Docker labels
// (the labels input on every container; the commit as org.opencontainers.image.revision on changed ones),
// applied in place to the rendered document.
import {
  isJsonObject,
  type JsonObject,
  type TaskDefinitionDocument,
} from '../../shared/src/task-definition.js';
import { REVISION_LABEL, type RenderOptions } from './render-types.js';

export function applyTaskOverrides(
  doc: TaskDefinitionDocument,
  containers: JsonObject[],
  options: RenderOptions,
): void {
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
}

export function applyLabels(
  containers: JsonObject[],
  options: RenderOptions,
  changed: readonly string[],
): void {
  for (const c of containers) {
    const labels: JsonObject = isJsonObject(c.dockerLabels) ? c.dockerLabels : {};
    for (const [k, v] of options.labels) labels[k] = v;
    if (options.provenance.commit && changed.includes(String(c.name)))
      labels[REVISION_LABEL] = options.provenance.commit;
    if (Object.keys(labels).length > 0 || c.dockerLabels !== undefined) c.dockerLabels = labels;
  }
}
