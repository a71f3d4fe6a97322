import { readFileSync } from 'node:fs';
import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { Inputs } from '../../shared/src/inputs.js';
import { ActionError, errorMessage } from '../../shared/src/errors.js';
import { SUMMARY_LIMIT_BYTES, writeSummary } from '../../shared/src/summary.js';
import { DEFAULT_AUTHOR, getInputs, type PlanCommentInputs } from './inputs.js';
import { parsePlan } from './plan.js';
import { summarize, type PlanSummary } from './summarize.js';
import { collectSensitiveStrings, splitPlanText } from './diff.js';
import { renderPlan, type RenderOptions } from './render.js';
import { runContext, type RunContext } from './context.js';
import { describeGitHubError } from './warnings.js';

export const ACTION = 'terraform-plan-comment';

function readInputFile(input: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ActionError(`input '${input}': cannot read '${path}': ${errorMessage(err)}`);
  }
}

/** Plan JSON -> counts and outputs -> job summary -> sticky PR comment (+ labels). */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    const ctx = runContext();

    const s = await core.group('Read the plan', async () => {
      const plan = parsePlan(readInputFile('plan-json', inputs.planJson), `plan-json '${inputs.planJson}'`);
      const s = summarize(plan);
      core.info(`format ${plan.formatVersion}, Terraform ${plan.terraformVersion ?? '(unknown version)'}`);
      core.info(
        `${s.counts.create} to add, ${s.counts.update} to change, ${s.counts.delete} to destroy, ${s.counts.replace} to replace, ` +
          `${s.counts.import} to import, ${s.counts.move} to move, ${s.counts.forget} to forget, ${s.counts.drift} drifted`,
      );
      for (const e of s.destroyList)
        core.info(`  ${e.kind}: ${e.address}${e.reason ? ` (${e.reason})` : ''}`);
      return s;
    });
    const redact = collectSensitiveStrings([
      ...s.plan.resourceChanges.map((r) => r.change),
      ...s.plan.resourceDrift.map((r) => r.change),
      ...s.plan.outputChanges.map(([, c]) => c),
    ]);
    const textBlocks = inputs.planText
      ? splitPlanText(
          readInputFile('plan-text', inputs.planText),
          [...s.entries.map((e) => (e.deposed ? `${e.address} (deposed object ${e.deposed})` : e.address))],
          redact,
        )
      : undefined;
    const base: Omit<RenderOptions, 'maxBytes'> = {
      title: inputs.title,
      key: inputs.key,
      commit: ctx.commit,
      runUrl: ctx.runUrl,
      textBlocks,
      redact,
    };

    core.setOutput('has-changes', String(s.hasChanges));
    core.setOutput('has-destroy', String(s.hasDestroy));
    core.setOutput('add', String(s.counts.create));
    core.setOutput('change', String(s.counts.update));
    core.setOutput('destroy', String(s.counts.delete));
    core.setOutput('replace', String(s.counts.replace));
    core.setOutput('comment-url', '');

    const full = renderPlan(s, {
      ...base,
      marker: false,
      maxBytes: SUMMARY_LIMIT_BYTES,
      fullPlanLink: { text: 'the plan file (`terraform show` it)' },
    });
    writeSummary(full.markdown);
    core.info(`Job summary: ${full.bytes} bytes, ${full.detailsShown} of ${full.detailsTotal} detail blocks`);

    if (!ctx.pullRequest) {
      core.info(
        `Not a pull request event (${process.env.GITHUB_EVENT_NAME ?? 'unknown'}): the job summary is the only output.`,
      );
      return;
    }
    if (inputs.mode === 'off' && !inputs.labels) {
      core.info('mode is off: the job summary is the only output.');
      return;
    }
    await commentAndLabel(inputs, ctx, s, base);
  });
}

async function commentAndLabel(
  inputs: PlanCommentInputs,
  ctx: RunContext,
  s: PlanSummary,
  base: Omit<RenderOptions, 'maxBytes'>,
): Promise<void> {
  const issue = ctx.pullRequest!;
  // Loaded only on pull requests: validation and the summary never pay for Octokit.
  const { octokitApi } = await import('./github-octokit.js');
  const { publish, syncLabels, statusesOf } = await import('./sticky.js');
  const api = octokitApi({
    token: inputs.githubToken,
    graphqlUrl: ctx.graphqlUrl,
    onRetry: (what, err, attempt, delay) =>
      core.info(`GitHub ${what} attempt ${attempt} failed (${errorMessage(err)}); retrying in ${delay} ms`),
  });
  const where = `#${issue.number} in ${issue.owner}/${issue.repo}`;
  let statuses = [s.status];
  if (inputs.mode !== 'off') {
    await core.group(`Comment on pull request ${where}`, async () => {
      try {
        let login = inputs.commentAuthor;
        if (!login) {
          login = (await api.ownLogin()) ?? DEFAULT_AUTHOR;
          core.info(`Comments by ${login} count as this action's (set comment-author to change it)`);
        }
        const body = renderPlan(s, {
          ...base,
          maxBytes: inputs.maxCommentBytes,
          fullPlanLink: { text: 'the job summary', url: ctx.runUrl },
        });
        core.info(`Comment: ${body.bytes} bytes, ${body.detailsShown} of ${body.detailsTotal} detail blocks`);
        const published = await publish(api, {
          issue,
          key: inputs.key,
          body: body.markdown,
          mode: inputs.mode === 'recreate' ? 'recreate' : 'update',
          hidePrevious: inputs.hidePrevious,
          login,
          log: (m) => core.info(m),
        });
        core.setOutput('comment-url', published.comment.htmlUrl);
        statuses = statusesOf(published.ours);
      } catch (err) {
        core.warning(`could not comment on pull request ${where}: ${describeGitHubError(err)}`);
      }
    });
  }
  if (inputs.labels) {
    await core.group('Label the pull request', async () => {
      try {
        await syncLabels(api, issue, statuses.length ? statuses : [s.status], (m) => core.info(m));
      } catch (err) {
        core.warning(`could not label pull request ${where}: ${describeGitHubError(err)}`);
      }
    });
  }
}
