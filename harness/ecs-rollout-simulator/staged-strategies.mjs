// The ECS deployment strategies other than ROLLING, for the rollout simulator (../ecs-rollout-simulator.mjs):
// BLUE_GREEN, LINEAR and CANARY, played from the service's own deploymentConfiguration over time.
//
// What it models (durations scaled: one configured minute lasts `minuteMs`, default 200 ms; each lifecycle
// stage without a bake lasts `stageMs`):
//  - The lifecycle stages in ECS's order: RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP (the new revision starts
//    at full count beside the old one), POST_SCALE_UP, TEST_TRAFFIC_SHIFT (test traffic 100 %),
//    POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT (BLUE_GREEN: 100 % at once; LINEAR: stepPercent per
//    step with stepBakeTimeInMinutes between steps, none after 100 %; CANARY: canaryPercent, then
//    canaryBakeTimeInMinutes, then 100 %), POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME (bakeTimeInMinutes),
//    CLEAN_UP (the old revision's tasks stop), then SUCCESSFUL. requestedProductionTrafficWeight and
//    requestedTestTrafficWeight follow the shifts.
//  - The hard case: from BAKE_TIME on, the new deployment in DescribeServices is PRIMARY with every task
//    running and rolloutState COMPLETED, the old one still ACTIVE at full count, while the service
//    deployment is still IN_PROGRESS.
//  - Lifecycle hooks at their stages: PAUSE hooks wait (AWAITING_ACTION, expiresAt, timeoutAction) until
//    ContinueServiceDeployment (CONTINUE or ROLLBACK) or expiry, which applies timeoutAction (hook TIMED_OUT);
//    AWS_LAMBDA hooks succeed after one stage.
//  - Deployment alarms (deploymentConfiguration.alarms): an alarm put into ALARM while the deployment is in
//    progress (a control call, or `alarmAt: <stage>` in the scenario, or `alarmAt: 'canary'` while the canary is served) rolls it back (alarms.rollback) or
//    stops it: traffic returns to the old revision, which is still running, then ROLLBACK_SUCCESSFUL with
//    triggeredAlarmNames.
// What it does not model: real load balancer listeners and target groups, Lambda invocations (hooks just
// succeed), health-check-driven failures during a staged deployment (use the rolling scenarios), or ECS's
// real stage durations.
import { stopRemainingTasks } from './service-model.mjs';

export const STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];

export const STAGED = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);

/** Production traffic steps (weights, and the bake after each) for a strategy. */
export function trafficSteps(config) {
  const strategy = config.strategy;
  if (strategy === 'LINEAR') {
    const step = config.linearConfiguration?.stepPercent ?? 10;
    const bake = config.linearConfiguration?.stepBakeTimeInMinutes ?? 6;
    const steps = [];
    for (let w = step; w < 100 - 1e-9; w += step)
      steps.push({ weight: Math.round(w * 10) / 10, bakeMinutes: bake });
    steps.push({ weight: 100, bakeMinutes: 0 });
    return steps;
  }
  if (strategy === 'CANARY') {
    return [
      {
        weight: config.canaryConfiguration?.canaryPercent ?? 5,
        bakeMinutes: config.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10,
      },
      { weight: 100, bakeMinutes: 0 },
    ];
  }
  return [{ weight: 100, bakeMinutes: 0 }];
}

/**
 * @param {object} h the simulator's helpers: T (timing), rid, now, schedule(dep, at, fn), event(svc, msg, at),
 *   newTask(svc, dep, status), complete(svc, dep, at), setAlarm(name, state, at)
 */
