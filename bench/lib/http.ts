import { Agent, request } from 'node:http';

export type Reply = { readonly status: number; readonly body: string };

/**
 * A small keep-alive HTTP/1.1 client on node:http (no autocannon here): one socket per
 * concurrent request, reused, so connection set-up is not part of what is measured.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets = 64) {
    const url = new URL(baseUrl);
    // "localhost" may resolve to ::1 or 127.0.0.1 per call; pin the address once.
    this.host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  send(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = request(
        { host: this.host, port: this.port, method, path, headers, agent: this.agent },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Polls until `path` answers 200; resolves with the time it first did (performance.now()). */
export async function waitFor200(
  client: HttpClient,
  path: string,
  timeoutMs: number,
  intervalMs = 100,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const reply = await client.send('GET', path).catch(() => undefined);
    if (reply?.status === 200) return performance.now();
    if (performance.now() > deadline) {
      throw new Error(`${path} not 200 within ${timeoutMs} ms (last: ${reply?.status ?? 'error'})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
