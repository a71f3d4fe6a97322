import { isAbsolute, relative, resolve, dirname, sep } from 'node:path';
import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';

export const MODES = ['update', 'recreate', 'off'] as const;
export type Mode = (typeof MODES)[number];
export const TARGETS = ['pr-comment', 'issue'] as const;
export const APPLY_OUTCOMES = ['applied', 'failed'] as const;
export type ApplyOutcome = (typeof APPLY_OUTCOMES)[number];
export const DEFAULT_ISSUE_LABEL = 'drift';

/** GitHub rejects a comment body over 65536 characters; a UTF-8 byte budget at or below it is always safe. */
export const MAX_COMMENT_BYTES = 65536;
export const MIN_COMMENT_BYTES = 4000;
export const DEFAULT_AUTHOR = 'github-actions[bot]';

export interface PlanCommentInputs {
  planJson: string;
  planText?: string;
  key: string;
  title: string;
  githubToken: string;
  mode: Mode;
  hidePrevious: boolean;
  labels: boolean;
  maxCommentBytes: number;
  /** Login whose comments count as ours; undefined = ask GET /user, falling back to github-actions[bot]. */
  commentAuthor?: string;
  /** target: issue — one open drift issue per key instead of a pull-request comment. */
  issue?: { title: string; label: string };
  /** apply-outcome set — the key's sticky comment reports an apply instead of a plan. */
  apply?: { outcome: ApplyOutcome; log?: string };
  /** The pull request to comment on, when the event does not name one (a push after a merge). */
  pullRequest?: number;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** The default key: the plan file's folder relative to the workspace (`.` at its root), plus a TF_WORKSPACE. */
export function defaultKey(planJson: string, env: NodeJS.ProcessEnv): string {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const dir = dirname(resolve(workspace, planJson));
  let rel = relative(workspace, dir);
  if (rel === '') rel = '.';
  else if (rel.startsWith('..') || isAbsolute(rel)) rel = dir;
  rel = rel.split(sep).join('/');
  const tfWorkspace = env.TF_WORKSPACE;
  return tfWorkspace && tfWorkspace !== 'default' ? `${rel}@${tfWorkspace}` : rel;
}

/** Reads and validates every input; reads no files and calls nothing. */
export function getInputs(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): PlanCommentInputs {
  const planJson = inputs.required('plan-json', 'the path of `terraform show -json <planfile>` output');
  const planText = inputs.optional('plan-text');
  const key = inputs.optional('key') ?? defaultKey(planJson, env);
  if (key.length > 200 || /[\r\n]/.test(key)) {
    throw new InputError('key', key, 'expected one line of at most 200 characters');
  }
  const applyOutcome: ApplyOutcome | '' = inputs.has('apply-outcome')
    ? inputs.oneOf('apply-outcome', APPLY_OUTCOMES, 'applied')
    : '';
  const heading = applyOutcome ? 'Terraform apply' : 'Terraform plan';
  const title = inputs.optional('title') ?? (key === '.' ? heading : `${heading}: ${key}`);
  oneLine('title', title, 200);
  const mode = inputs.oneOf('mode', MODES, 'update');
  const hidePrevious = inputs.bool('hide-previous', false);
  const labels = inputs.bool('labels', false);
  const maxCommentBytes = inputs.int('max-comment-bytes', {
    min: MIN_COMMENT_BYTES,
    max: MAX_COMMENT_BYTES,
    fallback: 60000,
  });
  const commentAuthor = inputs.optional('comment-author');
  if (commentAuthor !== undefined && !LOGIN.test(commentAuthor)) {
    throw new InputError(
      'comment-author',
      commentAuthor,
      "expected a GitHub login such as 'github-actions[bot]', 'my-app[bot]' or 'octocat'",
    );
  }
  const githubToken = inputs.optional('github-token') ?? env.GITHUB_TOKEN ?? '';
  if (githubToken === '' && (mode !== 'off' || labels)) {
    throw new InputError(
      'github-token',
      '',
      "a token is needed to comment or label (the default is the workflow's token); set mode: off to only write the job summary",
    );
  }
  if (hidePrevious && mode === 'off') {
    throw new InputError('hide-previous', 'true', "only has an effect when mode is 'update' or 'recreate'");
  }
  const target = inputs.oneOf('target', TARGETS, 'pr-comment');
  const issue =
    target === 'issue' ? issueInputs(inputs, key, { mode, labels, hidePrevious, applyOutcome }) : undefined;
  if (target !== 'issue') {
    for (const name of ['issue-title', 'issue-label']) {
      const v = inputs.optional(name);
      if (v !== undefined) throw new InputError(name, v, "only has an effect when target is 'issue'");
    }
  }
  const applyLog = inputs.optional('apply-log');
  if (applyLog !== undefined && !applyOutcome) {
    throw new InputError(
      'apply-log',
      applyLog,
      "only has an effect when apply-outcome is 'applied' or 'failed'",
    );
  }
  if (applyOutcome && mode === 'off') {
    throw new InputError(
      'apply-outcome',
      applyOutcome,
      "reports on the pull request's comment; mode is 'off'",
    );
  }
  const pr = inputs.optional('pull-request');
  if (pr !== undefined && !/^[1-9]\d{0,9}$/.test(pr)) {
    throw new InputError('pull-request', pr, 'expected a pull request number such as 42');
  }
  return {
    planJson,
    planText,
    key,
    title,
    githubToken,
    mode,
    hidePrevious,
    labels,
    maxCommentBytes,
    commentAuthor,
    issue,
    apply: applyOutcome ? { outcome: applyOutcome, log: applyLog } : undefined,
    pullRequest: pr === undefined ? undefined : Number(pr),
  };
}

function oneLine(name: string, value: string, max: number): void {
  if (value.length > max || /[\r\n]/.test(value)) {
    throw new InputError(name, value, `expected one line of at most ${max} characters`);
  }
}

/** target: issue — its own inputs, and the pull-request-only inputs it cannot be combined with. */
function issueInputs(
  inputs: Inputs,
  key: string,
  o: { mode: Mode; labels: boolean; hidePrevious: boolean; applyOutcome: string },
): { title: string; label: string } {
  const only = "applies to pull-request comments; target is 'issue'";
  if (o.mode !== 'update') throw new InputError('mode', o.mode, only);
  if (o.labels) throw new InputError('labels', 'true', only);
  if (o.hidePrevious) throw new InputError('hide-previous', 'true', only);
  if (o.applyOutcome) throw new InputError('apply-outcome', o.applyOutcome, only);
  const title = inputs.optional('issue-title') ?? `Terraform drift: ${key}`;
  oneLine('issue-title', title, 256);
  const label = inputs.optional('issue-label') ?? DEFAULT_ISSUE_LABEL;
  if (label.length > 50 || /[,\r\n]/.test(label)) {
    throw new InputError(
      'issue-label',
      label,
      'expected one label name of at most 50 characters, without commas',
    );
  }
  return { title, label };
}
