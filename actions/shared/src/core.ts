// The GitHub runner's workflow-command protocol, as slipway's actions use it: the part of @actions/core they
// need, with the same names and the same encoding, without its 490 KB bundle. Every deploy step pays an
// action's start-up, and @actions/core alone costs ~90 ms of it on Node 24 (see bench/). aws-auth requests
// its OIDC token with Node's fetch (actions/aws-auth/src/oidc-token.ts) rather than @actions/core's client.
import { appendFileSync, existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

function toCommandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value,...::message` on stdout. */
export function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

function annotation(props: AnnotationProperties = {}): Record<string, unknown> {
  return {
    title: props.title,
    file: props.file,
    line: props.startLine,
    endLine: props.endLine,
    col: props.startColumn,
    endColumn: props.endColumn,
  };
}

/** `name<<delimiter` blocks in a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file. */
function fileCommand(envVar: string, name: string, value: unknown): boolean {
  const path = process.env[envVar];
  if (!path) return false;
  if (!existsSync(path)) throw new Error(`the runner's ${envVar} file ${path} does not exist`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const text = toCommandValue(value);
  if (name.includes(delimiter) || text.includes(delimiter))
    throw new Error(`unexpected input: ${envVar} name or value contains the delimiter`);
  appendFileSync(path, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}
export function debug(message: string): void {
  issueCommand('debug', {}, message);
}
export function notice(message: string | Error, props?: AnnotationProperties): void {
  issueCommand('notice', annotation(props), message instanceof Error ? message.toString() : message);
}
export function warning(message: string | Error, props?: AnnotationProperties): void {
  issueCommand('warning', annotation(props), message instanceof Error ? message.toString() : message);
}
export function error(message: string | Error, props?: AnnotationProperties): void {
  issueCommand('error', annotation(props), message instanceof Error ? message.toString() : message);
}
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}
export function setOutput(name: string, value: unknown): void {
  if (!fileCommand('GITHUB_OUTPUT', name, value)) {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
  }
}
export function exportVariable(name: string, value: unknown): void {
  process.env[name] = toCommandValue(value);
  if (!fileCommand('GITHUB_ENV', name, value)) issueCommand('set-env', { name }, toCommandValue(value));
}
export function saveState(name: string, value: unknown): void {
  if (!fileCommand('GITHUB_STATE', name, value)) issueCommand('save-state', { name }, toCommandValue(value));
}
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}
export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}
export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
