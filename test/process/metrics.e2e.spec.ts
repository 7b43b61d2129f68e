import { loadConfig } from '@stegvis/config';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteRedisKeys, TEST_REDIS_URL } from '../support/redis';
import { httpClient, registerOverHttp } from '../support/http-client';
import { startApiProcess, startWorkerProcess, stop, type Started } from '../support/process';
import { lintProblems, parseExposition, type Family } from '../support/prometheus-text';

const REDIS_URL = TEST_REDIS_URL;

/** Node's and the process's metrics under the names stock dashboards query. */
const STANDARD = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_start_time_seconds',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_seconds',
  'nodejs_gc_duration_seconds',
  'nodejs_version_info',
];

async function scrape(url: string): Promise<Map<string, Family>> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
  const families = parseExposition(await res.text());
  expect(lintProblems(families)).toEqual([]);
  for (const name of STANDARD) expect([name, families.has(name)]).toEqual([name, true]);
  expect([...families.keys()].filter((n) => /^stegvis_(process|nodejs)_/.test(n))).toEqual([]);
  return families;
}

describe('metrics and health of each process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stegvis-metrics-'));
  const secret = 'metrics-test-secret-that-is-32-characters-or-more';
  const auth = loadConfig({ AUTH_SECRET: secret, DATA_DIR: dataDir }).auth;
  const prefix = `test-metrics-${randomUUID().slice(0, 8)}`;
  const processes: Started[] = [];
  afterAll(async () => {
    for (const p of processes) await stop(p.child, 'SIGKILL');
    await deleteRedisKeys(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the API: valid exposition, standard names, requests by route template', async () => {
    const api = await startApiProcess({
      DATA_DIR: join(dataDir, 'embedded'),
      PORT: '0',
      AUTH_SECRET: secret,
    });
    processes.push(api);
    const call = httpClient(api.url);
    const { chief, interventionId } = await registerOverHttp(call, auth, 'Mätförbundet');
    await call(chief, 'GET', `/v1/interventions/${interventionId}/participants`);
    expect((await fetch(`${api.url}/v1/participants/D-0000000000`)).status).toBe(401);
    expect((await fetch(`${api.url}/no/such/page/D-0000000000`)).status).toBe(404);

    const families = await scrape(api.url);
    const http = families.get('http_request_duration_seconds');
    expect(http?.type).toBe('histogram');
    const series = (http?.samples ?? [])
      .filter((s) => s.name === 'http_request_duration_seconds_count')
      .map((s) => `${s.labels.method} ${s.labels.route} ${s.labels.status_code} ${s.value}`);
    expect(series).toEqual(
      expect.arrayContaining([
        'POST /v1/associations 201 1',
        'POST /v1/associations/:aid/interventions 201 1',
        'GET /v1/interventions/:iid/participants 200 1',
        'GET /v1/participants/:pid 401 1',
        'GET unmatched 404 1',
      ]),
    );
    // Templates only: no id of any kind ever becomes a label value.
    expect(series.filter((s) => /[DFI]-[0-9A-Z]{10}/.test(s))).toEqual([]);
    expect(families.get('stegvis_projection_lag_events')?.type).toBe('gauge');

    // OpenAPI describes both answers of readiness in the one shape.
    const openApi = (await (await fetch(`${api.url}/docs-json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, Record<string, unknown>> } }>;
    };
    const responses = openApi.paths['/health/ready']?.get.responses ?? {};
    expect(responses['200']).toMatchObject({
      content: {
        'application/json': { schema: { required: ['status', 'info', 'error', 'details'] } },
      },
    });
    expect(responses['503']).toMatchObject({
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
      content: { 'application/json': { schema: { properties: { status: { enum: ['error'] } } } } },
    });
  });

  it('the worker: health and metrics on its own port', async () => {
    const env = {
      DATA_DIR: join(dataDir, 'redis'),
      PORT: '0',
      AUTH_SECRET: secret,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      PROJECTION_LEASE_MS: '1000',
    };
    const api = await startApiProcess(env);
    const worker = await startWorkerProcess(env);
    processes.push(api, worker);
    expect(new URL(worker.url).port).not.toBe(new URL(api.url).port);

    const live = await fetch(`${worker.url}/health/live`);
    expect([live.status, await live.json()]).toEqual([
      200,
      { status: 'ok', info: {}, error: {}, details: {} },
    ]);
    const ready = await fetch(`${worker.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, readModels: { status: 'up' } },
      error: {},
    });

    const families = await scrape(worker.url);
    for (const name of ['stegvis_projection_lag_events', 'stegvis_event_log_head_position']) {
      expect(families.get(name)?.type).toBe('gauge');
    }
    expect(
      families
        .get('stegvis_jobs')
        ?.samples.map((s) => s.labels.state)
        .sort(),
    ).toEqual(['active', 'completed', 'failed', 'waiting']);
  });
});
