/**
 * The transaction log of the KurrentDB test double: what one KurrentDB database holds, kept in
 * memory. A TEST DOUBLE, never used outside tests. It reproduces the server behaviours the
 * Stegvis adapter depends on, as the KurrentDB sources (src/KurrentDB.Core) implement them:
 *
 * - Every appended event is one record at a byte offset in the log; `$all` reports it at
 *   commit = prepare = that offset. Offsets grow by the record's size, so positions have gaps.
 * - The log holds system records between user events (`$epoch-information`, stream metadata in
 *   `$$…` streams, the scavenge log in `$scavenges-…`), all of `$`-prefixed type.
 * - Idempotency (IndexWriter.CheckCommit): with an explicit revision (or no_stream) lower than
 *   the stream's, the same ids at the same revisions are "already committed" and answered with
 *   the last one's position; with any/stream_exists the ids are looked up among recent events;
 *   at the stream's current revision the events are simply written again (no check at all).
 * - A tombstone is a `$streamDeleted` record with revision 2^63-1 in the stream itself. The
 *   stream then fails every read and append, but `$all` keeps returning its events until a
 *   scavenge on that node removes them (the tombstone record itself stays). Scavenging is per
 *   node (see node.ts): this log is what was written, not what each node still holds.
 * - Event ids are GUIDs: the server parses them and hands them back lower-cased.
 */

/** EventNumber.DeletedStream: the revision of a tombstone record. */
export const TOMBSTONE_REVISION = 2n ** 63n - 1n;
export const TOMBSTONE_TYPE = '$streamDeleted';

export type LogRecord = {
  readonly position: bigint;
  readonly streamName: string;
  readonly revision: bigint;
  /** Lower-case GUID, as the server returns it. */
  readonly id: string;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** When it was written, in .NET ticks (100 ns) since the Unix epoch (ToTicksSinceEpoch). */
  readonly created: bigint;
};

export type ProposedEvent = {
  readonly id: string;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
};

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type AppendOutcome =
  | {
      readonly kind: 'written' | 'idempotent';
      readonly revision: bigint;
      readonly position: bigint;
    }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined }
  | { readonly kind: 'stream_deleted' }
  | { readonly kind: 'too_big'; readonly maxAppendSize: number };

export type DeleteOutcome =
  | { readonly kind: 'deleted'; readonly position: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined }
  | { readonly kind: 'stream_deleted' };

/** Bytes of a prepare record besides its strings and payloads (roughly what the server writes). */
const RECORD_OVERHEAD = 96n;

export class DoubleLog {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly listeners = new Set<(record: LogRecord) => void>();
  private nextPosition = 0n;

  constructor(readonly maxAppendSize: number) {
    this.writeSystem('$epoch-information', '$epoch-information', { epochNumber: 0 });
  }

  /** Every record, in log order (tests inspect what the server really holds). */
  all(): readonly LogRecord[] {
    return this.records;
  }

  /** Position just after the last record: where the next one will be written. */
  get writerCheckpoint(): bigint {
    return this.nextPosition;
  }

  append(
    streamName: string,
    events: readonly ProposedEvent[],
    expected: ExpectedState,
  ): AppendOutcome {
    const size = events.reduce((sum, e) => sum + sizeOnDisk(e), 0);
    if (size > this.maxAppendSize) return { kind: 'too_big', maxAppendSize: this.maxAppendSize };
    const stream = this.streams.get(streamName);
    if (stream?.tombstone !== undefined) return { kind: 'stream_deleted' };
    const current =
      stream === undefined || stream.events.length === 0 ? undefined : stream.events.length - 1;
    const currentRevision = current === undefined ? undefined : BigInt(current);

    const idempotent = this.idempotentAnswer(stream, events, expected, currentRevision);
    if (idempotent !== undefined) return idempotent;

    const ok =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && currentRevision === undefined) ||
      (expected.kind === 'stream_exists' && currentRevision !== undefined) ||
      (expected.kind === 'revision' && expected.revision === (currentRevision ?? -1n));
    if (!ok) return { kind: 'wrong_expected_version', current: currentRevision };

