import { loadConfig } from '@stegvis/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../../apps/api/src/auth/tokens';
import { waitFor } from '../../libs/event-store/src/testing/wait-for';
import { startApiProcess, stop, type Started } from '../support/process';
import { enrolment } from '../support/world';

/** Privacy by construction, in the logs: a request is its method, path and status, nothing more. */
describe('request logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-logs-'));
  const secret = 'logging-test-secret-that-is-32-characters-or-more';
  let running: Started | undefined;
  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carry no token, header or body, and name no one', async () => {
    running = await startApiProcess({
      DATA_DIR: dataDir,
      PORT: '0',
      AUTH_SECRET: secret,
      LOG_LEVEL: 'info',
    });
    const auth = loadConfig({ AUTH_SECRET: secret, DATA_DIR: dataDir }).auth;
    const admin = signToken(auth, { sub: 'admin', role: 'admin' });
    const send = (token: string, path: string, body: object) =>
      fetch(`${running?.url}${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'User-Agent': 'Anna Andersson',
        },
        body: JSON.stringify(body),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Record<string, string>,
      }));
    const association = await send(admin, '/v1/associations', {
      name: 'Loggförbundet',
      orgNumber: '222000-1974',
      parties: ['FK', 'AF'],
    });
    const associationId = association.body['associationId'] ?? '';
    const chief = signToken(auth, { sub: 'chief', role: 'chief', associationId });
    const intervention = await send(chief, `/v1/associations/${associationId}/interventions`, {
      name: 'SamCoach',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2025-01-01',
    });
    const path = `/v1/interventions/${intervention.body['interventionId'] ?? ''}/participants`;
    expect((await send(chief, path, { ...enrolment, birthYear: 1987 })).status).toBe(201);
    // A refused body: its values must not reach the log either.
    expect((await send(chief, path, { ...enrolment, personnummer: '19870101-1234' })).status).toBe(
      400,
    );

    await waitFor(() => (running?.output().match(/"statusCode":400/g) ?? []).length > 0, {
      message: 'the refused request logged',
    });
    const lines = (running?.output() ?? '').split('\n').filter((l) => l.startsWith('{'));
    const requests = lines.map((l) => JSON.parse(l) as { req?: object }).filter((l) => l.req);
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const line of requests)
      expect(Object.keys(line.req ?? {}).sort()).toEqual(['id', 'method', 'url']);
    const text = lines.join('\n');
    for (const secretValue of [
      chief,
      admin,
      'Bearer',
      'Anna Andersson',
      '19870101',
      '1987',
      'authorization',
    ]) {
      expect(text).not.toContain(secretValue);
    }
  });
});
