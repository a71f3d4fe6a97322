// ECS rollout simulator: an HTTP proxy in front of the moto server for the ECS JSON API.
//
// Why: moto 5.x keeps one deployment per service that never changes, never fails, has no events and does not
// implement the Service Deployments API. Deploy tests need ECS's behaviour over time, so this proxy forwards
// every ECS call to moto (which keeps the real state: clusters, services, task definitions, tags) and models,
// per service, what ECS does after CreateService / UpdateService.
//
// What it models:
//  - UpdateService with a new task definition (or forceNewDeployment) creates a new PRIMARY deployment next
//    to the old one (which becomes ACTIVE); counts move over time on a schedule fixed when the deployment
//    starts: tasks go PENDING -> RUNNING one step at a time, old tasks drain, then "has reached a steady
//    state" and rolloutState COMPLETED (the moment is recorded as `completedAt` for benchmarks).
//  - Service events in ECS's own wording, newest first, with ids; DescribeServices shows the deployments
//    array (status, rolloutState, rolloutStateReason, desired/pending/running/failedTasks).
//  - Scenarios, per deployment: `healthy`, `slow`, `unhealthy` (tasks start, then fail ELB health checks),
//    `crash` (essential container exits 1), `stuck` (tasks never get placed). Chosen by the control
//    endpoint (`POST /_sim/scenario`) for the next deployment of a service, or else by the image tags in the
//    task definition: a tag containing `unhealthy`, `crash`, `stuck` or `slow`; anything else is healthy. An
//    ECR image pinned by digest is looked up in moto's ECR (DescribeImages) to find its tags.
//  - A failing container's own output (`crash` and `unhealthy` scenarios; the scenario's `logLines`, else
//    a Python traceback or failing health requests) written to moto's CloudWatch Logs where its task definition's awslogs options say, as the
//    awslogs driver would (`<prefix>/<container>/<task id>`).
//  - Stopped tasks with stoppedReason, stopCode and container exit codes/reasons (ListTasks/DescribeTasks
//    for the service's tasks; other tasks go to moto).
//  - The deployment circuit breaker as AWS documents it: threshold = 0.5 x desired count, at least 3 and at
//    most 200 failed tasks; then rolloutState FAILED and, with rollback enabled, a rollback deployment to the
//    previous task definition (the breaker settings are taken from the CreateService/UpdateService
//    requests, since moto drops deploymentConfiguration).
//  - The Service Deployments API: ListServiceDeployments, DescribeServiceDeployments (status, statusReason,
//    circuit breaker failureCount/threshold, rollback), StopServiceDeployment (ROLLBACK and ABORT). It can be
//    switched off (`POST /_sim/config {"serviceDeploymentsApi": false}`) to answer UnknownOperationException,
//    like an endpoint without it.
//  - Injected faults (`POST /_sim/faults`) on any ECS operation (or `*`, every one): ThrottlingException
//    (never applied), HTTP 500 ServerException before the call is applied (`5xx`) or after it was applied
//    (`5xx-after`: the change is made, then the answer is lost), AccessDenied, dropped connections, added
//    latency. Either for N calls (`count`, optionally after skipping the first `skip` matching calls, so a
//    storm can start in the middle of a watch) or at a rate (`rate` 0..1, drawn from a seeded generator so a
//    run is repeatable), per operation.
//  - Unsupported operations (`POST /_sim/config {"unsupported": {"Op": "html" | "unknown-operation"}}`): the
//    operation answers an HTML error page (as a proxy or an older emulator does) or UnknownOperationException.
//  - A log of every ECS call (`GET /_sim/calls`: operation, time, the fault injected, and whether the call
//    was applied) for API-cost measurements.
//  - DescribeServiceRevisions for the revisions of the deployments it models (task definition, counts).
//  - The service's capacityProviderStrategy as given to CreateService (moto drops it).
//  - The strategies BLUE_GREEN, LINEAR and CANARY (stages, traffic weights, bakes, lifecycle hooks,
//    ContinueServiceDeployment), deployment alarms (`POST /_sim/alarm {"name", "state"}`, or `alarmAt` in a
//    scenario) and rolling early success (earlySuccessCriteria): see ecs-rollout-simulator/staged-strategies.mjs.
//  - deploymentConfiguration and deploymentController as given to CreateService/UpdateService (moto drops
//    them), so a CODE_DEPLOY or EXTERNAL service describes as one.
// What it does not model: task placement, capacity providers, load balancer registration beyond event
// text, minimumHealthyPercent/maximumPercent maths (tasks are replaced one step at a time), AWS's real
// timings (steps default to a few hundred ms), IAM authorisation, pagination of ListTasks, or more than the
// last 100 events.
//
// How it is built (harness/ecs-rollout-simulator/): basics.mjs (ids, clock, timing), service-model.mjs (the state of
// services and deployments), rollout.mjs with rolling-plan.mjs and staged-strategies.mjs (how deployments
// progress), api-views.mjs (answer shapes), service-handlers.mjs and service-deployments-api.mjs (the
// operations it answers), fault-injection.mjs, control-routes.mjs (`/_sim/*`), container-logs.mjs and
// moto-client.mjs. This module wires them, routes each request and keeps the call log.
import { createServer } from 'node:http';
import { DEFAULT_TIMING, TARGET_PREFIX, now } from './ecs-rollout-simulator/basics.mjs';
import { createControlRoutes } from './ecs-rollout-simulator/control-routes.mjs';
import { createCrashLogWriter } from './ecs-rollout-simulator/container-logs.mjs';
import {
  answerInsteadOfCall,
  createFaultInjector,
  lostAnswer,
} from './ecs-rollout-simulator/fault-injection.mjs';
import { createMotoClient } from './ecs-rollout-simulator/moto-client.mjs';
import { createRollout } from './ecs-rollout-simulator/rollout.mjs';
import { createServiceDeploymentsApi } from './ecs-rollout-simulator/service-deployments-api.mjs';
import { createServiceHandlers } from './ecs-rollout-simulator/service-handlers.mjs';
import { createServiceModel } from './ecs-rollout-simulator/service-model.mjs';
import { createTaskRunner } from './ecs-task-runner-sim.mjs';

