/**
 * A KurrentDB TEST DOUBLE: a gRPC server (grpc-js, with the service definitions and message
 * classes the official client ships in `@kurrent/kurrentdb-client/generated`) that answers the
 * real client over the wire the way a KurrentDB node does, so that `npm test` exercises the
 * Stegvis adapter through the real client, its Rust read bridge, its batch-append stream and its
 * error conversion, where no real server can run. It is never used outside tests, and it is not
 * KurrentDB: it serves only what the adapter uses (Streams Read / BatchAppend / Tombstone,
 * ServerFeatures, Gossip, and the HTTP admin API for scavenges and gossip), from memory.
 *
 * What it reproduces, each from the server's sources (see log.ts and streams-service.ts):
 * commit = prepare positions with gaps; `$all` reads inclusive of their start position and
 * subscriptions exclusive of it; `$`-prefixed system records in the log; tombstones written as
 * `$streamDeleted` records, with the deleted stream's events still in `$all` until each node
 * scavenges; lower-cased event ids; the server's idempotency rules; MaxAppendSize (1 MiB, the
 * default up to KurrentDB 25.0); the append answer carrying the last event's position.
 *
 * What a test can switch on: faults on the next calls (`failNext`: NotLeader, Unavailable,
 * NotReady, timeouts, a call that hangs), a frozen node (`freeze`: connections accepted, nothing
 * answered), a restart (`restart`: port closed, connections cut, log kept), a lagging follower
 * (`pauseReplication`) and a leader change (`electLeader`).
 */
import { DoubleLog } from './log';
import { DoubleNode, type NodeCluster } from './node';

export type { FaultKind, Operation } from './node';
export { DoubleNode } from './node';
export { TOMBSTONE_TYPE, type LogRecord } from './log';

export type KurrentDbDoubleOptions = {
  /** Nodes in the cluster; the first is the leader. Default 1. */
  readonly nodes?: number;
  /** MaxAppendSize in bytes (Event.SizeOnDisk summed over one append). Default 1 MiB. */
  readonly maxAppendSize?: number;
  /** When set, the HTTP admin API requires one of these users in `$ops` or `$admins`. */
  readonly users?: Readonly<
    Record<string, { readonly password: string; readonly groups: readonly string[] }>
  >;
  /** How long one node scavenge takes. Default 20 ms. */
  readonly scavengeMs?: number;
};

export class KurrentDbDouble implements NodeCluster {
  readonly log: DoubleLog;
  readonly nodes: DoubleNode[] = [];
  readonly users: NodeCluster['users'];
  readonly scavengeMs: number;
  private readonly scavengePoints: bigint[] = [];

  private constructor(options: KurrentDbDoubleOptions) {
    this.log = new DoubleLog(options.maxAppendSize ?? 1024 * 1024);
    this.users = options.users === undefined ? undefined : new Map(Object.entries(options.users));
    this.scavengeMs = options.scavengeMs ?? 20;
    const count = options.nodes ?? 1;
    for (let i = 0; i < count; i += 1)
      this.nodes.push(new DoubleNode(this, i === 0 ? 'leader' : 'follower'));
  }

  static async start(options: KurrentDbDoubleOptions = {}): Promise<KurrentDbDouble> {
    const double = new KurrentDbDouble(options);
    for (const node of double.nodes) await node.start();
    return double;
  }

  /** The first node: the leader unless a test elected another. */
  get node(): DoubleNode {
    const first = this.nodes[0];
    if (first === undefined) throw new Error('the double has no node');
    return first;
  }

  /**
   * The connection string a deployment would use: one node directly, a cluster through its
   * gossip seeds (the client discovers the leader).
   */
  connectionString(extra: Record<string, string> = {}): string {
    const hosts = this.nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
    const params = new URLSearchParams({
      tls: 'false',
      ...(this.nodes.length > 1 ? { nodePreference: 'leader' } : {}),
      ...extra,
    });
    return `kurrentdb://${hosts}?${params.toString()}`;
  }

  leader(): DoubleNode | undefined {
    return this.nodes.find((node) => node.role === 'leader' && node.alive);
  }

  /** A leader change: the node becomes leader, every other node a follower. */
  electLeader(node: DoubleNode): void {
    for (const other of this.nodes) other.role = other === node ? 'leader' : 'follower';
  }

  latestScavengePoint(): bigint | undefined {
    return this.scavengePoints.at(-1);
  }

  /** Writes a `$scavengePoint` into the log (replicated to every node) and returns its reach. */
  writeScavengePoint(): bigint {
    const upTo = this.log.writerCheckpoint;
    this.log.writeSystem('$scavengePoints', '$scavengePoint', {
      number: this.scavengePoints.length,
      effectiveNow: new Date().toISOString(),
      threshold: 0,
    });
    this.scavengePoints.push(upTo);
    return upTo;
  }

  async close(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.close()));
  }
}
