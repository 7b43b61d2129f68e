import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@stegvis/config';
import { signToken } from '@stegvis/credentials';
import { httpClient, type Call } from '../support/http-client';
import { logLines, runApiProcess, startApiProcess, stop, type Started } from '../support/process';
import { enrolment } from '../support/world';

/** `npm start` on the embedded default: no servers, a development secret, data kept across restarts. */
describe('the embedded API process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-process-'));
  let running: Started | undefined;
  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (url: string, ...request: Parameters<Call>) => httpClient(url)(...request);

  it('starts without AUTH_SECRET, prints its URL, keeps data across a restart and stops on SIGTERM', async () => {
    running = await startApiProcess({ DATA_DIR: dataDir, PORT: '0', AUTH_SECRET: '' });
    // The banner is a log line like every other, its message the sentences a person reads.
    const lines = logLines(running.output());
    expect(lines.filter((l) => l.notJson === true)).toEqual([]);
    const banner = lines.find((l) => l.msg?.startsWith('Stegvis körs på'))?.msg ?? '';
    expect(banner).toMatch(/^ {2}Webbapplikationen: http:\/\/localhost:\d+\/$/m);
    expect(banner).toMatch(/API-dokumentation: http:\/\/localhost:\d+\/docs/);
    expect(banner).toMatch(/utvecklingsnyckel/);
    const page = await fetch(`${running.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html lang="sv"/);
    const secret = readFileSync(join(dataDir, 'dev-auth-secret'), 'utf8').trim();
    const auth = loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: secret }).auth;

    const admin = signToken(auth, { sub: 'admin', role: 'admin' });
    const association = await call(running.url, admin, 'POST', '/v1/associations', {
      name: 'Samordningsförbundet Omstart',
      orgNumber: '222000-1974',
      parties: ['FK', 'MUNICIPALITY'],
    });
    expect(association.status).toBe(201);
    const associationId = association.body.associationId as string;
    const chief = signToken(auth, { sub: 'chief', role: 'chief', associationId });
    const intervention = await call(
      running.url,
      chief,
      'POST',
      `/v1/associations/${associationId}/interventions`,
      {
        name: 'Navet',
        kind: 'individual',
        parties: ['FK', 'MUNICIPALITY'],
        startsOn: '2025-01-01',
        instrument: 'navet-indikatorer',
      },
    );
    const participant = await call(
      running.url,
      chief,
      'POST',
      `/v1/interventions/${intervention.body.interventionId as string}/participants`,
      enrolment,
    );
    expect(participant.status).toBe(201);

    expect(await stop(running.child)).toBe(0);
    running = await startApiProcess({ DATA_DIR: dataDir, PORT: '0', AUTH_SECRET: '' });
    const read = await call(
      running.url,
      chief,
      'GET',
      `/v1/participants/${participant.body.participantId as string}`,
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      participantId: participant.body.participantId,
      enrolledOn: '2025-03-03',
    });
  });

  it.each([
    [{ PORT: 'abc' }, /Ogiltig konfiguration: PORT/],
    [{ AUTH_SECRET: 'too-short' }, /Ogiltig konfiguration: AUTH_SECRET: ska vara minst 32 tecken/],
    [{ EVENTSTORE_URL: 'http://localhost:2113' }, /Ogiltig konfiguration: EVENTSTORE_URL/],
    [{ NODE_ENV: 'production', AUTH_SECRET: '' }, /AUTH_SECRET saknas: i produktion/],
  ])('refuses to start with a bad setting %p', async (env, message) => {
    const { code, output } = await runApiProcess({ DATA_DIR: dataDir, ...env });
    expect(code).toBe(1);
    expect(output).toMatch(message);
  });
});
