import Database from 'better-sqlite3';
import {
  NO_STREAM_RESULT,
  findRetriedAppend,
  assertExpectation,
  normaliseAppend,
} from '../append-rules';
import { StreamDeletedError } from '../errors';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  FollowOptions,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  StoredEvent,
} from '../event-store.port';

export type SqliteEventStoreOptions = {
  /**
   * How long an idle follower waits before looking at the file again. In-process appends wake
   * followers at once; this bounds the delay for appends made by other processes.
   */
  readonly pollIntervalMs?: number;
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  readonly busyTimeoutMs?: number;
};

const DEFAULT_POLL_INTERVAL_MS = 100;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const FOLLOW_PAGE_SIZE = 1000;

// AUTOINCREMENT (not a plain rowid) so a position is never handed out again, even after the
// stream holding the newest events has been deleted: followers' checkpoints stay meaningful.
// The streams table outlives the stream's events so that a deletion is remembered (tombstone).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    stream_name TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream_name, revision)
  );
  CREATE TABLE IF NOT EXISTS streams (
    stream_name TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
`;

const EVENT_COLUMNS = 'position, event_id, stream_name, revision, type, data, metadata';

/** A row of `events` in raw mode (arrays allocate less than objects on the read path). */
type EventRow = [
  position: bigint,
  eventId: string,
  streamName: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
];

type StreamRow = { revision: bigint; deleted: bigint };
type EventLocationRow = { stream_name: string; revision: bigint; position: bigint };

/**
 * The embedded EventStore: one SQLite file in WAL mode, which several processes (API, worker)
 * may share. Writes are serialised by SQLite, so positions become visible in strictly increasing
 * order and a follower can never skip an event that commits late.
 *
 * Choices the port leaves open (pinned by the contract suite):
 * - appending zero events checks the stream (deleted, expected revision) like any append and
 *   writes nothing; it returns the stream's last revision and position, or revision -1 and
 *   position -1n when the stream does not exist;
 * - event ids are unique across the whole store: reusing an id in another stream, or retrying a
 *   batch of which only some ids are stored, is a programming error and throws;
 * - `headPosition` is the position of the newest event still present, so it can move back
 *   after the newest stream is deleted; positions themselves are never reused.
 */
export class SqliteEventStore implements EventStore {
  private readonly selectStream: Database.Statement<[string], StreamRow>;
  private readonly selectEventLocation: Database.Statement<[string], EventLocationRow>;
  private readonly selectLastPositionOfStream: Database.Statement<[string], bigint>;
  private readonly insertEvent: Database.Statement<
    [string, string, number, string, string, string]
  >;
  private readonly upsertStreamRevision: Database.Statement<[string, number]>;
  private readonly selectStreamEvents: Database.Statement<[string], EventRow>;
  private readonly selectEventsAfter: Database.Statement<[bigint, number], EventRow>;
  private readonly selectHeadPosition: Database.Statement<[], bigint>;
  private readonly deleteStreamEvents: Database.Statement<[string]>;
  private readonly markStreamDeleted: Database.Statement<[string]>;
  private readonly appendTransaction: (
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ) => { result: AppendResult; written: boolean };
  private readonly deleteTransaction: (streamName: string) => void;

  /** Wakes idle followers of this instance; each resolves once and removes itself. */
  private readonly waiters = new Set<() => void>();
  /** Bumped on every write so a follower notices appends made while it was yielding. */
  private appendSequence = 0;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
  ) {
    this.selectStream = db
      .prepare<[string], StreamRow>('SELECT revision, deleted FROM streams WHERE stream_name = ?')
      .safeIntegers(true);
    this.selectEventLocation = db
      .prepare<[string], EventLocationRow>(
        'SELECT stream_name, revision, position FROM events WHERE event_id = ?',
      )
      .safeIntegers(true);
    this.selectLastPositionOfStream = db
      .prepare<[string], bigint>(
        'SELECT position FROM events WHERE stream_name = ? ORDER BY revision DESC LIMIT 1',
      )
      .pluck(true)
      .safeIntegers(true);
    this.insertEvent = db.prepare(
      `INSERT INTO events (event_id, stream_name, revision, type, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.upsertStreamRevision = db.prepare(
      `INSERT INTO streams (stream_name, revision, deleted) VALUES (?, ?, 0)
       ON CONFLICT (stream_name) DO UPDATE SET revision = excluded.revision`,
    );
    this.selectStreamEvents = db
      .prepare<[string], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? ORDER BY revision`,
      )
      .raw(true)
      .safeIntegers(true);
    this.selectEventsAfter = db
      .prepare<[bigint, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true);
    this.selectHeadPosition = db
      .prepare<[], bigint>('SELECT position FROM events ORDER BY position DESC LIMIT 1')
      .pluck(true)
      .safeIntegers(true);
    this.deleteStreamEvents = db.prepare('DELETE FROM events WHERE stream_name = ?');
    this.markStreamDeleted = db.prepare(
      `INSERT INTO streams (stream_name, revision, deleted) VALUES (?, -1, 1)
       ON CONFLICT (stream_name) DO UPDATE SET deleted = 1`,
    );

    // IMMEDIATE takes the write lock before reading the stream's revision, so the check and the
    // insert cannot interleave with another process's append.
    const append = db.transaction(
      (streamName: string, events: readonly NewEvent[], expected: ExpectedRevision) =>
        this.appendInTransaction(streamName, events, expected),
    );
    this.appendTransaction = (streamName, events, expected) =>
      append.immediate(streamName, events, expected);
    const remove = db.transaction((streamName: string) => {
      this.deleteStreamEvents.run(streamName);
      this.markStreamDeleted.run(streamName);
    });
    this.deleteTransaction = (streamName) => remove.immediate(streamName);
  }

  /** Opens (creating if needed) the store in a file, or in memory with `':memory:'`. */
  static open(filePath: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = new Database(filePath, {
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
    try {
      // WAL lets readers in other processes proceed while one process writes; NORMAL only
      // risks the last commits on power loss (not on a process crash) and saves an fsync each.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Erasure must not leave the deleted events readable in free pages of the file.
      db.pragma('secure_delete = ON');
      db.transaction(() => db.exec(SCHEMA)).immediate();
      return new SqliteEventStore(db, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const normalised = normaliseAppend(streamName, events);
    const { result, written } = this.appendTransaction(streamName, normalised, expected);
    if (written) this.notifyFollowers();
    return result;
  }

  async readStream(streamName: string): Promise<StoredEvent[]> {
    return this.selectStreamEvents.all(streamName).map(toStoredEvent);
  }

  async isDeleted(streamName: string): Promise<boolean> {
    return this.selectStream.get(streamName)?.deleted === 1n;
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.readPage(options.after, options.limit);
  }

  async *follow(options: FollowOptions): AsyncGenerator<StoredEvent, void, undefined> {
    const { signal } = options;
    let cursor = options.after;
    while (!signal.aborted && !this.closed) {
      const sequenceBeforeRead = this.appendSequence;
      const page = this.readPage(cursor, FOLLOW_PAGE_SIZE);
      for (const event of page) {
        if (signal.aborted || this.closed) return;
        cursor = event.position;
        yield event;
      }
      // A full page means there is more to catch up on; a changed sequence means the consumer
      // appended while we were yielding, and that append's notification has already fired.
      if (page.length === FOLLOW_PAGE_SIZE || this.appendSequence !== sequenceBeforeRead) continue;
      await this.waitForAppend(signal);
    }
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    return this.selectHeadPosition.get();
  }

  async deleteStream(streamName: string): Promise<void> {
    this.deleteTransaction(streamName);
    // The deleted rows may still sit in older WAL frames; copying the WAL back and truncating it
    // removes them from disk too. Best effort: readers in other processes may keep it from
    // completing, in which case a later checkpoint finishes the job.
    if (!this.db.memory) this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.notifyFollowers();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notifyFollowers();
    this.db.close();
  }

  private appendInTransaction(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): { result: AppendResult; written: boolean } {
    const stream = this.selectStream.get(streamName);
    if (stream?.deleted === 1n) throw new StreamDeletedError(streamName);

    const retried = findRetriedAppend(streamName, events, (id) => {
      const row = this.selectEventLocation.get(id);
      return (
        row && {
          streamName: row.stream_name,
          revision: Number(row.revision),
          position: row.position,
        }
      );
    });
    if (retried) return { result: retried, written: false };

    const actual = stream === undefined ? undefined : Number(stream.revision);
    assertExpectation(streamName, expected, actual);

    if (events.length === 0) {
      if (actual === undefined) return { result: NO_STREAM_RESULT, written: false };
      const position = this.selectLastPositionOfStream.get(streamName);
      if (position === undefined) throw new Error(`Stream ${streamName} has no events`);
      return { result: { revision: actual, position }, written: false };
    }

    let revision = actual ?? -1;
    let position = 0n;
    for (const event of events) {
      revision += 1;
      const { lastInsertRowid } = this.insertEvent.run(
        event.id,
        streamName,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      position = BigInt(lastInsertRowid);
    }
    this.upsertStreamRevision.run(streamName, revision);
    return { result: { revision, position }, written: true };
  }

  private readPage(after: GlobalPosition | undefined, limit: number): StoredEvent[] {
    // SQLite reads a negative LIMIT as "no limit", which would load the whole log at once.
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`readAll: limit must be a non-negative integer, got ${limit}`);
    }
    return this.selectEventsAfter.all(after ?? 0n, limit).map(toStoredEvent);
  }

  private notifyFollowers(): void {
    this.appendSequence += 1;
    for (const wake of this.waiters) wake();
  }

  /** Resolves on an append in this process, after the poll interval, on abort or on close. */
  private waitForAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      signal.addEventListener('abort', wake, { once: true });
      this.waiters.add(wake);
    });
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row[1],
    type: row[4],
    data: JSON.parse(row[5]) as Readonly<Record<string, unknown>>,
    metadata: JSON.parse(row[6]) as EventMetadata,
    streamName: row[2],
    revision: Number(row[3]),
    position: row[0],
  };
}
