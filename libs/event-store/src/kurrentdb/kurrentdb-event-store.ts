import {
  BACKWARDS,
  END,
  KurrentDBClient,
  START,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
} from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  RecordedEvent,
} from '@kurrent/kurrentdb-client';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  FollowOptions,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  StoredEvent,
} from '../event-store.port';
import {
  SubscriptionEndedError,
  findRetriedAppend,
  isAfter,
  isStreamDeletedError,
  isStreamNotFoundError,
  isTransientError,
  isUserEvent,
  matchesExpectation,
  normaliseConnectionString,
  observedStreamState,
  resubscribeDelayMs,
  toEventData,
  toGlobalPosition,
  toPortError,
  toReadPosition,
  toStoredEvent,
} from './kurrentdb-mapping';

/** The part of the client the adapter uses; tests substitute a scripted double. */
export type KurrentDbClientLike = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'tombstoneStream' | 'dispose'
>;

export type KurrentDbEventStoreOptions = {
  /**
   * While following, how old (ms) the knowledge of deleted streams may get before it is
   * refreshed. Reads of pages (`readAll`, `headPosition`) always refresh it first.
   */
  readonly deletedStreamsMaxAgeMs?: number;
  /** Upper bound of the wait before re-opening a failed subscription. */
  readonly maxResubscribeDelayMs?: number;
};

/** Attempts of one append when a concurrent writer moves the stream between check and write. */
const MAX_APPEND_ATTEMPTS = 10;
/** Events buffered from a subscription before it is paused (gRPC flow control does the rest). */
const SUBSCRIPTION_HIGH_WATER = 512;
const SUBSCRIPTION_LOW_WATER = 128;
const HEAD_PAGE_SIZE = 100;
const UNSUBSCRIBE_TIMEOUT_MS = 1000;
/** Event type of the record the server writes into a stream when it is tombstoned. */
const TOMBSTONE_EVENT_TYPE_REGEX = '^\\$streamDeleted$';

