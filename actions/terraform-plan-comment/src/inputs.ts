import { isAbsolute, relative, resolve, dirname, sep } from 'node:path';
import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';

export const MODES = ['update', 'recreate', 'off'] as const;
export type Mode = (typeof MODES)[number];

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
  const title = inputs.optional('title') ?? (key === '.' ? 'Terraform plan' : `Terraform plan: ${key}`);
  if (title.length > 200 || /[\r\n]/.test(title)) {
    throw new InputError('title', title, 'expected one line of at most 200 characters');
  }
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
  };
}
