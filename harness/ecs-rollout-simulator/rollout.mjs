// How deployments progress and end: the clock (`advance` plays every scheduled step that is due, on each
// request, so timing needs no timers), a new deployment on UpdateService (rolling plan, or a staged strategy),
// completion, the circuit breaker tripping, rollbacks to the previous task definition, deployment alarms and
// StopServiceDeployment. The timelines themselves are in rolling-plan.mjs and staged-strategies.mjs.
import { now, rid } from './basics.mjs';
import { createRollingPlanner } from './rolling-plan.mjs';
import { STAGED, stagedStrategies } from './staged-strategies.mjs';
import { addEvent as event, schedule, stopRemainingTasks } from './service-model.mjs';

/**
 * @param {{T: object, region: string, services: Map<string, object>, model: ReturnType<
 *   typeof import('./service-model.mjs').createServiceModel>, writeCrashLog: Function}} opts
 */
export function createRollout({ T, region, services, model, writeCrashLog }) {
  const alarmStates = new Map();
  const { newTask, newDeployment } = model;

  /** An alarm changes state; in ALARM it stops (or rolls back) every deployment in progress that watches it. */
  function setAlarm(name, state, at = now()) {
    alarmStates.set(name, state);
    if (state !== 'ALARM') return;
    for (const svc of services.values()) {
      const alarms = svc.config.alarms;
      if (!alarms?.enable || !(alarms.alarmNames ?? []).includes(name)) continue;
      const dep = svc.deployments.find((d) => d.sdStatus === 'IN_PROGRESS');
      if (!dep) continue;
      dep.triggeredAlarms = [...new Set([...(dep.triggeredAlarms ?? []), name])];
      const reason = `CloudWatch alarm ${name} went into ALARM state.`;
      event(svc, `(service ${svc.name}) (deployment ${dep.id}) deployment failed: alarm detected.`, at);
      if (!alarms.rollback) {
        dep.schedule = [];
        dep.sdStatus = 'STOPPED';
        dep.sdStatusReason = reason;
        dep.rolloutState = 'FAILED';
        dep.finishedAt = at;
      } else if (dep.hooks) staged.rollback(svc, dep, reason, at);
      else {
        dep.rolloutState = 'FAILED';
        dep.rolloutStateReason = reason;
        dep.sdStatus = 'ROLLBACK_IN_PROGRESS';
        dep.sdStatusReason = reason;
        startRollback(svc, dep, svc.lastCompletedTaskDefinition, at + 1, reason);
      }
    }
  }

  const staged = stagedStrategies({
    T,
    rid,
    now,
    schedule,
    event: (svc, message, at) => event(svc, message, at),
    newTask: (svc, dep, status) => newTask(svc, dep, status),
    complete: (svc, dep, at) => complete(svc, dep, at),
    setAlarm: (name, state, at) => setAlarm(name, state, at),
  });

  const plan = createRollingPlanner({
    T,
    region,
    newTask,
    complete: (svc, dep, at) => complete(svc, dep, at),
    breakerTrips: (svc, dep, at) => breakerTrips(svc, dep, at),
    writeCrashLog,
  });

  /** UpdateService with a new task definition (or forceNewDeployment): a new PRIMARY deployment. */
  function startDeployment(svc, primary, td, scenario) {
    if (primary) {
      primary.status = 'ACTIVE';
      primary.schedule = primary.rolloutState === 'IN_PROGRESS' ? [] : primary.schedule;
      if (primary.rolloutState === 'IN_PROGRESS') {
        primary.sdStatus = 'STOPPED';
        primary.sdStatusReason = 'Stopped by a newer deployment.';
        primary.finishedAt = now();
      }
    }
    const dep = newDeployment(svc, td, scenario);
    svc.deployments.unshift(dep);
    svc.history.unshift(dep);
    dep.sourceDeps = svc.deployments
      .filter((d) => d !== dep)
      .map((d) => ({ arn: d.revisionArn, taskDefinition: d.taskDefinition }));
    if (STAGED.has(svc.config.strategy) && (scenario.scenario === 'healthy' || scenario.scenario === 'slow'))
      staged.plan(svc, dep, scenario);
    else plan(svc, dep, scenario);
    event(svc, `(service ${svc.name}) updated its deployment: ${dep.id} with task definition ${td}.`);
  }

  function complete(svc, dep, at) {
    for (const old of svc.deployments) {
      if (old === dep) continue;
      old.runningCount = 0;
      old.status = 'INACTIVE';
      old.schedule = [];
      stopRemainingTasks(old.tasks, at, `Scaling activity initiated by (deployment ${dep.id})`);
      old.finishedAt ??= at;
    }
    svc.deployments = svc.deployments.filter((d) => d.status !== 'INACTIVE');
    dep.rolloutState = 'COMPLETED';
    dep.rolloutStateReason = `ECS deployment ${dep.id} completed.`;
    dep.completedAt = at;
    dep.finishedAt = at;
    dep.updatedAt = at;
    dep.pendingCount = 0;
    dep.runningCount = dep.desiredCount;
    if (dep.rollbackOf) {
      dep.rollbackOf.sdStatus = 'ROLLBACK_SUCCESSFUL';
      dep.rollbackOf.finishedAt = at;
    }
    dep.sdStatus = 'SUCCESSFUL';
    svc.taskDefinition = dep.taskDefinition;
    event(svc, `(service ${svc.name}) (deployment ${dep.id}) deployment completed.`, at);
    event(svc, `(service ${svc.name}) has reached a steady state.`, at + 1);
  }

  function breakerTrips(svc, dep, at) {
    dep.schedule = [];
    dep.rolloutState = 'FAILED';
    dep.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
    dep.failedAt = at;
    dep.updatedAt = at;
    event(svc, `(service ${svc.name}) (deployment ${dep.id}) deployment failed: tasks failed to start.`, at);
    const previous = svc.lastCompletedTaskDefinition;
    if (svc.breaker.rollback && previous && previous !== dep.taskDefinition) {
      dep.sdStatus = 'ROLLBACK_IN_PROGRESS';
      dep.sdStatusReason = 'ECS deployment circuit breaker: tasks failed to start.';
      event(
        svc,
        `(service ${svc.name}) rolling back to deployment with task definition ${previous}.`,
        at + 1,
      );
      startRollback(
        svc,
        dep,
        previous,
        at + 2,
        'ECS deployment circuit breaker: rolling back to the previous service revision.',
      );
    } else {
      dep.sdStatus = 'STOPPED';
      dep.sdStatusReason = 'ECS deployment circuit breaker: tasks failed to start.';
    }
  }

  function startRollback(svc, failed, previousTaskDefinition, at, reason) {
    failed.status = 'ACTIVE';
    failed.schedule = [];
    failed.rollback = { reason, startedAt: at, serviceRevisionArn: failed.revisionArn };
    const rb = newDeployment(svc, previousTaskDefinition, { scenario: 'healthy' }, { rollbackOf: failed });
    rb.createdAt = at;
    for (const d of svc.deployments) if (d.status === 'PRIMARY') d.status = 'ACTIVE';
    svc.deployments.unshift(rb);
    // ECS shows a rollback inside the failed service deployment (ROLLBACK_* status), not as a new one, so it
    // stays out of `history` (ListServiceDeployments) and is kept for /_sim/state only.
    svc.rollbacks.push(rb);
    plan(svc, rb, {});
    return rb;
  }

  /** StopServiceDeployment (the deployment is IN_PROGRESS or PENDING): ROLLBACK, or ABORT (just stop). */
  function stopDeployment(svc, d, stopType) {
    const previous = svc.lastCompletedTaskDefinition;
    if (stopType === 'ROLLBACK' && d.hooks) {
      staged.rollback(svc, d, 'Rollback requested by StopServiceDeployment.', now());
    } else if (stopType === 'ROLLBACK' && previous && previous !== d.taskDefinition) {
      d.sdStatus = 'ROLLBACK_REQUESTED';
      d.rolloutState = 'FAILED';
      d.rolloutStateReason = 'Deployment stopped by StopServiceDeployment (ROLLBACK).';
      d.sdStatusReason = 'Service deployment rolled back because of a StopServiceDeployment request.';
      event(svc, `(service ${svc.name}) (deployment ${d.id}) deployment stopped: rollback requested.`);
      d.sdStatus = 'ROLLBACK_IN_PROGRESS';
      startRollback(svc, d, previous, now(), 'Rollback requested by StopServiceDeployment.');
    } else {
      d.schedule = [];
      d.sdStatus = 'STOPPED';
      d.finishedAt = now();
    }
  }

  /** Plays, in time order, every scheduled step of the service that is due now. */
  function advance(svc) {
    const t = now();
    for (;;) {
      let next;
      for (const d of svc.deployments)
        for (const s of d.schedule) if (s.at <= t && (!next || s.at < next.s.at)) next = { d, s };
      if (!next) break;
      next.d.schedule.splice(next.d.schedule.indexOf(next.s), 1);
      next.s.fn(next.s.at);
    }
    for (const d of svc.deployments)
      if (d.rolloutState === 'COMPLETED' && d.status === 'PRIMARY')
        svc.lastCompletedTaskDefinition = d.taskDefinition;
  }

  return { advance, startDeployment, stopDeployment, setAlarm, alarmStates, staged };
}