/**
 * The production EventStore: KurrentDB (formerly EventStoreDB) through the official gRPC client.
 * Streams map one to one; the port's global position is the event's commit position in `$all`
 * (see kurrentdb-mapping.ts for why that is unique and increasing).
 *
 * Where the server's behaviour differs from the port, the adapter closes the gap:
 * - Idempotency: the server only deduplicates a retry when it carries the same expected
 *   revision as the original write (and only best-effort with `any`). A Stegvis retry re-reads
 *   the stream and appends with the *new* revision, which the server would happily store twice.
 *   So every append first reads the stream: when all ids are already there it answers with the
 *   stored revision and position without writing. The check is made atomic with the write by
 *   always sending the revision it observed (never `any`) and starting over on a conflict.
 * - Erasure: a tombstone hides the stream from stream reads at once, but `$all` returns its
 *   earlier events until a scavenge removes them from disk. The adapter keeps an index of
 *   tombstoned streams (built from the `$streamDeleted` records in `$all`) and drops their events
 *   from readAll, follow and headPosition.
 *
 * Divergence from the SQLite adapter: an id reused in a *different* stream is not detected (the
 * server has no index by event id); within a stream the rules are the same.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDbClientLike;
  private readonly deletedStreams: DeletedStreamIndex;
  private readonly deletedStreamsMaxAgeMs: number;
  private readonly maxResubscribeDelayMs: number;
  private closed = false;

  /** `connectionString`: `esdb://…` or `kurrentdb://…`, e.g. `kurrentdb://host:2113?tls=false`. */
  constructor(connectionString: string, options?: KurrentDbEventStoreOptions);
  constructor(client: KurrentDbClientLike, options?: KurrentDbEventStoreOptions);
  constructor(source: string | KurrentDbClientLike, options: KurrentDbEventStoreOptions = {}) {
    this.client =
      typeof source === 'string'
        ? KurrentDBClient.connectionString(normaliseConnectionString(source))
        : source;
    this.deletedStreams = new DeletedStreamIndex(this.client);
    this.deletedStreamsMaxAgeMs = options.deletedStreamsMaxAgeMs ?? 1000;
    this.maxResubscribeDelayMs = options.maxResubscribeDelayMs ?? 5000;
  }

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let conflict: unknown;
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt += 1) {
      // Read from the leader: a follower may lag and make the check see an older stream.
      const stored = await this.readStoredStream(streamName, true);

      const retried = findRetriedAppend(streamName, events, stored);
      if (retried) return retried;

      const last = stored.at(-1);
      const actual = last?.revision;
      if (!matchesExpectation(expected, actual)) {
        throw new WrongExpectedRevisionError(streamName, expected, actual);
      }
      if (events.length === 0) {
        return last === undefined
          ? { revision: -1, position: -1n }
          : { revision: last.revision, position: last.position };
      }

      try {
        const result = await this.client.appendToStream(streamName, events.map(toEventData), {
          streamState: observedStreamState(actual),
          requiresLeader: true,
        });
        const revision = Number(result.nextExpectedRevision);
        return { revision, position: await this.positionOf(streamName, revision) };
      } catch (error) {
        // Someone wrote between our read and our write. Reading again decides: the same ids
        // (a concurrent retry) → no-op; a failed expectation → WrongExpectedRevisionError; `any`
        // or `stream_exists` still satisfied → write again on top.
        if (!(error instanceof WrongExpectedVersionError)) {
          throw toPortError(error, streamName, expected);
        }
        conflict = error;
      }
    }
    throw toPortError(conflict, streamName, expected);
  }

  async readStream(streamName: string): Promise<StoredEvent[]> {
    try {
      return await this.readStoredStream(streamName, false);
    } catch (error) {
      if (error instanceof StreamDeletedError) return [];
      throw error;
    }
  }

  async isDeleted(streamName: string): Promise<boolean> {
    if (this.deletedStreams.has(streamName)) return true;
    try {
      for await (const _ of this.client.readStream(streamName, { maxCount: 1 })) break;
      return false;
    } catch (error) {
      if (isStreamDeletedError(error)) {
        this.deletedStreams.add(streamName);
        return true;
      }
      if (isStreamNotFoundError(error)) return false;
      throw error;
    }
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const { after, limit } = options;
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new RangeError(`readAll: limit must be a non-negative integer, got ${limit}`);
    }
    const page: StoredEvent[] = [];
    let cursor = after;
    while (page.length < limit) {
      // Reading forwards from a position returns the event at it again: ask for one more.
      const wanted = limit - page.length + (cursor === undefined ? 0 : 1);
      const candidates: RecordedEvent[] = [];
      let received = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: cursor === undefined ? START : toReadPosition(cursor),
        maxCount: wanted,
        filter: excludeSystemEvents(),
      })) {
        received += 1;
        const recorded = resolved.event;
        if (recorded === undefined) continue;
        const position = toGlobalPosition(recorded.position);
        if (!isAfter(position, cursor)) continue;
        cursor = position;
        if (isUserEvent(recorded)) candidates.push(recorded);
      }
      // After the read, so that a stream tombstoned before the read is known to be deleted.
      await this.deletedStreams.refresh();
      for (const recorded of candidates) {
        if (page.length === limit) break;
        if (!this.deletedStreams.has(recorded.streamId)) page.push(toStoredEvent(recorded));
      }
      // The server fills a filtered read up to maxCount unless the log ends first.
      if (received < wanted) break;
    }
    return page;
  }

  async *follow(options: FollowOptions): AsyncGenerator<StoredEvent, void, undefined> {
    const { signal } = options;
    let cursor = options.after;
    let failures = 0;
    while (!signal.aborted && !this.closed) {
      let reader: SubscriptionReader | undefined;
      try {
        await this.deletedStreams.refresh();
        reader = new SubscriptionReader(
          this.client.subscribeToAll({
            fromPosition: cursor === undefined ? START : toReadPosition(cursor),
            filter: excludeSystemEvents(),
          }),
        );
        for (;;) {
          const next = await reader.next(signal);
          if (next.kind === 'aborted') return;
          if (next.kind === 'error') throw next.error;
          if (next.kind === 'end') throw new SubscriptionEndedError();
          const recorded = next.event.event;
          if (recorded === undefined) continue;
          const position = toGlobalPosition(recorded.position);
          if (!isAfter(position, cursor)) continue;
          if (isUserEvent(recorded)) {
            await this.deletedStreams.refreshIfOlderThan(this.deletedStreamsMaxAgeMs);
            if (!this.deletedStreams.has(recorded.streamId)) {
              const event = toStoredEvent(recorded);
              cursor = position;
              failures = 0;
              yield event;
              if (signal.aborted) return;
              continue;
            }
          }
          cursor = position;
        }
      } catch (error) {
        if (signal.aborted || this.closed) return;
        if (!isTransientError(error)) throw error;
        // Re-open from the last position seen; the wait grows but stays bounded, so the
        // projection resumes soon after the server is back.
        failures += 1;
        await sleep(resubscribeDelayMs(failures, this.maxResubscribeDelayMs), signal);
      } finally {
        await reader?.dispose();
      }
    }
  }

  /**
   * Checks the newest candidates' streams one by one rather than refreshing the index of
   * deleted streams: readiness probes call this often, and the first refresh of the index scans
   * the whole log.
   */
  async headPosition(): Promise<GlobalPosition | undefined> {
    let before: GlobalPosition | undefined;
    for (;;) {
      const candidates: { readonly streamName: string; readonly position: GlobalPosition }[] = [];
      let received = 0;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: before === undefined ? END : toReadPosition(before),
        maxCount: HEAD_PAGE_SIZE,
        filter: excludeSystemEvents(),
      })) {
        received += 1;
        const recorded = resolved.event;
        if (recorded === undefined) continue;
        const position = toGlobalPosition(recorded.position);
        if (before !== undefined && position >= before) continue;
        before = position;
        if (isUserEvent(recorded)) candidates.push({ streamName: recorded.streamId, position });
      }
      for (const { streamName, position } of candidates) {
        if (!(await this.isDeleted(streamName))) return position;
      }
      if (received < HEAD_PAGE_SIZE || before === undefined) return undefined;
    }
  }

  /**
   * Tombstones the stream (a hard delete): it can never be written or read again, and the
   * adapter hides its events from `$all` at once. The data itself stays in the database files
   * until the next scavenge physically removes it, so operators must scavenge after erasures
   * (see docs/production.md). A soft delete would not do: the stream could be recreated and its
   * events brought back by changing its metadata.
   */
  async deleteStream(streamName: string): Promise<void> {
    try {
      await this.client.tombstoneStream(streamName, { requiresLeader: true });
    } catch (error) {
      // Tombstoning twice fails with "stream deleted": the erasure already happened.
      if (!isStreamDeletedError(error)) throw error;
    }
    this.deletedStreams.add(streamName);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  /** The stream's events; [] when it does not exist; port StreamDeletedError when tombstoned. */
  private async readStoredStream(
    streamName: string,
    requiresLeader: boolean,
  ): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, { requiresLeader })) {
        if (resolved.event !== undefined) events.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (isStreamNotFoundError(error)) return [];
      if (isStreamDeletedError(error)) {
        this.deletedStreams.add(streamName);
        throw new StreamDeletedError(streamName);
      }
      throw error;
    }
    return events;
  }

  /**
   * The global position of the event at `revision`. The append answer carries a single
   * position for the whole batch, and which event's it is has changed between server versions,
   * so the adapter reads the last appended event back instead (one indexed read, on the leader
   * so that it is certainly there).
   */
  private async positionOf(streamName: string, revision: number): Promise<GlobalPosition> {
    for await (const resolved of this.client.readStream(streamName, {
      fromRevision: BigInt(revision),
      maxCount: 1,
      requiresLeader: true,
    })) {
      if (resolved.event !== undefined) return toGlobalPosition(resolved.event.position);
    }
    throw new Error(`Stream ${streamName}: the event at revision ${revision} was not found`);
  }
}

