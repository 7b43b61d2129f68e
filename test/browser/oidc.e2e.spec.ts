import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { logLines, startApiProcess, stop, type Started } from '../support/process';
import { heading, launch, openTab } from './web-browser';

/**
 * Single sign-on (DESIGN §7) against a real OpenID provider (the `oidc-provider` package, run
 * by this test) with the API as its own process: an invited address signs in with
 * "Logga in med organisationskonto", any other address is refused.
 */
jest.setTimeout(120_000);

const CLIENT = { id: 'stegvis', secret: 'a-client-secret-for-the-test-provider' };

/** A port free now, for a process that must know its own address before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function startProvider(port: number, redirectUri: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'support', 'oidc-provider.mjs')], {
    env: {
      ...process.env,
      PORT: String(port),
      CLIENT_ID: CLIENT.id,
      CLIENT_SECRET: CLIENT.secret,
      REDIRECT_URI: redirectUri,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider did not start:\n${output}`)), 20_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"ready":true')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`provider exited with ${code}:\n${output}`)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-oidc-'));
let provider: ChildProcess | undefined;
let api: Started | undefined;
let browser: Browser;
/** The API as the provider knows it (its registered redirect address names this host). */
let base: string;

beforeAll(async () => {
  const [providerPort, apiPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${apiPort}`;
  provider = await startProvider(providerPort, `${base}/v1/auth/oidc/callback`);
  api = await startApiProcess({
    DATA_DIR: dataDir,
    PORT: String(apiPort),
    AUTH_SECRET: 'oidc-test-secret-of-at-least-32-characters',
    EVENTSTORE_URL: '',
    REDIS_URL: '',
    OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
  });
  // The first admin, from the printed address, invites a chief who never chooses a password.
  const setup = String(logLines(api.output()).find((l) => l['setup'])?.['setup']);
  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const made = await post('/v1/auth/setup', {
    code: new URL(setup).searchParams.get('kod'),
    email: 'admin@stegvis.se',
    name: 'Ada Admin',
    password: 'administratörens långa lösenord',
  });
  expect(made.status).toBe(200);
  const session = {
    Cookie: (made.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'X-CSRF-Token': String(((await made.json()) as { csrfToken: string }).csrfToken),
  };
  const association = await post(
    '/v1/associations',
    { name: 'Förbundet med SSO', orgNumber: '222000-1974', parties: ['FK', 'AF'] },
    session,
  );
  const { associationId } = (await association.json()) as { associationId: string };
  const invited = await post(
    `/v1/associations/${associationId}/users`,
    { email: 'karin@kommun.se', name: 'Karin Berg', role: 'chief' },
    session,
  );
  expect(invited.status).toBe(201);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (api) await stop(api.child, 'SIGKILL');
  if (provider) await stop(provider, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Through the provider's own login page, as the person whose address `login` is. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  // The provider's development pages import a web font; nothing leaves this machine.
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await page.goto(`${base}/logga-in`);
  await heading(page, 'Logga in').waitFor();
  await page.getByRole('link', { name: 'Logga in med organisationskonto' }).click();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('vad som helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  // The provider asks for consent the first time this client asks for these claims.
  await Promise.race([consent.click(), page.waitForURL((url) => url.origin === base)]).catch(
    () => undefined,
  );
}

it('signs in an invited address with "Logga in med organisationskonto"', async () => {
  const { page, context } = await openTab(browser);
  await signInAtProvider(page, 'karin@kommun.se');
  await heading(page, /uppföljning/).waitFor();
  expect(new URL(page.url()).pathname).toBe('/rapport');
  expect(await page.locator('.session__who').textContent()).toContain('Karin Berg');
  await context.close();
});

it('refuses an address nobody invited, and says so on the sign-in page', async () => {
  const { page, context } = await openTab(browser);
  await signInAtProvider(page, 'okand@kommun.se');
  await page
    .getByRole('alert')
    .filter({ hasText: 'Ditt organisationskonto är inte inbjudet till Stegvis.' })
    .waitFor();
  expect(new URL(page.url()).pathname).toBe('/logga-in');
  const session = await page.evaluate(() =>
    fetch('/v1/auth/session').then((r) => r.json() as Promise<{ signedIn: boolean }>),
  );
  expect(session.signedIn).toBe(false);
  await context.close();
});
