// A proxy in front of moto's CloudWatch Logs (../ecs-task-runner-sim.mjs re-exports it; point
// AWS_ENDPOINT_URL_CLOUDWATCH_LOGS at it): every call is forwarded to moto and recorded (`calls()`), and
// faults can be injected per operation (`fault({operation, type, count, skip})`): `throttle`
// (ThrottlingException), `5xx` (ServiceUnavailableException), `access-denied` (AccessDeniedException naming
// logs:<op>), `drop` (the connection is destroyed). Before a GetLogEvents or FilterLogEvents is answered it
// awaits `beforeRead` (the task runner's flush), so due lines are there. Does not model CloudWatch Logs'
// own quotas beyond the injected faults, or IAM.
import { createServer } from 'node:http';
import { forwardTo } from '../forward.mjs';
import { ACCOUNT, LOGS_PREFIX, awsError } from './moto-calls.mjs';

/** The answer a fault of `type` gives `op` (with the call's raw body), or undefined for `drop`/none. */
function faultAnswer(type, op, raw) {
  if (type === 'throttle') return awsError(400, 'ThrottlingException', 'Rate exceeded');
  if (type === '5xx')
    return awsError(
      503,
      'ServiceUnavailableException',
      'The service is unavailable (injected by the logs proxy)',
    );
  if (type === 'access-denied') {
    const group = raw ? JSON.parse(raw).logGroupName : '*';
    return awsError(
      400,
      'AccessDeniedException',
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/deploy/slipway is not authorized to perform: logs:${op} on resource: arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:log-stream: because no identity-based policy allows the logs:${op} action`,
    );
  }
  return undefined;
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
        calls.push({ op, at: Date.now(), fault: fault?.type, payload: raw ? JSON.parse(raw) : {} });
        if (fault?.type === 'drop') return req.socket.destroy();
        const injected = fault ? faultAnswer(fault.type, op, raw) : undefined;
        if (injected) return send(injected);
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
