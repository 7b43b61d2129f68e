/**
 * One node of the KurrentDB test double (a TEST DOUBLE, never used outside tests): its role in
 * the cluster, what it has replicated and scavenged, the faults a test switches on, and its
 * servers (gRPC behind the front door, the HTTP admin API on the same port).
 */
import {
  Server,
  ServerCredentials,
  type ServiceError,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { GossipService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_grpc_pb';
import {
  ClusterInfo,
  EndPoint,
  MemberInfo,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_pb';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { FrontDoor } from './front-door';
import { TOMBSTONE_TYPE, type DoubleLog, type LogRecord } from './log';
import { streamsService } from './streams-service';
import { rpc, toUuid } from './wire';

/** What a test can make a node do to the next calls of one kind. */
export type FaultKind =
  /** The call ends with UNAVAILABLE, as when the node goes away mid-call. */
  | 'unavailable'
  /** The node answers NotLeader, naming the current leader (itself when it is the only node). */
  | 'not-leader'
  /** NotHandled(NotReady): the node is starting or catching up. */
  | 'not-ready'
  /** The write timed out before it was written (a commit timeout without the commit). */
  | 'timeout'
  /** The write happened, but the answer is a timeout: a retry must not write it twice. */
  | 'timeout-after-write'
  /** The call is accepted and never answered, while the connection stays healthy. */
  | 'hang'
  /** A read answers one record twice: a position that does not increase. */
  | 'repeat-record'
  /** The caller may not do this (AccessDenied): no retry can cure it. */
  | 'access-denied';

export type Operation = 'read' | 'subscribe' | 'append' | 'tombstone';

/** How a node lets a call in: normally, not at all, or with a fault to answer. */
export type Admission =
  | undefined
  | 'hang'
  | 'not-ready'
  | 'timeout'
  | 'timeout-after-write'
  | 'repeat-record'
  | Partial<ServiceError>;

export type ScavengeResult = 'InProgress' | 'Success' | 'Stopped' | 'Errored';

export type NodeCluster = {
  readonly log: DoubleLog;
  readonly nodes: readonly DoubleNode[];
  readonly users:
    | ReadonlyMap<string, { readonly password: string; readonly groups: readonly string[] }>
    | undefined;
  readonly scavengeMs: number;
  leader(): DoubleNode | undefined;
  /** The newest scavenge point written to the log, if any (log position it scavenges up to). */
  latestScavengePoint(): bigint | undefined;
  writeScavengePoint(): bigint;
};

/** The versions the double says it is (what ServerFeatures reports). */
export const DOUBLE_SERVER_VERSION = '26.0.3';

export class DoubleNode {
  role: 'leader' | 'follower';
  readonly instanceId = randomUUID();
  private readonly grpc = new Server();
  private grpcPort = 0;
  private readonly http = createServer((request, response) => this.admin(request, response));
  private readonly door = new FrontDoor(() => this.grpcPort, this.http);
  private readonly faults = new Map<Operation, FaultKind[]>();
  private readonly calls = new Map<
    { cancelled: boolean; destroy?: (e?: Error) => void; end?: () => void },
    () => void
  >();
  private readonly visibilityListeners = new Set<() => void>();
  /** Log position up to which (exclusive) this node has the log; undefined: all of it. */
  private replicatedTo: bigint | undefined;
  /** Events of streams tombstoned at or before this are gone from this node's disk. */
  private scavengedTo = -1n;
  private lastScavenge: { readonly id: string; result: ScavengeResult } | undefined;
  private runningScavenge: NodeJS.Timeout | undefined;
  /**
   * What clients asked of this node: reads of each stream, `$all` records it examined, appends
   * it received (complete requests, whatever became of them), subscriptions now open.
   */
  readonly stats = {
    streamReads: new Map<string, number>(),
    allRecordsScanned: 0,
    appendsReceived: 0,
    openSubscriptions: 0,
  };
  /** Scavenges this node ran to completion, oldest first (what a test checks). */
  readonly scavenges: {
    readonly id: string;
    readonly syncOnly: boolean;
    readonly upTo: bigint | undefined;
  }[] = [];

  constructor(
    private readonly cluster: NodeCluster,
    role: 'leader' | 'follower',
  ) {
    this.role = role;
    const services: [
      typeof StreamsService | typeof GossipService | typeof ServerFeaturesService,
      UntypedServiceImplementation,
    ][] = [
      [StreamsService, streamsService(this)],
      [
        GossipService,
        {
          read: (_call: unknown, done: (e: null, r: ClusterInfo) => void) =>
            done(null, this.clusterInfo()),
        },
      ],
      [
        ServerFeaturesService,
        {
          getSupportedMethods: (_call: unknown, done: (e: null, r: SupportedMethods) => void) =>
            done(null, supportedMethods()),
        },
      ],
    ];
    for (const [definition, implementation] of services)
      this.grpc.addService(definition, implementation);
    this.cluster.log.subscribe(() => this.notifyVisible());
  }

  get log(): DoubleLog {
    return this.cluster.log;
  }

  get port(): number {
    return this.door.port;
  }

  get alive(): boolean {
    return this.door.listening;
  }

  async start(): Promise<void> {
    if (this.grpcPort === 0) {
      this.grpcPort = await new Promise<number>((resolve, reject) =>
        this.grpc.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) =>
          error ? reject(error) : resolve(port),
        ),
      );
    }
    await this.door.start();
  }

  /** The process stops: the port closes, every call and connection is cut, memory is lost. */
  async stop(): Promise<void> {
    await this.door.stop();
    for (const [call, cleanup] of this.calls) {
      cleanup();
      call.destroy?.();
    }
    this.calls.clear();
    if (this.runningScavenge !== undefined) {
      clearTimeout(this.runningScavenge);
      this.runningScavenge = undefined;
    }
    this.lastScavenge = undefined;
  }

  /** Stops, then starts again on the same port after `downMs`. The log (the disk) survives. */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.start();
  }

  async close(): Promise<void> {
    await this.stop();
    this.grpc.forceShutdown();
    this.http.closeAllConnections();
  }

  freeze(): void {
    this.door.freeze();
  }

  thaw(): void {
    this.door.thaw();
  }

  /** The next `times` calls of this kind answer with the fault. */
  failNext(operation: Operation, fault: FaultKind, times = 1): void {
    const queue = this.faults.get(operation) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.faults.set(operation, queue);
  }

  /** Stops replicating: this node keeps serving the log as it is now. */
  pauseReplication(): void {
    this.replicatedTo = this.log.writerCheckpoint;
  }

  resumeReplication(): void {
    this.replicatedTo = undefined;
    this.notifyVisible();
  }

  /** True while this node's disk still holds an event of the stream (other than its tombstone). */
  holdsEventsOf(streamName: string): boolean {
    return this.log
      .all()
      .some((r) => r.streamName === streamName && r.type !== TOMBSTONE_TYPE && this.onDisk(r));
  }

  // -------------------------------------------------------------------------------------------
  // Used by the services

  admit(operation: Operation, requiresLeader: boolean): Admission {
    const fault = this.faults.get(operation)?.shift();
    if (fault === 'unavailable') return rpc.notReady();
    if (fault === 'access-denied') return rpc.accessDenied();
    if (fault === 'not-leader' || (requiresLeader && this.role !== 'leader')) {
      const leader =
        fault === 'not-leader' ? (this.cluster.leader() ?? this) : this.cluster.leader();
      // During an election there is no leader to name (NotHandled without LeaderInfo).
      return leader === undefined ? rpc.noLeaderInfo() : rpc.notLeader('127.0.0.1', leader.port);
    }
    if (fault === 'not-ready' && operation !== 'append') return rpc.notReady();
    if (fault === 'timeout' && operation !== 'append') return rpc.timeout(operation);
    return fault;
  }

  readStream(streamName: string): readonly LogRecord[] | 'not_found' | 'deleted' {
    const { events, tombstone } = this.log.streamRecords(streamName);
    if (tombstone !== undefined && this.visible(tombstone)) return 'deleted';
    const visible = events.filter((r) => this.visible(r));
    return visible.length === 0 ? 'not_found' : visible;
  }

  /** The log as this node holds it: replicated, not scavenged away. */
  readAll(): LogRecord[] {
    return this.log.all().filter((r) => this.visible(r) && this.onDisk(r));
  }

  onVisibleChange(listener: () => void): () => void {
    this.visibilityListeners.add(listener);
    return () => this.visibilityListeners.delete(listener);
  }

  trackCall(
    call: { cancelled: boolean; on(event: 'close', listener: () => void): unknown },
    cleanup: () => void,
  ): void {
    const entry = call as unknown as { cancelled: boolean; destroy?: (e?: Error) => void };
    this.calls.set(entry, cleanup);
    call.on('close', () => this.calls.delete(entry));
  }

  // -------------------------------------------------------------------------------------------

  private visible(record: LogRecord): boolean {
    return this.replicatedTo === undefined || record.position < this.replicatedTo;
  }

  private onDisk(record: LogRecord): boolean {
    if (record.type === TOMBSTONE_TYPE) return true;
    const tombstone = this.log.tombstoneOf(record.streamName);
    return tombstone === undefined || tombstone.position > this.scavengedTo;
  }

  private notifyVisible(): void {
    for (const listener of this.visibilityListeners) listener();
  }

  private clusterInfo(): ClusterInfo {
    const info = new ClusterInfo();
    for (const node of this.cluster.nodes) {
      const member = new MemberInfo()
        .setInstanceId(toUuid(node.instanceId, false))
        .setTimeStamp(String(Date.now() * 10_000))
        .setState(
          node.role === 'leader' ? MemberInfo.VNodeState.LEADER : MemberInfo.VNodeState.FOLLOWER,
        )
        .setIsAlive(node.alive)
        .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(node.port));
      info.addMembers(member);
    }
    return info;
  }

  // -------------------------------------------------------------------------------------------
  // HTTP admin API (AdminController.cs, GossipController.cs)

  private admin(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://double');
    const reply = (status: number, body?: unknown): void => {
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.method === 'GET' && url.pathname === '/health/live') return reply(204);
    if (request.method === 'GET' && url.pathname === '/gossip')
      return reply(200, this.gossipJson());
    if (!url.pathname.startsWith('/admin/scavenge')) return reply(404);
    if (!this.authorised(request)) {
      response.writeHead(401, { 'content-type': 'text/plain' });
      return void response.end('User not authorized');
    }
    if (request.method === 'POST' && url.pathname === '/admin/scavenge') {
      const syncOnly = url.searchParams.get('syncOnly');
      if (syncOnly !== null && syncOnly !== 'true' && syncOnly !== 'false') {
        response.writeHead(400, { 'content-type': 'text/plain' });
        return void response.end('syncOnly must be a boolean');
      }
      const started = this.startScavenge(syncOnly === 'true');
      if (started === undefined) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        return void response.end('Scavenge is already running');
      }
      return reply(200, { scavengeId: started });
    }
    if (request.method === 'GET' && url.pathname === '/admin/scavenge/last') {
      const last = this.lastScavenge;
      // Unknown is the enum's default, which the server's serializer leaves out.
      if (last === undefined) return reply(200, {});
      return reply(200, {
        scavengeId: last.id,
        scavengeLink: `/admin/scavenge/${last.id}`,
        scavengeResult: last.result,
      });
    }
    if (request.method === 'GET' && url.pathname === '/admin/scavenge/current') {
      const last = this.lastScavenge;
      return reply(
        200,
        last?.result === 'InProgress'
          ? { scavengeId: last.id, scavengeLink: `/admin/scavenge/${last.id}` }
          : {},
      );
    }
    return reply(404);
  }

  private authorised(request: IncomingMessage): boolean {
    const users = this.cluster.users;
    if (users === undefined) return true;
    const header = request.headers.authorization ?? '';
    const match = /^Basic (.+)$/.exec(header);
    if (match?.[1] === undefined) return false;
    const [name, ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
    const user = name === undefined ? undefined : users.get(name);
    return (
      user !== undefined &&
      user.password === rest.join(':') &&
      (user.groups.includes('$ops') || user.groups.includes('$admins'))
    );
  }

  /**
   * StorageScavenger + Scavenger: one scavenge at a time per node. Without syncOnly it scavenges
   * up to the newest scavenge point it has not reached, writing a new one first when there is
   * none; with syncOnly it only ever scavenges to an existing point, else does nothing.
   */
  private startScavenge(syncOnly: boolean): string | undefined {
    if (this.lastScavenge?.result === 'InProgress') return undefined;
    const id = randomUUID();
    this.lastScavenge = { id, result: 'InProgress' };
    const stream = `$scavenges-${id}`;
    const nodeEndpoint = `127.0.0.1:${this.port}`;
    this.log.writeSystem(`$$${stream}`, '$metadata', { $maxAge: 2_592_000, $acl: { $r: '$ops' } });
    this.log.writeSystem(stream, '$scavengeStarted', { scavengeId: id, nodeEndpoint });
    const started = Date.now();
    this.runningScavenge = setTimeout(() => {
      this.runningScavenge = undefined;
      let point = this.cluster.latestScavengePoint();
      if (!syncOnly && (point === undefined || point <= this.scavengedTo))
        point = this.cluster.writeScavengePoint();
      const reached = point !== undefined && point > this.scavengedTo ? point : undefined;
      if (reached !== undefined) this.scavengedTo = reached;
      this.scavenges.push({ id, syncOnly, upTo: reached });
      if (this.lastScavenge?.id === id) this.lastScavenge.result = 'Success';
      this.log.writeSystem(stream, '$scavengeCompleted', {
        scavengeId: id,
        nodeEndpoint,
        result: 'Success',
        error: null,
        timeTaken: `00:00:00.${String(Date.now() - started).padStart(3, '0')}`,
        spaceSaved: 0,
        maxChunkScavenged: 0,
      });
    }, this.cluster.scavengeMs);
    return id;
  }

  private gossipJson(): unknown {
    return {
      members: this.cluster.nodes.map((node) => ({
        instanceId: node.instanceId,
        timeStamp: new Date().toISOString(),
        state: node.role === 'leader' ? 'Leader' : 'Follower',
        isAlive: node.alive,
        httpEndPointIp: '127.0.0.1',
        httpEndPointPort: node.port,
      })),
      serverIp: '127.0.0.1',
      serverPort: this.port,
    };
  }
}

function supportedMethods(): SupportedMethods {
  const result = new SupportedMethods().setEventStoreServerVersion(DOUBLE_SERVER_VERSION);
  const methods: [string, string, string[]][] = [
    ['event_store.client.streams.streams', 'read', ['position', 'events']],
    ['event_store.client.streams.streams', 'batchappend', ['deadline_duration']],
    ['event_store.client.streams.streams', 'delete', []],
    ['event_store.client.streams.streams', 'tombstone', []],
    ['event_store.client.gossip.gossip', 'read', []],
    ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
  ];
  for (const [serviceName, methodName, features] of methods) {
    result.addMethods(
      new SupportedMethod()
        .setServiceName(serviceName)
        .setMethodName(methodName)
        .setFeaturesList(features),
    );
  }
  return result;
}
