// Injected faults of the rollout simulator, and the answers they give.
//  - Faults (`POST /_sim/faults`), per ECS operation or `*`: `throttle`, `5xx` (before the call is applied),
//    `5xx-after` (applied, then the answer is lost), `access-denied`, `drop` (connection closed), `latency`.
//    Either for `count` calls (after skipping `skip` matching ones) or at a `rate` (0..1) drawn from a
//    seeded generator (mulberry32, seed 1 unless a fault sets `seed`), so a run is repeatable. The first
//    fault in the list that matches a call is taken.
//  - Unsupported operations (`config.unsupported[op]`): an HTML 404 page, or UnknownOperationException.
import { ACCOUNT } from './basics.mjs';
import { awsError } from './api-views.mjs';

export function createFaultInjector() {
  let faults = [];
  let seed = 1;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /** The fault this call of `op` gets, if any (counting it). */
  function take(op) {
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

  /** Adds a fault from a `/_sim/faults` request; answers the whole list. */
  function add(payload) {
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
    return faults;
  }

  return {
    take,
    add,
    clear: () => {
      faults = [];
    },
    reset: () => {
      faults = [];
      seed = 1;
    },
  };
}

/** The answer given instead of applying the call (an unsupported operation or a fault before it), or undefined. */
export function answerInsteadOfCall(op, fault, unsupported) {
  if (unsupported === 'html')
    return {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
    };
  if (unsupported) return awsError(400, 'UnknownOperationException', '');
  if (fault?.type === 'throttle') return awsError(400, 'ThrottlingException', 'Rate exceeded');
  if (fault?.type === '5xx')
    return awsError(500, 'ServerException', 'Service unavailable (injected by the rollout simulator)');
  if (fault?.type === 'access-denied')
    return awsError(
      400,
      'AccessDeniedException',
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/deploy/slipway is not authorized to perform: ecs:${op} on resource: * because no identity-based policy allows the ecs:${op} action`,
    );
  return undefined;
}

/** `5xx-after`: the call was applied, then its answer is lost. */
export const lostAnswer = () =>
  awsError(
    500,
    'ServerException',
    'Service unavailable after the call was applied (injected by the rollout simulator)',
  );
