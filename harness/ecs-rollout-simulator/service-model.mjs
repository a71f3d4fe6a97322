// The simulator's state model: a tracked service (what moto drops: breaker, deploymentConfiguration,
// controller, events, tasks) and its deployments (ECS deployment and service deployment fields side by side,
// plus the timeline `schedule` the rollout plays), with the small operations every part uses on them.
//
// A service record: {cluster, name, arn, desiredCount, taskDefinition, lastCompletedTaskDefinition, breaker,
// config, controller, targetGroup, deployments (newest first, as DescribeServices lists them), history (the
// service deployments ListServiceDeployments shows), rollbacks (rolling rollbacks, kept for /_sim/state),
// events (newest first, at most 100), tasks, names (container names per task definition)}.
import { ACCOUNT, clusterArn, deploymentId, now, rid } from './basics.mjs';

/** The cluster's name from a name or ARN (`default` when none is given). */
export function clusterName(cluster) {
  return String(cluster ?? 'default')
    .split('/')
    .pop();
}

/** The key of a service in the simulator's map: `${clusterName}/${serviceName}`. */
export function serviceKey(cluster, service) {
  return `${clusterName(cluster)}/${String(service).split('/').pop()}`;
}

/** The scenario named by the image tags of a task definition: unhealthy, crash, stuck, slow, else healthy. */
export function scenarioFromImages(images) {
  const tags = images.map((i) => i.split('@')[0].split(':').slice(1).join(':')).join(' ');
  for (const s of ['unhealthy', 'crash', 'stuck', 'slow']) if (tags.includes(s)) return s;
  return 'healthy';
}

/** deploymentConfiguration without the breaker (kept apart, as `svc.breaker`). */
export function withoutBreaker(config) {
  if (!config) return {};
  const { deploymentCircuitBreaker, ...rest } = config;
  void deploymentCircuitBreaker;
  return rest;
}

/** Something that happens to a deployment at `at` (ms), played by the rollout's `advance`. */
export function schedule(dep, at, fn) {
  dep.schedule.push({ at, fn });
}

/** A service event in ECS's shape, newest first; only the last 100 are kept. */
export function addEvent(svc, message, at = now()) {
  svc.events.unshift({
    id: rid(16).replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
    createdAt: at,
    message,
  });
  if (svc.events.length > 100) svc.events.length = 100;
}

/** A task stops at `at` (by default stopped by the service scheduler); `more` adds fields (containers). */
export function stopTask(task, at, stoppedReason, stopCode = 'ServiceSchedulerInitiated', more = {}) {
  Object.assign(task, {
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stoppedAt: at,
    stopCode,
    stoppedReason,
    ...more,
  });
}

/** Every task of a deployment that has not stopped yet is stopped by the service scheduler. */
export function stopRemainingTasks(tasks, at, stoppedReason) {
  for (const task of tasks) if (task.lastStatus !== 'STOPPED') stopTask(task, at, stoppedReason);
}

/** The parts of the model that make ARNs in the simulator's region, and the map of tracked services. */
export function createServiceModel({ region, services }) {
  function newDeployment(svc, taskDefinition, scenario, { rollbackOf } = {}) {
    const t = now();
    const id = deploymentId();
    return {
      id,
      sdArn: `arn:aws:ecs:${region}:${ACCOUNT}:service-deployment/${svc.cluster}/${svc.name}/${rid(10)}`,
      revisionArn: `arn:aws:ecs:${region}:${ACCOUNT}:service-revision/${svc.cluster}/${svc.name}/${rid(10)}`,
      taskDefinition,
      status: 'PRIMARY',
      desiredCount: svc.desiredCount,
      runningCount: 0,
      pendingCount: 0,
      failedTasks: 0,
      createdAt: t,
      updatedAt: t,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${id} in progress.`,
      sdStatus: 'IN_PROGRESS',
      sdStatusReason: undefined,
      scenario: scenario.scenario,
      logLines: scenario.logLines,
      rollbackOf,
      rollback: undefined,
      schedule: [],
      tasks: [],
      completedAt: undefined,
      failedAt: undefined,
      finishedAt: undefined,
      sourceDeps: [],
    };
  }

  function newTask(svc, dep, lastStatus) {
    const arn = `arn:aws:ecs:${region}:${ACCOUNT}:task/${svc.cluster}/${rid(16)}`;
    const task = {
      taskArn: arn,
      id: arn.split('/').pop(),
      clusterArn: clusterArn(region, svc.cluster),
      taskDefinitionArn: dep.taskDefinition,
      startedBy: dep.id,
      group: `service:${svc.name}`,
      lastStatus,
      desiredStatus: 'RUNNING',
      createdAt: now(),
      containers: svc
        .containerNames(dep.taskDefinition)
        .map((name) => ({ name, lastStatus, containerArn: `${arn}/${rid(4)}` })),
    };
    dep.tasks.push(task);
    svc.tasks.push(task);
    return task;
  }

  /** Starts tracking a service moto created: one completed deployment with its tasks running. */
  function track(cluster, serviceJson, breaker) {
    const svc = {
      cluster,
      name: serviceJson.serviceName,
      arn: serviceJson.serviceArn,
      desiredCount: serviceJson.desiredCount ?? 0,
      taskDefinition: serviceJson.taskDefinition,
      lastCompletedTaskDefinition: serviceJson.taskDefinition,
      breaker: { enable: Boolean(breaker?.enable), rollback: Boolean(breaker?.rollback) },
      config: {},
      controller: serviceJson.deploymentController,
      targetGroup: serviceJson.loadBalancers?.[0]?.targetGroupArn,
      deployments: [],
      rollbacks: [],
      events: [],
      tasks: [],
      names: new Map(),
      containerNames: (td) => svc.names.get(td) ?? ['app'],
    };
    const dep = newDeployment(svc, serviceJson.taskDefinition, { scenario: 'healthy' });
    dep.id = serviceJson.deployments?.[0]?.id ?? dep.id;
    Object.assign(dep, {
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${dep.id} completed.`,
      sdStatus: 'SUCCESSFUL',
      runningCount: svc.desiredCount,
      completedAt: now(),
      finishedAt: now(),
    });
    svc.deployments.push(dep);
    for (let i = 0; i < svc.desiredCount; i++) newTask(svc, dep, 'RUNNING');
    addEvent(svc, `(service ${svc.name}) has reached a steady state.`);
    svc.history = [...svc.deployments];
    services.set(serviceKey(cluster, svc.name), svc);
    return svc;
  }

  return { newDeployment, newTask, track };
}
