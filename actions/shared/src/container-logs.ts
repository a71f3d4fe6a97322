// A container's own log lines, read back from CloudWatch Logs: where the awslogs driver writes them (from the
// task definition), the last N lines once (for a failure reason), and a forward reader that streams a running
// task's lines, each once and in order. Transport-agnostic: the calls go through a `LogsReader` (see
// logs-api.ts for the signed HTTP one), so this module has no SDK import and is unit-testable with a fake.
import { classifyError } from './retry.js';
import { errorMessage, errorName } from './errors.js';

/** Where one container of one task writes its log (the awslogs driver's stream naming). */
export interface LogLocation {
  container: string;
  group: string;
  region: string;
  /** `<awslogs-stream-prefix>/<container name>/<task id>` */
  stream: string;
}

/** Why no location can be given (no awslogs driver, no stream prefix, ...), in words for a person. */
export interface LogLocationUnavailable {
  unavailable: string;
}

/** The part of a container definition this module reads (the SDK's ContainerDefinition fits). */
export interface ContainerLogConfig {
  name?: string;
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
}

export interface LogEvent {
  timestamp?: number;
  message?: string;
  ingestionTime?: number;
}

export interface GetLogEventsInput {
  logGroupName: string;
  logStreamName: string;
  startFromHead?: boolean;
  nextToken?: string;
  limit?: number;
}

export interface GetLogEventsOutput {
  events?: LogEvent[];
  nextForwardToken?: string;
  nextBackwardToken?: string;
}

/** The CloudWatch Logs call this module needs; `signal` bounds it in time. */
export interface LogsReader {
  getLogEvents(input: GetLogEventsInput, signal?: AbortSignal): Promise<GetLogEventsOutput>;
}

/** The task id at the end of a task ARN (`arn:aws:ecs:<region>:<account>:task/<cluster>/<id>`), or the id. */
export function taskIdOf(taskArn: string): string {
  return taskArn.split('/').pop() ?? taskArn;
}

/**
 * The awslogs settings of a container: group, region (default: the task's region) and stream prefix. Any
 * other driver, or awslogs without a stream prefix (the stream is then named after the Docker container id,
 * which ECS does not report), gives a reason instead.
 */
export function awslogsSettings(
  container: ContainerLogConfig,
  defaultRegion: string,
): { group: string; region: string; streamPrefix: string } | LogLocationUnavailable {
  const name = container.name ?? '(unnamed)';
  const cfg = container.logConfiguration;
  if (!cfg?.logDriver)
    return { unavailable: `container ${name} has no logConfiguration (add the awslogs log driver)` };
  if (cfg.logDriver !== 'awslogs')
    return {
      unavailable: `container ${name} logs with ${cfg.logDriver}, not awslogs; slipway reads CloudWatch Logs written by awslogs only`,
    };
  const options = cfg.options ?? {};
  const group = options['awslogs-group'];
  if (!group) return { unavailable: `container ${name}'s awslogs options have no awslogs-group` };
  const streamPrefix = options['awslogs-stream-prefix'];
  if (!streamPrefix)
    return {
      unavailable: `container ${name}'s awslogs options have no awslogs-stream-prefix, so its stream cannot be found from the task id`,
    };
  return { group, region: options['awslogs-region'] || defaultRegion, streamPrefix };
}

/** The log location of `container` in a task definition, for the task `taskArn`. */
export function containerLogLocation(
  taskDefinition: { containerDefinitions?: ContainerLogConfig[] },
  container: string,
  taskArn: string,
  defaultRegion: string,
): LogLocation | LogLocationUnavailable {
  const def = (taskDefinition.containerDefinitions ?? []).find((c) => c.name === container);
  if (!def) return { unavailable: `the task definition has no container named ${container}` };
  const settings = awslogsSettings(def, defaultRegion);
  if ('unavailable' in settings) return settings;
  return {
    container,
    group: settings.group,
    region: settings.region,
    stream: `${settings.streamPrefix}/${container}/${taskIdOf(taskArn)}`,
  };
}

/** The CloudWatch console page of a log stream. */
export function logStreamUrl(location: LogLocation): string {
  // The console's own escaping of a hash-route path segment: encodeURIComponent, then `%` → `$25`.
  const esc = (s: string) => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$');
  return `https://${location.region}.console.aws.amazon.com/cloudwatch/home?region=${location.region}#logsV2:log-groups/log-group/${esc(location.group)}/log-events/${esc(location.stream)}`;
}

