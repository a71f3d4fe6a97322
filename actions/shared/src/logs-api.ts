// CloudWatch Logs' two read calls (GetLogEvents, FilterLogEvents) as signed JSON requests, without
// @aws-sdk/client-cloudwatch-logs (not a dependency; ~600 KB more in every bundle that reads logs). The
// credentials and the SHA-256 implementation come from an SDK client the action already has (so the same
// provider chain applies: environment, web identity, SSO, ...), the signature from @smithy/signature-v4,
// which that client itself signs with. The endpoint honours AWS_ENDPOINT_URL_CLOUDWATCH_LOGS and
// AWS_ENDPOINT_URL, as the SDK would. No retries here: callers decide (see container-logs.ts).
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, ChecksumConstructor, HashConstructor } from '@smithy/types';
import { SLIPWAY_VERSION } from './version.js';
import type { GetLogEventsInput, GetLogEventsOutput, LogEvent, LogsReader } from './container-logs.js';

export interface FilterLogEventsInput {
  logGroupName: string;
  logStreamNames?: string[];
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  limit?: number;
}
export interface FilterLogEventsOutput {
  events?: Array<LogEvent & { logStreamName?: string; eventId?: string }>;
  nextToken?: string;
}

/** The parts of an SDK client's resolved config used to sign (any v3 client's `client.config` has them). */
export interface SigningSource {
  credentials: AwsCredentialIdentityProvider;
  sha256: ChecksumConstructor | HashConstructor;
}

/** An error answered by CloudWatch Logs, shaped like the SDK's (name, $metadata) so retry.ts classifies it. */
export class LogsServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

export function logsEndpoint(region: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured =
    env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true'
      ? undefined
      : env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS || env.AWS_ENDPOINT_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://logs.${region}.${suffix}`;
}

export class CloudWatchLogsApi implements LogsReader {
  private readonly signer: SignatureV4;
  private readonly url: URL;
  /** Calls sent, by operation. */
  readonly calls = new Map<string, number>();

  constructor(
    readonly region: string,
    source: SigningSource,
    endpoint: string = logsEndpoint(region),
  ) {
    this.url = new URL(endpoint);
    this.signer = new SignatureV4({
      credentials: source.credentials,
      region,
      service: 'logs',
      sha256: source.sha256,
      applyChecksum: false,
    });
  }

  getLogEvents(input: GetLogEventsInput, signal?: AbortSignal): Promise<GetLogEventsOutput> {
    return this.call<GetLogEventsOutput>('GetLogEvents', input, signal);
  }

  filterLogEvents(input: FilterLogEventsInput, signal?: AbortSignal): Promise<FilterLogEventsOutput> {
    return this.call<FilterLogEventsOutput>('FilterLogEvents', input, signal);
  }

  private async call<T>(operation: string, input: object, signal?: AbortSignal): Promise<T> {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
    const body = JSON.stringify(input);
    const path = this.url.pathname === '' ? '/' : this.url.pathname;
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.url.protocol,
      hostname: this.url.hostname,
      port: this.url.port ? Number(this.url.port) : undefined,
      path,
      query: {},
      headers: {
        host: this.url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `Logs_20140328.${operation}`,
        'user-agent': `slipway/${SLIPWAY_VERSION}`,
      },
      body,
    });
    const res = await fetch(new URL(path, this.url), {
      method: 'POST',
      headers: signed.headers,
      body,
      ...(signal ? { signal } : {}),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new LogsServiceError(
        res.status >= 500 ? 'ServiceUnavailable' : 'SyntaxError',
        `Deserialization error: CloudWatch Logs answered HTTP ${res.status} with a body that is not JSON`,
        res.status,
      );
    }
    if (!res.ok) {
      const e = (parsed ?? {}) as { __type?: string; message?: string; Message?: string };
      const name = String(e.__type ?? `HTTP${res.status}`)
        .split('#')
        .pop()!;
      throw new LogsServiceError(name, e.message ?? e.Message ?? `HTTP ${res.status}`, res.status);
    }
    return parsed as T;
  }
}
