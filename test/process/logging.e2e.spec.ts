import { loadConfig } from '@stegvis/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../libs/event-store/src/testing/wait-for';
import { httpClient, registerOverHttp } from '../support/http-client';
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
    const call = httpClient(running.url, { 'User-Agent': 'Anna Andersson' });
    const { admin, chief, interventionId } = await registerOverHttp(call, auth, 'Loggförbundet');
    const path = `/v1/interventions/${interventionId}/participants`;
    expect((await call(chief, 'POST', path, { ...enrolment, birthYear: 1987 })).status).toBe(201);
    // A refused body: its values must not reach the log either.
    const refused = await call(chief, 'POST', path, {
      ...enrolment,
      personnummer: '19870101-1234',
    });
    expect(refused.status).toBe(400);

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