export function stagedStrategies(h) {
  const { T } = h;
  const minute = () => T.minuteMs ?? 200;
  const stageMs = () => T.stageMs ?? 150;

  function enter(svc, dep, index, at) {
    if (dep.sdStatus !== 'IN_PROGRESS') return;
    const stage = STAGES[index];
    if (!stage) return;
    dep.stage = stage;
    dep.stageIndex = index;
    dep.updatedAt = at;
    h.event(
      svc,
      `(service ${svc.name}) (service-deployment ${dep.sdArn.split('/').pop()}) entered ${stage}.`,
      at,
    );
    if (stage === 'SCALE_UP') {
      const started = Array.from({ length: dep.desiredCount }, () => h.newTask(svc, dep, 'PENDING'));
      dep.pendingCount = dep.desiredCount;
      h.schedule(dep, at + stageMs() / 2, (t) => {
        for (const task of started) Object.assign(task, { lastStatus: 'RUNNING', startedAt: t });
        dep.pendingCount = 0;
        dep.runningCount = dep.desiredCount;
      });
    }
    if (stage === 'TEST_TRAFFIC_SHIFT') dep.testWeight = 100;
    if (stage === 'BAKE_TIME') {
      // The hard case: everything looks finished in DescribeServices while the bake goes on.
      dep.rolloutState = 'COMPLETED';
      dep.rolloutStateReason = `ECS deployment ${dep.id} completed.`;
    }
    if (dep.alarmAt === stage && dep.alarmName) h.setAlarm(dep.alarmName, 'ALARM', at);
    if (dep.sdStatus !== 'IN_PROGRESS') return; // the alarm rolled it back
    const hooks = (svc.config.lifecycleHooks ?? []).filter((k) => (k.lifecycleStages ?? []).includes(stage));
    const pause = hooks.find((k) => k.targetType === 'PAUSE');
    for (const k of hooks) {
      const detail = {
        hookId: h.rid(8),
        targetType: k.targetType,
        targetArn: k.hookTargetArn,
        status: k.targetType === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS',
        stage,
      };
      if (k.targetType === 'PAUSE') {
        const minutes = k.timeoutConfiguration?.timeoutInMinutes ?? 60;
        detail.expiresAt = at + minutes * minute();
        detail.timeoutAction = k.timeoutConfiguration?.action ?? 'ROLLBACK';
        h.schedule(dep, detail.expiresAt, (t) => {
          if (detail.status !== 'AWAITING_ACTION') return;
          detail.status = 'TIMED_OUT';
          resolveHook(svc, dep, detail, detail.timeoutAction, t, 'timed out');
        });
      } else {
        h.schedule(dep, at + stageMs(), () => (detail.status = 'SUCCEEDED'));
      }
      dep.hooks.push(detail);
    }
    if (pause) return; // held until ContinueServiceDeployment or expiry
    run(svc, dep, stage, at);
  }

  /** Runs a stage's own work, then moves to the next one. */
  function run(svc, dep, stage, at) {
    const index = STAGES.indexOf(stage);
    if (stage === 'PRODUCTION_TRAFFIC_SHIFT') {
      let t = at;
      trafficSteps(svc.config).forEach((step, i) => {
        t += stageMs();
        h.schedule(dep, t, (x) => {
          if (dep.sdStatus !== 'IN_PROGRESS') return;
          dep.prodWeight = step.weight;
          dep.updatedAt = x;
          h.event(
            svc,
            `(service ${svc.name}) shifted ${step.weight}% of production traffic to the new revision.`,
            x,
          );
          // `alarmAt: 'canary'`: the alarm fires while the first traffic step (the canary) is served.
          if (i === 0 && dep.alarmAt === 'canary' && dep.alarmName)
            h.schedule(dep, x + Math.max(1, (step.bakeMinutes * minute()) / 2), (y) =>
              h.setAlarm(dep.alarmName, 'ALARM', y),
            );
        });
        t += step.bakeMinutes * minute();
      });
      h.schedule(dep, t + 1, (x) => enter(svc, dep, index + 1, x));
      return;
    }
    if (stage === 'BAKE_TIME') {
      h.schedule(dep, at + (svc.config.bakeTimeInMinutes ?? 0) * minute() + 1, (x) =>
        enter(svc, dep, index + 1, x),
      );
      return;
    }
    if (stage === 'CLEAN_UP') {
      h.schedule(dep, at + stageMs(), (x) => {
        if (dep.sdStatus !== 'IN_PROGRESS') return;
        h.complete(svc, dep, x);
        dep.stage = 'CLEAN_UP';
      });
      return;
    }
    h.schedule(dep, at + stageMs(), (x) => enter(svc, dep, index + 1, x));
  }

  function resolveHook(svc, dep, detail, action, at, how) {
    if (action === 'ROLLBACK') {
      if (detail.status === 'AWAITING_ACTION') detail.status = 'SUCCEEDED';
      rollback(svc, dep, `Lifecycle hook ${detail.hookId} at ${detail.stage} ${how}: ROLLBACK.`, at);
      return;
    }
    if (detail.status === 'AWAITING_ACTION') detail.status = 'SUCCEEDED';
    run(svc, dep, detail.stage, at);
  }

  /** Traffic goes back to the old revision (still running), then ROLLBACK_SUCCESSFUL. */
  function rollback(svc, dep, reason, at) {
    if (dep.sdStatus !== 'IN_PROGRESS' && dep.sdStatus !== 'PENDING') return;
    dep.schedule = dep.schedule.filter(() => false);
    dep.sdStatus = 'ROLLBACK_IN_PROGRESS';
    dep.sdStatusReason = reason;
    dep.rollback = { reason, startedAt: at, serviceRevisionArn: dep.sourceDeps[0]?.arn };
    dep.prodWeight = 0;
    dep.testWeight = 0;
    h.event(
      svc,
      `(service ${svc.name}) (service-deployment ${dep.sdArn.split('/').pop()}) rolling back: ${reason}`,
      at,
    );
    h.schedule(dep, at + stageMs() * 2, (t) => {
      const old = svc.deployments.find((d) => d !== dep);
      if (old) {
        old.status = 'PRIMARY';
        old.rolloutState = 'COMPLETED';
      }
      dep.status = 'INACTIVE';
      dep.rolloutState = 'FAILED';
      dep.rolloutStateReason = reason;
      stopRemainingTasks(dep.tasks, t, `Deployment rolled back (deployment ${dep.id})`);
      dep.runningCount = 0;
      svc.deployments = svc.deployments.filter((d) => d !== dep);
      dep.sdStatus = 'ROLLBACK_SUCCESSFUL';
      dep.finishedAt = t;
      dep.updatedAt = t;
      svc.taskDefinition = old?.taskDefinition ?? svc.taskDefinition;
      h.event(
        svc,
        `(service ${svc.name}) rolled back to ${old?.taskDefinition}; traffic is on the previous revision.`,
        t,
      );
      h.event(svc, `(service ${svc.name}) has reached a steady state.`, t + 1);
    });
  }

  return {
    /** Plans a staged deployment from its start. */
    plan(svc, dep, scenario) {
      dep.hooks = [];
      dep.prodWeight = 0;
      dep.testWeight = 0;
      dep.alarmAt = scenario.alarmAt;
      dep.alarmName = scenario.alarm;
      h.schedule(dep, dep.createdAt + 20, (t) => enter(svc, dep, 0, t));
    },
    /** ContinueServiceDeployment: returns an error message, or undefined. */
    continueHook(svc, dep, hookId, action, at) {
      const detail = (dep.hooks ?? []).find((d) => d.hookId === hookId);
      if (!detail) return `The lifecycle hook ${hookId} does not exist.`;
      if (detail.status !== 'AWAITING_ACTION') return `The lifecycle hook is in status ${detail.status}.`;
      resolveHook(svc, dep, detail, action ?? 'CONTINUE', at, 'was answered');
      return undefined;
    },
    rollback,
  };
}
