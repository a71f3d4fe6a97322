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
//    scenario) and rolling early success (earlySuccessCriteria): see ecs-strategy-sim.mjs.
//  - deploymentConfiguration and deploymentController as given to CreateService/UpdateService (moto drops
//    them), so a CODE_DEPLOY or EXTERNAL service describes as one.
// What it does not model: task placement, capacity providers, load balancer registration beyond event
// text, minimumHealthyPercent/maximumPercent maths
// (tasks are replaced one step at a time), AWS's real timings (steps default to a few hundred ms), IAM
// authorisation, pagination of ListTasks, or more than the last 100 events.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { forwardTo } from './forward.mjs';
import { STAGED, stagedStrategies } from './ecs-strategy-sim.mjs';
import { createTaskRunner, putContainerLines } from './ecs-task-runner-sim.mjs';

const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
const ACCOUNT = '123456789012';

const now = () => Date.now();
const rid = (n = 8) => randomBytes(n).toString('hex');
const deploymentId = () => `ecs-svc/${BigInt('0x' + rid(8)) % 10n ** 19n}`.padEnd(27, '0');
const epoch = (ms) => ms / 1000;

export const DEFAULT_TIMING = {
  stepMs: 300,
  slowStepMs: 1500,
  healthCheckMs: 400,
  crashMs: 250,
  eventGapMs: 5000,
  /** How long one configured minute (bake times, hook time-outs) lasts. */
  minuteMs: 200,
  /** How long a lifecycle stage without a bake lasts. */
  stageMs: 150,
};

const CRASH_LINES = [
  'Starting gunicorn 23.0.0',
  'Booting worker with pid: 7',
  'Traceback (most recent call last):',
  '  File "/app/app/settings.py", line 12, in <module>',
  "    DATABASE_URL = os.environ['DATABASE_URL']",
  "KeyError: 'DATABASE_URL'",
  'Worker failed to boot.',
];
const UNHEALTHY_LINES = [
  'Starting gunicorn 23.0.0',
  'Listening at: http://0.0.0.0:8000',
  'GET /health 500 (psycopg.OperationalError: connection to server at "db" failed: timeout expired)',
  'GET /health 500 (psycopg.OperationalError: connection to server at "db" failed: timeout expired)',
  'Handling signal: term',
];

export function breakerThreshold(desired) {
  return Math.min(200, Math.max(3, Math.ceil(0.5 * desired)));
}

function scenarioFromImages(images) {
  const tags = images.map((i) => i.split('@')[0].split(':').slice(1).join(':')).join(' ');
  for (const s of ['unhealthy', 'crash', 'stuck', 'slow']) if (tags.includes(s)) return s;
  return 'healthy';
}

/**
 * @param {{ motoUrl: string, region?: string, timing?: Partial<typeof DEFAULT_TIMING> }} opts
 */
