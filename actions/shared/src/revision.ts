// The revision contract: what slipway writes on a task definition revision, what each tag means, and how a
// revision is named in logs. render-task-definition writes provenance, ecs-deploy records where a revision
// served, ecs-rollback reads both to choose a target and records its own rollbacks.

/** Every `slipway:*` tag, with its meaning. */
export const TAG = {
  /** The commit the revision was built from (render-task-definition). */
  commit: 'slipway:commit',
  /** The workflow run that rendered it (render-task-definition). */
  runId: 'slipway:run-id',
  /** The git ref it was built from (render-task-definition). */
  ref: 'slipway:ref',
  /** When a deploy saw it serving, steady (ecs-deploy); a rollback target must carry it. */
  deployedAt: 'slipway:deployed-at',
  /** The run that registered it, so a retried RegisterTaskDefinition recognises its own revision (ecs-deploy). */
  registration: 'slipway:registration',
  /** When ecs-rollback put it back, why, and who asked (ecs-rollback). */
  rolledBackAt: 'slipway:rolled-back-at',
  rollbackReason: 'slipway:rollback-reason',
  rolledBackBy: 'slipway:rolled-back-by',
} as const;

/**
 * A value ECS accepts as a tag value: letters, digits, spaces and + - = . _ : / @ (anything else becomes _),
 * at most 256 characters. The one sanitiser for every slipway:* tag.
 */
export function tagValue(value: string): string {
  return value.replace(/[^\p{L}\p{N} +\-=._:/@]/gu, '_').slice(0, 256);
}

/** `web:7` from a task definition ARN (or whatever is after the last slash). */
export function revisionLabel(arn: string | undefined): string {
  if (!arn) return '?';
  return arn.split('/').pop() ?? arn;
}

/** Family and revision number of a task definition ARN; undefined when it is not one. */
export function parseRevision(arn: string): { family: string; revision: number } | undefined {
  const m = /task-definition\/([^:/]+):(\d+)$/.exec(arn);
  return m ? { family: m[1]!, revision: Number(m[2]) } : undefined;
}

/** A registration id for this run: unique per workflow run attempt and step invocation. */
export function registrationId(env: NodeJS.ProcessEnv = process.env, random = Math.random): string {
  const run = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT ?? '1'}` : 'local';
  return `${run}.${random().toString(36).slice(2, 10)}`;
}
