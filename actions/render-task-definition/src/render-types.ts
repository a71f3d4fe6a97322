// What render-task-definition's pure renderer takes and gives: its options, the per-container report, the
// result, and the error that lists every problem found.
import { ActionError } from '../../shared/src/errors.js';
import type { TaskDefinitionDocument } from '../../shared/src/task-definition.js';

export type Pairs = ReadonlyArray<readonly [string, string]>;

export interface RenderOptions {
  /** Container name -> new image reference. */
  images: Pairs;
  environment: Pairs;
  /** Containers that get `environment` and `secrets`; empty means the changed containers. */
  environmentContainers: readonly string[];
  secrets: Pairs;
  variables: Pairs;
  cpu?: string;
  memory?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  cpuArchitecture?: 'ARM64' | 'X86_64';
  logGroup?: string;
  /** Region for awslogs-region when log-group is set. */
  logRegion?: string;
  labels: Pairs;
  tags: Pairs;
  /** Which ECR images given by tag are resolved to digests (see PIN_MODES). */
  pinDigests: PinMode;
  provenance: { commit?: string; runId?: string; ref?: string };
}

/**
 * `changed`: only the images this step sets (containers / container-name + image); every other container is
 * left exactly as the template has it, so the role needs ecr:DescribeImages only on the repositories it
 * pushes to. `all`: every private ECR image; a lookup the role may not make for an image this step did not
 * set (AccessDenied, RepositoryNotFound in another account) is a warning naming it, not a failure.
 * `none`: no lookups at all.
 */
export const PIN_MODES = ['changed', 'all', 'none'] as const;
export type PinMode = (typeof PIN_MODES)[number];

/** An ECR image reference still to be resolved, as written in the task definition. */
export interface PendingImage {
  image: string;
  /** Set by this step: a failed lookup is an error. Otherwise (pin-digests: all) a denied lookup is a warning. */
  required: boolean;
  /** The tag looked up: the image's own, or `latest` for an image without one (what ECS pulls). */
  tag: string;
}

export interface ContainerReport {
  name: string;
  oldImage: string;
  newImage: string;
  /** Image given in the containers input. */
  imageSet: boolean;
  pinned: boolean;
  envChanged: string[];
  secretsChanged: string[];
}

export interface RenderResult {
  taskDefinition: TaskDefinitionDocument;
  family: string;
  removedFields: string[];
  containers: ContainerReport[];
  changed: string[];
  /** container -> image as written. */
  images: Record<string, string>;
  /** ECR images given by tag (or untagged) that still need a digest from ECR, per pin-digests. */
  pending: PendingImage[];
  unusedVariables: string[];
  notices: string[];
}

export const REVISION_LABEL = 'org.opencontainers.image.revision';

/** Thrown with every problem found; the message lists them one per line. */
export class RenderError extends ActionError {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `the task definition is not valid: ${problems[0]}`
        : `the task definition has ${problems.length} problems:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    this.name = 'RenderError';
  }
}
