import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type Api } from '../support/api-harness';
import { startApiProcess, stop, type Started } from '../support/process';

/**
 * DESIGN §7: behind https the cookies carry the `__Host-` prefix, so a page on a subdomain can
 * neither set nor overwrite them; over http (development) they keep their plain names.
 */
const ADMIN = {
  email: 'admin@forbundet.se',
  name: 'Ada Admin',
  password: 'ett långt lösenord här',
};
const codeOf = (address: string | undefined) => (address ?? '').split('kod=')[1] ?? '';

/** A port free now, for the provider, which must know its address before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('signed in over http and behind https', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
    await api.http
      .post('/v1/auth/setup')
      .send({ ...ADMIN, code: codeOf(api.takeSetupAddress()) })
      .expect(200);
  });
  afterAll(() => api.close());

  const signIn = (headers: Record<string, string> = {}) =>
    api.http
      .post('/v1/auth/login')
      .set(headers)
      .send({ email: ADMIN.email, password: ADMIN.password });
  const sessionCookie = (res: { headers: Record<string, unknown> }) =>
    String(res.headers['set-cookie']);

  it('over http the session cookie has its plain name (development)', async () => {
    const cookie = sessionCookie(await signIn().expect(200));
    expect(cookie).toMatch(
      /^stegvis_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
  });

  it('behind https it is __Host-: Secure, Path=/, no Domain; only that name signs in', async () => {
    const https = { 'X-Forwarded-Proto': 'https' };
    const res = await signIn(https).expect(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(
      /^__Host-stegvis_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const id = cookie.split(';')[0]?.split('=')[1] ?? '';
    await api.http
      .get('/v1/auth/me')
      .set(https)
      .set('Cookie', `__Host-stegvis_session=${id}`)
      .expect(200);
    // The plain name, as a subdomain could set it, is not read behind https.
    await api.http.get('/v1/auth/me').set(https).set('Cookie', `stegvis_session=${id}`).expect(401);
    const out = await api.http
      .post('/v1/auth/logout')
      .set(https)
      .set('Cookie', `__Host-stegvis_session=${id}`)
      .set('X-CSRF-Token', res.body.csrfToken as string)
      .expect(204);
    expect(sessionCookie(out)).toMatch(/^__Host-stegvis_session=; Path=\/; Expires=.*; Secure/);
    await api.http
      .get('/v1/auth/me')
      .set(https)
      .set('Cookie', `__Host-stegvis_session=${id}`)
      .expect(401);
  });
});

describe('the single sign-on flow’s cookie over http and behind https', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-oidc-cookie-'));
  let provider: ReturnType<typeof spawn> | undefined;
  let api: Started | undefined;
  beforeAll(async () => {
    // A real provider (test/support/oidc-provider.mjs) for the API's discovery; no one signs in.
    const port = await freePort();
    const started = spawn(
      process.execPath,
      [join(__dirname, '..', 'support', 'oidc-provider.mjs')],
      {
        env: {
          ...process.env,
          PORT: String(port),
          CLIENT_ID: 'stegvis',
          CLIENT_SECRET: 'a-client-secret-for-the-test-provider',
          REDIRECT_URI: 'http://127.0.0.1/v1/auth/oidc/callback',
        },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    provider = started;
    await new Promise<void>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('"ready":true')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`the provider exited with ${code}`)));
    });
    api = await startApiProcess({
      DATA_DIR: dataDir,
      PORT: '0',
      AUTH_SECRET: 'oidc-cookie-secret-of-at-least-32-characters',
      EVENTSTORE_URL: '',
      REDIS_URL: '',
      OIDC_ISSUER: `http://127.0.0.1:${port}`,
      OIDC_CLIENT_ID: 'stegvis',
      OIDC_CLIENT_SECRET: 'a-client-secret-for-the-test-provider',
    });
  });
  afterAll(async () => {
    if (api) await stop(api.child, 'SIGKILL');
    if (provider) await stop(provider, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api?.url ?? ''}${path}`, { headers, redirect: 'manual' });

  it('is limited to /v1/auth/oidc over http, and __Host- with Path=/ behind https', async () => {
    const plain = await get('/v1/auth/oidc/start');
    expect(plain.status).toBe(303);
    expect(plain.headers.get('set-cookie')).toMatch(
      /^stegvis_oidc=[^;]+; Max-Age=600; Path=\/v1\/auth\/oidc; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );

    const https = { 'X-Forwarded-Proto': 'https' };
    const secure = await get('/v1/auth/oidc/start', https);
    expect(secure.status).toBe(303);
    const cookie = secure.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^__Host-stegvis_oidc=[^;]+; Max-Age=600; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/,
    );
    // Back without the provider's code: refused, and the flow's cookie of that name cleared.
    const back = await get('/v1/auth/oidc/callback?state=x', {
      ...https,
      Cookie: cookie.split(';')[0] ?? '',
    });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/logga-in?organisationskonto=misslyckades');
    expect(back.headers.get('set-cookie')).toMatch(/^__Host-stegvis_oidc=; Path=\/; Expires=/);
  });
});
