import { BACKWARDS, END, KurrentDBClient, UnavailableError } from '@kurrent/kurrentdb-client';
import type { GlobalPosition } from '../event-store.port';
import {
  DeadlineError,
  isTransientError,
  normaliseConnectionString,
  retryDelayMs,
  toGlobalPosition,
} from './kurrentdb-mapping';

export type ConnectionOptions = {
  /** Longest wait for one operation (a read, an append, a tombstone) before it counts as failed. */
  readonly deadlineMs: number;
  /** Attempts of an operation when it fails with a transient error (a failover, a restart). */
  readonly attempts: number;
  /** Upper bound of the wait between attempts (it doubles from 100 ms). */
  readonly maxRetryDelayMs: number;
};

/** How long a replaced client lives on, so that calls already running on it can finish. */
const RETIRED_CLIENT_GRACE_MS = 10_000;

/**
 * The adapter's connection to KurrentDB: the official client, a deadline on every operation and
 * a bounded retry of transient failures.
 *
 * It also replaces the client when its reads cannot recover. The client reads through a Rust
 * bridge whose connection task ends for good when it fails to reach a node it has never been
 * connected to (the node is down when the process starts, or the leader it was sent to is not
 * up yet): from then on every read fails with UnavailableError while appends, which use the
 * client's other (grpc-js) channel, still work. A read failing as unavailable therefore gets a
 * fresh client for its next attempt; the old one is disposed once calls still on it had time to
 * finish.
 */
export class KurrentDbConnection {
  private current: KurrentDBClient;
  private readonly retired = new Map<NodeJS.Timeout, KurrentDBClient>();
  private readonly connectionString: string;
  private closed = false;

  constructor(
    connectionString: string,
    readonly options: ConnectionOptions,
  ) {
    this.connectionString = normaliseConnectionString(connectionString);
    this.current = KurrentDBClient.connectionString(this.connectionString);
  }

  get client(): KurrentDBClient {
    return this.current;
  }

  /**
   * Runs `operation` until it succeeds, fails with an error retrying cannot cure, or runs out of
   * attempts; each attempt is bounded by the deadline. `what` names it in errors (no data).
   */
  async run<T>(what: string, operation: (client: KurrentDBClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = this.current;
      try {
        return await this.withDeadline(what, operation(client));
      } catch (error) {
        if (this.closed || !isTransientError(error) || attempt >= this.options.attempts)
          throw error;
        if (error instanceof UnavailableError) this.replace(client);
        await pause(retryDelayMs(attempt, this.options.maxRetryDelayMs));
      }
    }
  }

  /** Position of the last record of the whole log (any record, system ones too), on the leader. */
  logEnd(): Promise<GlobalPosition | undefined> {
    return this.run('the end of the log', async (client) => {
      for await (const resolved of client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        requiresLeader: true,
      })) {
        if (resolved.event !== undefined) return toGlobalPosition(resolved.event.position);
      }
      return undefined;
    });
  }

  /** Settles like `promise`, or rejects with DeadlineError once the deadline has passed. */
  withDeadline<T>(what: string, promise: Promise<T>): Promise<T> {
    // The operation may settle after the deadline, when nobody listens any more.
    promise.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DeadlineError(what, this.options.deadlineMs)),
        this.options.deadlineMs,
      );
    });
    return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
  }

  /** Swaps in a fresh client unless someone already replaced `failed`. */
  replace(failed: KurrentDBClient): void {
    if (this.closed || failed !== this.current) return;
    this.current = KurrentDBClient.connectionString(this.connectionString);
    const timer = setTimeout(() => {
      this.retired.delete(timer);
      void failed.dispose().catch(() => undefined);
    }, RETIRED_CLIENT_GRACE_MS);
    timer.unref();
    this.retired.set(timer, failed);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const clients = [this.current, ...this.retired.values()];
    for (const timer of this.retired.keys()) clearTimeout(timer);
    this.retired.clear();
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
