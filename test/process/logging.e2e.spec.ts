import { loadConfig } from '@stegvis/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';
import { httpClient, registerOverHttp } from '../support/http-client';
import { logLines, startApiProcess, stop, type Started } from '../support/process';
import { enrolment } from '../support/world';

/**
 * Privacy by construction, in the logs: a request is its id, method, path and status, nothing
 * more; and every line is JSON.
 */
describe('request logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-logs-'));
  const secret = 'logging-test-secret-that-is-32-characters-or-more';
  let running: Started | undefined;
  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are JSON lines with a request id, and carry no token, header, query or body', async () => {
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

    // Query strings stay out of the log, whatever they carry.
    const query = '?access_token=eyJhbGciOi.secret-token&personnummer=19870101-1234';
    // (Answered 200 while unknown parameters are ignored, 400 once they are refused.)
    const queried = await call(chief, 'GET', `${path}${query}`);
    expect([200, 400]).toContain(queried.status);

    // Request ids: the caller's when it is a plain token, a fresh UUID otherwise; always answered.
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const idOf = async (sent?: string) => {
      const res = await fetch(`${running?.url}/v1/associations`, {
        headers: sent === undefined ? {} : { 'X-Request-Id': sent },
      });
      return res.headers.get('x-request-id') ?? '';
    };
    expect(await idOf('proxy-7f3a:42.b_c')).toBe('proxy-7f3a:42.b_c');
    const fresh = [await idOf(), await idOf(), await idOf('a'.repeat(129)), await idOf('ett id')];
    for (const id of fresh) expect(id).toMatch(uuid);
    expect(new Set(fresh).size).toBe(fresh.length);

    await waitFor(
      () =>
        ['proxy-7f3a:42.b_c', ...fresh].every((id) => running?.output().includes(`"id":"${id}"`)),
      { message: 'every request with an id logged' },
    );
    const lines = logLines(running?.output() ?? '');
    expect(lines.filter((l) => l.notJson === true)).toEqual([]);
    const requests = lines.filter((l) => l.req) as unknown as { req: Record<string, string> }[];
    expect(requests.length).toBeGreaterThanOrEqual(9);
    for (const line of requests) {
      expect(Object.keys(line.req).sort()).toEqual(['id', 'method', 'url']);
      expect(line.req.url).not.toContain('?');
    }
    expect(requests.filter((l) => l.req.id === 'proxy-7f3a:42.b_c')).toHaveLength(1);
    for (const id of fresh) expect(requests.filter((l) => l.req.id === id)).toHaveLength(1);
    const text = JSON.stringify(lines);
    for (const secretValue of [
      chief,
      admin,
      'Bearer',
      'Anna Andersson',
      '19870101',
      '1987',
      'authorization',
      'access_token',
      'secret-token',
      'personnummer',
    ]) {
      expect(text).not.toContain(secretValue);
    }
  });
});
