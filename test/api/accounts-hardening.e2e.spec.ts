import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type Api } from '../support/api-harness';
import { logLines, startApiProcess, stop, type Started } from '../support/process';
import { deleteRedisKeys, TEST_REDIS_URL } from '../support/redis';

/**
 * DESIGN §7, hardened: the setup code shared by every replica and surviving a restart, and
 * sign-in refused from another site's page (login CSRF). The cookies: accounts-cookies.e2e.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codeOf = (address: string | undefined) => (address ?? '').split('kod=')[1] ?? '';
const ADMIN = {
  email: 'admin@forbundet.se',
  name: 'Ada Admin',
  password: 'ett långt lösenord här',
};

describe('the setup code, with two replicas and a restart (Redis, every log line written)', () => {
  const prefix = `t-${randomUUID()}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-setup-replicas-'));
  const env = {
    DATA_DIR: dataDir,
    PORT: '0',
    AUTH_SECRET: 'setup-replicas-secret-of-at-least-32-chars',
    EVENTSTORE_URL: '',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'trace',
  };
  const running: Started[] = [];
  afterAll(async () => {
    await Promise.all(running.map((r) => stop(r.child, 'SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(prefix);
  });

  const bannerOf = (started: Started) =>
    logLines(started.output()).find((l) => l.msg?.startsWith('Stegvis körs på '));
  const printedCode = (started: Started) =>
    new URL(String(bannerOf(started)?.['setup'])).searchParams.get('kod') ?? '';
  const setUp = (started: Started, code: string, headers: Record<string, string> = {}) =>
    fetch(`${started.url}/v1/auth/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ ...ADMIN, code }),
    });

  it('a printed address works through the other replica and after a restart, once', async () => {
    const [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    running.push(a, b);
    const codeA = printedCode(a);
    const codeB = printedCode(b);
    expect([codeA, codeB]).toEqual([
      expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    ]);

    // A restarts before the setup: it prints a new address; the one it printed before still works.
    await stop(a.child);
    const restarted = await startApiProcess(env);
    running.push(restarted);
    const codeRestarted = printedCode(restarted);
    expect(codeRestarted).not.toBe(codeA);
    const status = await fetch(`${b.url}/v1/auth/setup`);
    expect(await status.json()).toEqual({ available: true });

    const bodies: string[] = [];
    const wrong = await setUp(restarted, 'A'.repeat(43));
    bodies.push(await wrong.text());
    expect(wrong.status).toBe(422);

    // Printed by a process that is gone, redeemed through another replica.
    const made = await setUp(b, codeA);
    expect(made.status).toBe(200);
    expect(((await made.json()) as { user: { role: string } }).user.role).toBe('admin');

    // Used once, every printed address is over: on each replica.
    for (const [replica, code] of [
      [restarted, codeA],
      [b, codeA],
      [restarted, codeRestarted],
      [b, codeB],
    ] as const) {
      const again = await setUp(replica, code);
      const text = await again.text();
      bodies.push(text);
      expect(again.status).toBe(422);
      expect(JSON.parse(text)).toMatchObject({ code: 'setup_unavailable' });
    }
    expect(await (await fetch(`${restarted.url}/v1/auth/setup`)).json()).toEqual({
      available: false,
    });

    await Promise.all([stop(b.child), stop(restarted.child)]);
    const codes = [codeA, codeB, codeRestarted];
    for (const text of bodies) {
      for (const code of codes) {
        expect(text).not.toContain(code);
        expect(text).not.toContain(sha256(code));
      }
    }
    const lines = [a, b, restarted].flatMap((started) => logLines(started.output()));
    expect(lines.filter((line) => line.req !== undefined).length).toBeGreaterThan(6);
    for (const line of lines) {
      const banner = line.msg?.startsWith('Stegvis körs på ') ?? false;
      const text = JSON.stringify(line);
      for (const code of codes) expect(text).not.toContain(sha256(code));
      // Each code is printed by its own start line, and nowhere else.
      const shown = codes.filter((code) => text.includes(code));
      expect(shown).toHaveLength(banner ? 1 : 0);
    }
  }, 120_000);
});

describe('the setup code on the embedded store (DATA_DIR/auth.db)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-setup-embedded-'));
  let a: Api;
  let b: Api;
  beforeAll(async () => {
    a = await startApi({ DATA_DIR: dataDir });
    b = await startApi({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('printed by one instance, redeemed through the other; a used code is refused', async () => {
    const code = codeOf(a.takeSetupAddress());
    const other = codeOf(b.takeSetupAddress());
    await b.http
      .post('/v1/auth/setup')
      .send({ ...ADMIN, code })
      .expect(200);
    for (const [api, used] of [
      [a, code],
      [b, code],
      [a, other],
    ] as const) {
      const res = await api.http
        .post('/v1/auth/setup')
        .send({ ...ADMIN, email: 'eve@forbundet.se', code: used })
        .expect(422);
      expect(res.body.code).toBe('setup_unavailable');
      expect(res.text).not.toContain(used);
    }
  });
});

describe('sign-in only from the app’s own pages (login CSRF)', () => {
  let api: Api;
  let own: string;
  beforeAll(async () => {
    api = await startApi();
    // Listening on one port, supertest asks for 127.0.0.1:<port>: the app's own origin.
    await api.app.listen(0, '127.0.0.1');
    own = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => api.close());

  const routes = [
    ['/v1/auth/setup', { ...ADMIN, code: 'A'.repeat(43) }],
    ['/v1/auth/invitations/accept', { code: 'U-0000000000_x', password: ADMIN.password }],
    ['/v1/auth/login', { email: ADMIN.email, password: ADMIN.password }],
  ] as const;
  const refusing = (): Record<string, string>[] => [
    { 'Sec-Fetch-Site': 'cross-site' },
    { Origin: 'https://angripare.example' },
    // Another port of the same machine is another origin.
    { Origin: 'http://127.0.0.1:1' },
    { Origin: 'null' },
    { Origin: own, 'Sec-Fetch-Site': 'cross-site' },
  ];

  it.each(routes)('%s refuses a request from another site’s page', async (path, body) => {
    const before = (await api.allEvents()).length;
    for (const headers of refusing()) {
      const res = await api.http.post(path).set(headers).send(body).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 403, code: 'cross_origin_refused' });
      expect(res.body.detail).toMatch(/annan webbplats.*Öppna Stegvis/);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await api.allEvents()).length).toBe(before);
  });

  it('takes the app’s own pages, and scripts that send neither header', async () => {
    const address = api.takeSetupAddress();
    await api.http
      .post('/v1/auth/setup')
      .set({ Origin: own, 'Sec-Fetch-Site': 'same-origin' })
      .send({ ...ADMIN, code: codeOf(address) })
      .expect(200);
    const login = { email: ADMIN.email, password: ADMIN.password };
    for (const headers of [
      {},
      { Origin: own },
      { 'Sec-Fetch-Site': 'same-origin' },
      // Typed into the address bar, or a bookmark: no site at all.
      { 'Sec-Fetch-Site': 'none' },
    ]) {
      await api.http.post('/v1/auth/login').set(headers).send(login).expect(200);
    }
    // Not an account: past the origin check, to the same answer as any failure.
    const accept = await api.http
      .post('/v1/auth/invitations/accept')
      .set({ Origin: own })
      .send({ code: 'U-0000000000_x', password: ADMIN.password });
    expect(accept.status).not.toBe(403);
  });
});