export { DEFAULT_TIMING, breakerThreshold } from './ecs-rollout-simulator/basics.mjs';

/**
 * @param {{ motoUrl: string, region?: string, timing?: Partial<typeof DEFAULT_TIMING> }} opts
 */
export async function startEcsRolloutSimulator({ motoUrl, region = 'us-east-1', timing = {} }) {
  if (!motoUrl) throw new Error('startEcsRolloutSimulator needs motoUrl');
  const T = { ...DEFAULT_TIMING, ...timing };
  const services = new Map(); // key `${clusterName}/${serviceName}`
  const calls = [];
  const config = { serviceDeploymentsApi: true, unsupported: {} };
  const nextScenario = new Map(); // service name -> [{scenario, ...}]
  const faults = createFaultInjector();
  const taskRunner = createTaskRunner({ motoUrl, region }); // RunTask tasks: see ecs-task-runner-sim.mjs
  const moto = createMotoClient({ motoUrl, region });
  const model = createServiceModel({ region, services });
  const writeCrashLog = createCrashLogWriter({ motoUrl, region, containerCache: moto.containerCache });
  const rollout = createRollout({ T, region, services, model, writeCrashLog });
  const operations = {
    ...createServiceHandlers({ services, nextScenario, moto, model, rollout }),
    ...createServiceDeploymentsApi({ region, services, config, rollout }),
  };
  const control = createControlRoutes({
    T,
    timing,
    services,
    calls,
    config,
    nextScenario,
    faults,
    moto,
    rollout,
    taskRunner,
  });

  /** An ECS call: the task runner's, else one the simulator answers, else moto's. */
  async function handle(req, op, payload, rawBody) {
    const ran = await taskRunner.handle(op, payload);
    if (ran) return ran;
    if (Object.hasOwn(operations, op)) return operations[op](req, payload, rawBody);
    return moto.forward(req, rawBody);
  }

  /** One request to the ECS endpoint: logged, perhaps faulted, then answered. */
  async function answer(req, res, url, raw) {
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const call = {
      op: op || `${req.method} ${url.pathname}`,
      at: now(),
      fault: undefined,
      applied: false,
    };
    calls.push(call);
    const fault = op ? faults.take(op) : undefined;
    call.fault = fault?.type;
    if (fault?.type === 'latency') await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.type === 'drop') {
      req.socket.destroy();
      return;
    }
    let out = answerInsteadOfCall(op, fault, config.unsupported?.[op]);
    if (!out) {
      out = op ? await handle(req, op, raw ? JSON.parse(raw) : {}, raw) : await moto.forward(req, raw);
      call.applied = out.status === 200;
      if (fault?.type === '5xx-after') out = lostAnswer();
    }
    const headers = { ...out.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    res.writeHead(out.status, headers).end(out.body);
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      try {
        if (url.pathname.startsWith('/_sim/')) return await control(req, res, url, raw);
        await answer(req, res, url, raw);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' }).end(
          JSON.stringify({
            __type: 'ServerException',
            message: `rollout simulator: ${err instanceof Error ? err.message : String(err)}`,
          }),
        );
      }
    });
  });
  // Idle keep-alive sockets stay open a minute, as AWS endpoints keep them, so a client reusing one does not
  // race the server closing it (Node's default is 5 s).
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const post = async (path, body) => {
    const r = await fetch(url + path, {
      method: 'POST',
      body: JSON.stringify(body ?? {}),
      signal: AbortSignal.timeout(5_000),
    });
    return r.json();
  };
  return {
    url,
    /** Queue a scenario for the next deployment of `service`: {service, scenario, stepMs?}. */
    scenario: (s) => post('/_sim/scenario', s),
    fault: (f) => post('/_sim/faults', f),
    configure: (c) => post('/_sim/config', c),
    /** Put a CloudWatch alarm into a state (ALARM rolls back the deployments that watch it). */
    alarm: (name, state = 'ALARM') => post('/_sim/alarm', { name, state }),
    reset: () => post('/_sim/reset'),
    calls: () => calls.slice(),
    state: async () => (await fetch(url + '/_sim/state', { signal: AbortSignal.timeout(5_000) })).json(),
    taskRunner,
    close: () =>
      new Promise((resolve) => {
        taskRunner.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
