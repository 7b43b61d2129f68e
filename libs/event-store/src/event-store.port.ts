/**
 * The EventStore port: the only way any part of Stegvis touches the event log.
 * Every adapter (SQLite, KurrentDB/EventStoreDB) must pass the shared contract suite in
 * `testing/event-store.contract.ts`.
 */

/** Position in the global log. Strictly increasing in log order; never reused. */
export type GlobalPosition = bigint;

export type EventMetadata = {
  /** ISO timestamp of when the event was recorded (not when it happened: that is `occurredOn`). */
  readonly recordedAt: string;
  /** `sub` of the authenticated user who caused it. Never a participant attribute. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string;
};

export type NewEvent = {
  /** UUID. Appending an event whose id is already in the same stream is a no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
};

export type StoredEvent = NewEvent & {
  readonly streamName: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  readonly position: GlobalPosition;
};

/**
 * - `any`: no check.
 * - `no_stream`: the stream must not exist yet.
 * - `stream_exists`: the stream must exist.
 * - a number: the revision of the stream's last event must equal it.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export type AppendResult = {
  /** Revision of the last of the appended events (of the already stored ones on a no-op retry). */
  readonly revision: number;
  /** Global position of that event. */
  readonly position: GlobalPosition;
};

export type ReadAllOptions = {
  /** Exclusive: events strictly after this position. Absent: from the beginning. */
  readonly after?: GlobalPosition;
  readonly limit: number;
};

export type FollowOptions = {
  readonly after?: GlobalPosition;
  /** Ends the iteration (the iterator then returns normally). */
  readonly signal: AbortSignal;
};

export interface EventStore {
  /**
   * Appends atomically: all events or none. Throws `WrongExpectedRevisionError` when the
   * expectation fails and `StreamDeletedError` when the stream was deleted. When every id is
   * already stored in this stream, nothing is written and the stored events' revision and
   * position are returned (idempotent retry).
   */
  append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;

  /** All events of the stream, oldest first; empty when it does not exist or was deleted. */
  readStream(streamName: string): Promise<StoredEvent[]>;

  /** True when the stream was permanently deleted (tombstoned). */
  isDeleted(streamName: string): Promise<boolean>;

  /** A page of the global log, in log order. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;

  /** The global log from a position, catching up and then following live, until aborted. */
  follow(options: FollowOptions): AsyncIterable<StoredEvent>;

  /** Position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<GlobalPosition | undefined>;

  /**
   * Permanently deletes a stream (erasure): its events disappear from readStream and readAll,
   * and it can never be written again. Idempotent.
   */
  deleteStream(streamName: string): Promise<void>;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
