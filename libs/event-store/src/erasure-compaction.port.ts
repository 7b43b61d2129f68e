/**
 * The second port of the event store: making erasures final on disk. `deleteStream` hides an
 * erased stream at once everywhere Stegvis reads; whether its bytes are gone depends on the
 * store:
 * - SQLite deletes the rows in the erasure's own transaction, with `secure_delete` and the WAL
 *   truncated: nothing is left to do (the implementation below);
 * - KurrentDB keeps the events in its chunk files until a scavenge has run on every node
 *   (kurrentdb/kurrentdb-scavenger.ts starts and tracks those scavenges).
 */
export interface ErasureCompaction {
  /** Runs until aborted: after erasures, removes their data from disk and tracks that it did. */
  run(signal: AbortSignal): Promise<void>;
  /** When the oldest erasure whose data may still be on disk was made; undefined when none. */
  oldestPendingErasure(): Promise<Date | undefined>;
  close(): Promise<void>;
}

export const ERASURE_COMPACTION = Symbol('ErasureCompaction');

/** A store whose erasures are final when `deleteStream` returns (SQLite). */
export const IMMEDIATE_ERASURE: ErasureCompaction = {
  run: (signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    }),
  oldestPendingErasure: async () => undefined,
  close: async () => undefined,
};
