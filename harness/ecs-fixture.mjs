// Sets up ECS state for deploy tests and the demo, through the rollout simulator (so it tracks the services)
// with the real AWS SDK: a cluster, a service running a first revision, and task definition files.
import { writeFileSync } from 'node:fs';
import { tempDir } from './temp-dirs.mjs';
import { join } from 'node:path';
import {
  ECSClient,
  CreateClusterCommand,
  RegisterTaskDefinitionCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ListTaskDefinitionsCommand,
  DescribeTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';

export const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

export function ecsClient(simUrl, region = 'us-east-1') {
  return new ECSClient({
    region,
    endpoint: simUrl,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'testing-secret-not-real' },
    maxAttempts: 3, // the SDK retries a reset keep-alive socket; the tests are not about that
  });
}

export function taskDefinitionDoc(family, image, { containerName = family, logs = false } = {}) {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: containerName,
        image,
        essential: true,
        portMappings: [{ containerPort: 8000, protocol: 'tcp' }],
        environment: [{ name: 'PORT', value: '8000' }],
        ...(logs
          ? {
              logConfiguration: {
                logDriver: 'awslogs',
                options: {
                  'awslogs-group': `/ecs/${family}`,
                  'awslogs-region': 'us-east-1',
                  'awslogs-stream-prefix': 'ecs',
                },
              },
            }
          : {}),
      },
    ],
    tags: [{ key: 'slipway:commit', value: 'demo' }],
  };
}

/** Writes a task definition file and returns its path. */
export function writeTaskDefinition(doc, dir = tempDir('slipway-td-')) {
  const path = join(dir, `${doc.family}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}.json`);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

/**
 * Creates (if needed) the cluster and a service on a first, healthy revision.
 * @param {import("@aws-sdk/client-ecs").ECSClient} client
 * @param {{cluster: string, service: string, image?: string, desiredCount?: number, breaker?: boolean, capacityProviderStrategy?: Array<{capacityProvider: string, weight?: number, base?: number}>, deploymentConfiguration?: object, deploymentController?: {type: string}, networkConfiguration?: object}} opts
 */
export async function createService(
  client,
  {
    cluster,
    service,
    image = `${REGISTRY}/${service}:v1`,
    desiredCount = 2,
    breaker = true,
    capacityProviderStrategy = undefined,
    deploymentConfiguration = {},
    deploymentController = undefined,
    networkConfiguration = undefined,
  },
) {
  await client.send(new CreateClusterCommand({ clusterName: cluster }));
  const doc = taskDefinitionDoc(service, image);
  const { tags, ...input } = doc;
  const td = await client.send(new RegisterTaskDefinitionCommand({ ...input, tags }));
  const arn = td.taskDefinition.taskDefinitionArn;
  await client.send(
    new CreateServiceCommand({
      cluster,
      serviceName: service,
      taskDefinition: arn,
      desiredCount,
      ...(capacityProviderStrategy ? { capacityProviderStrategy } : { launchType: 'FARGATE' }),
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: breaker, rollback: breaker },
        minimumHealthyPercent: 100,
        maximumPercent: 200,
        ...deploymentConfiguration,
      },
      ...(deploymentController ? { deploymentController } : {}),
      ...(networkConfiguration ? { networkConfiguration } : {}),
    }),
  );
  return { taskDefinitionArn: /** @type {string} */ (arn) };
}

export async function describeService(client, cluster, service) {
  const r = await client.send(new DescribeServicesCommand({ cluster, services: [service] }));
  return r.services?.[0];
}

export async function listRevisions(client, family, status = 'ACTIVE') {
  const r = await client.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status }));
  return r.taskDefinitionArns ?? [];
}

export async function taskDefinitionTags(client, arn) {
  const r = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }));
  return Object.fromEntries((r.tags ?? []).map((t) => [t.key, t.value]));
}

/**
 * Puts an image manifest into an ECR repository (moto) under `tag` and returns its digest. `layer` (one
 * character, e.g. '1') makes the manifest, and so the digest, differ between images.
 * @param {import('@aws-sdk/client-ecr').ECRClient} ecr
 * @param {string} repositoryName
 * @param {string} tag
 * @param {string} layer
 * @returns {Promise<string>}
 */
export async function putEcrImage(ecr, repositoryName, tag, layer) {
  const { PutImageCommand } = await import('@aws-sdk/client-ecr');
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: 7,
      digest: `sha256:${'c'.repeat(64)}`,
    },
    layers: [
      {
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        size: 42,
        digest: `sha256:${layer.repeat(64)}`,
      },
    ],
  };
  const res = await ecr.send(
    new PutImageCommand({ repositoryName, imageTag: tag, imageManifest: JSON.stringify(manifest) }),
  );
  return res.image?.imageId?.imageDigest ?? '';
}
