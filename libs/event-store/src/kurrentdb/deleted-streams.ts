import { START, eventTypeFilter } from '@kurrent/kurrentdb-client';
import type { GlobalPosition } from '../event-store.port';
import type { KurrentDbConnection } from './kurrentdb-connection';
import { isStreamDeletedError, isStreamNotFoundError, toReadPosition } from './kurrentdb-mapping';

/** Event type of the record the server writes into a stream when it is tombstoned. */
const TOMBSTONE_EVENT_TYPE_REGEX = '^\\$streamDeleted$';
/** Stream checks in flight at once when a page holds many streams not seen before. */
const CHECK_CONCURRENCY = 16;
/** Streams remembered as not deleted (each costs one read to learn again once forgotten). */
const MAX_LIVE_STREAMS = 100_000;

/**
 * Which streams are tombstoned, so that the adapter can hide their events, which `$all` keeps
 * returning until a scavenge. Nothing here grows with the log at start-up:
 *
 * - a stream first met is checked by reading one event of it (the server answers "deleted" for
 *   a tombstoned stream); the answer is kept (deleted for good, live in a bounded cache);
 * - a stream that is deleted after its check is learnt from its tombstone: each refresh reads
 *   the tombstones written since the last one, starting at the end of the log as it was when
 *   this index was first used (not at its beginning).
 *
 * The two cover every tombstone: one written before a stream's check is seen by the check, one
 * written after it lands after the refresh start and is seen by a refresh. Every read goes to
 * the leader, which has everything acknowledged (a follower may lag behind a tombstone).
 */
export class DeletedStreams {
  private readonly deleted = new Set<string>();
  /** Streams checked and found live, oldest check first (a Map keeps insertion order). */
  private readonly live = new Map<string, true>();
  /** Every tombstone after this position is learnt by `refresh`; undefined: not started yet. */
  private scannedTo: GlobalPosition | undefined;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  /** Refreshes run one at a time, each starting after the previous one finished. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly connection: KurrentDbConnection) {}

  /** Known for certain to be deleted (without asking the server). */
  isKnownDeleted(streamName: string): boolean {
    return this.deleted.has(streamName);
  }

  add(streamName: string): void {
    this.deleted.add(streamName);
    this.live.delete(streamName);
  }

  /** The streams among `streamNames` that are deleted now. */
  async deletedAmong(streamNames: readonly string[]): Promise<Set<string>> {
    // Checks must come after the refresh start is fixed, or a tombstone written between a check
    // and that start would be missed by both.
    if (this.scannedTo === undefined) await this.refresh();
    const unknown = [...new Set(streamNames)].filter(
      (name) => !this.deleted.has(name) && !this.live.has(name),
    );
    for (let i = 0; i < unknown.length; i += CHECK_CONCURRENCY) {
      await Promise.all(unknown.slice(i, i + CHECK_CONCURRENCY).map((name) => this.check(name)));
    }
    return new Set(streamNames.filter((name) => this.deleted.has(name)));
  }

  async isDeleted(streamName: string): Promise<boolean> {
    return (await this.deletedAmong([streamName])).has(streamName);
  }

  /** Learns every stream tombstoned before this call. */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.scan());
    this.queue = run.catch(() => undefined);
    return run;
  }

  async refreshIfOlderThan(maxAgeMs: number): Promise<void> {
    if (Date.now() - this.refreshedAt > maxAgeMs) await this.refresh();
  }

  private async check(streamName: string): Promise<void> {
    const deleted = await this.connection.run('a stream check', async (client) => {
      try {
        for await (const _ of client.readStream(streamName, {
          maxCount: 1,
          requiresLeader: true,
        })) {
          break;
        }
        return false;
      } catch (error) {
        if (isStreamDeletedError(error)) return true;
        if (isStreamNotFoundError(error)) return false;
        throw error;
      }
    });
    if (deleted) return this.add(streamName);
    // A tombstone learnt meanwhile wins: it is permanent.
    if (this.deleted.has(streamName)) return;
    this.live.set(streamName, true);
    if (this.live.size > MAX_LIVE_STREAMS) {
      const oldest = this.live.keys().next().value;
      if (oldest !== undefined) this.live.delete(oldest);
    }
  }

  private async scan(): Promise<void> {
    const startedAt = Date.now();
    // Tombstones up to the log's end now are covered by this scan (or, on the first call, by the
    // checks, which read the streams' state after this moment).
    const end = await this.connection.logEnd();
    const from = this.scannedTo;
    if (from !== undefined && end !== undefined && end > from) {
      const names = await this.connection.run('the tombstones', async (client) => {
        const found: string[] = [];
        for await (const resolved of client.readAll({
          fromPosition: from < 0n ? START : toReadPosition(from),
          filter: eventTypeFilter({ regex: TOMBSTONE_EVENT_TYPE_REGEX }),
          requiresLeader: true,
        })) {
          if (resolved.event !== undefined) found.push(resolved.event.streamId);
        }
        return found;
      });
      for (const name of names) this.add(name);
    }
    if (end !== undefined && (this.scannedTo === undefined || end > this.scannedTo)) {
      this.scannedTo = end;
    }
    this.scannedTo ??= -1n;
    this.refreshedAt = startedAt;
  }
}