/** Splits events into lines (one event may hold several lines); a trailing newline adds no empty line. */
export function eventLines(events: LogEvent[]): string[] {
  const lines: string[] = [];
  for (const e of events) {
    const text = (e.message ?? '').replace(/\r?\n$/, '');
    lines.push(...text.split(/\r?\n/));
  }
  return lines;
}

export type TailResult = { lines: string[] } | { unavailable: string };

/** Why a Logs call failed, for a person: the permission to grant, the stream that is not there yet, ... */
export function logsFailureReason(err: unknown, location: LogLocation): string {
  const name = errorName(err);
  switch (classifyError(err)) {
    case 'access-denied':
      return `reading ${location.group} was denied: the role needs logs:GetLogEvents on that log group (${errorMessage(err)})`;
    case 'throttling':
      return `CloudWatch Logs throttled the request (${name || 'throttled'})`;
    default:
      if (name === 'ResourceNotFoundException')
        return `log stream ${location.stream} in ${location.group} does not exist (the container may not have started)`;
      if (name === 'AbortError' || name === 'TimeoutError') return 'CloudWatch Logs did not answer in time';
      return `CloudWatch Logs answered ${name || 'an error'}: ${errorMessage(err)}`;
  }
}

/**
 * The last `n` lines of a container's log, read once (one GetLogEvents from the tail). Never throws and never
 * takes longer than `timeoutMs`: a missing permission, a stream that does not exist, throttling or a slow
 * endpoint all come back as `{ unavailable: reason }`, so a caller can add the lines to a failure reason
 * without ever failing or delaying the verdict because of them.
 */
export async function tailLines(
  client: LogsReader,
  location: LogLocation,
  n: number,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): Promise<TailResult> {
  if (n <= 0) return { lines: [] };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<TailResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ unavailable: `CloudWatch Logs did not answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const read = (async (): Promise<TailResult> => {
    try {
      const res = await client.getLogEvents(
        {
          logGroupName: location.group,
          logStreamName: location.stream,
          startFromHead: false,
          limit: Math.min(10_000, n),
        },
        controller.signal,
      );
      const lines = eventLines(res.events ?? []);
      return { lines: lines.slice(-n) };
    } catch (err) {
      return { unavailable: logsFailureReason(err, location) };
    }
  })();
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface LogStreamPoll {
  /** New lines since the last poll, in order, each exactly once. */
  lines: string[];
  /** The stream does not exist yet (task still starting). */
  notYet?: boolean;
  /** This poll stopped early (throttled, slow, 5xx); the next poll continues where it stopped. */
  interrupted?: string;
  /** Reading is impossible (no permission): the reader stops; the reason is for one warning. */
  disabled?: string;
}

/**
 * Streams one log stream forward from its head: GetLogEvents with startFromHead and nextForwardToken. A token
 * is only advanced after its page has been handed out, so a throttled or failed page is asked for again with
 * the same token at the next poll: no line is lost and none is repeated. The end of the stream is where the
 * answer's nextForwardToken equals the token sent.
 */
export class LogStreamReader {
  private token: string | undefined;
  private disabledReason: string | undefined;
  /** Lines handed out so far. */
  delivered = 0;

  constructor(
    private readonly client: LogsReader,
    readonly location: LogLocation,
    private readonly opts: { maxPagesPerPoll?: number; callTimeoutMs?: number } = {},
  ) {}

  get disabled(): string | undefined {
    return this.disabledReason;
  }

  async poll(): Promise<LogStreamPoll> {
    if (this.disabledReason) return { lines: [], disabled: this.disabledReason };
    const lines: string[] = [];
    const maxPages = this.opts.maxPagesPerPoll ?? 20;
    for (let page = 0; page < maxPages; page++) {
      let res: GetLogEventsOutput;
      try {
        res = await this.client.getLogEvents(
          {
            logGroupName: this.location.group,
            logStreamName: this.location.stream,
            startFromHead: true,
            ...(this.token ? { nextToken: this.token } : {}),
          },
          AbortSignal.timeout(this.opts.callTimeoutMs ?? 10_000),
        );
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException' && this.token === undefined)
          return { lines, notYet: true };
        if (classifyError(err) === 'access-denied') {
          this.disabledReason = logsFailureReason(err, this.location);
          return { lines, disabled: this.disabledReason };
        }
        return { lines, interrupted: logsFailureReason(err, this.location) };
      }
      const events = res.events ?? [];
      const got = eventLines(events);
      lines.push(...got);
      this.delivered += got.length;
      const next = res.nextForwardToken;
      const atEnd = !next || next === this.token || events.length === 0;
      if (next) this.token = next;
      if (atEnd) break;
    }
    return { lines };
  }
}
