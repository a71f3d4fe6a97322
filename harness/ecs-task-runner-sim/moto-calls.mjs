// AWS JSON protocol plumbing of the ECS task runner simulator (../ecs-task-runner-sim.mjs): the target
// prefixes of ECS and CloudWatch Logs, answers and errors shaped as the AWS JSON 1.1 protocol shapes them,
// and one POST to moto signed only as far as moto reads it (region and service in the credential scope; moto
// checks no signature).
import { randomBytes } from 'node:crypto';
import { forwardTo } from '../forward.mjs';

export const ECS_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
export const LOGS_PREFIX = 'Logs_20140328.';
export const ACCOUNT = '123456789012';

/** A random hex id of `n` bytes (task ids, request ids). */
export const rid = (n = 16) => randomBytes(n).toString('hex');

/** An AWS JSON 1.1 answer: {status, headers, body}. */
export function awsJson(status, obj) {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': rid(8) },
    body: JSON.stringify(obj),
  };
}

/** An AWS JSON 1.1 error answer: `__type` and `message`. */
export const awsError = (status, type, message) => awsJson(status, { __type: type, message });

/** The Authorization header moto needs to route a call: a SigV4 credential scope with a dummy signature. */
export const motoAuthorization = (region, service) =>
  `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;

/**
 * One POST to moto with a JSON target; resolves with the status and the parsed answer ({raw} when not JSON).
 * @returns {Promise<{status: number, json: any}>}
 */
export async function motoPost(motoUrl, region, service, target, payload) {
  const res = await forwardTo(
    motoUrl,
    {
      method: 'POST',
      url: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
        authorization: motoAuthorization(region, service),
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

/** A caller of one service's operations on moto: `(op, payload) => motoPost(...)`. */
export function motoClient(motoUrl, region, service) {
  const prefix = service === 'ecs' ? ECS_PREFIX : LOGS_PREFIX;
  return (op, payload) => motoPost(motoUrl, region, service, prefix + op, payload);
}
