import {
  BACKWARDS,
  END,
  START,
  WrongExpectedVersionError,
  excludeSystemEvents,
} from '@kurrent/kurrentdb-client';
import type { KurrentDBClient, RecordedEvent } from '@kurrent/kurrentdb-client';
import {
  NO_STREAM_RESULT,
  assertRevision,
  findRetriedAppend,
  assertExpectation,
  normaliseAppend,
} from '../append-rules';
import { StreamDeletedError } from '../errors';
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
import { DeletedStreams } from './deleted-streams';
import { KurrentDbConnection, pause } from './kurrentdb-connection';
import {
  PositionOrderError,
  SubscriptionEndedError,
  isNextInOrder,
  isStreamDeletedError,
  isStreamNotFoundError,
  isTransientError,
  isUserEvent,
  observedStreamState,
  retryDelayMs,
  toEventData,
  toGlobalPosition,
  toPortError,
  toReadPosition,
  toStoredEvent,
} from './kurrentdb-mapping';
import { SubscriptionReader } from './subscription-reader';

export type KurrentDbEventStoreOptions = {
  /**
   * While following, how old (ms) the knowledge of deleted streams may get before it is
   * refreshed. Reads of pages (`readAll`, `headPosition`) always refresh it first.
   */
  readonly deletedStreamsMaxAgeMs?: number;
  /** Upper bound of the wait before re-opening a failed subscription. */
  readonly maxResubscribeDelayMs?: number;
  /** Longest wait for one read, append or tombstone before it counts as failed. Default 10 s. */
  readonly deadlineMs?: number;
  /** Attempts of an operation failing with a transient error (a failover). Default 6. */
  readonly attempts?: number;
  /** Upper bound of the wait between those attempts. Default 2 s. */
  readonly maxRetryDelayMs?: number;
};

