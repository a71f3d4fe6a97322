import { getExecOutput } from '@actions/exec';
import { ActionError } from '../../shared/src/errors.js';

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DockerRunOptions {
  /** Bytes written to stdin (then closed); the only way a password is handed to docker. */
  input?: Buffer;
  /** Extra environment for this invocation, on top of the action's own. */
  env?: Record<string, string>;
  /** Capture without echoing the output to the log. */
  silent?: boolean;
}

/** The docker CLI, behind an interface so that the logic can be tested without a Docker engine. */
export interface Docker {
  run(args: string[], opts?: DockerRunOptions): Promise<DockerResult>;
}

/** The real CLI through @actions/exec (which echoes the command line: never put a secret in args). */
export function cliDocker(): Docker {
  return {
    async run(args, opts = {}) {
      try {
        const res = await getExecOutput('docker', args, {
          ignoreReturnCode: true,
          silent: opts.silent ?? false,
          ...(opts.input ? { input: opts.input } : {}),
          env: { ...(process.env as Record<string, string>), ...(opts.env ?? {}) },
        });
        return { code: res.exitCode, stdout: res.stdout, stderr: res.stderr };
      } catch (err) {
        throw new ActionError(
          `could not run docker (${err instanceof Error ? err.message : String(err)}): this action needs the docker CLI with the buildx plugin, as on GitHub's ubuntu runners`,
        );
      }
    },
  };
}

function lastLines(text: string, n = 5): string {
  return text.trim().split('\n').slice(-n).join(' / ');
}

export async function mustRun(
  docker: Docker,
  what: string,
  args: string[],
  opts?: DockerRunOptions,
): Promise<DockerResult> {
  const res = await docker.run(args, opts);
  if (res.code !== 0) {
    throw new ActionError(
      `${what} failed (docker ${args.slice(0, 3).join(' ')} exited ${res.code}): ${lastLines(res.stderr || res.stdout)}`,
    );
  }
  return res;
}

export async function buildxVersion(docker: Docker): Promise<string> {
  const res = await docker.run(['buildx', 'version'], { silent: true });
  if (res.code !== 0) {
    throw new ActionError(
      `docker buildx is not available (${lastLines(res.stderr || res.stdout)}); install the buildx plugin or use a GitHub-hosted ubuntu runner`,
    );
  }
  return res.stdout.trim();
}

/** `docker login --password-stdin`: the password is written to stdin, never placed on the command line. */
export async function login(
  docker: Docker,
  registry: string,
  username: string,
  password: string,
): Promise<void> {
  await mustRun(
    docker,
    `docker login to ${registry}`,
    ['login', '--username', username, '--password-stdin', registry],
    {
      input: Buffer.from(password, 'utf8'),
    },
  );
}

export async function logout(docker: Docker, registry: string): Promise<DockerResult> {
  return docker.run(['logout', registry]);
}

/** The driver of a builder (`docker`, `docker-container`, ...), or undefined when it does not exist. */
export async function builderDriver(docker: Docker, name?: string): Promise<string | undefined> {
  const res = await docker.run(['buildx', 'inspect', ...(name ? [name] : [])], { silent: true });
  if (res.code !== 0) return undefined;
  return /^Driver:\s+(\S+)/m.exec(res.stdout)?.[1];
}

export async function createContainerBuilder(docker: Docker, name: string): Promise<void> {
  await mustRun(docker, `creating the docker-container builder ${name}`, [
    'buildx',
    'create',
    '--name',
    name,
    '--driver',
    'docker-container',
    '--bootstrap',
  ]);
}

export async function removeBuilder(docker: Docker, name: string): Promise<DockerResult> {
  return docker.run(['buildx', 'rm', name]);
}

/** binfmt image that registers QEMU handlers; pinned to a release tag, never :latest. */
export const BINFMT_IMAGE = 'docker.io/tonistiigi/binfmt:qemu-v9.2.2';

/** Registers QEMU emulators for the given architectures; returns the platforms binfmt reports as supported. */
export async function installQemu(docker: Docker, architectures: string[]): Promise<string[] | undefined> {
  const res = await mustRun(docker, 'installing QEMU emulation', [
    'run',
    '--privileged',
    '--rm',
    BINFMT_IMAGE,
    '--install',
    architectures.join(','),
  ]);
  // binfmt prints its status as JSON: {"supported": ["linux/amd64", ...], "emulators": [...]}.
  const start = res.stdout.indexOf('{');
  if (start < 0) return undefined;
  try {
    const status = JSON.parse(res.stdout.slice(start)) as { supported?: unknown };
    return Array.isArray(status.supported) ? status.supported.map(String) : undefined;
  } catch {
    return undefined;
  }
}

export async function imagetoolsInspect(docker: Docker, ref: string, format: string): Promise<unknown> {
  const res = await mustRun(
    docker,
    `inspecting ${ref}`,
    ['buildx', 'imagetools', 'inspect', ref, '--format', format],
    {
      silent: true,
    },
  );
  try {
    return JSON.parse(res.stdout) as unknown;
  } catch {
    throw new ActionError(
      `docker buildx imagetools inspect ${ref} did not print JSON: ${lastLines(res.stdout)}`,
    );
  }
}
