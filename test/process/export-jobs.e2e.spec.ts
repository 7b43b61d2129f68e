import { loadConfig } from '@stegvis/config';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';
import { readXlsx } from '../support/files';
import { deleteRedisKeys, TEST_REDIS_URL } from '../support/redis';
import { httpClient, registerOverHttp } from '../support/http-client';
import { startApiProcess, startWorkerProcess, stop, type Started } from '../support/process';
import { enrolment } from '../support/world';

const REDIS_URL = TEST_REDIS_URL;

/*
 * Production shape: the API enqueues an export on BullMQ, a separate worker process makes the
 * file, and the API hands it out. The worker is killed before the participants are enrolled and
 * restarted after the export was asked for: the file still holds everyone recorded before.
 */
describe('export jobs across processes (BullMQ on Redis)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-export-'));
  const secret = 'export-test-secret-that-is-32-characters-or-more';
  const prefix = `test-export-${randomUUID().slice(0, 8)}`;
  const env = {
    DATA_DIR: dataDir,
    PORT: '0',
    AUTH_SECRET: secret,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    PROJECTION_LEASE_MS: '1000',
  };
  const auth = loadConfig({ AUTH_SECRET: secret, DATA_DIR: dataDir }).auth;
  const processes: Started[] = [];

  afterAll(async () => {
    for (const p of processes) await stop(p.child, 'SIGKILL');
    await deleteRedisKeys(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a job waits while no worker runs, and the restarted worker makes the file', async () => {
    const api = await startApiProcess(env);
    let worker = await startWorkerProcess(env);
    processes.push(api, worker);
    const call = httpClient(api.url);
    const {
      chief,
      associationId,
      interventionId: iid,
    } = await registerOverHttp(call, auth, 'Exportförbundet');
    // No worker from here on: the enrolments are not projected when the export is asked for.
    await stop(worker.child, 'SIGKILL');
    for (const gender of ['woman', 'woman', 'man', 'woman', 'man', 'other']) {
      const res = await call(chief, 'POST', `/v1/interventions/${iid}/participants`, {
        ...enrolment,
        gender,
      });
      expect(res.status).toBe(201);
    }
    const created = await call(chief, 'POST', `/v1/associations/${associationId}/exports`, {
      year: 2025,
      format: 'finsam',
    });
    expect(created.status).toBe(202);
    const statusPath = `/v1/exports/${created.body.jobId as string}`;
    const waiting = await call(chief, 'GET', statusPath);
    expect(waiting.body).toMatchObject({ state: 'waiting', progress: 0, file: null });
    const early = await call(chief, 'GET', `${statusPath}/file`);
    expect([early.status, early.body.code]).toEqual([409, 'export_not_ready']);

    worker = await startWorkerProcess(env);
    processes.push(worker);
    let state = '';
    await waitFor(
      async () => {
        state = (await call(chief, 'GET', statusPath)).body.state as string;
        return state === 'completed' || state === 'failed';
      },
      { timeoutMs: 20_000, intervalMs: 50, message: 'export done by the restarted worker' },
    );
    expect(state).toBe('completed');
    const file = await call(chief, 'GET', `${statusPath}/file`);
    expect(file.status).toBe(200);
    const [sheet] = [...(await readXlsx(file.body)).values()];
    expect(sheet?.find((r) => r['Insats'] === 'SamCoach')).toMatchObject({
      Kvinnor: 3,
      Män: 2,
      Annat: 1,
      Totalt: 6,
    });
  }, 120_000); // several processes start in turn: slow on a loaded machine
});
