import {
  isJsonObject,
  type JsonObject,
  type TaskDefinitionDocument,
} from '../../shared/src/task-definition.js';
import { fargateSizeProblem, parseCpuUnits } from './fargate.js';
import { imageProblem, parseEcrImage } from './image-ref.js';
import { secretRefProblem } from './secret-ref.js';

/**
 * Checks a rendered task definition against the rules RegisterTaskDefinition (or the first task launch)
 * would enforce, so a deploy fails here with the field path and the fix instead of halfway through. Pure:
 * returns every problem found, as `<path>: <what is wrong and the fix>`.
 */

export const NAME_RE = /^[A-Za-z0-9_-]{1,255}$/;
export const ROLE_ARN_RE = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const PROTOCOLS = ['tcp', 'udp'];
const APP_PROTOCOLS = ['http', 'http2', 'grpc'];

export function containerLabel(doc: TaskDefinitionDocument, index: number): string {
  const c = Array.isArray(doc.containerDefinitions) ? doc.containerDefinitions[index] : undefined;
  const name = isJsonObject(c) && typeof c.name === 'string' ? ` (${c.name})` : '';
  return `containerDefinitions[${index}]${name}`;
}

export function validateTaskDefinition(doc: TaskDefinitionDocument): string[] {
  const problems: string[] = [];
  const add = (path: string, message: string) => problems.push(`${path}: ${message}`);

  if (typeof doc.family !== 'string' || doc.family === '')
    add('family', 'is missing: set the task definition family name');
  else if (!NAME_RE.test(doc.family))
    add('family', `'${doc.family}' is not valid: use up to 255 letters, digits, _ and -`);

  const compat = Array.isArray(doc.requiresCompatibilities) ? doc.requiresCompatibilities.map(String) : [];
  const fargate = compat.includes('FARGATE');
  const networkMode = doc.networkMode;
  const sharedPorts = networkMode === 'awsvpc' || networkMode === 'host';

  if (fargate) {
    const size = fargateSizeProblem(doc.cpu ?? undefined, doc.memory ?? undefined);
    if (size) add(size.startsWith("'memory'") ? 'memory' : 'cpu', size.replace(/^'(cpu|memory)' /, ''));
    if (networkMode !== 'awsvpc')
      add(
        'networkMode',
        `is ${networkMode === undefined ? 'not set' : `'${String(networkMode)}'`}, but Fargate requires 'awsvpc': set "networkMode": "awsvpc"`,
      );
  }
  for (const key of ['taskRoleArn', 'executionRoleArn'] as const) {
    const v = doc[key];
    if (v !== undefined && v !== null && (typeof v !== 'string' || !ROLE_ARN_RE.test(v)))
      add(key, `'${String(v)}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  }

  const platform = doc.runtimePlatform;
  if (platform !== undefined) {
    if (!isJsonObject(platform))
      add('runtimePlatform', 'must be an object with cpuArchitecture and operatingSystemFamily');
    else {
      const arch = platform.cpuArchitecture;
      if (arch !== undefined && arch !== 'ARM64' && arch !== 'X86_64')
        add('runtimePlatform.cpuArchitecture', `'${String(arch)}' is not valid: use ARM64 or X86_64`);
      const os = String(platform.operatingSystemFamily ?? 'LINUX');
      if (os.startsWith('WINDOWS') && arch === 'ARM64')
        add('runtimePlatform', `Windows tasks (${os}) run only on X86_64: set cpuArchitecture to X86_64`);
      if (os.startsWith('WINDOWS') && fargate && parseCpuUnits(doc.cpu) < 1024)
        add('cpu', 'Windows tasks on Fargate need at least 1024 CPU units (1 vCPU)');
    }
  }

  const containers = doc.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) {
    add('containerDefinitions', 'is missing or empty: a task definition needs at least one container');
    return problems;
  }
  const names = new Set<string>();
  const taskPorts = new Map<string, string>();
  const portNames = new Map<string, string>();
  let essentials = 0;
  let usesSecrets = false;
  let usesAwslogs = false;
  let usesEcr = false;
  containers.forEach((c, i) => {
    const at = containerLabel(doc, i);
    if (!isJsonObject(c)) {
      add(at, 'must be an object');
      return;
    }
    if (typeof c.name !== 'string' || !NAME_RE.test(c.name)) {
      add(
        `${at}.name`,
        `${c.name === undefined ? 'is missing' : `'${String(c.name)}' is not valid`}: use up to 255 letters, digits, _ and -`,
      );
    } else if (names.has(c.name)) {
      add(`${at}.name`, `'${c.name}' is used by two containers: container names must be unique`);
    } else names.add(c.name);

    if (typeof c.image !== 'string')
      add(`${at}.image`, 'is missing: set the image (or pass it in the containers input)');
    else {
      const bad = imageProblem(c.image);
      if (bad) add(`${at}.image`, `'${c.image}' is not a valid image reference: ${bad}`);
      else if (parseEcrImage(c.image)) usesEcr = true;
    }
    if (c.essential !== false) essentials++;

    checkNameValueList(c.environment, `${at}.environment`, 'value', add);
    checkNameValueList(c.secrets, `${at}.secrets`, 'valueFrom', add);
    const envNames = new Set(listNames(c.environment));
    if (Array.isArray(c.secrets)) {
      c.secrets.forEach((s, j) => {
        if (!isJsonObject(s)) return;
        usesSecrets = true;
        if (typeof s.valueFrom === 'string') {
          const bad = secretRefProblem(s.valueFrom);
          if (bad) add(`${at}.secrets[${j}].valueFrom`, `'${s.valueFrom}' is not a secret reference: ${bad}`);
        }
        if (typeof s.name === 'string' && envNames.has(s.name))
          add(
            `${at}.secrets[${j}].name`,
            `'${s.name}' is also a plain environment variable: keep it in only one of environment and secrets`,
          );
      });
    }
    if (isJsonObject(c.logConfiguration) && c.logConfiguration.logDriver === 'awslogs') usesAwslogs = true;
    checkPorts(c, at, networkMode, sharedPorts, taskPorts, portNames, add);
    if (
      c.dockerLabels !== undefined &&
      (!isJsonObject(c.dockerLabels) || Object.values(c.dockerLabels).some((v) => typeof v !== 'string'))
    )
      add(`${at}.dockerLabels`, 'must be an object of string values');
  });
  if (essentials === 0)
    add(
      'containerDefinitions',
      'every container has "essential": false: mark at least one container essential',
    );

  const hasExecRole = typeof doc.executionRoleArn === 'string' && doc.executionRoleArn !== '';
  if (!hasExecRole) {
    if (usesSecrets)
      add(
        'executionRoleArn',
        'is required when containers use secrets: set it (or the execution-role-arn input) to a role that can read them',
      );
    if (fargate && usesAwslogs)
      add(
        'executionRoleArn',
        'is required on Fargate with the awslogs log driver: set it (or the execution-role-arn input)',
      );
    if (fargate && usesEcr)
      add(
        'executionRoleArn',
        'is required on Fargate to pull images from ECR: set it (or the execution-role-arn input)',
      );
  }
  if (doc.tags !== undefined) {
    if (!Array.isArray(doc.tags) || doc.tags.some((t) => !isJsonObject(t) || typeof t.key !== 'string'))
      add('tags', 'must be a list of {"key": ..., "value": ...}');
    else {
      if (doc.tags.length > 50)
        add('tags', `has ${doc.tags.length} tags; ECS allows at most 50 per resource`);
      doc.tags.forEach((t, i) => {
        const { key, value } = t as JsonObject;
        if (typeof key === 'string' && (key.length > 128 || key.toLowerCase().startsWith('aws:')))
          add(`tags[${i}].key`, `'${key}' is not allowed: at most 128 characters, not starting with aws:`);
        if (typeof value === 'string' && value.length > 256)
          add(`tags[${i}].value`, 'is longer than 256 characters');
      });
    }
  }
  return problems;
}

function listNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isJsonObject).flatMap((e) => (typeof e.name === 'string' ? [e.name] : []));
}

function checkNameValueList(
  list: unknown,
  at: string,
  valueKey: 'value' | 'valueFrom',
  add: (path: string, message: string) => void,
): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    add(at, `must be a list of {"name": ..., "${valueKey}": ...}`);
    return;
  }
  const seen = new Set<string>();
  list.forEach((e, j) => {
    if (!isJsonObject(e) || typeof e.name !== 'string' || e.name === '') {
      add(`${at}[${j}]`, `must be {"name": ..., "${valueKey}": ...} with a non-empty name`);
      return;
    }
    if (typeof e[valueKey] !== 'string')
      add(`${at}[${j}].${valueKey}`, `must be a string (quote numbers and booleans in the template)`);
    if (seen.has(e.name)) add(`${at}[${j}].name`, `'${e.name}' appears twice: keep one entry per name`);
    seen.add(e.name);
  });
}

function checkPorts(
  c: JsonObject,
  at: string,
  networkMode: unknown,
  sharedPorts: boolean,
  taskPorts: Map<string, string>,
  portNames: Map<string, string>,
  add: (path: string, message: string) => void,
): void {
  if (c.portMappings === undefined || c.portMappings === null) return;
  if (!Array.isArray(c.portMappings)) {
    add(`${at}.portMappings`, 'must be a list');
    return;
  }
  const protocolOfPort = new Map<number, string>();
  c.portMappings.forEach((p, j) => {
    const pat = `${at}.portMappings[${j}]`;
    if (!isJsonObject(p)) {
      add(pat, 'must be an object with containerPort');
      return;
    }
    const protocol = p.protocol === undefined ? 'tcp' : String(p.protocol);
    if (!PROTOCOLS.includes(protocol)) add(`${pat}.protocol`, `'${protocol}' is not valid: use tcp or udp`);
    if (p.appProtocol !== undefined && !APP_PROTOCOLS.includes(String(p.appProtocol)))
      add(`${pat}.appProtocol`, `'${String(p.appProtocol)}' is not valid: use http, http2 or grpc`);
    if (p.containerPort === undefined) {
      if (p.containerPortRange === undefined) add(pat, 'has neither containerPort nor containerPortRange');
      return;
    }
    const port = p.containerPort;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      add(`${pat}.containerPort`, `'${String(port)}' is not a port number (1-65535)`);
      return;
    }
    if (p.hostPort !== undefined) {
      const hp = p.hostPort;
      if (typeof hp !== 'number' || !Number.isInteger(hp) || hp < 0 || hp > 65535)
        add(`${pat}.hostPort`, `'${String(hp)}' is not a port number (0-65535)`);
      else if (sharedPorts && hp !== port && hp !== 0)
        add(
          `${pat}.hostPort`,
          `is ${hp} but must equal containerPort (${port}) or be omitted with networkMode '${String(networkMode)}'`,
        );
    }
    const previous = protocolOfPort.get(port);
    if (previous !== undefined && previous !== protocol)
      add(
        `${pat}`,
        `container port ${port} is exposed for both ${previous} and ${protocol}; ECS allows one protocol per container port`,
      );
    protocolOfPort.set(port, protocol);
    if (sharedPorts) {
      const key = `${port}/${protocol}`;
      const owner = taskPorts.get(key);
      if (owner && owner !== pat)
        add(
          pat,
          `port ${key} is already mapped at ${owner}; containers of an ${String(networkMode)} task share one network interface`,
        );
      else taskPorts.set(key, pat);
    }
    if (typeof p.name === 'string') {
      const owner = portNames.get(p.name);
      if (owner)
        add(
          `${pat}.name`,
          `'${p.name}' is already used at ${owner}: port mapping names must be unique in the task`,
        );
      else portNames.set(p.name, pat);
    }
  });
}
