/**
 * Pure translation between the EventStore port and the KurrentDB / EventStoreDB client
 * (`@kurrent/kurrentdb-client`). Nothing here talks to a server, so all of it is unit-tested.
 *
 * Facts about the server this relies on (checked against the KurrentDB sources):
 * - Every event appended through gRPC is written as its own "implicitly committed" prepare
 *   record, and `$all` reports such a record at commit = prepare = its own log position. The
 *   commit position is therefore unique per event and strictly increasing in `$all` order, which
 *   is what the port's GlobalPosition needs. (Only legacy TCP explicit transactions share a
 *   commit position between events; Stegvis never writes those.)
 * - Reading `$all` forwards from a position is inclusive: the event at that position is returned
 *   again (AllReader: `TFPos >= pos`). A catch-up subscription from a position is exclusive. The
 *   adapter skips exactly that first record of a read and treats any other position that fails
 *   to increase as a broken log (PositionOrderError), never as something to skip silently.
 * - The append answer carries the log position of the last event written (the TransactionEnd
 *   record the commit is acknowledged for; RequestManagerBase since 22.6), also for a write the
 *   server recognised as already committed.
 * - A tombstone is a `$streamDeleted` record in the deleted stream itself; `$all` keeps returning
 *   the stream's earlier events until a scavenge removes them.
 */
import {
  ANY,
  CancelledError,
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  STREAM_EXISTS,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import type {
  AppendStreamState,
  CurrentStreamState,
  EventData,
  Position,
  RecordedEvent,
} from '@kurrent/kurrentdb-client';
import { assertRevision } from '../append-rules';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import type {
  EventMetadata,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  StoredEvent,
} from '../event-store.port';

// ---------------------------------------------------------------------------------------------
// Connection strings

/** Schemes the client parses, mapped to the one it prefers. */
const SCHEMES: Readonly<Record<string, string>> = {
  // The client still accepts `esdb`, but prints a deprecation warning on every connect.
  esdb: 'kurrentdb',
  'esdb+discover': 'kurrentdb+discover',
  kurrentdb: 'kurrentdb',
  'kurrentdb+discover': 'kurrentdb+discover',
  kurrent: 'kurrent',
  'kurrent+discover': 'kurrent+discover',
  kdb: 'kdb',
  'kdb+discover': 'kdb+discover',
};

/**
 * Accepts `esdb://…` and `kurrentdb://…` (and their `+discover` forms) and returns the string in
 * the scheme the client prefers. Throws without echoing the string: it may hold a password.
 */
export function normaliseConnectionString(connectionString: string): string {
  const value = connectionString.trim();
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  const scheme = match?.[1]?.toLowerCase();
  const mapped = scheme === undefined ? undefined : SCHEMES[scheme];
  if (match === null || mapped === undefined) {
    throw new Error(
      `EVENTSTORE_URL must start with esdb://, esdb+discover://, kurrentdb:// or ` +
        `kurrentdb+discover:// (got ${scheme === undefined ? 'no scheme' : `${scheme}://`})`,
    );
  }
  const rest = value.slice(match[0].length);
  if (rest.length === 0 || rest.startsWith('?')) {
    throw new Error(`EVENTSTORE_URL names no host (${scheme}://)`);
  }
  return `${mapped}://${rest}`;
}

// ---------------------------------------------------------------------------------------------
// Expected revisions and stream states

/** The port's expectation as the client's stream state. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      assertRevision(expected);
      return BigInt(expected);
  }
}

/** The stream's observed state (last revision, undefined when absent) as a stream state. */
export function observedStreamState(actual: number | undefined): AppendStreamState {
  return actual === undefined ? NO_STREAM : BigInt(actual);
}

/**
 * The client's "current state" of a stream as the port's actual revision. The server reports
 * a missing stream as `no_stream`; the newer append API reports deleted (-5) and tombstoned (-6)
 * streams as negative numbers, which are not revisions either.
 */
export function fromCurrentStreamState(state: CurrentStreamState): number | undefined {
  if (state === NO_STREAM || state < 0n) return undefined;
  return toSafeNumber(state, 'stream revision');
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The server refused the write because of the stream's state (deleted or wrong revision). */
export function toPortError(
  error: unknown,
  streamName: string,
  expected: ExpectedRevision,
): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      streamName,
      expected,
      fromCurrentStreamState(error.actualState),
    );
  }
  if (isStreamDeletedError(error)) return new StreamDeletedError(streamName);
  return error;
}

/** A tombstoned stream: reads and appends both fail with one of these. */
export function isStreamDeletedError(error: unknown): boolean {
  return error instanceof ClientStreamDeletedError || error instanceof StreamTombstonedError;
}

/** Reading a stream that was never written. */
export function isStreamNotFoundError(error: unknown): boolean {
  return error instanceof StreamNotFoundError;
}

/** gRPC status codes a retry can cure: CANCELLED, DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE. */
const TRANSIENT_GRPC_CODES: ReadonlySet<number> = new Set([1, 4, 10, 14]);

/**
 * Errors after which a subscription is worth re-opening: the server was unreachable, timed out,
 * lost leadership, or dropped the subscription. Access and argument errors, and events the
 * adapter cannot read, are not: retrying cannot cure them.
 */
