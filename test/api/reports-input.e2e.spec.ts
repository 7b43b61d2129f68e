/**
 * Bad input and access for the report and export endpoints: every case answers 4xx
 * problem+json with a Swedish detail and a stable code, and no export job is created.
 */
import { JOB_QUEUE, type JobQueue } from '@stegvis/job-queue';
import { EXPORT_JOB } from '@stegvis/read-side';
import { waitFor } from '../support/wait-for';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, type Tenant } from '../support/world';

type Case = {
  readonly title: string;
  readonly path: () => string;
  readonly token?: () => string | undefined;
  readonly status: number;
  readonly code: string;
  readonly errorPath?: string;
};

const SWEDISH = /[åäöÅÄÖ]|\b(och|ska|finns|inte|får|Ogiltig)/;

describe('reports and exports refuse bad input and strangers', () => {
  let api: Api;
  let norr: Tenant;
  let soder: Tenant;
  let jobs: JobQueue;

  beforeAll(async () => {
    api = await startApi();
    norr = await createTenant(api, 0);
    soder = await createTenant(api, 1);
    jobs = api.app.get<JobQueue>(JOB_QUEUE);
    // Unknown interventions are told apart from unknown associations once both are projected.
    const head = String(await api.store.headPosition());
    await api.http.get(`${reports()}?minPosition=${head}`).set(bearer(norr.chief)).expect(200);
  });
  afterAll(() => api.close());

  const reports = (year = '2025') => `/v1/associations/${norr.associationId}/reports/${year}`;

  const getCases: Case[] = [
    ...['25', '20255', 'abcd', '2025.pdf', '2025.CSV', '1999', '2101', '2025.', '.csv'].map(
      (year) => ({
        title: `year ${year}`,
        path: () => reports(year),
        status: 400,
        code: 'validation_failed',
        errorPath: 'params.year',
      }),
    ),
    {
      title: 'malformed association',
      path: () => '/v1/associations/X-1/reports/2025',
      status: 400,
      code: 'validation_failed',
      errorPath: 'params.aid',
    },
    {
      title: 'from without to',
      path: () => `${reports()}?from=2025-01-01`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.to',
    },
    {
      title: 'to without from',
      path: () => `${reports()}?to=2025-01-01`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.from',
    },
    {
      title: 'from after to',
      path: () => `${reports()}?from=2025-06-01&to=2025-01-01`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.to',
    },
    {
      title: 'impossible date',
      path: () => `${reports()}?from=2025-02-30&to=2025-03-01`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.from',
    },
    {
      title: 'malformed intervention',
      path: () => `${reports()}?interventionId=nope`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.interventionId',
    },
    {
      title: 'malformed asOf',
      path: () => `${reports()}?asOf=yesterday`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.asOf',
    },
    {
      title: 'asOf without offset',
      path: () => `${reports()}?asOf=2025-06-01T10:00:00`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.asOf',
    },
    {
      title: 'malformed minPosition',
      path: () => `${reports()}?minPosition=-1`,
      status: 400,
      code: 'validation_failed',
      errorPath: 'query.minPosition',
    },
    {
      title: 'unknown intervention',
      path: () => `${reports()}?interventionId=I-0000000000`,
      status: 404,
      code: 'intervention_not_found',
    },
    {
      title: 'another association’s intervention',
      path: () => `${reports()}?interventionId=${soder.interventionId}`,
      status: 404,
      code: 'intervention_not_found',
    },
    {
      title: 'an association never registered',
      path: () => '/v1/associations/F-0000000000/reports/2025',
      token: () => api.token('chief', 'F-0000000000'),
      status: 404,
      code: 'association_not_found',
    },
    {
      title: 'no token',
      path: () => reports(),
      token: () => undefined,
      status: 401,
      code: 'unauthenticated',
    },
    {
      title: 'staff',
      path: () => reports(),
      token: () => norr.staff,
      status: 403,
      code: 'forbidden',
    },
    {
      title: 'admin',
      path: () => reports(),
      token: () => api.token('admin'),
      status: 403,
      code: 'forbidden',
    },
    {
      title: 'another association’s chief',
      path: () => reports(),
      token: () => soder.chief,
      status: 403,
      code: 'forbidden',
    },
    {
      title: 'another association’s board, as CSV',
      path: () => `${reports('2025.csv')}`,
      token: () => soder.board,
      status: 403,
      code: 'forbidden',
    },
  ];

  it.each(getCases)('GET report: $title → $status $code', async (c) => {
    const token = c.token === undefined ? norr.chief : c.token();
    const req = api.http.get(c.path());
    const res = await (token === undefined ? req : req.set(bearer(token)));
    expect(res.status).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(c.code);
    expect(res.body.detail).toMatch(SWEDISH);
    if (c.errorPath !== undefined) {
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(c.errorPath);
      for (const e of res.body.errors) expect(e.message).toMatch(SWEDISH);
    }
  });

  type BodyCase = {
    readonly title: string;
    readonly body: unknown;
    readonly token?: () => string;
    readonly aid?: () => string;
    readonly status: number;
    readonly code: string;
    readonly errorPath?: string;
  };
  const valid = { year: 2025, format: 'csv' };
  const future = () => new Date(Date.now() + 86_400_000).toISOString();
  const bodyCases: BodyCase[] = [
    { title: 'not an object', body: [valid], status: 400, code: 'validation_failed' },
    {
      title: 'no year',
      body: { format: 'csv' },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.year',
    },
    {
      title: 'no format',
      body: { year: 2025 },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.format',
    },
    {
      title: 'year as text',
      body: { ...valid, year: '2025' },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.year',
    },
    {
      title: 'year 1999',
      body: { ...valid, year: 1999 },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.year',
    },
    {
      title: 'format pdf',
      body: { ...valid, format: 'pdf' },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.format',
    },
    {
      title: 'publication as text',
      body: { ...valid, publication: 'ja' },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.publication',
    },
    {
      title: 'unknown field',
      body: { ...valid, personnummer: '19900101-1234' },
      status: 400,
      code: 'validation_failed',
    },
    {
      title: 'from after to',
      body: { ...valid, from: '2025-06-01', to: '2025-01-01' },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.to',
    },
    {
      title: 'asOf in the future',
      body: { ...valid, asOf: future() },
      status: 400,
      code: 'validation_failed',
      errorPath: 'body.asOf',
    },
    {
      title: 'unknown intervention',
      body: { ...valid, interventionId: 'I-0000000000' },
      status: 404,
      code: 'intervention_not_found',
    },
    { title: 'board', body: valid, token: () => norr.board, status: 403, code: 'forbidden' },
    { title: 'staff', body: valid, token: () => norr.staff, status: 403, code: 'forbidden' },
    {
      title: 'another association',
      body: valid,
      token: () => soder.chief,
      status: 403,
      code: 'forbidden',
    },
    {
      title: 'an association never registered',
      body: valid,
      aid: () => 'F-0000000000',
      token: () => api.token('chief', 'F-0000000000'),
      status: 404,
      code: 'association_not_found',
    },
  ];

  it.each(bodyCases)('POST export: $title → $status $code, no job', async (c) => {
    const before = await jobs.counts();
    const aid = c.aid?.() ?? norr.associationId;
    const res = await api.http
      .post(`/v1/associations/${aid}/exports`)
      .set(bearer(c.token?.() ?? norr.chief))
      .send(c.body as object);
    expect(res.status).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(c.code);
    expect(res.body.detail).toMatch(SWEDISH);
    if (c.errorPath !== undefined) {
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(c.errorPath);
    }
    expect(JSON.stringify(res.body)).not.toContain('19900101');
    expect(await jobs.counts()).toEqual(before);
  });

  it('an export is only visible to the chief of its association', async () => {
    const created = await api.http
      .post(`/v1/associations/${norr.associationId}/exports`)
      .set(bearer(norr.chief))
      .send(valid)
      .expect(202);
    const path = `/v1/exports/${created.body.jobId}`;
    await waitFor(
      async () => (await api.http.get(path).set(bearer(norr.chief))).body.state === 'completed',
      {
        message: 'export done',
      },
    );
    for (const [token, status, code] of [
      [soder.chief, 404, 'export_not_found'],
      [norr.board, 403, 'forbidden'],
      [norr.staff, 403, 'forbidden'],
    ] as const) {
      for (const p of [path, `${path}/file`]) {
        const res = await api.http.get(p).set(bearer(token));
        expect([res.status, res.body.code]).toEqual([status, code]);
      }
    }
    const unknown = await api.http.get('/v1/exports/no-such-job').set(bearer(norr.chief));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'export_not_found']);
    const malformed = await api.http.get('/v1/exports/%2E%2E%2Fx').set(bearer(norr.chief));
    expect(malformed.status).toBe(404);
  });

  it('a failed export says so in Swedish, and its file is refused with 409', async () => {
    // A job the API would never enqueue (the intervention vanished in between, say).
    const jobId = await jobs.enqueue(EXPORT_JOB, {
      associationId: norr.associationId,
      request: { year: 2025, format: 'csv', publication: false, interventionId: 'I-0000000000' },
    });
    const path = `/v1/exports/${jobId}`;
    let status: { state?: string; error?: string } = {};
    await waitFor(
      async () => {
        status = (await api.http.get(path).set(bearer(norr.chief))).body;
        return status.state === 'failed';
      },
      { message: 'export failed' },
    );
    expect(status.error).toBe('Insatsen finns inte.');
    const file = await api.http.get(`${path}/file`).set(bearer(norr.chief)).expect(409);
    expect(file.body).toMatchObject({ code: 'export_failed' });
    expect(file.body.detail).toMatch(SWEDISH);
  });
});
