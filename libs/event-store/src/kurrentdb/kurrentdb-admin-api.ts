/**
 * The part of KurrentDB's HTTP admin API that scavenging needs: the cluster's members
 * (`GET /gossip`), starting a node scavenge (`POST /admin/scavenge`, `?syncOnly=true` on
 * followers) and its outcome (`GET /admin/scavenge/last`, KurrentDB 25.1 and later). The gRPC
 * Operations service has no syncOnly and no outcome, which is why KurrentDB's own
 * auto-scavenge also coordinates nodes over HTTP. Requests go to the port of the connection
 * string (KurrentDB serves HTTP and gRPC on one port), with its TLS settings.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { normaliseConnectionString } from './kurrentdb-mapping';

export type Endpoint = { readonly host: string; readonly port: number };

export type Member = Endpoint & {
  readonly state: string;
  readonly alive: boolean;
};

export type Credentials = { readonly username: string; readonly password: string };

export type LastScavenge =
  | { readonly result: 'Unknown' }
  | {
      readonly scavengeId: string;
      readonly result: 'InProgress' | 'Success' | 'Stopped' | 'Errored' | 'Unknown';
    };

/** The admin API refused or failed a request; `status` is the HTTP status (0: no answer). */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Tls = { readonly secure: boolean; readonly ca?: Buffer; readonly verify: boolean };

export class KurrentDbAdminApi {
  readonly seeds: readonly Endpoint[];
  private readonly tls: Tls;

  constructor(
    connectionString: string,
    private readonly credentials: Credentials | undefined,
    private readonly timeoutMs: number,
  ) {
    const parsed = parseConnectionString(connectionString);
    this.seeds = parsed.hosts;
    this.tls = parsed.tls;
  }

  /** The cluster as the first seed that answers sees it. */
  async members(): Promise<Member[]> {
    let failure: Error = new AdminApiError(0, 'The connection string names no node');
    for (const seed of this.seeds) {
      try {
        const body = (await this.send(seed, 'GET', '/gossip')) as { members?: unknown };
        return (Array.isArray(body.members) ? (body.members as unknown[]) : []).map(toMember);
      } catch (error) {
        failure = error instanceof Error ? error : new AdminApiError(0, String(error));
      }
    }
    throw failure;
  }

  /**
   * Starts a scavenge on the node; undefined when one is already running there (the node
   * refuses a second one with 400).
   */
  async startScavenge(node: Endpoint, syncOnly: boolean): Promise<string | undefined> {
    try {
      const body = (await this.send(
        node,
        'POST',
        `/admin/scavenge${syncOnly ? '?syncOnly=true' : ''}`,
      )) as { scavengeId?: unknown };
      if (typeof body.scavengeId !== 'string') {
        throw new AdminApiError(200, 'The node did not say which scavenge it started');
      }
      return body.scavengeId;
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 400) return undefined;
      throw error;
    }
  }

  async lastScavenge(node: Endpoint): Promise<LastScavenge> {
    const body = (await this.send(node, 'GET', '/admin/scavenge/last')) as {
      scavengeId?: unknown;
      scavengeResult?: unknown;
    };
    // The server leaves the enum's default (Unknown: nothing since the node started) out.
    const result = typeof body.scavengeResult === 'string' ? body.scavengeResult : 'Unknown';
    if (typeof body.scavengeId !== 'string') return { result: 'Unknown' };
    const known = ['InProgress', 'Success', 'Stopped', 'Errored'] as const;
    return {
      scavengeId: body.scavengeId,
      result: (known as readonly string[]).includes(result)
        ? (result as (typeof known)[number])
        : 'Unknown',
    };
  }

  private send(node: Endpoint, method: 'GET' | 'POST', path: string): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.credentials !== undefined) {
      const { username, password } = this.credentials;
      headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    const request = this.tls.secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: node.host,
          port: node.port,
          method,
          path,
          headers,
          timeout: this.timeoutMs,
          ...(this.tls.secure ? { ca: this.tls.ca, rejectUnauthorized: this.tls.verify } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            // Never echo the answer of a refused request: it is the server's text, not ours.
            if (status < 200 || status >= 300) {
              return reject(new AdminApiError(status, `${method} ${path} answered ${status}`));
            }
            try {
              resolve(text === '' ? {} : (JSON.parse(text) as unknown));
            } catch {
              reject(new AdminApiError(status, `${method} ${path} did not answer JSON`));
            }
          });
          res.on('error', (error) => reject(error));
        },
      );
      req.on('timeout', () => req.destroy(new AdminApiError(0, `${method} ${path} timed out`)));
      req.on('error', (error) =>
        reject(error instanceof AdminApiError ? error : new AdminApiError(0, error.message)),
      );
      req.end();
    });
  }
}

function toMember(value: unknown): Member {
  const member = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const text = (key: string, fallback: string): string =>
    typeof member[key] === 'string' ? member[key] : fallback;
  return {
    host: text('httpEndPointIp', ''),
    port: Number(member.httpEndPointPort ?? 0),
    state: text('state', 'Unknown'),
    alive: member.isAlive === true,
  };
}

/**
 * Hosts and TLS settings of a connection string (`kurrentdb://[user:pass@]h1:2113,h2:2113?…`),
 * read the way the client reads them: TLS unless `tls=false`, `tlsCAFile`, `tlsVerifyCert`.
 */
export function parseConnectionString(connectionString: string): {
  hosts: Endpoint[];
  tls: Tls;
} {
  const normalised = normaliseConnectionString(connectionString);
  const afterScheme = normalised.slice(normalised.indexOf('://') + 3);
  const queryAt = afterScheme.indexOf('?');
  const authority = (queryAt === -1 ? afterScheme : afterScheme.slice(0, queryAt)).replace(
    /\/$/,
    '',
  );
  const hostList = authority.slice(authority.lastIndexOf('@') + 1);
  const params = new URLSearchParams(queryAt === -1 ? '' : afterScheme.slice(queryAt + 1));
  const param = (name: string): string | undefined => {
    for (const [key, value] of params) if (key.toLowerCase() === name.toLowerCase()) return value;
    return undefined;
  };
  const hosts = hostList.split(',').map((entry) => {
    const colon = entry.lastIndexOf(':');
    return colon === -1
      ? { host: entry, port: 2113 }
      : { host: entry.slice(0, colon), port: Number(entry.slice(colon + 1)) };
  });
  const caFile = param('tlsCAFile');
  return {
    hosts,
    tls: {
      secure: param('tls')?.toLowerCase() !== 'false',
      ...(caFile === undefined ? {} : { ca: readFileSync(caFile) }),
      verify: param('tlsVerifyCert')?.toLowerCase() !== 'false',
    },
  };
}
