import { loadConfig } from '@stegvis/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as idle } from 'node:timers/promises';
import { httpClient, registerOverHttp } from '../support/http-client';
import { logLines, startApiProcess, stop, type Started } from '../support/process';
import { enrolment } from '../support/world';

/** Longer than several lease renewals (a third of the default 10 s lease each). */
const IDLE_MS = 20_000;
const WRITES = 5;

/*
 * The embedded default as `npm start` runs it (default PROJECTION_LEASE_MS): idle for a while,
 * the projection runner must keep renewing its lease quietly and stay subscribed to the log, so
 * that a write is projected at once, not when some retry or poll comes round.
 */
describe('the embedded projection, idle and then written to', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-idle-'));
  const secret = 'idle-test-secret-that-is-32-characters-or-more';
  let running: Started | undefined;
  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs no warning or error while idle and projects each write before the next request', async () => {
    const env = {
      DATA_DIR: dataDir,
      PORT: '0',
      AUTH_SECRET: secret,
      PROJECTION_LEASE_MS: '',
      LOG_LEVEL: 'info',
    };
    running = await startApiProcess(env);
    const call = httpClient(running.url);
    const auth = loadConfig({ AUTH_SECRET: secret, DATA_DIR: dataDir }).auth;
    const { chief, interventionId } = await registerOverHttp(call, auth, 'Vilan');

    // The scenario itself, not a synchronisation: nothing happens for a while.
    await idle(IDLE_MS);

    // In this process an append wakes the runner, which applies it without waiting for any
    // timer (the in-memory read models answer without I/O); the next request reaches the
    // process only after that. So a read without minPosition right after the write's answer
    // must show it, every time. A runner that polled, or retried every 200 ms, would miss
    // nearly every one of these.
    const path = `/v1/interventions/${interventionId}/participants`;
    const seenAtOnce: boolean[] = [];
    for (let i = 0; i < WRITES; i++) {
      const written = await call(chief, 'POST', path, enrolment);
      expect(written.status).toBe(201);
      const list = await call(chief, 'GET', path);
      const ids = (list.body.items as { participantId: string }[]).map((p) => p.participantId);
      seenAtOnce.push(ids.includes(written.body.participantId as string));
    }
    expect(seenAtOnce).toEqual(Array.from({ length: WRITES }, () => true));

    const lines = logLines(running.output());
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !(l.level < 40))).toEqual([]);
  }, 60_000);
});