export async function startEcsRolloutSimulator({ motoUrl, region = 'us-east-1', timing = {} }) {
  if (!motoUrl) throw new Error('startEcsRolloutSimulator needs motoUrl');
  const T = { ...DEFAULT_TIMING, ...timing };
  const services = new Map(); // key `${clusterName}/${serviceName}`
  const calls = [];
  let faults = [];
  const config = { serviceDeploymentsApi: true, unsupported: {} };
  // A small seeded generator (mulberry32), so rate-based faults are the same in every run.
  let seed = 1;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nextScenario = new Map(); // service name -> [{scenario, ...}]
  const taskRunner = createTaskRunner({ motoUrl, region }); // RunTask tasks: see ecs-task-runner-sim.mjs

  // ---------- model ----------
  function newDeployment(svc, taskDefinition, scenario, { rollbackOf } = {}) {
    const t = now();
    const id = deploymentId();
    const dep = {
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
    return dep;
  }

  function event(svc, message, at = now()) {
    svc.events.unshift({
      id: rid(16).replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
      createdAt: at,
      message,
    });
    if (svc.events.length > 100) svc.events.length = 100;
  }

  function taskArn(svc) {
    return `arn:aws:ecs:${region}:${ACCOUNT}:task/${svc.cluster}/${rid(16)}`;
  }

  function schedule(dep, at, fn) {
    dep.schedule.push({ at, fn });
  }

  /** deploymentConfiguration without the breaker (kept apart, as `svc.breaker`). */
  function withoutBreaker(config) {
    if (!config) return {};
    const { deploymentCircuitBreaker, ...rest } = config;
    void deploymentCircuitBreaker;
    return rest;
  }

  const alarmStates = new Map();
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

  /** Plans a deployment's timeline; `start` is when tasks begin. */
  function plan(svc, dep, params) {
    const start = dep.createdAt;
    const step = params.stepMs ?? (dep.scenario === 'slow' ? T.slowStepMs : T.stepMs);
    const desired = dep.desiredCount;
    const old = svc.deployments.filter((d) => d !== dep);
    dep.sourceDeps = old.map((d) => ({ arn: d.revisionArn, taskDefinition: d.taskDefinition }));
    if (dep.scenario === 'healthy' || dep.scenario === 'slow') {
      schedule(dep, start + 50, () => {
        dep.pendingCount = desired;
        const started = Array.from({ length: desired }, () => newTask(svc, dep, 'PENDING'));
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
            if (vt)
              Object.assign(vt, {
                lastStatus: 'STOPPED',
                desiredStatus: 'STOPPED',
                stoppedAt: at,
                stopCode: 'ServiceSchedulerInitiated',
                stoppedReason: 'Scaling activity initiated by (deployment ' + dep.id + ')',
              });
            event(svc, `(service ${svc.name}) has stopped 1 running tasks: (task ${vt?.id ?? rid(16)}).`, at);
          }
          if (svc.targetGroup)
            event(svc, `(service ${svc.name}) registered 1 targets in (target-group ${svc.targetGroup})`, at);
        });
      }
      const done = start + desired * step + Math.round(step / 2);
      schedule(dep, done, (at) => complete(svc, dep, at));
      return;
    }
    if (dep.scenario === 'stuck') {
      schedule(dep, start + 50, () => {
        dep.pendingCount = desired;
        newTask(svc, dep, 'PENDING');
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
      return;
    }
    // unhealthy / crash: tasks start and fail, again and again, until the breaker trips (if enabled).
    const failDelay = dep.scenario === 'crash' ? T.crashMs : T.healthCheckMs;
    const threshold = breakerThreshold(desired);
    dep.breakerThreshold = threshold;
    const attempts = svc.breaker.enable ? threshold : 400;
    for (let k = 0; k < attempts; k++) {
      const launchAt = start + 50 + k * (failDelay + 100);
      schedule(dep, launchAt, (at) => {
        const t = newTask(svc, dep, 'PENDING');
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
          writeCrashLog(svc, dep, t, at);
          Object.assign(t, {
            lastStatus: 'STOPPED',
            desiredStatus: 'STOPPED',
            stoppedAt: at,
            stopCode: 'EssentialContainerExited',
            stoppedReason: 'Essential container in task exited',
            containers: t.containers.map((c, i) => ({
              ...c,
              lastStatus: 'STOPPED',
              exitCode: i === 0 ? 1 : 0,
              reason: undefined,
            })),
          });
        } else {
          writeCrashLog(svc, dep, t, at, UNHEALTHY_LINES);
          Object.assign(t, {
            lastStatus: 'STOPPED',
            desiredStatus: 'STOPPED',
            stoppedAt: at,
            stopCode: 'ServiceSchedulerInitiated',
            stoppedReason: `Task failed ELB health checks in (target-group ${svc.targetGroup ?? `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:targetgroup/${svc.name}/0123456789abcdef`})`,
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
        if (svc.breaker.enable && dep.failedTasks >= threshold) breakerTrips(svc, dep, at);
      });
    }
  }

  /** The crashing (first) container's last words, where its awslogs options send them. */
  function writeCrashLog(svc, dep, task, at, fallback = CRASH_LINES) {
    const def = containerCache.get(dep.taskDefinition)?.defs?.[0];
    const o =
      def?.logConfiguration?.logDriver === 'awslogs' ? (def.logConfiguration.options ?? {}) : undefined;
    if (!o?.['awslogs-group'] || !o['awslogs-stream-prefix']) return;
    const lines = dep.logLines ?? fallback;
    void putContainerLines({
      motoUrl,
      region: o['awslogs-region'] ?? region,
      group: o['awslogs-group'],
      stream: `${o['awslogs-stream-prefix']}/${def.name}/${task.id}`,
      lines,
      at: at - 50,
    }).catch(() => undefined);
  }

  function newTask(svc, dep, lastStatus) {
    const arn = taskArn(svc);
    const task = {
      taskArn: arn,
      id: arn.split('/').pop(),
      clusterArn: `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${svc.cluster}`,
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

  function complete(svc, dep, at) {
    for (const old of svc.deployments) {
      if (old === dep) continue;
      old.runningCount = 0;
      old.status = 'INACTIVE';
      old.schedule = [];
      for (const t of old.tasks)
        if (t.lastStatus !== 'STOPPED')
          Object.assign(t, {
            lastStatus: 'STOPPED',
            desiredStatus: 'STOPPED',
            stoppedAt: at,
            stopCode: 'ServiceSchedulerInitiated',
            stoppedReason: `Scaling activity initiated by (deployment ${dep.id})`,
          });
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
      dep.sdStatus = 'SUCCESSFUL';
    } else {
      dep.sdStatus = 'SUCCESSFUL';
    }
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

  // ---------- moto access ----------
  async function forward(req, body) {
    const res = await forwardTo(motoUrl, req, body);
    return { ...res, body: res.body.toString('utf8') };
  }

  async function motoCall(req, op, payload) {
    const res = await forward(
      { method: 'POST', url: '/', headers: { ...req.headers, 'x-amz-target': TARGET_PREFIX + op } },
      JSON.stringify(payload),
    );
    return { ...res, json: res.body ? JSON.parse(res.body) : {} };
  }

  const containerCache = new Map();
  async function containerInfo(req, taskDefinition) {
    if (!containerCache.has(taskDefinition)) {
      const r = await motoCall(req, 'DescribeTaskDefinition', { taskDefinition });
      const defs = r.json.taskDefinition?.containerDefinitions ?? [];
      const images = [];
      for (const c of defs) images.push(...(await imageNames(c.image ?? '')));
      containerCache.set(taskDefinition, { names: defs.map((c) => c.name), images, defs });
    }
    return containerCache.get(taskDefinition);
  }

  /** A digest-pinned ECR image is looked up in moto's ECR, so the scenario can still come from its tags. */
  async function imageNames(image) {
    const m = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^@:]+)@(sha256:[0-9a-f]{64})$/.exec(image);
    if (!m) return [image];
    const res = await forward(
      {
        method: 'POST',
        url: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.DescribeImages',
          authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/${region}/ecr/aws4_request, SignedHeaders=host, Signature=0`,
        },
      },
      JSON.stringify({ repositoryName: m[1], imageIds: [{ imageDigest: m[2] }] }),
    ).catch(() => undefined);
    const tags = res?.status === 200 ? (JSON.parse(res.body).imageDetails?.[0]?.imageTags ?? []) : [];
    return tags.length ? tags.map((t) => `${m[1]}:${t}`) : [image];
  }

  function key(cluster, service) {
    const c = String(cluster ?? 'default')
      .split('/')
      .pop();
    const s = String(service).split('/').pop();
    return `${c}/${s}`;
  }

  function track(clusterName, serviceJson, breaker, req) {
    const svc = {
      cluster: clusterName,
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
    event(svc, `(service ${svc.name}) has reached a steady state.`);
    svc.history = [...svc.deployments];
    services.set(key(clusterName, svc.name), svc);
    void req;
    return svc;
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

  function overlay(serviceJson, svc) {
    advance(svc);
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
      deploymentConfiguration: {
        ...(serviceJson.deploymentConfiguration ?? {}),
        ...svc.config,
        deploymentCircuitBreaker: { enable: svc.breaker.enable, rollback: svc.breaker.rollback },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
    };
  }

  function sdView(svc, dep) {
    const sourceRevisions = dep.sourceDeps.map((s) => ({
      arn: s.arn,
      requestedTaskCount: 0,
      runningTaskCount: 0,
      pendingTaskCount: 0,
    }));
    return {
      serviceDeploymentArn: dep.sdArn,
      serviceArn: svc.arn,
      clusterArn: `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${svc.cluster}`,
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
              status: dep.triggeredAlarms?.length
                ? 'TRIGGERED'
                : dep.sdStatus === 'SUCCESSFUL'
                  ? 'MONITORING_COMPLETE'
                  : 'MONITORING',
              alarmNames: svc.config.alarms.alarmNames ?? [],
              triggeredAlarmNames: dep.triggeredAlarms ?? [],
            },
          }
        : {}),
      status: dep.sdStatus,
      ...(dep.sdStatusReason ? { statusReason: dep.sdStatusReason } : {}),
      deploymentConfiguration: {
        ...svc.config,
        deploymentCircuitBreaker: { enable: svc.breaker.enable, rollback: svc.breaker.rollback },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
      deploymentCircuitBreaker: svc.breaker.enable
        ? {
            status:
              dep.rolloutState === 'FAILED'
                ? 'TRIGGERED'
                : dep.rolloutState === 'COMPLETED'
                  ? 'MONITORING_COMPLETE'
                  : 'MONITORING',
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

  /** Services created straight in moto (not through the simulator) are adopted when first seen. */
  async function ensureTracked(req, cluster, service) {
    const k = key(cluster, service);
    if (services.has(k)) return services.get(k);
    const r = await motoCall(req, 'DescribeServices', { cluster, services: [service] });
    const found = r.json.services?.[0];
    if (!found || found.status !== 'ACTIVE') return undefined;
    const svc = track(k.split('/')[0], found, undefined, req);
    svc.names.set(found.taskDefinition, (await containerInfo(req, found.taskDefinition)).names);
    return svc;
  }

  // ---------- handlers ----------
  const json = (status, obj) => ({
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': rid(16) },
    body: JSON.stringify(obj),
  });
  const awsError = (status, type, message) => json(status, { __type: type, message });

  async function handle(req, op, payload, rawBody) {
    const ran = await taskRunner.handle(op, payload);
    if (ran) return ran;
    switch (op) {
      case 'CreateService': {
        const res = await forward(req, rawBody);
        if (res.status !== 200) return res;
        const body = JSON.parse(res.body);
        const svc = track(
          String(payload.cluster ?? 'default')
            .split('/')
            .pop(),
          body.service,
          payload.deploymentConfiguration?.deploymentCircuitBreaker,
          req,
        );
        svc.capacityProviderStrategy = payload.capacityProviderStrategy;
        svc.config = withoutBreaker(payload.deploymentConfiguration);
        if (payload.deploymentController) svc.controller = payload.deploymentController;
        svc.names.set(
          body.service.taskDefinition,
          (await containerInfo(req, body.service.taskDefinition)).names,
        );
        svc.history = [...svc.deployments];
        return json(200, { service: overlay(body.service, svc) });
      }
      case 'UpdateService': {
        const svc = await ensureTracked(req, payload.cluster, payload.service);
        const res = await forward(req, rawBody);
        if (res.status !== 200 || !svc) return res;
        const body = JSON.parse(res.body);
        advance(svc);
        if (payload.deploymentConfiguration?.deploymentCircuitBreaker) {
          svc.breaker = {
            enable: Boolean(payload.deploymentConfiguration.deploymentCircuitBreaker.enable),
            rollback: Boolean(payload.deploymentConfiguration.deploymentCircuitBreaker.rollback),
          };
        }
        if (payload.deploymentConfiguration)
          svc.config = { ...svc.config, ...withoutBreaker(payload.deploymentConfiguration) };
        if (payload.desiredCount !== undefined) svc.desiredCount = payload.desiredCount;
        const td = body.service.taskDefinition;
        const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
        const changed = payload.taskDefinition !== undefined && td !== primary?.taskDefinition;
        if (changed || payload.forceNewDeployment) {
          const info = await containerInfo(req, td);
          svc.names.set(td, info.names);
          const queued = nextScenario.get(svc.name)?.shift();
          const scenario = queued ?? { scenario: scenarioFromImages(info.images) };
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
          if (
            STAGED.has(svc.config.strategy) &&
            (scenario.scenario === 'healthy' || scenario.scenario === 'slow')
          )
            staged.plan(svc, dep, scenario);
          else plan(svc, dep, scenario);
          event(svc, `(service ${svc.name}) updated its deployment: ${dep.id} with task definition ${td}.`);
        }
        return json(200, { service: overlay(body.service, svc) });
      }
      case 'DescribeServices': {
        const res = await forward(req, rawBody);
        if (res.status !== 200) return res;
        const body = JSON.parse(res.body);
        const out = [];
        for (const s of body.services ?? []) {
          const svc =
            s.status === 'ACTIVE' ? await ensureTracked(req, payload.cluster, s.serviceName) : undefined;
          out.push(svc ? overlay(s, svc) : s);
        }
        body.services = out;
        return json(200, body);
      }
      case 'ListServiceDeployments': {
        if (!config.serviceDeploymentsApi) return awsError(400, 'UnknownOperationException', '');
        const svc = services.get(key(payload.cluster, payload.service));
        if (!svc) return awsError(400, 'ServiceNotFoundException', 'The specified service was not found.');
        advance(svc);
        const since = payload.createdAt?.after;
        let list = svc.history.filter((d) => !since || epoch(d.createdAt) >= since);
        if (payload.status?.length) list = list.filter((d) => payload.status.includes(d.sdStatus));
        return json(200, {
          serviceDeployments: list.map((d) => ({
            serviceDeploymentArn: d.sdArn,
            serviceArn: svc.arn,
            clusterArn: `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${svc.cluster}`,
            startedAt: epoch(d.createdAt),
            createdAt: epoch(d.createdAt),
            ...(d.finishedAt ? { finishedAt: epoch(d.finishedAt) } : {}),
            targetServiceRevisionArn: d.revisionArn,
            status: d.sdStatus,
            ...(d.sdStatusReason ? { statusReason: d.sdStatusReason } : {}),
          })),
        });
      }
      case 'DescribeServiceDeployments': {
        if (!config.serviceDeploymentsApi) return awsError(400, 'UnknownOperationException', '');
        const found = [];
        const failures = [];
        for (const arn of payload.serviceDeploymentArns ?? []) {
          let hit;
          for (const svc of services.values()) {
            advance(svc);
            const d = svc.history.find((x) => x.sdArn === arn);
            if (d) hit = sdView(svc, d);
          }
          if (hit) found.push(hit);
          else failures.push({ arn, reason: 'MISSING' });
        }
        return json(200, { serviceDeployments: found, failures });
      }
      case 'DescribeServiceRevisions': {
        if (!config.serviceDeploymentsApi) return awsError(400, 'UnknownOperationException', '');
        const found = [];
        const failures = [];
        for (const arn of payload.serviceRevisionArns ?? []) {
          let hit;
          for (const svc of services.values()) {
            advance(svc);
            const d = [...svc.history, ...svc.rollbacks].find((x) => x.revisionArn === arn);
            if (d)
              hit = {
                serviceRevisionArn: d.revisionArn,
                serviceArn: svc.arn,
                clusterArn: `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${svc.cluster}`,
                taskDefinition: d.taskDefinition,
                launchType: 'FARGATE',
                createdAt: epoch(d.createdAt),
              };
          }
          if (hit) found.push(hit);
          else failures.push({ arn, reason: 'MISSING' });
        }
        return json(200, { serviceRevisions: found, failures });
      }
      case 'ContinueServiceDeployment': {
        if (!config.serviceDeploymentsApi) return awsError(400, 'UnknownOperationException', '');
        for (const svc of services.values()) {
          advance(svc);
          const d = svc.history.find((x) => x.sdArn === payload.serviceDeploymentArn);
          if (!d) continue;
          const problem = staged.continueHook(svc, d, payload.hookId, payload.action, now());
          if (problem) return awsError(400, 'InvalidParameterException', problem);
          return json(200, { serviceDeploymentArn: d.sdArn });
        }
        return awsError(400, 'ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
      }
      case 'StopServiceDeployment': {
        if (!config.serviceDeploymentsApi) return awsError(400, 'UnknownOperationException', '');
        for (const svc of services.values()) {
          advance(svc);
          const d = svc.history.find((x) => x.sdArn === payload.serviceDeploymentArn);
          if (!d) continue;
          if (d.sdStatus !== 'IN_PROGRESS' && d.sdStatus !== 'PENDING') {
            return awsError(
              400,
              'ConflictException',
              `The service deployment is in status ${d.sdStatus} and cannot be stopped.`,
            );
          }
          const stopType = payload.stopType ?? 'ROLLBACK';
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
          return json(200, { serviceDeploymentArn: d.sdArn });
        }
        return awsError(400, 'ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
      }
      case 'ListTasks': {
        const svc = payload.serviceName ? services.get(key(payload.cluster, payload.serviceName)) : undefined;
        if (!svc) return forward(req, rawBody);
        advance(svc);
        const want = payload.desiredStatus ?? 'RUNNING';
        const tasks = svc.tasks.filter(
          (t) => t.desiredStatus === want && (!payload.startedBy || t.startedBy === payload.startedBy),
        );
        return json(200, { taskArns: tasks.slice(-100).map((t) => t.taskArn) });
      }
      case 'DescribeTasks': {
        const mine = [];
        for (const svc of services.values()) {
          advance(svc);
          for (const t of svc.tasks) if ((payload.tasks ?? []).includes(t.taskArn)) mine.push(t);
        }
        if (mine.length === 0) return forward(req, rawBody);
        return json(200, {
          tasks: mine.map((t) => ({
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
          })),
          failures: [],
        });
      }
      default:
        return forward(req, rawBody);
    }
  }

  function takeFault(op) {
    for (const f of faults) {
      if (f.operation !== '*' && f.operation !== op) continue;
      if (f.rate !== undefined) {
        if (random() < f.rate) {
          f.injected++;
          return f;
        }
        continue;
      }
      if (f.remaining <= 0) continue;
      if (f.skip > 0) {
        f.skip--;
        continue;
      }
      f.remaining--;
      f.injected++;
      return f;
    }
    return undefined;
  }

  async function control(req, res, url, body) {
    const send = (status, obj) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(obj));
    const payload = body ? JSON.parse(body) : {};
    const ran = await taskRunner.control(req.method, url.pathname, payload);
    if (ran) return send(ran.status, ran.body);
    if (url.pathname === '/_sim/scenario' && req.method === 'POST') {
      const list = nextScenario.get(payload.service) ?? [];
      list.push(payload);
      nextScenario.set(payload.service, list);
      return send(200, { queued: list.length });
    }
    if (url.pathname === '/_sim/faults' && req.method === 'POST') {
      if (payload.seed !== undefined) seed = payload.seed;
      faults.push({
        operation: payload.operation ?? '*',
        type: payload.type,
        remaining: payload.count ?? 1,
        ...(payload.rate !== undefined ? { rate: payload.rate } : {}),
        skip: payload.skip ?? 0,
        latencyMs: payload.latencyMs ?? 0,
        injected: 0,
      });
      return send(200, { faults });
    }
    if (url.pathname === '/_sim/faults' && req.method === 'DELETE') {
      faults = [];
      return send(200, {});
    }
    if (url.pathname === '/_sim/alarm' && req.method === 'POST') {
      for (const svc of services.values()) advance(svc);
      setAlarm(payload.name, payload.state ?? 'ALARM');
      return send(200, { name: payload.name, state: alarmStates.get(payload.name) });
    }
    if (url.pathname === '/_sim/config' && req.method === 'POST') {
      const { timing: newTiming, ...rest } = payload;
      if (newTiming) Object.assign(T, newTiming);
      Object.assign(config, rest);
      return send(200, config);
    }
    if (url.pathname === '/_sim/calls') return send(200, { calls });
    if (url.pathname === '/_sim/state') {
      const out = {};
      for (const [k, svc] of services) {
        advance(svc);
        out[k] = {
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
      return send(200, out);
    }
    if (url.pathname === '/_sim/reset' && req.method === 'POST') {
      services.clear();
      calls.length = 0;
      faults = [];
      nextScenario.clear();
      containerCache.clear();
      config.serviceDeploymentsApi = true;
      config.unsupported = {};
      alarmStates.clear();
      Object.assign(T, DEFAULT_TIMING, timing);
      seed = 1;
      taskRunner.reset();
      return send(200, {});
    }
    return send(404, { message: `unknown control endpoint ${url.pathname}` });
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      try {
        if (url.pathname.startsWith('/_sim/')) return await control(req, res, url, raw);
        const target = String(req.headers['x-amz-target'] ?? '');
        const op = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
        const call = {
          op: op || `${req.method} ${url.pathname}`,
          at: now(),
          fault: undefined,
          applied: false,
        };
        calls.push(call);
        const fault = op ? takeFault(op) : undefined;
        call.fault = fault?.type;
        if (fault?.type === 'latency') await new Promise((r) => setTimeout(r, fault.latencyMs));
        if (fault?.type === 'drop') {
          req.socket.destroy();
          return;
        }
        const unsupported = config.unsupported?.[op];
        let out;
        if (unsupported === 'html')
          out = {
            status: 404,
            headers: { 'content-type': 'text/html' },
            body: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
          };
        else if (unsupported) out = awsError(400, 'UnknownOperationException', '');
        else if (fault?.type === 'throttle') out = awsError(400, 'ThrottlingException', 'Rate exceeded');
        else if (fault?.type === '5xx')
          out = awsError(500, 'ServerException', 'Service unavailable (injected by the rollout simulator)');
        else if (fault?.type === 'access-denied')
          out = awsError(
            400,
            'AccessDeniedException',
            `User: arn:aws:sts::${ACCOUNT}:assumed-role/deploy/slipway is not authorized to perform: ecs:${op} on resource: * because no identity-based policy allows the ecs:${op} action`,
          );
        else {
          out = op ? await handle(req, op, raw ? JSON.parse(raw) : {}, raw) : await forward(req, raw);
          call.applied = out.status === 200;
          if (fault?.type === '5xx-after')
            out = awsError(
              500,
              'ServerException',
              'Service unavailable after the call was applied (injected by the rollout simulator)',
            );
        }
        const headers = { ...out.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        res.writeHead(out.status, headers).end(out.body);
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