/**
 * The names of tombstoned streams, learnt from the `$streamDeleted` records in `$all`. Each
 * refresh reads only the part of the log it has not scanned yet, so following a long log costs
 * one server-side filtered pass in total. Tombstones are permanent, so nothing is ever removed.
 */
class DeletedStreamIndex {
  private readonly names = new Set<string>();
  /** Every tombstone at or before this position is in `names`. */
  private scannedTo: GlobalPosition | undefined;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  /** Refreshes run one at a time, each starting after the previous one finished. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly client: KurrentDbClientLike) {}

  has(streamName: string): boolean {
    return this.names.has(streamName);
  }

  add(streamName: string): void {
    this.names.add(streamName);
  }

  /** Learns every stream tombstoned before this call. */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.scan());
    this.queue = run.catch(() => undefined);
    return run;
  }

  async refreshIfOlderThan(maxAgeMs: number): Promise<void> {
    if (Date.now() - this.refreshedAt > maxAgeMs) await this.refresh();
  }

  private async scan(): Promise<void> {
    const startedAt = Date.now();
    // The head of the whole log (any record) bounds what this scan is sure to have covered:
    // a tombstone written later lands after it and is found by the next scan.
    const head = await this.lastLogPosition();
    let highest = this.scannedTo;
    for await (const resolved of this.client.readAll({
      fromPosition: this.scannedTo === undefined ? START : toReadPosition(this.scannedTo),
      filter: eventTypeFilter({ regex: TOMBSTONE_EVENT_TYPE_REGEX }),
    })) {
      const recorded = resolved.event;
      if (recorded === undefined) continue;
      this.names.add(recorded.streamId);
      const position = toGlobalPosition(recorded.position);
      if (highest === undefined || position > highest) highest = position;
    }
    if (head !== undefined && (highest === undefined || head > highest)) highest = head;
    this.scannedTo = highest;
    this.refreshedAt = startedAt;
  }

  private async lastLogPosition(): Promise<GlobalPosition | undefined> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
    })) {
      const position = resolved.event?.position;
      if (position !== undefined) return toGlobalPosition(position);
    }
    return undefined;
  }
}

