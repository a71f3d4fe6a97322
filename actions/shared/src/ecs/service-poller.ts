// One DescribeServices stream for every watch of a step: the API takes 10 services a call, so watching N
// services in one cluster costs ⌈N/10⌉ calls a poll, not N. Requests that arrive within a few milliseconds
// of each other are sent together, and each call is filled up with the other watched services whose last
// answer is getting old, so that watches polling at the same pace share their calls.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs-api.js';

type Answer = Service | { missing: string };

interface Waiter {
  resolve: (a: Answer) => void;
  reject: (e: unknown) => void;
}

export interface ServicePollerOptions {
  /** How long requests are gathered before a batch is sent (ms). */
  windowMs?: number;
  /** An answer younger than this is shared with a watch that asks again (ms). */
  freshMs?: number;
  now?: () => number;
}

export class ServicePoller {
  private readonly watched = new Set<string>();
  private readonly cache = new Map<string, { at: number; answer: Answer }>();
  private queue = new Map<string, Waiter[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly windowMs: number;
  private readonly freshMs: number;
  private readonly now: () => number;

  constructor(
    private readonly api: Pick<EcsApi, 'describeServices'>,
    private readonly cluster: string,
    opts: ServicePollerOptions = {},
  ) {
    this.windowMs = opts.windowMs ?? 20;
    this.freshMs = opts.freshMs ?? 300;
    this.now = opts.now ?? Date.now;
  }

  /** A service being watched: its answer may be fetched along with the others'. */
  watch(service: string): void {
    this.watched.add(service);
  }

  unwatch(service: string): void {
    this.watched.delete(service);
  }

  /** Forget the last answer (after a change was sent: an answer from before it must not be shared). */
  invalidate(service: string): void {
    this.cache.delete(service);
  }

  /** The service as ECS describes it now (an answer at most `freshMs` old). */
  describe(service: string): Promise<Answer> {
    const hit = this.cache.get(service);
    if (hit && this.now() - hit.at < this.freshMs) return Promise.resolve(hit.answer);
    return new Promise<Answer>((resolve, reject) => {
      const list = this.queue.get(service) ?? [];
      list.push({ resolve, reject });
      this.queue.set(service, list);
      // While watches run, requests are gathered for a few ms so that they share calls; before any watch
      // (the describe ahead of a change) nothing else is coming, so the call goes out at once: this is the
      // step's first request, and every step pays its start-up.
      this.timer ??= setTimeout(() => void this.flush(), this.watched.size > 0 ? this.windowMs : 0);
    });
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const queue = this.queue;
    this.queue = new Map();
    const asked = [...queue.keys()];
    const batches = Math.ceil(asked.length / 10);
    // Fill the calls we must send anyway with watched services whose answer is oldest.
    const t = this.now();
    const extra = [...this.watched]
      .filter((s) => !queue.has(s))
      .map((s) => ({ s, age: t - (this.cache.get(s)?.at ?? 0) }))
      .filter((x) => x.age >= this.freshMs / 2)
      .sort((a, b) => b.age - a.age)
      .map((x) => x.s)
      .slice(0, batches * 10 - asked.length);
    const names = [...asked, ...extra];
    const chunks: string[][] = [];
    for (let i = 0; i < names.length; i += 10) chunks.push(names.slice(i, i + 10));
    await Promise.all(
      chunks.map(async (chunk) => {
        try {
          const answers = await this.api.describeServices(this.cluster, chunk);
          const at = this.now();
          for (const [name, answer] of answers) {
            this.cache.set(name, { at, answer });
            for (const w of queue.get(name) ?? []) w.resolve(answer);
          }
        } catch (err) {
          for (const name of chunk) for (const w of queue.get(name) ?? []) w.reject(err);
        }
      }),
    );
  }
}
