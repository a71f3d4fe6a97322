// The timeline of a ROLLING deployment, fixed when it starts (as `schedule` entries the rollout plays):
//  - healthy / slow: all tasks start PENDING, then one goes RUNNING per step (slow: `slowStepMs`) while one
//    old task stops, then the deployment completes; rolling early success (earlySuccessCriteria) marks the
//    service deployment SUCCESSFUL once enough tasks run.
//  - stuck: one task stays PENDING and "unable to place a task" is repeated every `eventGapMs`.
//  - crash / unhealthy: tasks start and fail (exit 1, or ELB health checks and exit 143), again and again,
//    writing their output to CloudWatch Logs, until the circuit breaker trips (if enabled; else 400 tries).
import { ACCOUNT, breakerThreshold, rid } from './basics.mjs';
import { UNHEALTHY_LINES } from './container-logs.mjs';
import { addEvent as event, schedule, stopTask } from './service-model.mjs';

/**
 * @param {object} h T (timing), region, newTask(svc, dep, status), complete(svc, dep, at),
 *   breakerTrips(svc, dep, at), writeCrashLog(svc, dep, task, at, fallback?)
 */
export function createRollingPlanner(h) {
  const { T } = h;

  function planHealthy(svc, dep, old, start, step) {
    const desired = dep.desiredCount;
    schedule(dep, start + 50, () => {
      dep.pendingCount = desired;
      const started = Array.from({ length: desired }, () => h.newTask(svc, dep, 'PENDING'));
      event(
        svc,
        `(service ${svc.name}) has started ${desired} tasks: ${started.map((t) => `(task ${t.id})`).join(' ')}.`,
        start + 50,
      );
    });
    for (let i = 1; i <= desired; i++) {
      schedule(dep, start + i * step, (at) => {
        dep.pendingCount--;
        dep.runningCount++;
        const early = svc.config.earlySuccessCriteria;
        if (
          early?.enable &&
          dep.sdStatus === 'IN_PROGRESS' &&
          dep.runningCount >= Math.ceil((desired * (early.healthyPercent ?? 100)) / 100)
        ) {
          dep.sdStatus = 'SUCCESSFUL';
          dep.sdStatusReason = 'Early success criteria met; scaling continues.';
          dep.earlyAt = at;
          dep.finishedAt = at;
        }
        const task = dep.tasks.find((t) => t.lastStatus === 'PENDING');
        if (task) Object.assign(task, { lastStatus: 'RUNNING', startedAt: at });
        const victim = old.find((d) => d.runningCount > 0);
        if (victim) {
          victim.runningCount--;
          const vt = victim.tasks.find((t) => t.lastStatus === 'RUNNING');
          if (vt) stopTask(vt, at, 'Scaling activity initiated by (deployment ' + dep.id + ')');
          event(svc, `(service ${svc.name}) has stopped 1 running tasks: (task ${vt?.id ?? rid(16)}).`, at);
        }
        if (svc.targetGroup)
          event(svc, `(service ${svc.name}) registered 1 targets in (target-group ${svc.targetGroup})`, at);
      });
    }
    const done = start + desired * step + Math.round(step / 2);
    schedule(dep, done, (at) => h.complete(svc, dep, at));
  }

  function planStuck(svc, dep, start) {
    schedule(dep, start + 50, () => {
      dep.pendingCount = dep.desiredCount;
      h.newTask(svc, dep, 'PENDING');
    });
    for (let k = 0; k < 720; k++) {
      schedule(dep, start + 100 + k * T.eventGapMs, (at) =>
        event(
          svc,
          `(service ${svc.name}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.`,
          at,
        ),
      );
    }
  }

  /** unhealthy / crash: tasks start and fail, again and again, until the breaker trips (if enabled). */
  function planFailing(svc, dep, start) {
    const desired = dep.desiredCount;
    const failDelay = dep.scenario === 'crash' ? T.crashMs : T.healthCheckMs;
    const threshold = breakerThreshold(desired);
    dep.breakerThreshold = threshold;
    const attempts = svc.breaker.enable ? threshold : 400;
    for (let k = 0; k < attempts; k++) {
      const launchAt = start + 50 + k * (failDelay + 100);
      schedule(dep, launchAt, (at) => {
        const t = h.newTask(svc, dep, 'PENDING');
        dep.pendingCount = Math.min(desired, dep.pendingCount + 1);
        event(svc, `(service ${svc.name}) has started 1 tasks: (task ${t.id}).`, at);
        t.lastStatus = 'RUNNING';
        t.startedAt = at;
      });
      schedule(dep, launchAt + failDelay, (at) => {
        const t = dep.tasks.find((x) => x.lastStatus === 'RUNNING');
        if (!t) return;
        dep.pendingCount = Math.max(0, dep.pendingCount - 1);
        dep.failedTasks++;
        if (dep.scenario === 'crash') {
          h.writeCrashLog(svc, dep, t, at);
          stopTask(t, at, 'Essential container in task exited', 'EssentialContainerExited', {
            containers: t.containers.map((c, i) => ({
              ...c,
              lastStatus: 'STOPPED',
              exitCode: i === 0 ? 1 : 0,
              reason: undefined,
            })),
          });
        } else {
          h.writeCrashLog(svc, dep, t, at, UNHEALTHY_LINES);
          const targetGroup =
            svc.targetGroup ??
            `arn:aws:elasticloadbalancing:${h.region}:${ACCOUNT}:targetgroup/${svc.name}/0123456789abcdef`;
          stopTask(t, at, `Task failed ELB health checks in (target-group ${targetGroup})`, undefined, {
            containers: t.containers.map((c) => ({
              ...c,
              lastStatus: 'STOPPED',
              exitCode: 143,
              reason: undefined,
            })),
          });
          event(svc, `(service ${svc.name}) (task ${t.id}) failed container health checks.`, at);
        }
        event(svc, `(service ${svc.name}) has stopped 1 running tasks: (task ${t.id}).`, at);
        if (svc.breaker.enable && dep.failedTasks >= threshold) h.breakerTrips(svc, dep, at);
      });
    }
  }

  /** Plans a deployment's timeline from its createdAt; `params.stepMs` overrides the step. */
  return function plan(svc, dep, params) {
    const start = dep.createdAt;
    const old = svc.deployments.filter((d) => d !== dep);
    dep.sourceDeps = old.map((d) => ({ arn: d.revisionArn, taskDefinition: d.taskDefinition }));
    if (dep.scenario === 'healthy' || dep.scenario === 'slow') {
      const step = params.stepMs ?? (dep.scenario === 'slow' ? T.slowStepMs : T.stepMs);
      planHealthy(svc, dep, old, start, step);
    } else if (dep.scenario === 'stuck') planStuck(svc, dep, start);
    else planFailing(svc, dep, start);
  };
}
