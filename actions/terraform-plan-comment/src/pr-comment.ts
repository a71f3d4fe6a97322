import * as core from '../../shared/src/core.js';
import { errorMessage } from '../../shared/src/errors.js';
import type { GitHubApi, IssueRef, IssuesApi } from './github-api.js';
import { describeGitHubError } from './github-errors.js';
import { DEFAULT_AUTHOR, type PlanCommentInputs } from './inputs.js';
import { renderPlan, type RenderOptions } from './render.js';
import type { RunContext } from './run-context.js';
import type { PlanSummary } from './summarize.js';

export type Api = GitHubApi & IssuesApi;

/** The GitHub client, loaded only when something is written: validation and the summary never pay for Octokit. */
export async function githubApi(inputs: PlanCommentInputs, ctx: RunContext): Promise<Api> {
  const { octokitApi } = await import('./github-octokit.js');
  return octokitApi({
    token: inputs.githubToken,
    graphqlUrl: ctx.graphqlUrl,
    onRetry: (what, err, attempt, delay) =>
      core.info(`GitHub ${what} attempt ${attempt} failed (${errorMessage(err)}); retrying in ${delay} ms`),
  });
}

/** The login whose comments and issues are ours: comment-author, else the token's own, else the workflow bot. */
export async function ownLogin(api: GitHubApi, inputs: PlanCommentInputs): Promise<string> {
  if (inputs.commentAuthor) return inputs.commentAuthor;
  const login = (await api.ownLogin()) ?? DEFAULT_AUTHOR;
  core.info(`Comments by ${login} count as this action's (set comment-author to change it)`);
  return login;
}

/**
 * The pull request to write to: the event's, else the `pull-request` input, else (for an apply result after
 * a merge) the pull request that brought the commit in.
 */
export async function findPullRequest(
  inputs: PlanCommentInputs,
  ctx: RunContext,
  api: () => Promise<Api>,
): Promise<IssueRef | undefined> {
  if (ctx.pullRequest) return ctx.pullRequest;
  if (!ctx.repo) return undefined;
  if (inputs.pullRequest !== undefined) return { ...ctx.repo, number: inputs.pullRequest };
  if (!inputs.apply || !ctx.commit) return undefined;
  try {
    const pulls = await (await api()).pullRequestsForCommit(ctx.repo, ctx.commit);
    const pr = pulls.find((p) => p.merged) ?? pulls.find((p) => p.state === 'open');
    if (pr) core.info(`Commit ${ctx.commit.slice(0, 7)} came in with pull request #${pr.number}`);
    return pr ? { ...ctx.repo, number: pr.number } : undefined;
  } catch (err) {
    core.warning(`could not find the pull request of commit ${ctx.commit}: ${describeGitHubError(err)}`);
    return undefined;
  }
}

/** The sticky comment for the key (plan or apply result), then the tf:* label; failures are warnings. */
export async function commentAndLabel(
  api: Api,
  issue: IssueRef,
  inputs: PlanCommentInputs,
  ctx: RunContext,
  s: PlanSummary,
  base: Omit<RenderOptions, 'maxBytes'>,
): Promise<void> {
  const { publish, syncLabels, statusesOf } = await import('./sticky.js');
  const where = `#${issue.number} in ${issue.owner}/${issue.repo}`;
  let statuses = [s.status];
  if (inputs.mode !== 'off') {
    await core.group(`Comment on pull request ${where}`, async () => {
      try {
        const login = await ownLogin(api, inputs);
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