/** Attempts of one append when a concurrent writer moves the stream between check and write. */
const MAX_CONFLICT_ATTEMPTS = 10;
/** headPosition reads this many events first, then pages twice as large up to the maximum. */
const FIRST_HEAD_PAGE = 8;
const MAX_HEAD_PAGE = 256;

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
 *   The same check makes an append safe to retry after a transient failure (a leader change, a
 *   restart, a timeout that may or may not have written): the retry finds what was written.
 * - Erasure: a tombstone hides the stream from stream reads at once, but `$all` returns its
 *   earlier events until a scavenge removes them from disk. The adapter hides the events of
 *   tombstoned streams from readAll, follow and headPosition (deleted-streams.ts).
 * - Consistency in a cluster: everything that decides what is written or hidden (stream reads,
 *   stream checks, the head of the log, appends, tombstones) goes to the leader; a follower may
 *   lag behind. Only `$all` pages and the subscription may come from any node.
 * - Every operation has a deadline and transient failures are retried, bounded
 *   (kurrentdb-connection.ts).
 *
 * Divergence from the SQLite adapter: an id reused in a *different* stream is not detected (the
 * server has no index by event id); within a stream the rules are the same (append-rules.ts).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly connection: KurrentDbConnection;
  private readonly deletedStreams: DeletedStreams;
  private readonly deletedStreamsMaxAgeMs: number;
  private readonly maxResubscribeDelayMs: number;
  private closed = false;

  /** `connectionString`: `esdb://…` or `kurrentdb://…`, e.g. `kurrentdb://host:2113?tls=false`. */
  constructor(connectionString: string, options: KurrentDbEventStoreOptions = {}) {
    this.connection = new KurrentDbConnection(connectionString, {
      deadlineMs: options.deadlineMs ?? 10_000,
      attempts: options.attempts ?? 6,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 2_000,
    });
    this.deletedStreams = new DeletedStreams(this.connection);
    this.deletedStreamsMaxAgeMs = options.deletedStreamsMaxAgeMs ?? 1000;
    this.maxResubscribeDelayMs = options.maxResubscribeDelayMs ?? 5000;
  }

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const normalised = normaliseAppend(streamName, events);
    if (typeof expected === 'number') assertRevision(expected);
    for (let conflicts = 1; ; conflicts += 1) {
      try {
        return await this.connection.run('an append', (client) =>
          this.appendOnce(client, streamName, normalised, expected),
        );
      } catch (error) {
        // Someone wrote between our read and our write. Reading again decides: the same ids
        // (a concurrent retry) → no-op; a failed expectation → WrongExpectedRevisionError; `any`
        // or `stream_exists` still satisfied → write again on top.
        if (error instanceof WrongExpectedVersionError && conflicts < MAX_CONFLICT_ATTEMPTS) {
          continue;
        }
        throw toPortError(error, streamName, expected);
      }
    }
  }

  async readStream(streamName: string): Promise<StoredEvent[]> {
    try {
      return await this.connection.run('a stream read', (client) =>
        this.readStoredStream(client, streamName),
      );
    } catch (error) {
      if (error instanceof StreamDeletedError) return [];
      throw error;
    }
  }

  isDeleted(streamName: string): Promise<boolean> {
    return this.deletedStreams.isDeleted(streamName);
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
      const inclusive = cursor !== undefined;
      const wanted = limit - page.length + (inclusive ? 1 : 0);
      const from = cursor;
      const received = await this.connection.run('a page of $all', (client) =>
        collect(
          client.readAll({
            fromPosition: from === undefined ? START : toReadPosition(from),
            maxCount: wanted,
            filter: excludeSystemEvents(),
          }),
        ),
      );
      const candidates: RecordedEvent[] = [];
      for (const [index, resolved] of received.entries()) {
        const recorded = resolved.event;
        if (recorded === undefined) continue;
        const position = toGlobalPosition(recorded.position);
        if (!isNextInOrder(position, cursor, inclusive && index === 0)) continue;
        cursor = position;
        if (isUserEvent(recorded)) candidates.push(recorded);
      }
      // After the read, so that a stream tombstoned before the read is known to be deleted.
      await this.deletedStreams.refresh();
      const deleted = await this.deletedStreams.deletedAmong(candidates.map((r) => r.streamId));
      for (const recorded of candidates) {
        if (page.length === limit) break;
        if (!deleted.has(recorded.streamId)) page.push(toStoredEvent(recorded));
      }
      // The server fills a filtered read up to maxCount unless the log ends first.
      if (received.length < wanted) break;
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
          this.connection.client.subscribeToAll({
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
          // A subscription is exclusive of its start: nothing may repeat a position.
          isNextInOrder(position, cursor, false);
          if (isUserEvent(recorded)) {
            await this.deletedStreams.refreshIfOlderThan(this.deletedStreamsMaxAgeMs);
            if (!(await this.deletedStreams.isDeleted(recorded.streamId))) {
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
        await pause(retryDelayMs(failures, this.maxResubscribeDelayMs), signal);
      } finally {
        await reader?.dispose();
      }
    }
  }

  /**
   * The newest user event's position, read from the leader: readiness probes call this, so a
   * cluster without a leader (an election, a lost quorum) is not ready. It checks the newest
   * candidates' streams rather than scanning the log for tombstones.
   */
  async headPosition(): Promise<GlobalPosition | undefined> {
    let before: GlobalPosition | undefined;
    // Readiness probes call this every few seconds: usually the newest event is the answer.
    for (let pageSize = FIRST_HEAD_PAGE; ; pageSize = Math.min(pageSize * 2, MAX_HEAD_PAGE)) {
      const from = before;
      const received = await this.connection.run('the head of the log', (client) =>
        collect(
          client.readAll({
            direction: BACKWARDS,
            fromPosition: from === undefined ? END : toReadPosition(from),
            maxCount: pageSize,
            filter: excludeSystemEvents(),
            requiresLeader: true,
          }),
        ),
      );
      const candidates: { readonly streamName: string; readonly position: GlobalPosition }[] = [];
      for (const resolved of received) {
        const recorded = resolved.event;
        if (recorded === undefined) continue;
        const position = toGlobalPosition(recorded.position);
        // Reading backwards from a position is exclusive of it: positions only decrease.
        if (before !== undefined && position >= before) {
          throw new PositionOrderError(before, position);
        }
        before = position;
        if (isUserEvent(recorded)) candidates.push({ streamName: recorded.streamId, position });
      }
      const deleted = await this.deletedStreams.deletedAmong(candidates.map((c) => c.streamName));
      const head = candidates.find((candidate) => !deleted.has(candidate.streamName));
      if (head !== undefined) return head.position;
      if (received.length < pageSize || before === undefined) return undefined;
    }
  }

  /**
   * Tombstones the stream (a hard delete): it can never be written or read again, and the
   * adapter hides its events from `$all` at once. The data itself stays in the database files
   * until a scavenge has run on every node (erasure-compaction.ts starts them; see
   * docs/production.md). A soft delete would not do: the stream could be recreated and its
   * events brought back by changing its metadata.
   */
  async deleteStream(streamName: string): Promise<void> {
    await this.connection.run('a tombstone', async (client) => {
      try {
        await client.tombstoneStream(streamName, { requiresLeader: true });
      } catch (error) {
        // Tombstoning twice fails with "stream deleted": the erasure already happened (also
        // when a retried tombstone finds the first attempt's).
        if (!isStreamDeletedError(error)) throw error;
      }
    });
    this.deletedStreams.add(streamName);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connection.close();
  }

  private async appendOnce(
    client: KurrentDBClient,
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stored = await this.readStoredStream(client, streamName);
    const byId = new Map(stored.map((event) => [event.id, event]));
    const retried = findRetriedAppend(streamName, events, (id) => byId.get(id));
    if (retried) return retried;

    const last = stored.at(-1);
    const actual = last?.revision;
    assertExpectation(streamName, expected, actual);
    if (events.length === 0) {
      return last === undefined
        ? NO_STREAM_RESULT
        : { revision: last.revision, position: last.position };
    }
    const result = await client.appendToStream(streamName, events.map(toEventData), {
      streamState: observedStreamState(actual),
      requiresLeader: true,
    });
    const revision = Number(result.nextExpectedRevision);
    // The answer carries the last event's position; an old server may send none.
    const position =
      result.position === undefined
        ? await this.positionOf(client, streamName, revision)
        : toGlobalPosition(result.position);
    return { revision, position };
  }

  /**
   * The stream's events, read from the leader (a follower may not have the latest write yet);
   * [] when it does not exist; port StreamDeletedError when tombstoned.
   */
  private async readStoredStream(
    client: KurrentDBClient,
    streamName: string,
  ): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of client.readStream(streamName, { requiresLeader: true })) {
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

  /** The global position of the event at `revision`, read back from the leader. */
  private async positionOf(
    client: KurrentDBClient,
    streamName: string,
    revision: number,
  ): Promise<GlobalPosition> {
    for await (const resolved of client.readStream(streamName, {
      fromRevision: BigInt(revision),
      maxCount: 1,
      requiresLeader: true,
    })) {
      if (resolved.event !== undefined) return toGlobalPosition(resolved.event.position);
    }
    throw new Error(`Stream ${streamName}: the event at revision ${revision} was not found`);
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
