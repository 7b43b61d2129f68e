import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@stegvis/config';
import { waitFor } from '../support/wait-for';
import { httpClient, registerOverHttp } from '../support/http-client';
import {
  logLines,
  startApiProcess,
  startWorkerProcess,
  stop,
  type Started,
} from '../support/process';
import { enrolment } from '../support/world';

/** A private Redis server this test may kill, so the shared one on 6379 is never disturbed. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => /Ready to accept connections/.test(output), {
    timeoutMs: 10_000,
    message: 'redis-server start',
  });
  return child;
}

describe('Redis down', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-outage-'));
  const port = randomInt(20_000, 40_000);
  const secret = 'outage-test-secret-that-is-32-characters-or-more';
  const env = {
    DATA_DIR: dataDir,
    PORT: '0',
    AUTH_SECRET: secret,
    REDIS_URL: `redis://127.0.0.1:${port}`,
    PROJECTION_LEASE_MS: '1000',
    LOG_LEVEL: 'info',
  };
  const auth = loadConfig({ AUTH_SECRET: secret, DATA_DIR: dataDir }).auth;
  const processes: (Started | undefined)[] = [];
  let redis: ChildProcess | undefined;

  afterAll(async () => {
    for (const p of processes) if (p) await stop(p.child, 'SIGKILL');
    if (redis) await stop(redis, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts writes while Redis is down, and the read models catch up once it is back', async () => {
    redis = await startRedis(port);
    const api = await startApiProcess(env);
    const worker = await startWorkerProcess(env);
    processes.push(api, worker);
    const call = httpClient(api.url);
    const {
      chief,
      associationId,
      interventionId: iid,
    } = await registerOverHttp(call, auth, 'Avbrottet');
    const before = await call(chief, 'POST', `/v1/interventions/${iid}/participants`, enrolment);
    expect(before.status).toBe(201);

    await stop(redis, 'SIGKILL');
    redis = undefined;
    const during = [];
    for (let i = 0; i < 3; i++)
      during.push(await call(chief, 'POST', `/v1/interventions/${iid}/participants`, enrolment));
    expect(during.map((r) => r.status)).toEqual([201, 201, 201]);
    const ready = await fetch(`${api.url}/health/ready`);
    // Readiness has one shape, ready or not: terminus' body, with Retry-After when not.
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(ready.headers.get('content-type')).toMatch(/^application\/json/);
    const notReady = (await ready.json()) as Record<string, unknown>;
    expect(Object.keys(notReady).sort()).toEqual(['details', 'error', 'info', 'status']);
    expect(notReady).toMatchObject({
      status: 'error',
      info: { eventStore: { status: 'up' } },
      error: { readModels: { status: 'down' } },
    });

    // What needs Redis (reports from the read models, lists, export jobs) says "try again
    // later", as readiness does: 503 with Retry-After, never a 500 internal error.
    const needRedis: [string, string, object?][] = [
      ['GET', `/v1/associations/${associationId}/reports/2025`],
      ['GET', `/v1/interventions/${iid}/participants`],
      ['POST', `/v1/associations/${associationId}/exports`, { year: 2025, format: 'csv' }],
    ];
    for (const [method, path, body] of needRedis) {
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${chief}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      const problem = (await res.json()) as { code?: string; detail?: string };
      expect([method, path, res.status, problem.code]).toEqual([
        method,
        path,
        503,
        'service_unavailable',
      ]);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(problem.detail).toMatch(/Försök igen/);
    }

    // The lost connection is logged through pino (once, then at most every 30 s).
    const connectionErrorLogged = () =>
      [api, worker].some((p) =>
        logLines(p.output()).some((l) => l.context === 'JobQueue' && l.level === 50),
      );
    await waitFor(connectionErrorLogged, {
      timeoutMs: 10_000,
      message: 'the job queue logs its lost Redis connection',
    });

    redis = await startRedis(port);
    const last = during.at(-1)?.body.position as string;
    const expected = [before, ...during].map((r) => r.body.participantId).sort();
    await waitFor(
      async () => {
        const list = await call(
          chief,
          'GET',
          `/v1/interventions/${iid}/participants?minPosition=${last}`,
        ).catch(() => undefined);
        const ids = ((list?.body.items as { participantId: string }[] | undefined) ?? [])
          .map((p) => p.participantId)
          .sort();
        return list?.status === 200 && JSON.stringify(ids) === JSON.stringify(expected);
      },
      {
        timeoutMs: 45_000,
        intervalMs: 250,
        message: 'read models caught up after Redis came back',
      },
    );
    const readyAgain = await fetch(`${api.url}/health/ready`);
    expect(readyAgain.status).toBe(200);
    const body = (await readyAgain.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['details', 'error', 'info', 'status']);
    expect(body).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, readModels: { status: 'up' } },
      error: {},
    });

    // Every line of the outage, from both processes, is JSON.
    for (const started of [api, worker]) {
      const lines = logLines(started.output());
      expect(lines.filter((l) => l.notJson === true)).toEqual([]);
    }
  });
});
