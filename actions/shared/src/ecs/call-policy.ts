// How slipway treats a failed call, per ECS operation: the one table behind every retry (and the one the
// action READMEs show). Three kinds of failure, three answers:
//  - throttled: the request was refused before it did anything, so it is always safe to send again;
//  - 5xx, connection reset or time-out: the request may have been applied. Reads are simply sent again;
//    calls that change something are first checked ("read back"), and sent again only if they did not land;
//  - unsupported (unknown operation, invalid action, a body that is not the ECS protocol): the endpoint does
//    not have it, so an optional feature is switched off at once, with one warning.
// Optional calls (the Service Deployments API, task diagnosis, tagging) are never retried in front of a
// verdict: a throttled or failed optional call is skipped for this poll and tried again at the next one.

export type EcsOperation =
  | 'DescribeServices'
  | 'DescribeTaskDefinition'
  | 'ListTaskDefinitions'
  | 'RegisterTaskDefinition'
  | 'UpdateService'
  | 'ListServiceDeployments'
  | 'DescribeServiceDeployments'
  | 'DescribeServiceRevisions'
  | 'StopServiceDeployment'
  | 'ContinueServiceDeployment'
  | 'ListTasks'
  | 'DescribeTasks'
  | 'RunTask'
  | 'TagResource'
  | 'DeregisterTaskDefinition';

export interface CallPolicy {
  /** What a 5xx / reset / time-out leads to. */
  onTransient: 'retry' | 'read-back' | 'skip';
  /** An optional call: one attempt per poll, switched off when unsupported, never in front of a verdict. */
  optional: boolean;
  /** How "was it applied?" is answered, for the README table. */
  readBack: string;
}

const read = (optional = false): CallPolicy => ({
  onTransient: optional ? 'skip' : 'retry',
  optional,
  readBack: '— (a read)',
});

export const ECS_CALL_POLICY: Record<EcsOperation, CallPolicy> = {
  DescribeServices: read(),
  DescribeTaskDefinition: read(),
  ListTaskDefinitions: read(),
  DescribeServiceRevisions: read(true),
  ListServiceDeployments: read(true),
  DescribeServiceDeployments: read(true),
  ListTasks: read(true),
  DescribeTasks: read(true),
  RegisterTaskDefinition: {
    onTransient: 'read-back',
    optional: false,
    readBack: "the family's newest revisions carry this run's slipway:registration tag",
  },
  UpdateService: {
    onTransient: 'read-back',
    optional: false,
    readBack: 'the service has a PRIMARY deployment of the revision, created after the call was sent',
  },
  StopServiceDeployment: {
    onTransient: 'read-back',
    optional: false,
    readBack: 'the service deployment is STOP_* or ROLLBACK_* (or already finished)',
  },
  ContinueServiceDeployment: {
    onTransient: 'read-back',
    optional: false,
    readBack: 'the lifecycle hook is no longer AWAITING_ACTION',
  },
  RunTask: {
    onTransient: 'retry',
    optional: false,
    readBack: 'sent again with the same clientToken, which ECS answers with the task it already started',
  },
  TagResource: {
    onTransient: 'retry',
    optional: true,
    readBack: 'the same tags set twice are the same state; a tag that cannot be set is a warning',
  },
  DeregisterTaskDefinition: {
    onTransient: 'read-back',
    optional: false,
    readBack: 'the revision is INACTIVE',
  },
};

/** Attempts for a throttled call: twice the transient budget, since a throttled call never did anything. */
export function throttleAttempts(maxAttempts: number): number {
  return Math.max(2, maxAttempts * 2);
}

/** The policy as a Markdown table (the action READMEs embed it). */
export function policyTable(): string {
  const rows = Object.entries(ECS_CALL_POLICY).map(([op, p]) => {
    const transient =
      p.onTransient === 'retry'
        ? 'retried'
        : p.onTransient === 'skip'
          ? 'skipped for this poll'
          : 'read back, sent again only if it did not land';
    const throttled = p.optional && p.onTransient === 'skip' ? 'skipped for this poll' : 'retried';
    return `| \`${op}\` | ${throttled} | ${transient} | ${p.optional ? 'yes: switched off with one warning' : 'no: fails the step'} | ${p.readBack} |`;
  });
  return [
    '| operation | throttled | 5xx / reset / time-out | optional (unsupported) | how "applied?" is read back |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
