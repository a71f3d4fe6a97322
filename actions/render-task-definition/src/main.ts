import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { writeSummary } from '../../shared/src/summary.js';
import { loadTaskDefinitionFile, type TaskDefinitionDocument } from '../../shared/src/task-definition.js';
import { getInputs } from './inputs.js';
import { renderTaskDefinition } from './render.js';
import { outputFile, writeAtomically } from './output.js';
import { renderSummary } from './summary.js';

export const ACTION = 'render-task-definition';

/** Template (file or ECS) -> render and validate -> pin ECR digests -> write atomically -> outputs. */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    const { source } = inputs;

    const template: TaskDefinitionDocument = await core.group('Load the template', async () => {
      if (source.kind === 'file') {
        core.info(`Reading ${source.path}`);
        return loadTaskDefinitionFile(source.path);
      }
      // Loaded only on this path: a file-based render never parses the ECS SDK.
      const { fetchTaskDefinition } = await import('./fetch.js');
      core.info(
        `Fetching ${source.reference} from ECS in ${inputs.region} (DescribeTaskDefinition with tags)`,
      );
      const fetched = await fetchTaskDefinition(source.reference, {
        region: inputs.region!,
        maxAttempts: inputs.maxAttempts,
      });
      core.info(`Fetched ${fetched.arn}`);
      if (fetched.status !== 'ACTIVE')
        core.warning(`${fetched.arn} is ${fetched.status}; rendering from it anyway`);
      return fetched.document;
    });

    // First pass validates everything before any network call and lists the ECR tags to resolve.
    let result = renderTaskDefinition(template, inputs.render);
    if (result.pending.length > 0) {
      const pending = result.pending;
      const resolved = await core.group(`Pin ${pending.length} ECR image(s) to digests`, async () => {
        const { resolveEcrDigests } = await import('./ecr-digests.js');
        return resolveEcrDigests(pending, { maxAttempts: inputs.maxAttempts, log: (l) => core.info(l) });
      });
      for (const w of resolved.warnings) core.warning(w);
      result = renderTaskDefinition(template, inputs.render, resolved.digests);
    }
    for (const n of result.notices) core.notice(n);
    if (result.removedFields.length > 0)
      core.info(`Removed describe-only fields: ${result.removedFields.join(', ')}`);
    if (result.unusedVariables.length > 0)
      core.warning(`variables not used by any placeholder: ${result.unusedVariables.join(', ')}`);

    const path = outputFile(inputs.outputPath, result.family);
    writeAtomically(path, result.taskDefinition);
    core.info(`Wrote ${path}`);
    for (const c of result.containers) {
      const image =
        c.newImage === c.oldImage ? `${c.newImage} (unchanged)` : `${c.oldImage} -> ${c.newImage}`;
      core.info(`  ${c.name}: ${image}`);
    }

    core.setOutput('task-definition', path);
    core.setOutput('family', result.family);
    core.setOutput('images', JSON.stringify(result.images));
    core.setOutput('changed', JSON.stringify(result.changed));
    writeSummary(renderSummary(result, path, source.kind === 'file' ? source.path : source.reference));
  });
}
