import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLines, runUser, startApiProcess, stop, type Started } from '../support/process';

/**
 * DESIGN §7 as an operator meets it: the first start prints the one-time setup address, `npm
 * run user -- create` makes users from a shell, sessions survive a restart, and with every log
 * line written (LOG_LEVEL=trace) no password, hash, session, token or invitation code is in one.
 */
describe('accounts in a running server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-accounts-'));
  const env = {
    DATA_DIR: dataDir,
    PORT: '0',
    AUTH_SECRET: 'accounts-process-secret-of-at-least-32-chars',
    EVENTSTORE_URL: '',
    REDIS_URL: '',
    LOG_LEVEL: 'trace',
  };
  let running: Started | undefined;
  const outputs: string[] = [];
  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const json = async (res: Response) => ({
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    cookie: res.headers.get('set-cookie') ?? '',
  });
  const send = (url: string, body: object, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).then(json);

  it('from the printed setup address to users made in a shell, with nothing secret logged', async () => {
    const secrets: string[] = [];
    running = await startApiProcess(env);
    const banner = logLines(running.output()).find((l) => l.msg?.startsWith('Stegvis körs på '));
    expect(banner?.msg).toMatch(/Skapa den första administratören .*\/konfigurera\?kod=/);
    const setup = new URL(String(banner?.['setup']));
    expect(setup.pathname).toBe('/konfigurera');
    const code = setup.searchParams.get('kod') ?? '';

    const adminPassword = 'administratörens långa lösenord';
    const made = await send(`${running.url}/v1/auth/setup`, {
      code,
      email: 'admin@forbundet.se',
      name: 'Ada Admin',
      password: adminPassword,
    });
    expect(made.status).toBe(200);
    const adminCookie = made.cookie.split(';')[0] ?? '';
    const adminCsrf = String(made.body['csrfToken']);
    secrets.push(adminPassword, adminCookie.split('=')[1] ?? '', adminCsrf);

    const association = await send(
      `${running.url}/v1/associations`,
      { name: 'Skalförbundet', orgNumber: '222000-1974', parties: ['FK', 'AF'] },
      { Cookie: adminCookie, 'X-CSRF-Token': adminCsrf },
    );
    expect(association.status).toBe(201);
    const aid = String(association.body['associationId']);

    const chiefPassword = 'chefens lösenord från skalet';
    secrets.push(chiefPassword);
    const created = await runUser(
      [
        'create',
        '--role',
        'chief',
        '--email',
        'chef@forbundet.se',
        '--association',
        aid,
        '--password-stdin',
      ],
      env,
      `${chiefPassword}\n`,
    );
    expect([created.code, created.stderr]).toEqual([0, expect.stringContaining('är skapad')]);
    expect(created.stdout.trim()).toMatch(/^U-[0-9A-Z]{10}$/);
    const refused = await runUser(
      [
        'create',
        '--role',
        'chief',
        '--email',
        'chef@forbundet.se',
        '--association',
        aid,
        '--password-stdin',
      ],
      env,
      'ett annat långt lösenord',
    );
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringContaining('E-postadressen används redan'),
    ]);

    const chief = await send(`${running.url}/v1/auth/login`, {
      email: 'chef@forbundet.se',
      password: chiefPassword,
    });
    expect(chief.status).toBe(200);
    const chiefCookie = chief.cookie.split(';')[0] ?? '';
    const chiefCsrf = String(chief.body['csrfToken']);
    secrets.push(chiefCookie.split('=')[1] ?? '', chiefCsrf);
    const invited = await send(
      `${running.url}/v1/associations/${aid}/users`,
      { email: 'styrelsen@region.se', name: 'Bo Board', role: 'board' },
      { Cookie: chiefCookie, 'X-CSRF-Token': chiefCsrf },
    );
    expect(invited.status).toBe(201);
    const invitationCode =
      new URL(String(invited.body['invitationUrl'])).searchParams.get('kod') ?? '';
    secrets.push(invitationCode);
    // The invitee opens the link in a browser (the web app's page), then sets a password.
    expect((await fetch(String(invited.body['invitationUrl']))).status).toBeLessThan(500);
    const boardPassword = 'styrelseledamotens lösenord';
    secrets.push(boardPassword);
    expect(
      (
        await send(`${running.url}/v1/auth/invitations/accept`, {
          code: invitationCode,
          password: boardPassword,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(`${running.url}/v1/auth/login`, {
          email: 'styrelsen@region.se',
          password: 'fel lösenord igen',
        })
      ).status,
    ).toBe(401);

    const token = await send(
      `${running.url}/v1/auth/tokens`,
      { label: 'Skript', expiresInDays: 1 },
      { Cookie: chiefCookie, 'X-CSRF-Token': chiefCsrf },
    );
    expect(token.status).toBe(201);
    secrets.push(String(token.body['token']));
    const withToken = await fetch(`${running.url}/v1/auth/me`, {
      headers: { Authorization: `Bearer ${String(token.body['token'])}` },
    });
    expect(withToken.status).toBe(200);

    // A restart: no setup address any more, and the chief's session still works.
    await stop(running.child);
    outputs.push(running.output());
    running = await startApiProcess(env);
    const again = logLines(running.output()).find((l) => l.msg?.startsWith('Stegvis körs på '));
    expect(again?.msg).toMatch(/Logga in: http:\/\/\S+\/logga-in/);
    expect(again?.['setup']).toBeUndefined();
    expect(
      (await fetch(`${running.url}/v1/auth/me`, { headers: { Cookie: chiefCookie } })).status,
    ).toBe(200);
    await stop(running.child);
    outputs.push(running.output());
    running = undefined;

    const lines = outputs.flatMap(logLines);
    expect(lines.filter((l) => l.req !== undefined).length).toBeGreaterThan(8);
    for (const line of lines) {
      const text = JSON.stringify(line);
      expect(text).not.toMatch(/\$argon2id\$/);
      for (const secret of secrets) expect(text).not.toContain(secret);
      // The setup code is printed once, in the banner: nowhere else.
      if (line !== banner && !String(line.msg).startsWith('Stegvis körs på ')) {
        expect(text).not.toContain(code);
      }
    }
  }, 120_000);
});