type SubscriptionStep =
  | { readonly kind: 'event'; readonly event: AllStreamResolvedEvent }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'end' }
  | { readonly kind: 'aborted' };

/**
 * Pulls events from a subscription one at a time. The client's subscription is a Readable that
 * reports failures by emitting 'error' without ending, so a plain `for await` could hang after
 * an error or an unsubscribe; this reader turns each of those into an explicit step and applies
 * back-pressure by pausing the stream while the consumer is busy.
 */
class SubscriptionReader {
  private readonly buffer: AllStreamResolvedEvent[] = [];
  private failure: { readonly error: unknown } | undefined;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly subscription: AllStreamSubscription) {
    subscription.on('data', (event: AllStreamResolvedEvent) => {
      this.buffer.push(event);
      if (this.buffer.length >= SUBSCRIPTION_HIGH_WATER) subscription.pause();
      this.notify();
    });
    // Stays attached after dispose: an 'error' without a listener would crash the process.
    subscription.on('error', (error: Error) => {
      this.failure ??= { error };
      this.notify();
    });
    subscription.on('end', () => this.markEnded());
    subscription.on('close', () => this.markEnded());
  }

  async next(signal: AbortSignal): Promise<SubscriptionStep> {
    for (;;) {
      if (signal.aborted) return { kind: 'aborted' };
      const event = this.buffer.shift();
      if (event !== undefined) {
        if (this.buffer.length <= SUBSCRIPTION_LOW_WATER && this.subscription.isPaused()) {
          this.subscription.resume();
        }
        return { kind: 'event', event };
      }
      // Buffered events go first: they precede the failure in the log.
      if (this.failure !== undefined) return { kind: 'error', error: this.failure.error };
      if (this.ended) return { kind: 'end' };
      await new Promise<void>((resolve) => {
        const done = (): void => {
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  async dispose(): Promise<void> {
    this.buffer.length = 0;
    // unsubscribe() first waits for the gRPC call to exist, which can take as long as finding
    // a node does; the follower must end promptly all the same, so the wait is bounded.
    const unsubscribed = this.subscription.unsubscribe().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, UNSUBSCRIBE_TIMEOUT_MS);
    });
    await Promise.race([unsubscribed, bounded]);
    clearTimeout(timer);
    this.subscription.destroy();
  }

  private markEnded(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    this.wake?.();
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
