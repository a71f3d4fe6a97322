import * as core from '../../shared/src/core.js';
import { runAction } from '../../shared/src/run.js';
import { ActionError } from '../../shared/src/errors.js';
import { Inputs } from '../../shared/src/inputs.js';
import { SUMMARY_LIMIT_BYTES, writeSummary } from '../../shared/src/summary.js';
import { getInputs, type PlanCommentInputs } from './inputs.js';
import { parsePlan } from './plan.js';
import { summarize, type PlanSummary } from './summarize.js';
import { splitPlanText } from './plan-text.js';
import { renderPlan, type RenderOptions } from './render.js';
import { runContext, type RunContext } from './run-context.js';
import { readInputFile } from './text-file.js';
import { applyBanner, logTail, type ApplyBannerOptions } from './apply-result.js';
import { describeGitHubError } from './github-errors.js';
import { commentAndLabel, findPullRequest, githubApi, type Api } from './pr-comment.js';

export const ACTION = 'terraform-plan-comment';

/** Plan JSON -> counts and outputs -> job summary -> sticky PR comment (+ labels), or the key's drift issue. */
export async function run(): Promise<void> {
  await runAction(ACTION, async () => {
    const inputs = getInputs(new Inputs());
    const ctx = runContext();
    const note = (m: string) => core.info(m);

    const s = await core.group('Read the plan', async () => {
      const plan = parsePlan(
        readInputFile('plan-json', inputs.planJson, note),
        `plan-json '${inputs.planJson}'`,
      );
      const s = summarize(plan);
      core.info(`format ${plan.formatVersion}, Terraform ${plan.terraformVersion ?? '(unknown version)'}`);
      core.info(
        `${s.counts.create} to add, ${s.counts.update} to change, ${s.counts.delete} to destroy, ${s.counts.replace} to replace, ` +
          `${s.counts.import} to import, ${s.counts.move} to move, ${s.counts.forget} to forget, ${s.counts.drift} drifted, ` +
          `${s.actions.length} actions to run, ${s.deferred.length + s.deferredActions.length} deferred; status ${s.status}`,
      );
      for (const e of s.destroyList)
        core.info(`  ${e.kind}: ${e.address}${e.reason ? ` (${e.reason})` : ''}`);
      if (plan.errored) core.warning('Terraform reported errors while planning: this plan is incomplete.');
      return s;
    });
    const textBlocks = inputs.planText
      ? splitPlanText(
          readInputFile('plan-text', inputs.planText, note),
          [...s.entries.map((e) => (e.deposed ? `${e.address} (deposed object ${e.deposed})` : e.address))],
          s.redact,
        )
      : undefined;
    const base: Omit<RenderOptions, 'maxBytes'> = {
      title: inputs.title,
      key: inputs.key,
      commit: ctx.commit,
      runUrl: ctx.runUrl,
      textBlocks,
      redact: s.redact,
      banner: inputs.apply ? applyBanner(inputs.apply.outcome, applyLog(inputs, ctx, s)) : undefined,
    };

    core.setOutput('has-changes', String(s.hasChanges));
    core.setOutput('has-destroy', String(s.hasDestroy));
    core.setOutput('status', s.status);
    core.setOutput('add', String(s.counts.create));
    core.setOutput('change', String(s.counts.update));
    core.setOutput('destroy', String(s.counts.delete));
    core.setOutput('replace', String(s.counts.replace));
    core.setOutput('comment-url', '');
    if (inputs.issue) {
      core.setOutput('issue-number', '');
      core.setOutput('issue-action', 'none');
    }

    const full = renderPlan(s, {
      ...base,
      marker: false,
      maxBytes: SUMMARY_LIMIT_BYTES,
      fullPlanLink: { text: 'the plan file (`terraform show` it)' },
    });
    writeSummary(full.markdown);
    core.info(`Job summary: ${full.bytes} bytes, ${full.detailsShown} of ${full.detailsTotal} detail blocks`);

    let api: Api | undefined;
    const lazyApi = async () => (api ??= await githubApi(inputs, ctx));
    if (inputs.issue) return driftIssue(await lazyApi(), inputs, ctx, s, base);
    const issue = await findPullRequest(inputs, ctx, lazyApi);
    if (!issue) {
      core.info(
        `Not a pull request event (${process.env.GITHUB_EVENT_NAME ?? 'unknown'}): the job summary is the only output.`,
      );
      return;
    }
    if (inputs.mode === 'off' && !inputs.labels) {
      core.info('mode is off: the job summary is the only output.');
      return;
    }
    await commentAndLabel(await lazyApi(), issue, inputs, ctx, s, base);
  });
}

/** The apply result's log: the last lines of apply-log, redacted; a log that cannot be read is a warning. */
function applyLog(inputs: PlanCommentInputs, ctx: RunContext, s: PlanSummary): ApplyBannerOptions {
  const o: ApplyBannerOptions = { commit: ctx.commit, runUrl: ctx.runUrl };
  if (inputs.apply?.outcome !== 'failed') return o;
  const path = inputs.apply.log;
  if (!path) return { ...o, logMissing: 'No apply-log was given: the apply output is in the workflow run.' };
  try {
    const maxBytes = Math.min(6000, Math.floor(inputs.maxCommentBytes / 4));
    return { ...o, log: logTail(readInputFile('apply-log', path), s.redact, { maxBytes }) };
  } catch (err) {
    core.warning(err instanceof Error ? err.message : String(err));
    return {
      ...o,
      logMissing: `The apply-log '${path}' could not be read: the apply output is in the workflow run.`,
    };
  }
}

async function driftIssue(
  api: Api,
  inputs: PlanCommentInputs,
  ctx: RunContext,
  s: PlanSummary,
  base: Omit<RenderOptions, 'maxBytes'>,
): Promise<void> {
  const issue = inputs.issue!;
  if (!ctx.repo) throw new ActionError('GITHUB_REPOSITORY is not set: cannot find the drift issue');
  if (s.status === 'errored') {
    core.warning(
      `the plan errored, so it cannot tell whether ${inputs.key} drifted: its drift issue is left as it is`,
    );
    return;
  }
  const { driftIssueOverhead, syncDriftIssue } = await import('./drift-issue.js');
  const { ownLogin } = await import('./pr-comment.js');
  await core.group(`Drift issue for ${inputs.key} in ${ctx.repo.owner}/${ctx.repo.repo}`, async () => {
    try {
      const where = { key: inputs.key, runPageUrl: ctx.runPageUrl, commit: ctx.commit };
      const rendered = renderPlan(s, {
        ...base,
        marker: false,
        maxBytes: inputs.maxCommentBytes - driftIssueOverhead(where),
        fullPlanLink: { text: 'the job summary', url: ctx.runUrl },
      });
      const result = await syncDriftIssue(api, {
        ...where,
        repo: ctx.repo!,
        title: issue.title,
        label: issue.label,
        rendered: rendered.markdown,
        drift: s.hasChanges,
        login: await ownLogin(api, inputs),
        log: (m) => core.info(m),
      });
      core.setOutput('issue-action', result.action);
      core.setOutput('issue-number', result.issue ? String(result.issue.number) : '');
    } catch (err) {
      throw new ActionError(
        `could not update the drift issue for ${inputs.key}: ${describeGitHubError(err)}`,
        {
          cause: err,
        },
      );
    }
  });
}
