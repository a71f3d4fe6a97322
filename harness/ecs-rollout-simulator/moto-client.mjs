// The rollout simulator's access to moto: a client's request passed on unchanged, one ECS call of the
// simulator's own (with the client's signature headers), and what a task definition runs (container names,
// images, definitions; cached per task definition, digest-pinned ECR images resolved to their tags).
import { forwardTo } from '../forward.mjs';
import { TARGET_PREFIX } from './basics.mjs';

export function createMotoClient({ motoUrl, region }) {
  /** Passes a request to moto; the answer's body as text. */
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
  /** {names, images, defs} of a task definition's containers. */
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

  return { forward, motoCall, containerInfo, containerCache };
}
