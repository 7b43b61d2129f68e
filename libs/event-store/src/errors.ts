import type { ExpectedRevision } from './event-store.port';

/** A concurrent write changed the stream since it was read: the caller may re-read and retry. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or undefined when it does not exist. */
    readonly actual: number | undefined,
  ) {
    super(
      `Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual ?? 'no stream')}`,
    );
  }
}

export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} is deleted`);
  }
}

/**
 * An append the port refuses before anything is written: an event id that is not a UUID, a
 * system name (`$…`), one id twice, or a retry that repeats only part of an earlier append. A
 * programming error: retrying cannot cure it.
 */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
  constructor(
    readonly streamName: string,
    reason: string,
  ) {
    super(`Append to ${streamName} refused: ${reason}`);
  }
}
