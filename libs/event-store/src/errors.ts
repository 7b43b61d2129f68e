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
