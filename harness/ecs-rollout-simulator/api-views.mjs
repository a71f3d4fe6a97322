// What the simulator's ECS answers look like: the JSON response and error envelopes, and the shapes of a
// service (moto's answer overlaid with the modelled deployments, events and settings), a service deployment
// (full and as listed), a service revision and a task, built from the state model (service-model.mjs).
import { breakerThreshold, clusterArn, epoch, rid } from './basics.mjs';

export const json = (status, obj) => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': rid(16) },
  body: JSON.stringify(obj),
});
export const awsError = (status, type, message) => json(status, { __type: type, message });

/** MONITORING while in progress, then TRIGGERED or MONITORING_COMPLETE. */
const monitoring = (triggered, complete) =>
  triggered ? 'TRIGGERED' : complete ? 'MONITORING_COMPLETE' : 'MONITORING';

/** deploymentConfiguration as given to CreateService/UpdateService (moto drops it), over `base`. */
function deploymentConfigurationView(svc, base = {}) {
  return {
    ...base,
    ...svc.config,
    deploymentCircuitBreaker: { enable: svc.breaker.enable, rollback: svc.breaker.rollback },
    maximumPercent: 200,
    minimumHealthyPercent: 100,
  };
}

function deploymentsView(svc) {
  return svc.deployments.map((d) => ({
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition,
    desiredCount: d.desiredCount,
    pendingCount: d.pendingCount,
    runningCount: d.runningCount,
    failedTasks: d.failedTasks,
    createdAt: epoch(d.createdAt),
    updatedAt: epoch(d.updatedAt),
    launchType: 'FARGATE',
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  }));
}

/** A service as DescribeServices/CreateService/UpdateService answer it: moto's JSON, overlaid. */
export function serviceView(serviceJson, svc) {
  const primary = svc.deployments.find((d) => d.status === 'PRIMARY') ?? svc.deployments[0];
  return {
    ...serviceJson,
    taskDefinition: primary?.taskDefinition ?? serviceJson.taskDefinition,
    desiredCount: svc.desiredCount,
    runningCount: svc.deployments.reduce((n, d) => n + d.runningCount, 0),
    pendingCount: svc.deployments.reduce((n, d) => n + d.pendingCount, 0),
    ...(svc.capacityProviderStrategy ? { capacityProviderStrategy: svc.capacityProviderStrategy } : {}),
    deployments: deploymentsView(svc),
    events: svc.events.map((e) => ({ id: e.id, createdAt: epoch(e.createdAt), message: e.message })),
    ...(svc.controller ? { deploymentController: svc.controller } : {}),
    deploymentConfiguration: deploymentConfigurationView(svc, serviceJson.deploymentConfiguration ?? {}),
  };
}

/** A service deployment as DescribeServiceDeployments answers it. */
export function serviceDeploymentView(region, svc, dep) {
  const sourceRevisions = dep.sourceDeps.map((s) => ({
    arn: s.arn,
    requestedTaskCount: 0,
    runningTaskCount: 0,
    pendingTaskCount: 0,
  }));
  return {
    serviceDeploymentArn: dep.sdArn,
    serviceArn: svc.arn,
    clusterArn: clusterArn(region, svc.cluster),
    createdAt: epoch(dep.createdAt),
    startedAt: epoch(dep.createdAt),
    updatedAt: epoch(dep.updatedAt),
    ...(dep.finishedAt ? { finishedAt: epoch(dep.finishedAt) } : {}),
    sourceServiceRevisions: sourceRevisions,
    targetServiceRevision: {
      arn: dep.revisionArn,
      requestedTaskCount: dep.desiredCount,
      runningTaskCount: dep.runningCount,
      pendingTaskCount: dep.pendingCount,
      ...(dep.hooks
        ? { requestedProductionTrafficWeight: dep.prodWeight, requestedTestTrafficWeight: dep.testWeight }
        : {}),
    },
    ...(dep.stage ? { lifecycleStage: dep.stage } : {}),
    ...(dep.hooks?.length
      ? {
          lifecycleHookDetails: dep.hooks.map((k) => ({
            hookId: k.hookId,
            targetType: k.targetType,
            ...(k.targetArn ? { targetArn: k.targetArn } : {}),
            status: k.status,
            ...(k.expiresAt ? { expiresAt: epoch(k.expiresAt), timeoutAction: k.timeoutAction } : {}),
          })),
        }
      : {}),
    ...(svc.config.alarms?.enable
      ? {
          alarms: {
            status: monitoring(dep.triggeredAlarms?.length, dep.sdStatus === 'SUCCESSFUL'),
            alarmNames: svc.config.alarms.alarmNames ?? [],
            triggeredAlarmNames: dep.triggeredAlarms ?? [],
          },
        }
      : {}),
    status: dep.sdStatus,
    ...(dep.sdStatusReason ? { statusReason: dep.sdStatusReason } : {}),
    deploymentConfiguration: deploymentConfigurationView(svc),
    deploymentCircuitBreaker: svc.breaker.enable
      ? {
          status: monitoring(dep.rolloutState === 'FAILED', dep.rolloutState === 'COMPLETED'),
          failureCount: dep.failedTasks,
          threshold: breakerThreshold(dep.desiredCount),
        }
      : { status: 'DISABLED', failureCount: dep.failedTasks, threshold: 0 },
    ...(dep.rollback
      ? {
          rollback: {
            reason: dep.rollback.reason,
            startedAt: epoch(dep.rollback.startedAt),
            serviceRevisionArn: dep.rollback.serviceRevisionArn,
          },
        }
      : {}),
  };
}

/** A service deployment as ListServiceDeployments lists it. */
export function serviceDeploymentSummary(region, svc, d) {
  return {
    serviceDeploymentArn: d.sdArn,
    serviceArn: svc.arn,
    clusterArn: clusterArn(region, svc.cluster),
    startedAt: epoch(d.createdAt),
    createdAt: epoch(d.createdAt),
    ...(d.finishedAt ? { finishedAt: epoch(d.finishedAt) } : {}),
    targetServiceRevisionArn: d.revisionArn,
    status: d.sdStatus,
    ...(d.sdStatusReason ? { statusReason: d.sdStatusReason } : {}),
  };
}

/** A deployment's service revision as DescribeServiceRevisions answers it. */
export function serviceRevisionView(region, svc, d) {
  return {
    serviceRevisionArn: d.revisionArn,
    serviceArn: svc.arn,
    clusterArn: clusterArn(region, svc.cluster),
    taskDefinition: d.taskDefinition,
    launchType: 'FARGATE',
    createdAt: epoch(d.createdAt),
  };
}

/** A service's task as DescribeTasks answers it. */
export function taskView(t) {
  return {
    taskArn: t.taskArn,
    clusterArn: t.clusterArn,
    taskDefinitionArn: t.taskDefinitionArn,
    startedBy: t.startedBy,
    group: t.group,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    createdAt: epoch(t.createdAt),
    ...(t.startedAt ? { startedAt: epoch(t.startedAt) } : {}),
    ...(t.stoppedAt ? { stoppedAt: epoch(t.stoppedAt), stoppingAt: epoch(t.stoppedAt) } : {}),
    ...(t.stopCode ? { stopCode: t.stopCode } : {}),
    ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
    containers: t.containers.map((c) => ({ ...c, taskArn: t.taskArn })),
  };
}
