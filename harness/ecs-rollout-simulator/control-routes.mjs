// The simulator's control endpoints under `/_sim/` (the task runner's `/_sim/run-task/*` are its own):
//  POST /_sim/scenario  {service, scenario, stepMs?, logLines?, alarm?, alarmAt?}: queued for the next
//                       deployment of that service
//  POST /_sim/faults    add a fault (see fault-injection.mjs); DELETE /_sim/faults: remove them all
//  POST /_sim/alarm     {name, state?}: a CloudWatch alarm changes state (ALARM by default)
//  POST /_sim/config    {serviceDeploymentsApi?, unsupported?, timing?}
//  GET  /_sim/calls     the call log; GET /_sim/state: each service's deployments, for tests and benchmarks
//  POST /_sim/reset     forget every service, fault, scenario, alarm, call and setting
import { DEFAULT_TIMING } from './basics.mjs';

/** A service's deployments (service deployments and rolling rollbacks) as `/_sim/state` shows them. */
function serviceState(svc) {
  return {
    taskDefinition: svc.taskDefinition,
    lastCompletedTaskDefinition: svc.lastCompletedTaskDefinition,
    deployments: [...svc.history, ...svc.rollbacks].map((d) => ({
      id: d.id,
      taskDefinition: d.taskDefinition,
      status: d.status,
      rolloutState: d.rolloutState,
      sdStatus: d.sdStatus,
      stage: d.stage,
      finishedAt: d.finishedAt,
      earlyAt: d.earlyAt,
      scenario: d.scenario,
      createdAt: d.createdAt,
      completedAt: d.completedAt,
      failedAt: d.failedAt,
      firstStopAt: d.tasks.find((t) => t.stoppedAt && t.startedBy === d.id)?.stoppedAt,
      rollbackOf: d.rollbackOf?.id,
    })),
  };
}

/**
 * @param {object} sim T and timing (the timing the simulator was started with), services, calls, config,
 *   nextScenario, faults (fault-injection.mjs), moto (its containerCache), rollout, taskRunner
 */
export function createControlRoutes(sim) {
  const { T, timing, services, calls, config, nextScenario, faults, moto, rollout, taskRunner } = sim;

  function reset() {
    services.clear();
    calls.length = 0;
    faults.reset();
    nextScenario.clear();
    moto.containerCache.clear();
    config.serviceDeploymentsApi = true;
    config.unsupported = {};
    rollout.alarmStates.clear();
    Object.assign(T, DEFAULT_TIMING, timing);
    taskRunner.reset();
  }

  /** Answers one control request. */
  return async function control(req, res, url, body) {
    const send = (status, obj) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(obj));
    const payload = body ? JSON.parse(body) : {};
    const ran = await taskRunner.control(req.method, url.pathname, payload);
    if (ran) return send(ran.status, ran.body);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /_sim/scenario') {
      const list = nextScenario.get(payload.service) ?? [];
      list.push(payload);
      nextScenario.set(payload.service, list);
      return send(200, { queued: list.length });
    }
    if (route === 'POST /_sim/faults') return send(200, { faults: faults.add(payload) });
    if (route === 'DELETE /_sim/faults') {
      faults.clear();
      return send(200, {});
    }
    if (route === 'POST /_sim/alarm') {
      for (const svc of services.values()) rollout.advance(svc);
      rollout.setAlarm(payload.name, payload.state ?? 'ALARM');
      return send(200, { name: payload.name, state: rollout.alarmStates.get(payload.name) });
    }
    if (route === 'POST /_sim/config') {
      const { timing: newTiming, ...rest } = payload;
      if (newTiming) Object.assign(T, newTiming);
      Object.assign(config, rest);
      return send(200, config);
    }
    if (url.pathname === '/_sim/calls') return send(200, { calls });
    if (url.pathname === '/_sim/state') {
      const out = {};
      for (const [k, svc] of services) {
        rollout.advance(svc);
        out[k] = serviceState(svc);
      }
      return send(200, out);
    }
    if (route === 'POST /_sim/reset') {
      reset();
      return send(200, {});
    }
    return send(404, { message: `unknown control endpoint ${url.pathname}` });
  };
}
