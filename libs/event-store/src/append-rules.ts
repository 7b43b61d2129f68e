/**
 * The rules of an append that every EventStore adapter applies in the same way, so that what
 * the embedded SQLite file accepts is exactly what KurrentDB accepts (an export from one always
 * imports into the other). The contract suite pins each rule.
 */
import { InvalidAppendError, WrongExpectedRevisionError } from './errors';
import type { AppendResult, ExpectedRevision, NewEvent } from './event-store.port';

/** RFC 4122 layout, any version: the only id KurrentDB stores (it parses ids as GUIDs). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The answer to appending nothing to a stream that does not exist. */
export const NO_STREAM_RESULT: AppendResult = { revision: -1, position: -1n };

/**
 * The events as the store keeps them, or InvalidAppendError when the append cannot be stored:
 * - ids are UUIDs in lower case, because KurrentDB hands back every id lower-cased: a retry
 *   carrying the id in another case must still be recognised as the same event;
 * - stream names and event types starting with `$` are the database's own (KurrentDB's system
 *   streams and events), never Stegvis data;
 * - one id appears at most once in an append.
 */
export function normaliseAppend(streamName: string, events: readonly NewEvent[]): NewEvent[] {
  if (streamName.length === 0) throw new InvalidAppendError(streamName, 'the stream name is empty');
  if (streamName.startsWith('$')) {
    throw new InvalidAppendError(streamName, 'stream names starting with $ belong to the database');
  }
  const ids = new Set<string>();
  return events.map((event) => {
    const id = event.id.toLowerCase();
    if (!UUID.test(id)) {
      throw new InvalidAppendError(streamName, `event id "${event.id}" is not a UUID`);
    }
    if (ids.has(id)) throw new InvalidAppendError(streamName, `event id ${id} appears twice`);
    ids.add(id);
    if (event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(
        streamName,
        `event type "${event.type}" is empty or starts with $ (the database's own types)`,
      );
    }
    return id === event.id ? event : { ...event, id };
  });
}

/** Throws a RangeError unless `revision` can be a stream revision. */
export function assertRevision(revision: number): void {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`Expected revision must be a non-negative integer, got ${revision}`);
  }
}

/** Whether a stream whose last revision is `actual` (undefined: no stream) meets `expected`. */
export function matchesExpectation(
  expected: ExpectedRevision,
  actual: number | undefined,
): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      assertRevision(expected);
      return actual === expected;
  }
}

/** The conflict every adapter raises when the stream does not meet `expected`. */
export function assertExpectation(
  streamName: string,
  expected: ExpectedRevision,
  actual: number | undefined,
): void {
  if (!matchesExpectation(expected, actual)) {
    throw new WrongExpectedRevisionError(streamName, expected, actual);
  }
}

/** Where an event with a given id is stored. */
export type StoredLocation = {
  readonly streamName: string;
  readonly revision: number;
  readonly position: bigint;
};

/**
 * The answer to an append whose ids are all already stored in the stream (a retry): the stored
 * events' last revision and position, written again by nobody. Undefined when none is stored.
 * Some but not all stored, or an id stored in another stream, cannot be a retry and is refused.
 * `events` must already be normalised.
 */
export function findRetriedAppend(
  streamName: string,
  events: readonly NewEvent[],
  locate: (id: string) => StoredLocation | undefined,
): AppendResult | undefined {
  let found = 0;
  let last: StoredLocation | undefined;
  for (const event of events) {
    const location = locate(event.id);
    if (location === undefined) continue;
    if (location.streamName !== streamName) {
      throw new InvalidAppendError(
        streamName,
        `event id ${event.id} is already used in another stream`,
      );
    }
    found += 1;
    if (last === undefined || location.revision > last.revision) last = location;
  }
  if (last === undefined) return undefined;
  if (found !== events.length) {
    throw new InvalidAppendError(
      streamName,
      `${found} of ${events.length} event ids are already stored; a retry must repeat the original append exactly`,
    );
  }
  return { revision: last.revision, position: last.position };
}
