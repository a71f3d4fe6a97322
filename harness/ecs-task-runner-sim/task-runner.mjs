// The ECS task runner simulator's state and operations (documented in ../ecs-task-runner-sim.mjs, which
// re-exports `createTaskRunner`): RunTask (validated against moto's cluster and task definition, clientToken
// idempotency, scripts queued per family), StopTask, DescribeTasks of its own tasks, the /_sim/run-task/
// control paths, and the serial writer that puts each due log line into moto's CloudWatch Logs (before every
// answer and on a 50 ms timer while a task runs). A task's timeline and view are in task-life.mjs. Does not
// model the 24 h token TTL, placement, capacity or more than one container's output per task.
import { createHash } from 'node:crypto';
import { awsError, awsJson as json, motoClient } from './moto-calls.mjs';
import { ensureLogStream, putEvents } from './container-logs.mjs';
import { DEFAULT_RUN_TIMING, newTask, plan, statusAt, taskView } from './task-life.mjs';

export { DEFAULT_RUN_TIMING };

const now = () => Date.now();

function requestHash(payload) {
  const { clientToken: _t, ...rest } = payload;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
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

  const ecs = motoClient(motoUrl, region, 'ecs');
  const logs = motoClient(motoUrl, region, 'logs');
  const view = (task) => taskView(task, region);

  function takeScript(family) {
    const i = scripts.findIndex((s) => !s.family || s.family === family);
    if (i < 0) return {};
    return scripts.splice(i, 1)[0];
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
          await ensureLogStream(logs, task.log.group, task.log.stream);
          task.streamCreated = true;
        }
        await putEvents(
          logs,
          task.log.group,
          task.log.stream,
          due.map((l) => ({ timestamp: Math.round(l.at), message: l.message })),
        );
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

  /** The error ECS answers for a RunTask of this task definition, or undefined when it is valid. */
  function invalidRunTask(payload, td, names) {
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
    return undefined;
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
    const invalid = invalidRunTask(payload, td, names);
    if (invalid) return invalid;

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
      const task = newTask({ payload, td, cluster, clusterName, region, decides, names, createdAt: now() });
      plan(task, script, T);
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
