import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RenderOptions } from '../../../actions/render-task-definition/src/render-types.js';
import type { TaskDefinitionDocument } from '../../../actions/shared/src/task-definition.js';

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const loadJson = (name: string) =>
  JSON.parse(readFileSync(fixture(name), 'utf8')) as TaskDefinitionDocument;

export const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
export const SHA = '0123456789abcdef0123456789abcdef01234567';

export function options(overrides: Partial<RenderOptions> = {}): RenderOptions {
  return {
    images: [],
    environment: [],
    environmentContainers: [],
    secrets: [],
    variables: [],
    labels: [],
    tags: [],
    pinDigests: 'none',
    provenance: {},
    ...overrides,
  };
}

/** A minimal valid Fargate template with one container. */
export function fargate(
  extra: Partial<TaskDefinitionDocument> = {},
  container: Record<string, unknown> = {},
): TaskDefinitionDocument {
  return {
    family: 'app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    containerDefinitions: [{ name: 'app', image: 'nginx:1.27', ...container } as TaskDefinitionDocument],
    ...extra,
  };
}
