import { START, eventTypeFilter } from '@kurrent/kurrentdb-client';
import type { ErasureCompaction } from '../erasure-compaction.port';
import type { GlobalPosition } from '../event-store.port';
import {
  AdminApiError,
  KurrentDbAdminApi,
  type Credentials,
  type Member,
} from './kurrentdb-admin-api';
import { KurrentDbConnection, pause } from './kurrentdb-connection';
import { toGlobalPosition, toReadPosition } from './kurrentdb-mapping';

export type ScavengerLog = (
  level: 'info' | 'warn',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export type KurrentDbScavengerOptions = {
  /** A user in `$ops` (or `$admins`): only they may scavenge. Not needed in insecure mode. */
  readonly credentials?: Credentials;
  /** How long after an erasure to wait, so that the erasures of that while share a scavenge. */
  readonly delayMs: number;
  /** How often to look for new erasures and for the progress of a running scavenge. */
  readonly pollMs?: number;
  /** Longest wait for one request to the server. */
  readonly deadlineMs?: number;
  readonly log?: ScavengerLog;
};

/** Where the scavenger keeps how far every node is scavenged: this stream's metadata. */
export const SCAVENGE_STATE_STREAM = 'stegvis-erasure-compaction';
const SCAVENGED_TO = 'stegvisScavengedTo';
const TOMBSTONE_EVENT_TYPE_REGEX = '^\\$streamDeleted$';

type PendingErasure = { readonly position: GlobalPosition; readonly erasedAt: Date };

/**
 * Makes KurrentDB erasures final on disk. A tombstoned stream's events stay in the chunk files,
 * readable in `$all` by anything outside Stegvis, until a scavenge has run on every node, so:
 *
 * 1. it learns erasures from the tombstones in `$all` (on the leader), after the position up to
 *    which the last complete round scavenged, kept in the metadata of SCAVENGE_STATE_STREAM so
 *    that a restarted worker (or another replica) knows it;
 * 2. once the oldest is `delayMs` old, it runs a round: a scavenge on the leader, which writes a
 *    new scavenge point after every erasure so far, then on each other node with `syncOnly`,
 *    which scavenges to that same point (KurrentDB's documented way to make every node equal);
 * 3. it waits for each node's outcome (`/admin/scavenge/last`; a node that restarted meanwhile
 *    is asked again), and only when every member of the cluster succeeded moves the kept
 *    position on. A member that is down still holds the data: the round waits for it.
 *
 * `oldestPendingErasure` is what the metric reports: the erasure time of the oldest tombstone
 * after that position.
 */
export class KurrentDbScavenger implements ErasureCompaction {
  private readonly connection: KurrentDbConnection;
  private readonly admin: KurrentDbAdminApi;
  private readonly pollMs: number;
  private readonly log: ScavengerLog;
  private pending: PendingErasure[] = [];
  /** Every tombstone up to here is in `pending` or scavenged. */
  private scannedTo: GlobalPosition | undefined;
  private scavengedTo: GlobalPosition | undefined;

  constructor(
    connectionString: string,
    private readonly options: KurrentDbScavengerOptions,
  ) {
    const deadlineMs = options.deadlineMs ?? 10_000;
    this.connection = new KurrentDbConnection(connectionString, {
      deadlineMs,
      attempts: 3,
      maxRetryDelayMs: 1000,
    });
    this.admin = new KurrentDbAdminApi(connectionString, options.credentials, deadlineMs);
    this.pollMs = options.pollMs ?? 30_000;
    this.log = options.log ?? (() => undefined);
  }

  async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const oldest = await this.oldestPendingErasure();
        if (oldest !== undefined && Date.now() - oldest.getTime() >= this.options.delayMs) {
          await this.round(signal);
        } else {
          await pause(this.pollMs, signal);
        }
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        this.log('warn', 'Scavenging after erasures failed; it is tried again', {
          err: { type: error instanceof Error ? error.name : typeof error },
          reason: error instanceof Error ? error.message : undefined,
          failures,
        });
        await pause(Math.min(this.pollMs * failures, 10 * this.pollMs), signal);
      }
    }
  }

  async oldestPendingErasure(): Promise<Date | undefined> {
    await this.refresh();
    return this.pending[0]?.erasedAt;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /** Reads the kept position and the tombstones written since the last look. */
  private async refresh(): Promise<void> {
    const kept = await this.readScavengedTo();
    if (kept !== undefined && (this.scavengedTo === undefined || kept > this.scavengedTo)) {
      this.scavengedTo = kept;
    }
    const floor = this.scavengedTo;
    if (floor !== undefined) this.pending = this.pending.filter((p) => p.position > floor);
    const from = this.scannedTo ?? floor;
    const found = await this.connection.run('the tombstones', async (client) => {
      const tombstones: PendingErasure[] = [];
      for await (const resolved of client.readAll({
        fromPosition: from === undefined ? START : toReadPosition(from),
        filter: eventTypeFilter({ regex: TOMBSTONE_EVENT_TYPE_REGEX }),
        requiresLeader: true,
      })) {
        const event = resolved.event;
        if (event === undefined) continue;
        tombstones.push({ position: toGlobalPosition(event.position), erasedAt: event.created });
      }
      return tombstones;
    });
    for (const tombstone of found) {
      // The read is inclusive of its start; what the last round covered is done.
      if (from !== undefined && tombstone.position <= from) continue;
      if (floor !== undefined && tombstone.position <= floor) continue;
      this.pending.push(tombstone);
    }
    const last = found.at(-1)?.position;
    if (last !== undefined && (this.scannedTo === undefined || last > this.scannedTo)) {
      this.scannedTo = last;
    }
  }

  /** One scavenge on every member of the cluster, the leader first. */
  private async round(signal: AbortSignal): Promise<void> {
    const upTo = await this.connection.logEnd();
    if (upTo === undefined) return;
    const members = (await this.admin.members()).filter((m) => m.state !== 'Manager');
    const down = members.filter((m) => !m.alive);
    if (down.length > 0) {
      throw new Error(
        `${down.length} node(s) of the cluster are down; their copies still hold erased data`,
      );
    }
    const leader = members.find((m) => m.state === 'Leader');
    if (leader === undefined) throw new Error('The cluster has no leader to scavenge first');
    this.log('info', 'Scavenging every node after erasures', { nodes: members.length });
    await this.scavenge(leader, false, signal);
    for (const member of members) {
      if (member !== leader) await this.scavenge(member, true, signal);
    }
    await this.writeScavengedTo(upTo);
    this.scavengedTo = upTo;
    this.pending = this.pending.filter((p) => p.position > upTo);
    this.log('info', 'Every node is scavenged: erased events are gone from disk', {
      nodes: members.length,
    });
  }

  /** Runs one node scavenge to its end; a scavenge already running there is waited for. */
  private async scavenge(node: Member, syncOnly: boolean, signal: AbortSignal): Promise<void> {
    for (;;) {
      const id = await this.admin.startScavenge(node, syncOnly);
      for (;;) {
        await pause(Math.min(this.pollMs, 2000), signal);
        if (signal.aborted) throw new Error('aborted');
        const last = await this.admin.lastScavenge(node);
        if (last.result === 'InProgress') continue;
        // Restarted (nothing known since), or someone else's scavenge that we waited for.
        if (last.result === 'Unknown' || id === undefined) break;
        if (last.result === 'Success') return;
        throw new AdminApiError(
          200,
          `A scavenge on ${node.host}:${node.port} ended ${last.result}`,
        );
      }
    }
  }

  private async readScavengedTo(): Promise<GlobalPosition | undefined> {
    const result = await this.connection.run('the scavenge state', (client) =>
      client.getStreamMetadata(SCAVENGE_STATE_STREAM, { requiresLeader: true }),
    );
    const value = result.metadata?.[SCAVENGED_TO];
    return typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : undefined;
  }

  private async writeScavengedTo(position: GlobalPosition): Promise<void> {
    await this.connection.run('the scavenge state', (client) =>
      client.setStreamMetadata(
        SCAVENGE_STATE_STREAM,
        // Metadata streams keep one event by default; the state is that one event.
        { [SCAVENGED_TO]: position.toString(), stegvisScavengedAt: new Date().toISOString() },
        { requiresLeader: true },
      ),
    );
  }
}
