// The life of one RunTask task in the task runner simulator (task-runner.mjs; documented in
// ../ecs-task-runner-sim.mjs): the task record made from a RunTask request and its task definition, its
// timeline planned from a script (PENDING, RUNNING while lines are due, STOPPED with an exit code, or a
// failure to pull the image), its status at a given time, and the task as DescribeTasks shows it. Pure: no
// I/O, times are absolute ms passed in or read from the clock. Does not model placement or ENIs.
import { ACCOUNT, rid } from './moto-calls.mjs';

export const DEFAULT_RUN_TIMING = {
  pendingMs: 200,
  lineIntervalMs: 40,
  runMs: 150,
  stopMs: 150,
};

const epoch = (ms) => ms / 1000;

/**
 * A new task of a RunTask request: `decides` is the container whose output and exit code are the task's.
 * @param {{payload: any, td: any, cluster: {clusterArn: string}, clusterName: string, region: string, decides: string, names: string[], createdAt: number}} o
 */
export function newTask({ payload, td, cluster, clusterName, region, decides, names, createdAt }) {
  const id = rid(16);
  const def = td.containerDefinitions.find((c) => c.name === decides) ?? {};
  const opts =
    def.logConfiguration?.logDriver === 'awslogs' ? (def.logConfiguration.options ?? {}) : undefined;
  return {
    id,
    arn: `arn:aws:ecs:${region}:${ACCOUNT}:task/${clusterName}/${id}`,
    cluster: clusterName,
    clusterArn: cluster.clusterArn,
    taskDefinitionArn: td.taskDefinitionArn,
    family: td.family,
    startedBy: payload.startedBy,
    group: payload.group ?? `family:${td.family}`,
    launchType: payload.launchType ?? (payload.capacityProviderStrategy ? undefined : 'EC2'),
    capacityProviderName: payload.capacityProviderStrategy?.[0]?.capacityProvider,
    platformVersion: payload.platformVersion,
    overrides: payload.overrides ?? { containerOverrides: [] },
    networkConfiguration: payload.networkConfiguration,
    containers: names,
    container: decides,
    images: Object.fromEntries(td.containerDefinitions.map((c) => [c.name, c.image])),
    image: def.image,
    createdAt,
    clientToken: payload.clientToken,
    log:
      opts?.['awslogs-group'] && opts['awslogs-stream-prefix']
        ? { group: opts['awslogs-group'], stream: `${opts['awslogs-stream-prefix']}/${decides}/${id}` }
        : undefined,
  };
}

/** Plans a task's life from its script (`T`: the runner's timing defaults); times are absolute ms. */
export function plan(task, script, T) {
  const t0 = task.createdAt;
  const pendingMs = script.pendingMs ?? T.pendingMs;
  const interval = script.lineIntervalMs ?? T.lineIntervalMs;
  const lines = script.lines ?? [];
  task.runningAt = script.failure === 'image-pull' ? undefined : t0 + pendingMs;
  task.lines = lines.map((message, i) => ({ message, at: t0 + pendingMs + (i + 1) * interval }));
  task.written = 0;
  if (script.failure === 'image-pull') {
    task.lines = [];
    task.stopAt = t0 + pendingMs;
    task.stop = {
      stopCode: 'TaskFailedToStart',
      stoppedReason: `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${task.image}: not found`,
      containerReason: `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${task.image}: not found`,
    };
  } else if (script.exitCode === null) {
    task.stopAt = Infinity; // runs until stopped
  } else {
    task.stopAt = t0 + pendingMs + lines.length * interval + (script.runMs ?? T.runMs);
    task.stop = {
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      exitCode: script.exitCode ?? 0,
    };
  }
}

/** The task's lastStatus at time `t`. */
export function statusAt(task, t) {
  if (t >= task.stopAt) return 'STOPPED';
  if (task.stopRequestedAt !== undefined) return 'DEPROVISIONING';
  if (task.runningAt !== undefined && t >= task.runningAt) return 'RUNNING';
  return 'PENDING';
}

/** The task as RunTask, StopTask and DescribeTasks answer it, now. */
export function taskView(task, region) {
  const t = Date.now();
  const lastStatus = statusAt(task, t);
  const stopped = lastStatus === 'STOPPED';
  const stop = task.userStop
    ? {
        stopCode: 'UserInitiated',
        stoppedReason: task.stopReason,
        exitCode: task.runningAt !== undefined && task.runningAt <= task.stopRequestedAt ? 143 : undefined,
      }
    : task.stop;
  return {
    taskArn: task.arn,
    clusterArn: task.clusterArn,
    taskDefinitionArn: task.taskDefinitionArn,
    startedBy: task.startedBy,
    group: task.group,
    launchType: task.launchType,
    ...(task.capacityProviderName ? { capacityProviderName: task.capacityProviderName } : {}),
    platformVersion: task.platformVersion,
    lastStatus,
    desiredStatus: stopped || task.stopRequestedAt !== undefined ? 'STOPPED' : 'RUNNING',
    createdAt: epoch(task.createdAt),
    ...(task.runningAt !== undefined && t >= task.runningAt ? { startedAt: epoch(task.runningAt) } : {}),
    ...(task.stopRequestedAt !== undefined ? { stoppingAt: epoch(task.stopRequestedAt) } : {}),
    ...(stopped
      ? {
          stoppedAt: epoch(task.stopAt),
          executionStoppedAt: epoch(task.stopAt),
          stopCode: stop.stopCode,
          stoppedReason: stop.stoppedReason,
        }
      : {}),
    overrides: task.overrides,
    containers: task.containers.map((name) => ({
      containerArn: `arn:aws:ecs:${region}:${ACCOUNT}:container/${task.cluster}/${task.id}/${rid(8)}`,
      taskArn: task.arn,
      name,
      image: task.images[name],
      lastStatus: stopped ? 'STOPPED' : lastStatus === 'RUNNING' ? 'RUNNING' : 'PENDING',
      ...(stopped && name === task.container && stop.exitCode !== undefined
        ? { exitCode: stop.exitCode }
        : {}),
      ...(stopped && name === task.container && stop.containerReason ? { reason: stop.containerReason } : {}),
    })),
  };
}
