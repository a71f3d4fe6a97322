// ECS task runner simulator: one-off tasks started with RunTask, as ECS runs them over time, with their
// container's output written to moto's CloudWatch Logs as it would be by the awslogs driver; plus a small
// proxy in front of moto's CloudWatch Logs endpoint that can throttle or refuse the reads.
//
// Why: moto 5.x answers RunTask with a task that never changes state (and, on Fargate, none at all), writes
// no logs and ignores clientToken. ecs-run-task needs a task that starts, prints, exits with a code, can be
// stopped, and a log endpoint that misbehaves the way a busy account does.
//
// How it plugs in: `createTaskRunner()` returns handlers that the ECS rollout simulator
// (ecs-rollout-simulator.mjs) calls first for RunTask, StopTask and DescribeTasks, and for the control paths
// under `/_sim/run-task/`; an operation or task that is not the runner's falls through to the rollout
// simulator as before. Cluster and task definition state stay in moto (RunTask reads them from there).
// `startLogsProxy()` is a separate server: point AWS_ENDPOINT_URL_CLOUDWATCH_LOGS at it.
//
// What it models:
//  - RunTask: the cluster and task definition must exist in moto (ClusterNotFoundException, ClientException
//    as ECS answers), an override must name a container of the task definition, an awsvpc task needs
//    subnets (InvalidParameterException); `count` tasks (default 1) with taskArn, startedBy, group,
//    overrides, lastStatus/desiredStatus.
//  - clientToken idempotency as ECS documents it: the same token with the same parameters answers the task
//    already started (no second task); the same token with other parameters is a ConflictException. Tokens
//    are per cluster; the 24 h TTL is not modelled.
//  - Scripts (`runner.script({...})`, or POST /_sim/run-task/script), taken by the next RunTask, optionally
//    only of a given task definition family: PENDING for `pendingMs`, then RUNNING while `lines` are written
//    one every `lineIntervalMs` (to `<prefix>/<container>/<task id>` in the container's awslogs group, which
//    is created if needed), then STOPPED after `runMs` more with the container's `exitCode` (stopCode
//    EssentialContainerExited). `failure: 'image-pull'` stops the task from PENDING with TaskFailedToStart
//    and CannotPullContainerError and no exit code; `failures: [{reason, detail?}]` makes RunTask answer
//    `failures[]` and no task; `answer5xxAfterApply: true` starts the task and answers HTTP 500 anyway.
//  - StopTask: desiredStatus STOPPED at once, lastStatus STOPPED `stopMs` later, stopCode UserInitiated,
//    the given reason, exit code 143 (SIGTERM); no more lines after the stop.
//  - Log lines are written when due: before every simulated ECS or logs-proxy answer, and by a 50 ms timer
//    while a task runs, serially, so a reader never sees a later line before an earlier one. Each line's
//    due time is recorded (`runner.lineTimes()`) for latency benchmarks.
//  - `putContainerLines()` writes any container's output to moto at once (for other simulators' tasks).
//  - The logs proxy: every CloudWatch Logs call is forwarded to moto and recorded; faults
//    (`proxy.fault({operation, type, count, skip})`): `throttle` (ThrottlingException), `5xx`
//    (ServiceUnavailableException), `access-denied` (AccessDeniedException naming logs:<op>), `drop`.
// Modules (ecs-task-runner-sim/): task-runner.mjs (RunTask/StopTask/DescribeTasks, scripts, the log writer),
// task-life.mjs (a task's timeline and DescribeTasks view), logs-proxy.mjs, container-logs.mjs
// (putContainerLines and the awslogs-like writes), moto-network.mjs (createMotoNetwork), moto-calls.mjs (the
// AWS JSON protocol to moto).
// What it does not model: placement, capacity, container instances, ENIs, task protection, the 24 h token
// TTL, more than one container's output per task (the others print nothing), the awslogs driver's
// batching (each line is one event), log retention, CloudWatch Logs' own quotas beyond injected faults,
// IAM, and real timings (the defaults are a few hundred ms).
export { DEFAULT_RUN_TIMING, createTaskRunner } from './ecs-task-runner-sim/task-runner.mjs';
export { startLogsProxy } from './ecs-task-runner-sim/logs-proxy.mjs';
export { createMotoNetwork } from './ecs-task-runner-sim/moto-network.mjs';
export { putContainerLines } from './ecs-task-runner-sim/container-logs.mjs';