    let revision = currentRevision ?? -1n;
    let position = -1n;
    for (const event of events) {
      revision += 1n;
      position = this.write({ ...event, streamName, revision }).position;
    }
    return { kind: 'written', revision, position: events.length === 0 ? -1n : position };
  }

  /** A hard delete: writes the tombstone record. */
  tombstone(streamName: string, expected: ExpectedState): DeleteOutcome {
    const stream = this.streams.get(streamName);
    if (stream?.tombstone !== undefined) return { kind: 'stream_deleted' };
    const current =
      stream === undefined || stream.events.length === 0
        ? undefined
        : BigInt(stream.events.length - 1);
    const ok =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === undefined) ||
      (expected.kind === 'stream_exists' && current !== undefined) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!ok) return { kind: 'wrong_expected_version', current };
    const record = this.write({
      streamName,
      revision: TOMBSTONE_REVISION,
      id: randomGuid(),
      type: TOMBSTONE_TYPE,
      isJson: false,
      data: new Uint8Array(),
      metadata: new Uint8Array(),
    });
    return { kind: 'deleted', position: record.position };
  }

  /** The stream's events (revision order) and its tombstone, as written. */
  streamRecords(streamName: string): {
    readonly events: readonly LogRecord[];
    readonly tombstone?: LogRecord;
  } {
    return this.streams.get(streamName) ?? { events: [] };
  }

  /** Writes a system record (`$`-prefixed type), as the server does between user events. */
  writeSystem(streamName: string, type: string, data: unknown): LogRecord {
    const stream = this.streams.get(streamName);
    return this.write({
      streamName,
      revision: BigInt(stream?.events.length ?? 0),
      id: randomGuid(),
      type,
      isJson: true,
      data: Buffer.from(JSON.stringify(data)),
      metadata: new Uint8Array(),
    });
  }

  subscribe(listener: (record: LogRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The tombstone record of a hard-deleted stream. */
  tombstoneOf(streamName: string): LogRecord | undefined {
    return this.streams.get(streamName)?.tombstone;
  }

  private idempotentAnswer(
    stream: StreamState | undefined,
    events: readonly ProposedEvent[],
    expected: ExpectedState,
    current: bigint | undefined,
  ): AppendOutcome | undefined {
    if (stream === undefined || events.length === 0) return undefined;
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      // Weak check: the first id decides; the server's window of recent events is unbounded here.
      const first = stream.byId.get(events[0]?.id ?? '');
      if (first === undefined) return undefined;
      const last = events.map((e) => stream.byId.get(e.id));
      if (last.some((record) => record === undefined)) return undefined;
      const record = last.at(-1);
      return record && { kind: 'idempotent', revision: record.revision, position: record.position };
    }
    const expectedRevision = expected.kind === 'no_stream' ? -1n : expected.revision;
    if (current === undefined || expectedRevision >= current) return undefined;
    // Strong check: the same ids at exactly the revisions after the expected one.
    let record: LogRecord | undefined;
    for (const [index, event] of events.entries()) {
      record = stream.events[Number(expectedRevision) + 1 + index];
      if (record === undefined || record.id !== event.id) return undefined;
    }
    return record && { kind: 'idempotent', revision: record.revision, position: record.position };
  }

  private write(fields: Omit<LogRecord, 'position' | 'created'>): LogRecord {
    const record: LogRecord = { ...fields, position: this.nextPosition, created: nowTicks() };
    const size =
      RECORD_OVERHEAD +
      BigInt(Buffer.byteLength(record.streamName) + Buffer.byteLength(record.type)) +
      BigInt(record.data.length + record.metadata.length);
    this.nextPosition += size;
    this.records.push(record);
    let state = this.streams.get(record.streamName);
    if (state === undefined) {
      state = { events: [], byId: new Map() };
      this.streams.set(record.streamName, state);
    }
    if (record.type === TOMBSTONE_TYPE) state.tombstone = record;
    else {
      state.events.push(record);
      state.byId.set(record.id, record);
    }
    for (const listener of this.listeners) listener(record);
    return record;
  }
}

type StreamState = {
  readonly events: LogRecord[];
  readonly byId: Map<string, LogRecord>;
  tombstone?: LogRecord;
};

/** Event.SizeOnDisk: what counts against MaxAppendSize. */
export function sizeOnDisk(event: ProposedEvent): number {
  return event.data.length + event.metadata.length + event.type.length * 2;
}

function nowTicks(): bigint {
  return BigInt(Date.now()) * 10_000n;
}

function randomGuid(): string {
  return crypto.randomUUID();
}
