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
// What it does not model: placement, capacity, container instances, ENIs, task protection, the 24 h token
// TTL, more than one container's output per task (the others print nothing), the awslogs driver's
// batching (each line is one event), log retention, CloudWatch Logs' own quotas beyond injected faults,
// IAM, and real timings (the defaults are a few hundred ms).
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { forwardTo } from './forward.mjs';
import { URLSearchParams } from 'node:url';

const ECS_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
const LOGS_PREFIX = 'Logs_20140328.';
const ACCOUNT = '123456789012';

export const DEFAULT_RUN_TIMING = {
  pendingMs: 200,
  lineIntervalMs: 40,
  runMs: 150,
  stopMs: 150,
};

const now = () => Date.now();
const rid = (n = 16) => randomBytes(n).toString('hex');
const epoch = (ms) => ms / 1000;

function json(status, obj) {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': rid(8) },
    body: JSON.stringify(obj),
  };
}
const awsError = (status, type, message) => json(status, { __type: type, message });

/** One POST to moto with a JSON target, signed only as far as moto reads it (region and service). */
async function motoPost(motoUrl, region, service, target, payload) {
  const res = await forwardTo(
    motoUrl,
    {
      method: 'POST',
      url: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
      },
    },
    JSON.stringify(payload),
  );
  const text = res.body.toString('utf8');
  let parsed = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { raw: text };
  }
  return { status: res.status, json: parsed };
}

/**
 * @param {{ motoUrl: string, region?: string, timing?: Partial<typeof DEFAULT_RUN_TIMING> }} opts
 */
