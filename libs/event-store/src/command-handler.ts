import { createHash, randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from './errors';
import type { EventMetadata, EventStore, ExpectedRevision, StoredEvent } from './event-store.port';

/** What a decider emits: the store adds the id, the stream and the positions. */
export type DomainEvent = {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
};

export type StreamSnapshot = {
  readonly events: readonly StoredEvent[];
  /** Revision of the last event, undefined for a stream that does not exist. */
  readonly revision: number | undefined;
  readonly deleted: boolean;
};

/**
 * `If-Match`: a revision (the client's view of the stream; any other revision is a conflict), or
 * `stream_exists` (`If-Match: *`: any revision will do, but the stream must be there).
 */
export type WriteExpectation = number | 'stream_exists';

export type WriteOptions = {
  readonly expectedRevision?: WriteExpectation;
  /**
   * The stream as the caller already read it to check access (before any replay), so the first
   * attempt decides on it instead of reading again. Retries read afresh.
   */
  readonly snapshot?: StreamSnapshot;
  /** `Idempotency-Key`, already scoped to the caller and the target: event ids derive from it. */
  readonly idempotencyKey?: string;
  readonly metadata: Omit<EventMetadata, 'recordedAt'>;
  readonly now: Date;
};

/**
 * How a command is handled on one stream, in the manner of Emmett's `handleCommand`: the stream's
 * state is folded from its events (`stateOf`), what else the decision needs is loaded (`load`,
 * other streams: I/O happens here and nowhere later), and `decide` is pure.
 */
export type CommandHandling<State, Needs> = WriteOptions & {
  readonly stateOf: (snapshot: StreamSnapshot) => State;
  /** Runs on every attempt, after the fold and before the decision. */
  readonly load?: (state: State) => Promise<Needs>;
};

export type WriteResult = {
  readonly eventIds: string[];
  /** Stream revision after the write (unchanged when nothing was written). */
  readonly revision: number | undefined;
  readonly position: bigint | undefined;
};

const MAX_ATTEMPTS = 3;

export async function readSnapshot(store: EventStore, streamName: string): Promise<StreamSnapshot> {
  const events = await store.readStream(streamName);
  const last = events.at(-1);
  // Only an empty stream can be a deleted one: skip the extra look-up on the hot path.
  const deleted = last === undefined ? await store.isDeleted(streamName) : false;
  return { events, revision: last?.revision, deleted };
}

/**
 * Deterministic event ids from an idempotency key: a retried request produces the same ids,
 * so the store recognises the events it already has and writes nothing new.
 */
export function idempotentEventId(idempotencyKey: string, index: number): string {
  const hash = createHash('sha256').update(`${idempotencyKey}#${index}`).digest();
  // Shape the hash as an RFC 4122 version-5-style UUID (version and variant bits set).
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Throws the conflict when the stream at `revision` does not meet the client's If-Match. */
export function checkExpectation(
  streamName: string,
  expected: WriteExpectation | undefined,
  revision: number | undefined,
): void {
  const met =
    expected === undefined ||
    (expected === 'stream_exists' ? revision !== undefined : expected === revision);
  if (!met) throw new WrongExpectedRevisionError(streamName, expected ?? 'any', revision);
}

/**
 * The write path of every command: read the stream, fold it, load what the decision needs,
 * decide, append with the revision that was read. A concurrent write in between is retried
 * with fresh state, unless the client pinned the revision with If-Match, in which case the
 * conflict is the client's to resolve.
 *
 * A retried Idempotency-Key gets the first answer without deciding again, so whoever may write
 * must be checked before this runs: the caller reads the stream, checks access, and passes the
 * snapshot it read (`options.snapshot`).
 */
export async function handleCommand<State, Needs = undefined>(
  store: EventStore,
  streamName: string,
  decide: (state: State, needs: Needs) => readonly DomainEvent[],
  options: CommandHandling<State, Needs>,
): Promise<WriteResult> {
  for (let attempt = 1; ; attempt++) {
    const snapshot =
      attempt === 1 && options.snapshot ? options.snapshot : await readSnapshot(store, streamName);
    const replay = options.idempotencyKey && findReplay(snapshot, options.idempotencyKey);
    if (replay) return replay;
    checkExpectation(streamName, options.expectedRevision, snapshot.revision);
    const state = options.stateOf(snapshot);
    const needs = (options.load ? await options.load(state) : undefined) as Needs;
    const decided = decide(state, needs);
    if (decided.length === 0) {
      return {
        eventIds: [],
        revision: snapshot.revision,
        position: snapshot.events.at(-1)?.position,
      };
    }
    const recordedAt = options.now.toISOString();
    const events = decided.map((e, i) => ({
      id: options.idempotencyKey ? idempotentEventId(options.idempotencyKey, i) : randomUUID(),
      type: e.type,
      data: e.data,
      metadata: { ...options.metadata, recordedAt },
    }));
    const expected: ExpectedRevision = snapshot.revision ?? 'no_stream';
    try {
      const { revision, position } = await store.append(streamName, events, expected);
      return { eventIds: events.map((e) => e.id), revision, position };
    } catch (error) {
      // A pinned revision is the client's conflict to resolve; `*` pins none.
      const retry =
        error instanceof WrongExpectedRevisionError &&
        typeof options.expectedRevision !== 'number' &&
        attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

/** The answer a request with this key got the first time, if it was already written. */
function findReplay(snapshot: StreamSnapshot, idempotencyKey: string): WriteResult | undefined {
  const byId = new Map(snapshot.events.map((e) => [e.id, e]));
  const written: StoredEvent[] = [];
  for (let i = 0; ; i++) {
    const event = byId.get(idempotentEventId(idempotencyKey, i));
    if (!event) break;
    written.push(event);
  }
  const last = written.at(-1);
  if (!last) return undefined;
  return { eventIds: written.map((e) => e.id), revision: last.revision, position: last.position };
}