export function isTransientError(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    error instanceof UnknownError ||
    error instanceof SubscriptionEndedError ||
    error instanceof DeadlineError
  ) {
    return true;
  }
  // Some call paths of the client hand back the raw grpc-js ServiceError (a numeric `code`).
  if (error instanceof Error && 'code' in error && typeof error.code === 'number') {
    return TRANSIENT_GRPC_CODES.has(error.code);
  }
  return false;
}

/** The server ended a subscription that only the adapter may end. */
export class SubscriptionEndedError extends Error {
  override readonly name = 'SubscriptionEndedError';
  constructor() {
    super('The KurrentDB subscription ended unexpectedly');
  }
}

/** An operation did not finish within the deadline: the node may be frozen or partitioned. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  constructor(what: string, deadlineMs: number) {
    super(`KurrentDB did not answer ${what} within ${deadlineMs} ms`);
  }
}

/** `$all` answered a position that does not come after the previous one: a broken log. */
export class PositionOrderError extends Error {
  override readonly name = 'PositionOrderError';
  constructor(previous: GlobalPosition, position: GlobalPosition) {
    super(`KurrentDB answered position ${position} after ${previous}: positions must increase`);
  }
}

/** Delay before the next attempt after `failures` consecutive failures (≥ 1). */
export function retryDelayMs(failures: number, maxDelayMs = 5000, baseDelayMs = 100): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(baseDelayMs * 2 ** exponent, maxDelayMs);
}

// ---------------------------------------------------------------------------------------------
// Positions

/**
 * Servers before 22.6 did not report positions on stream reads and sent u64::MAX instead (or
 * nothing); such a position must never become a checkpoint.
 */
const UNKNOWN_POSITION = 2n ** 64n - 1n;

/** The port's global position of an event: its commit position in `$all`. */
export function toGlobalPosition(position: Position | undefined): GlobalPosition {
  if (position === undefined || position.commit < 0n || position.commit >= UNKNOWN_POSITION) {
    throw new Error(
      'The server did not report the event position (KurrentDB / EventStoreDB 22.6 or later is needed)',
    );
  }
  return position.commit;
}

/**
 * The `$all` position to read from so that `after` is the first candidate. Reading forwards is
 * inclusive, so the caller must still skip the event at `after` itself.
 */
export function toReadPosition(after: GlobalPosition): Position {
  if (after < 0n) throw new RangeError(`A position cannot be negative, got ${after}`);
  return { commit: after, prepare: after };
}

/**
 * Whether a record read from `$all` is new: true when `position` comes after `previous`
 * (absent: nothing read yet). The record at exactly `previous` is the inclusive start of a
 * forward read and is skipped (false) when `inclusiveStart` allows it; any other position that
 * does not increase throws PositionOrderError.
 */
export function isNextInOrder(
  position: GlobalPosition,
  previous: GlobalPosition | undefined,
  inclusiveStart: boolean,
): boolean {
  if (previous === undefined || position > previous) return true;
  if (inclusiveStart && position === previous) return false;
  throw new PositionOrderError(previous, position);
}

// ---------------------------------------------------------------------------------------------
// Events

/** System streams (`$…`, including metadata streams `$$…`) are never part of the port's log. */
export function isSystemStream(streamName: string): boolean {
  return streamName.startsWith('$');
}

/** An event of the port's log: neither in a system stream nor a system event (`$…` type). */
export function isUserEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return !isSystemStream(event.streamId) && !event.type.startsWith('$');
}

/** The port's event as the client's JSON event, keeping the port's id (idempotent retries). */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: { ...event.data },
    metadata: { ...event.metadata },
  });
}

/**
 * A recorded event as the port's StoredEvent. `fallbackPosition` is used when the record itself
 * carries no position (the resolved event's commit position). Anything Stegvis did not write
 * (binary payloads, missing metadata) is refused loudly rather than passed on half-parsed.
 */
export function toStoredEvent(
  recorded: RecordedEvent,
  fallbackPosition?: GlobalPosition,
): StoredEvent {
  const where = `event ${recorded.id} (${recorded.streamId}@${recorded.revision})`;
  if (!recorded.isJson || !isPlainObject(recorded.data)) {
    throw new Error(`Not a Stegvis event: ${where} has no JSON object as data`);
  }
  const metadata = toEventMetadata(recorded.metadata, where);
  const position =
    recorded.position === undefined && fallbackPosition !== undefined
      ? fallbackPosition
      : toGlobalPosition(recorded.position);
  return {
    id: recorded.id,
    type: recorded.type,
    data: recorded.data,
    metadata,
    streamName: recorded.streamId,
    revision: toSafeNumber(recorded.revision, 'stream revision'),
    position,
  };
}

function toEventMetadata(metadata: unknown, where: string): EventMetadata {
  if (
    !isPlainObject(metadata) ||
    typeof metadata.recordedAt !== 'string' ||
    typeof metadata.actor !== 'string' ||
    typeof metadata.correlationId !== 'string' ||
    (metadata.causationId !== undefined && typeof metadata.causationId !== 'string')
  ) {
    throw new Error(`Not a Stegvis event: ${where} lacks recordedAt, actor or correlationId`);
  }
  // Spread so that any extra metadata written by another tool travels along unchanged.
  return { ...metadata } as EventMetadata;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isBytes(value);
}

function isBytes(value: object): boolean {
  return value instanceof Uint8Array;
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`The ${what} ${value} does not fit a JavaScript number`);
  }
  return Number(value);
}
