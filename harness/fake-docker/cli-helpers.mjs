// Helpers of the fake docker CLI process (cli.mjs, buildx-build.mjs; see ../fake-docker.mjs): reading flags
// from argv as docker does (`--name v` or `--name=v`), sha256 digests, failing like the CLI (a message on
// stderr and an exit code), stdin, and the state file kept between invocations of one test.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

/** The value of the first `name` flag (`name v` or `name=v`); undefined when absent. */
export function option(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/** The values of every `name v` flag, in order. */
export function options(argv, name) {
  const values = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === name) values.push(argv[i + 1]);
  return values;
}

export const sha256 = (data) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** Writes `message` to stderr and exits with `code`, as a failing docker command does. */
export function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** All of stdin (empty when there is none). */
export function readStdin() {
  try {
    return readFileSync(0);
  } catch {
    return Buffer.alloc(0);
  }
}

/** Builders created, images pushed and registries logged into by earlier invocations. */
export function loadState(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { builders: {}, images: {}, logins: [] };
}
