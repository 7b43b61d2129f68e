/**
 * The port of a KurrentDB test-double node (a TEST DOUBLE, never used outside tests). Like a
 * real node it serves gRPC (HTTP/2 without TLS) and the HTTP/1.1 admin API on one port: each
 * connection is routed by its first bytes, the HTTP/2 preface to the gRPC server and anything
 * else to the HTTP server. Being the only way in, it also plays the network and the process:
 *
 * - `freeze()`: connections are still accepted, but no byte is read or answered, on new and
 *   existing connections alike, like a node whose process is stopped (SIGSTOP) or wedged;
 * - `stop()` / `start()`: the port closes and every connection is cut, then it listens again on
 *   the same port, like a node restarting.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Server as HttpServer } from 'node:http';

const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n');

export class FrontDoor {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly waitingForThaw = new Set<() => void>();
  private frozen = false;
  private boundPort = 0;

  constructor(
    private readonly grpcPort: () => number,
    private readonly http: HttpServer,
  ) {}

  get port(): number {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server !== undefined) return;
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    this.boundPort = address.port;
    this.server = server;
  }

  /** Closes the port and cuts every connection (the node process is gone). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  freeze(): void {
    this.frozen = true;
    for (const socket of this.sockets) socket.pause();
  }

  thaw(): void {
    this.frozen = false;
    for (const socket of this.sockets) socket.resume();
    for (const resume of this.waitingForThaw) resume();
    this.waitingForThaw.clear();
  }

  private accept(client: Socket): void {
    this.track(client);
    // Without it, Nagle's algorithm holds small gRPC frames back ~40 ms on every hop.
    client.setNoDelay(true);
    client.on('error', () => undefined);
    const route = (): void => {
      client.once('data', (first: Buffer) => {
        client.pause();
        if (first.subarray(0, HTTP2_PREFACE.length).equals(HTTP2_PREFACE))
          this.toGrpc(client, first);
        else {
          client.unshift(first);
          this.http.emit('connection', client);
          if (!this.frozen) client.resume();
        }
      });
    };
    if (this.frozen) {
      client.pause();
      this.waitingForThaw.add(route);
    } else route();
  }

  private toGrpc(client: Socket, first: Buffer): void {
    const upstream = createConnection({ port: this.grpcPort(), host: '127.0.0.1', noDelay: true });
    this.track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.write(first);
    this.forward(client, upstream);
    this.forward(upstream, client);
    if (this.frozen) {
      client.pause();
      upstream.pause();
    } else client.resume();
  }

  /** Like pipe, but a drained destination never resumes a frozen source. */
  private forward(from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (!to.write(chunk)) from.pause();
    });
    to.on('drain', () => {
      if (!this.frozen) from.resume();
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
