import { InputError } from '../../shared/src/errors.js';
import type { Inputs } from '../../shared/src/inputs.js';
import { REGION_PATTERN, resolveRegion } from '../../shared/src/aws-client.js';
import { parseCpuUnits, parseMemoryMiB } from './fargate.js';
import { imageProblem } from './image-ref.js';
import { secretRefProblem } from './secret-ref.js';
import { classifyTemplateSource, type TemplateSource } from './source.js';
import { NAME_RE, ROLE_ARN_RE } from './validate.js';
import { PIN_MODES, type PinMode, type RenderOptions } from './render-types.js';

export interface RenderInputs {
  source: TemplateSource;
  render: RenderOptions;
  /** Region for ECS/ECR calls and awslogs; undefined when none is set (only an error where one is needed). */
  region?: string;
  maxAttempts: number;
  outputPath?: string;
}

const CONTAINER_KEY = { keyPattern: NAME_RE, keyDescription: 'a container name (letters, digits, _ and -)' };
const ENV_KEY = {
  keyPattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/,
  keyDescription: 'letters, digits, _ . - (not starting with a digit)',
};
const VARIABLE_KEY = {
  keyPattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
  keyDescription: 'letters, digits and _ (not starting with a digit)',
};
const TAG_KEY = {
  keyPattern: /^[\p{L}\p{N} +\-.:/_@]{1,128}$/u,
  keyDescription: 'up to 128 letters, digits, spaces and + - . _ : / @',
};
const LABEL_KEY = { keyPattern: /^[A-Za-z0-9][A-Za-z0-9._/-]*$/, keyDescription: 'letters, digits, . _ / -' };
const LOG_GROUP_RE = /^[A-Za-z0-9_\-/.#]{1,512}$/;

function roleArn(inputs: Inputs, name: string): string | undefined {
  const v = inputs.optional(name);
  if (v !== undefined && !ROLE_ARN_RE.test(v))
    throw new InputError(name, v, 'expected an IAM role ARN such as arn:aws:iam::123456789012:role/app');
  return v;
}

/** pin-digests: changed (default), all or none; `true`/`false`, the spellings before these modes, mean all/none. */
function pinMode(inputs: Inputs): PinMode {
  const raw = inputs.raw('pin-digests').trim().toLowerCase();
  if (raw === '') return 'changed';
  if (raw === 'true') return 'all';
  if (raw === 'false') return 'none';
  const mode = PIN_MODES.find((m) => m === raw);
  if (!mode)
    throw new InputError(
      'pin-digests',
      inputs.raw('pin-digests'),
      `allowed values are ${PIN_MODES.map((m) => `'${m}'`).join(', ')} (the older 'true' means all, 'false' none)`,
    );
  return mode;
}

/** Reads and validates every input; nothing here calls AWS (only a stat of the task-definition path). */
export function getInputs(
  inputs: Inputs,
  env: NodeJS.ProcessEnv = process.env,
  exists?: (p: string) => boolean,
): RenderInputs {
  const source = classifyTemplateSource(
    inputs.required('task-definition', 'a task definition file path, or a family, family:revision or ARN'),
    exists,
  );

  const images = inputs.map('containers', CONTAINER_KEY);
  const containerName = inputs.optional('container-name');
  const image = inputs.optional('image');
  if (containerName !== undefined || image !== undefined) {
    if (images.length > 0)
      throw new InputError(
        'container-name',
        containerName ?? '',
        'use either containers or container-name + image, not both',
      );
    if (containerName === undefined)
      throw new InputError('container-name', '', 'required together with image (the container that gets it)');
    if (image === undefined)
      throw new InputError('image', '', `required together with container-name '${containerName}'`);
    if (!NAME_RE.test(containerName))
      throw new InputError(
        'container-name',
        containerName,
        'expected a container name (letters, digits, _ and -)',
      );
    images.push([containerName, image]);
  }
  for (const [name, ref] of images) {
    const problem = imageProblem(ref);
    if (problem) {
      throw new InputError(
        image !== undefined ? 'image' : 'containers',
        image !== undefined ? ref : `${name}=${ref}`,
        `not a valid image reference: ${problem} (expected e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:v1.2.3)`,
      );
    }
  }

  const secrets = inputs.map('secrets', ENV_KEY);
  for (const [name, ref] of secrets) {
    const problem = secretRefProblem(ref);
    if (problem)
      throw new InputError('secrets', `${name}=${ref}`, `the value is not a secret reference: ${problem}`);
  }

  const environmentContainers = inputs.list('environment-containers', { commas: true });
  for (const c of environmentContainers)
    if (!NAME_RE.test(c))
      throw new InputError(
        'environment-containers',
        c,
        'expected container names (letters, digits, _ and -)',
      );

  const cpu = inputs.optional('cpu');
  if (cpu !== undefined && Number.isNaN(parseCpuUnits(cpu)))
    throw new InputError('cpu', cpu, "expected CPU units such as 1024, or vCPUs such as '1 vCPU'");
  const memory = inputs.optional('memory');
  if (memory !== undefined && Number.isNaN(parseMemoryMiB(memory)))
    throw new InputError('memory', memory, "expected MiB such as 2048, or '2 GB'");

  const cpuArchitectureRaw = inputs.optional('cpu-architecture');
  const cpuArchitecture =
    cpuArchitectureRaw === undefined
      ? undefined
      : inputs.oneOf('cpu-architecture', ['ARM64', 'X86_64'], 'X86_64');

  const regionInput = inputs.optional('region');
  const region = resolveRegion(regionInput, env);
  if (region !== undefined && !REGION_PATTERN.test(region))
    throw new InputError(
      regionInput ? 'region' : 'region (from AWS_REGION)',
      region,
      'expected an AWS region such as eu-west-1',
    );

  const logGroup = inputs.optional('log-group');
  if (logGroup !== undefined) {
    if (!LOG_GROUP_RE.test(logGroup))
      throw new InputError(
        'log-group',
        logGroup,
        'expected a CloudWatch log group name (letters, digits, _ - / . #, up to 512)',
      );
    if (!region)
      throw new InputError(
        'region',
        '',
        'log-group needs a region for awslogs-region: set the region input or AWS_REGION',
      );
  }

  const pinDigests = pinMode(inputs);
  if (source.kind === 'ecs' && !region)
    throw new InputError(
      'region',
      '',
      `fetching '${source.reference}' from ECS needs a region: set the region input or AWS_REGION`,
    );

  const outputPath = inputs.optional('output-path');

  return {
    source,
    region,
    maxAttempts: inputs.int('max-attempts', { min: 1, max: 10, fallback: 5 }),
    outputPath,
    render: {
      images,
      environment: inputs.map('environment', ENV_KEY),
      environmentContainers,
      secrets,
      variables: inputs.map('variables', VARIABLE_KEY),
      cpu,
      memory,
      taskRoleArn: roleArn(inputs, 'task-role-arn'),
      executionRoleArn: roleArn(inputs, 'execution-role-arn'),
      cpuArchitecture,
      logGroup,
      logRegion: region,
      labels: inputs.map('labels', LABEL_KEY),
      tags: inputs.map('tags', TAG_KEY),
      pinDigests,
      provenance: {
        commit: env.GITHUB_SHA || undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        ref: env.GITHUB_REF || undefined,
      },
    },
  };
}