export function createTaskRunner({ motoUrl, region = 'us-east-1', timing = {} }) {
  if (!motoUrl) throw new Error('createTaskRunner needs motoUrl');
  const T = { ...DEFAULT_RUN_TIMING, ...timing };
  /** @type {Map<string, any>} task ARN -> task */
  const tasks = new Map();
  /** `${cluster}/${token}` -> { hash, response } */
  const tokens = new Map();
  let scripts = [];
  const requests = [];
  const lineTimes = [];
  let writing = Promise.resolve();
  let timer;

  const ecs = (op, payload) => motoPost(motoUrl, region, 'ecs', ECS_PREFIX + op, payload);
  const logs = (op, payload) => motoPost(motoUrl, region, 'logs', LOGS_PREFIX + op, payload);

  function takeScript(family) {
    const i = scripts.findIndex((s) => !s.family || s.family === family);
    if (i < 0) return {};
    return scripts.splice(i, 1)[0];
  }

  /** Plans a task's life from its script; times are absolute ms. */
  function plan(task, script) {
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

  function statusAt(task, t) {
    if (t >= task.stopAt) return 'STOPPED';
    if (task.stopRequestedAt !== undefined) return 'DEPROVISIONING';
    if (task.runningAt !== undefined && t >= task.runningAt) return 'RUNNING';
    return 'PENDING';
  }

  /** Writes every line that is due, in order, once; serialised across callers. */
  function flush() {
    writing = writing.then(async () => {
      const t = now();
      for (const task of tasks.values()) {
        if (!task.log) continue;
        const cutoff = Math.min(t, task.stopAt, task.stopRequestedAt ?? Infinity);
        const due = [];
        while (
          task.written + due.length < task.lines.length &&
          task.lines[task.written + due.length].at <= cutoff
        )
          due.push(task.lines[task.written + due.length]);
        if (due.length === 0) continue;
        if (!task.streamCreated) {
          const g = await logs('CreateLogGroup', { logGroupName: task.log.group });
          if (g.status !== 200 && g.json.__type !== 'ResourceAlreadyExistsException')
            throw new Error(`CreateLogGroup: ${JSON.stringify(g.json)}`);
          const s = await logs('CreateLogStream', {
            logGroupName: task.log.group,
            logStreamName: task.log.stream,
          });
          if (s.status !== 200 && s.json.__type !== 'ResourceAlreadyExistsException')
            throw new Error(`CreateLogStream: ${JSON.stringify(s.json)}`);
          task.streamCreated = true;
        }
        const r = await logs('PutLogEvents', {
          logGroupName: task.log.group,
          logStreamName: task.log.stream,
          logEvents: due.map((l) => ({ timestamp: Math.round(l.at), message: l.message })),
        });
        if (r.status !== 200) throw new Error(`PutLogEvents: ${JSON.stringify(r.json)}`);
        const writtenAt = now();
        for (const l of due) lineTimes.push({ task: task.arn, message: l.message, dueAt: l.at, writtenAt });
        task.written += due.length;
      }
    });
    // A failed write is reported to the caller that triggered it, and does not block later writes.
    const mine = writing;
    writing = writing.catch(() => {});
    return mine;
  }

  function ensureTimer() {
    if (timer) return;
    timer = setInterval(() => {
      const active = [...tasks.values()].some(
        (t) => t.log && t.written < t.lines.length && statusAt(t, now()) !== 'STOPPED',
      );
      if (!active) {
        clearInterval(timer);
        timer = undefined;
      }
      flush().catch(() => {});
    }, 50);
    timer.unref?.();
  }

  function view(task) {
    const t = now();
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
        ...(stopped && name === task.container && stop.containerReason
          ? { reason: stop.containerReason }
          : {}),
      })),
    };
  }

  function requestHash(payload) {
    const { clientToken: _t, ...rest } = payload;
    return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  }

  async function runTask(payload) {
    const clusterName = String(payload.cluster ?? 'default')
      .split('/')
      .pop();
    requests.push({ at: now(), payload });
    const tokenKey = payload.clientToken ? `${clusterName}/${payload.clientToken}` : undefined;
    if (tokenKey && tokens.has(tokenKey)) {
      const prior = tokens.get(tokenKey);
      if (prior.hash !== requestHash(payload))
        return awsError(
          400,
          'ConflictException',
          'The client token was already used with different request parameters.',
        );
      return json(200, { tasks: prior.arns.map((a) => view(tasks.get(a))), failures: [] });
    }
    const cl = await ecs('DescribeClusters', { clusters: [clusterName] });
    const cluster = cl.json.clusters?.find((c) => c.status === 'ACTIVE');
    if (!cluster) return awsError(400, 'ClusterNotFoundException', 'Cluster not found.');
    const tdRes = await ecs('DescribeTaskDefinition', { taskDefinition: payload.taskDefinition });
    const td = tdRes.json.taskDefinition;
    if (!td) return awsError(400, 'ClientException', 'Unable to describe task definition.');
    const names = (td.containerDefinitions ?? []).map((c) => c.name);
    for (const o of payload.overrides?.containerOverrides ?? [])
      if (!names.includes(o.name))
        return awsError(
          400,
          'InvalidParameterException',
          `Override for container named ${o.name} is not a container in the TaskDefinition.`,
        );
    if (td.networkMode === 'awsvpc' && !payload.networkConfiguration?.awsvpcConfiguration?.subnets?.length)
      return awsError(
        400,
        'InvalidParameterException',
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
      );

    const script = takeScript(td.family);
    if (script.failures?.length) {
      return json(200, {
        tasks: [],
        failures: script.failures.map((f) => ({
          arn: f.arn ?? cluster.clusterArn,
          reason: f.reason,
          ...(f.detail ? { detail: f.detail } : {}),
        })),
      });
    }
    const decides =
      payload.overrides?.containerOverrides?.[0]?.name ??
      td.containerDefinitions.find((c) => c.essential !== false)?.name ??
      names[0];
    const arns = [];
    for (let i = 0; i < (payload.count ?? 1); i++) {
      const id = rid(16);
      const def = td.containerDefinitions.find((c) => c.name === decides) ?? {};
      const opts =
        def.logConfiguration?.logDriver === 'awslogs' ? (def.logConfiguration.options ?? {}) : undefined;
      const task = {
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
        createdAt: now(),
        clientToken: payload.clientToken,
        log:
          opts?.['awslogs-group'] && opts['awslogs-stream-prefix']
            ? { group: opts['awslogs-group'], stream: `${opts['awslogs-stream-prefix']}/${decides}/${id}` }
            : undefined,
      };
      plan(task, script);
      tasks.set(task.arn, task);
      arns.push(task.arn);
    }
    if (tokenKey) tokens.set(tokenKey, { hash: requestHash(payload), arns });
    ensureTimer();
    if (script.answer5xxAfterApply)
      return awsError(
        500,
        'ServerException',
        'Service unavailable (injected by the task runner after starting the task)',
      );
    return json(200, { tasks: arns.map((a) => view(tasks.get(a))), failures: [] });
  }

  function stopTask(payload) {
    const task = findTask(payload.task, payload.cluster);
    if (!task) return undefined;
    const t = now();
    // A task already exiting on its own (before the stop would land) keeps its own ending.
    if (statusAt(task, t) !== 'STOPPED' && !task.userStop && t + T.stopMs < task.stopAt) {
      Object.assign(task, {
        userStop: true,
        stopRequestedAt: t,
        stopReason: payload.reason || 'Task stopped by user',
        stopAt: t + T.stopMs,
      });
    }
    task.stopCalls = (task.stopCalls ?? 0) + 1;
    return json(200, { task: view(task) });
  }

  function findTask(ref, cluster) {
    if (!ref) return undefined;
    if (tasks.has(ref)) return tasks.get(ref);
    const c = String(cluster ?? 'default')
      .split('/')
      .pop();
    return [...tasks.values()].find((t) => t.id === ref && t.cluster === c);
  }

  return {
    /** ECS operations the runner answers; undefined when the call is not about its tasks. */
    async handle(op, payload) {
      if (op === 'RunTask') {
        await flush().catch(() => {});
        return runTask(payload);
      }
      if (op === 'StopTask') {
        await flush().catch(() => {});
        return stopTask(payload);
      }
      if (op === 'DescribeTasks') {
        const wanted = payload.tasks ?? [];
        const mine = wanted.map((r) => findTask(r, payload.cluster)).filter(Boolean);
        if (mine.length === 0) return undefined;
        await flush().catch(() => {});
        const failures = wanted
          .filter((r) => !findTask(r, payload.cluster))
          .map((arn) => ({ arn, reason: 'MISSING' }));
        return json(200, { tasks: mine.map(view), failures });
      }
      return undefined;
    },
    /** Control paths under /_sim/run-task/; undefined for any other path. */
    async control(method, pathname, payload) {
      if (!pathname.startsWith('/_sim/run-task/')) return undefined;
      if (pathname === '/_sim/run-task/script' && method === 'POST') {
        this.script(payload);
        return { status: 200, body: { queued: scripts.length } };
      }
      if (pathname === '/_sim/run-task/state') return { status: 200, body: this.state() };
      return { status: 404, body: { message: `unknown control endpoint ${pathname}` } };
    },
    /** Queue the behaviour of the next RunTask (of `family`, when given). */
    script(s) {
      scripts.push(s);
    },
    flush,
    /** Every RunTask request received, in order. */
    runTaskRequests: () => requests.slice(),
    /** The tasks started, as DescribeTasks shows them, plus the StopTask count. */
    state: () =>
      [...tasks.values()].map((t) => ({ ...view(t), stopCalls: t.stopCalls ?? 0, linesWritten: t.written })),
    lineTimes: () => lineTimes.slice(),
    reset() {
      tasks.clear();
      tokens.clear();
      scripts = [];
      requests.length = 0;
      lineTimes.length = 0;
    },
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/**
 * A proxy in front of moto's CloudWatch Logs: forwards every call, records it, injects faults, and asks
 * `beforeRead` (the task runner's flush) to write due lines before a read is answered.
 * @param {{ motoUrl: string, beforeRead?: () => Promise<void> }} opts
 */
export async function startLogsProxy({ motoUrl, beforeRead }) {
  const calls = [];
  let faults = [];
  const take = (op) => {
    const f = faults.find((x) => x.remaining > 0 && (x.operation === '*' || x.operation === op));
    if (!f) return undefined;
    if (f.skip > 0) {
      f.skip--;
      return undefined;
    }
    f.remaining--;
    f.injected++;
    return f;
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.startsWith(LOGS_PREFIX) ? target.slice(LOGS_PREFIX.length) : '';
      const send = (out) => res.writeHead(out.status, out.headers).end(out.body);
      try {
        const fault = take(op);
        calls.push({ op, at: now(), fault: fault?.type, payload: raw ? JSON.parse(raw) : {} });
        if (fault?.type === 'drop') return req.socket.destroy();
        if (fault?.type === 'throttle') return send(awsError(400, 'ThrottlingException', 'Rate exceeded'));
        if (fault?.type === '5xx')
          return send(
            awsError(
              503,
              'ServiceUnavailableException',
              'The service is unavailable (injected by the logs proxy)',
            ),
          );
        if (fault?.type === 'access-denied') {
          const group = raw ? JSON.parse(raw).logGroupName : '*';
          return send(
            awsError(
              400,
              'AccessDeniedException',
              `User: arn:aws:sts::${ACCOUNT}:assumed-role/deploy/slipway is not authorized to perform: logs:${op} on resource: arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:log-stream: because no identity-based policy allows the logs:${op} action`,
            ),
          );
        }
        if (beforeRead && (op === 'GetLogEvents' || op === 'FilterLogEvents'))
          await beforeRead().catch(() => {});
        await forwardTo(motoUrl, req, raw).then(
          (up) => {
            const headers = { ...up.headers };
            delete headers['content-length'];
            delete headers['transfer-encoding'];
            send({ status: up.status, headers, body: up.body });
          },
          (err) => send(awsError(500, 'ServiceUnavailableException', `logs proxy: ${err.message}`)),
        );
      } catch (err) {
        send(
          awsError(
            500,
            'ServiceUnavailableException',
            `logs proxy: ${err instanceof Error ? err.message : String(err)}`,
          ),
        );
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    /** {operation ('*' or e.g. 'GetLogEvents'), type: throttle|5xx|access-denied|drop, count?, skip?} */
    fault: (f) => {
      faults.push({
        operation: f.operation ?? '*',
        type: f.type,
        remaining: f.count ?? 1,
        skip: f.skip ?? 0,
        injected: 0,
      });
    },
    clearFaults: () => {
      faults = [];
    },
    calls: () => calls.slice(),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * moto checks a service's subnets and security groups against its EC2: one VPC with two subnets and a
 * security group there (EC2 Query API, which the repo has no SDK client for).
 * @param {string} motoUrl
 * @returns {Promise<{ vpcId: string, subnets: string[], securityGroup: string }>}
 */
export async function createMotoNetwork(motoUrl, region = 'us-east-1') {
  const ec2 = async (params) => {
    const res = await fetch(`${motoUrl}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: new URLSearchParams({ Version: '2016-11-15', ...params }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`EC2 ${params.Action}: HTTP ${res.status} ${text}`);
    return text;
  };
  const value = (xml, tag) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1] ?? '';
  const vpcId = value(await ec2({ Action: 'CreateVpc', CidrBlock: '10.42.0.0/16' }), 'vpcId');
  const subnets = [];
  for (const cidr of ['10.42.1.0/24', '10.42.2.0/24'])
    subnets.push(value(await ec2({ Action: 'CreateSubnet', VpcId: vpcId, CidrBlock: cidr }), 'subnetId'));
  const securityGroup = value(
    await ec2({
      Action: 'CreateSecurityGroup',
      GroupName: `slipway-${randomBytes(3).toString('hex')}`,
      GroupDescription: 'one-off tasks',
      VpcId: vpcId,
    }),
    'groupId',
  );
  return { vpcId, subnets, securityGroup };
}

/**
 * Writes a container's output to moto's CloudWatch Logs at once, as the awslogs driver would have (group and
 * stream created when missing, one event per line): for simulators of tasks that are not the runner's, e.g.
 * a service's crashing task whose last lines a deploy's failure reason shows.
 * @param {{ motoUrl: string, region?: string, group: string, stream: string, lines: string[], at?: number }} o
 */
export async function putContainerLines({ motoUrl, region = 'us-east-1', group, stream, lines, at = now() }) {
  const call = (op, payload) => motoPost(motoUrl, region, 'logs', LOGS_PREFIX + op, payload);
  for (const [op, payload] of [
    ['CreateLogGroup', { logGroupName: group }],
    ['CreateLogStream', { logGroupName: group, logStreamName: stream }],
  ]) {
    const r = await call(op, payload);
    if (r.status !== 200 && r.json.__type !== 'ResourceAlreadyExistsException')
      throw new Error(`${op}: ${JSON.stringify(r.json)}`);
  }
  if (lines.length === 0) return;
  const r = await call('PutLogEvents', {
    logGroupName: group,
    logStreamName: stream,
    logEvents: lines.map((message, i) => ({ timestamp: Math.round(at) + i, message })),
  });
  if (r.status !== 200) throw new Error(`PutLogEvents: ${JSON.stringify(r.json)}`);
}
