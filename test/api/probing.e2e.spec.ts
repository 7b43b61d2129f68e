import { JwtService } from '@nestjs/jwt';
import { JOB_QUEUE, type JobQueue } from '@stegvis/job-queue';
import { waitFor } from '../support/wait-for';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, type Tenant } from '../support/world';

/**
 * What an attacker found (issue 9 items 11, 16, 21, 22): exports that ignored Idempotency-Key,
 * an admin reading any association's file, retried keys answered without checking access, an
 * erasure that told other tenants a pseudonym existed, and tokens from the future or for ever.
 */
let api: Api;
let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  api = await startApi();
  a = await createTenant(api, 0);
  b = await createTenant(api, 1);
});
afterAll(() => api.close());

const jobCount = async () =>
  Object.values(await api.app.get<JobQueue>(JOB_QUEUE).counts()).reduce((n, c) => n + c, 0);

const exportPath = (t: Tenant) => `/v1/associations/${t.associationId}/exports`;

async function finishedExport(jobId: string, token: string): Promise<void> {
  await waitFor(
    async () => {
      const res = await api.http.get(`/v1/exports/${jobId}`).set(bearer(token));
      return res.body.state === 'completed';
    },
    { timeoutMs: 20_000, intervalMs: 20, message: 'export completed' },
  );
}

describe('item 11: exports honour Idempotency-Key', () => {
  const order = (token: string, key?: string) => {
    const req = api.http.post(exportPath(a)).set(bearer(token));
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send({
      year: 2025,
      format: 'csv',
    });
  };

  it('two identical posts with one key start one job and get the same answer', async () => {
    const before = await jobCount();
    const first = await order(a.chief, 'export-2025-csv').expect(202);
    const retry = await order(a.chief, 'export-2025-csv').expect(202);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(await jobCount()).toBe(before + 1);
  });

  it('the key is the chief’s own: another chief with the same key gets another job', async () => {
    const other = api.token('chief', a.associationId, [], 'another-chief');
    const mine = await order(a.chief, 'delad-exportnyckel').expect(202);
    const theirs = await order(other, 'delad-exportnyckel').expect(202);
    expect(theirs.body.jobId).not.toBe(mine.body.jobId);
  });

  it('a retry after the job finished returns the same job, not a new one', async () => {
    const first = await order(a.chief, 'klar-export').expect(202);
    await finishedExport(first.body.jobId as string, a.chief);
    const before = await jobCount();
    const retry = await order(a.chief, 'klar-export').expect(202);
    expect(retry.body.jobId).toBe(first.body.jobId);
    expect(await jobCount()).toBe(before);
  });

  it('without a key every post is its own job', async () => {
    const first = await order(a.chief).expect(202);
    const second = await order(a.chief).expect(202);
    expect(second.body.jobId).not.toBe(first.body.jobId);
  });

  it('the same chief’s key with another association’s token is refused, not replayed', async () => {
    await order(a.chief, 'byte-av-forbund').expect(202);
    const sameSubOtherAssociation = api.token('chief', b.associationId, [], 'chief-0');
    const res = await api.http
      .post(exportPath(a))
      .set(bearer(sameSubOtherAssociation))
      .set('Idempotency-Key', 'byte-av-forbund')
      .send({ year: 2025, format: 'csv' })
      .expect(403);
    expect(res.body.jobId).toBeUndefined();
  });
});

describe('item 16: the admin job route shows rebuilds only', () => {
  it('shows a rebuild’s progress without the job’s data', async () => {
    const admin = api.token('admin');
    const started = await api.http
      .post('/v1/admin/read-models/rebuild')
      .set(bearer(admin))
      .expect(202);
    const jobId = started.body.jobId as string;
    let status: Record<string, unknown> = {};
    await waitFor(
      async () => {
        status = (await api.http.get(`/v1/admin/jobs/${jobId}`).set(bearer(admin)).expect(200))
          .body;
        return status.state === 'completed';
      },
      { timeoutMs: 20_000, intervalMs: 20, message: 'rebuild completed' },
    );
    expect(status).toMatchObject({ jobId, state: 'completed', progress: 100 });
    expect(status).not.toHaveProperty('data');
  });

  it('an export job is unknown to the admin, and its file never reaches the answer', async () => {
    const created = await api.http
      .post(exportPath(a))
      .set(bearer(a.chief))
      .send({ year: 2025, format: 'csv' })
      .expect(202);
    const jobId = created.body.jobId as string;
    await finishedExport(jobId, a.chief);
    const file = await api.http.get(`/v1/exports/${jobId}/file`).set(bearer(a.chief)).expect(200);
    const content = Buffer.from(file.text ?? file.body).toString('base64');

    const res = await api.http
      .get(`/v1/admin/jobs/${jobId}`)
      .set(bearer(api.token('admin')))
      .expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('job_not_found');
    expect(res.text).not.toContain(content.slice(0, 40));
    expect(res.text).not.toContain(a.associationId);
  });
});

describe('item 21: access is checked before a retried key is answered', () => {
  const satisfaction = (pid: string, token: string) =>
    api.http
      .post(`/v1/participants/${pid}/satisfaction`)
      .set(bearer(token))
      .set('Idempotency-Key', `svar-${pid}`)
      .send({ score: 4, answeredOn: '2025-04-01' });

  it('staff who lost the intervention get 403, not the first answer', async () => {
    const pid = await enrol(api, a);
    await satisfaction(pid, a.staff).expect(201);
    const reassigned = api.token('staff', a.associationId, [a.structuralId], 'staff-0');
    const before = await api.allEvents();
    const res = await satisfaction(pid, reassigned).expect(403);
    expect(res.body.eventIds).toBeUndefined();
    expect(await api.allEvents()).toEqual(before);
  });

  it('the same user with another association’s token finds no such participant (404)', async () => {
    const pid = await enrol(api, a);
    await satisfaction(pid, a.staff).expect(201);
    const elsewhere = api.token('staff', b.associationId, [b.interventionId], 'staff-0');
    const res = await satisfaction(pid, elsewhere).expect(404);
    expect(res.body.eventIds).toBeUndefined();
  });

  it('also for an intervention’s head counts', async () => {
    const record = (token: string) =>
      api.http
        .post(`/v1/interventions/${a.structuralId}/attendance`)
        .set(bearer(token))
        .set('Idempotency-Key', 'narvaro-1')
        .send({ occurredOn: '2025-03-10', women: 4, men: 3, other: 0 });
    await record(a.staff).expect(201);
    await record(a.staff).expect(201);
    const reassigned = api.token('staff', a.associationId, [a.interventionId], 'staff-0');
    const res = await record(reassigned).expect(403);
    expect(res.body.eventIds).toBeUndefined();
  });
});

describe('item 21: an erased participant is unknown to everyone who could not see it', () => {
  const write = (pid: string, token: string) =>
    api.http
      .post(`/v1/participants/${pid}/satisfaction`)
      .set(bearer(token))
      .send({ score: 4, answeredOn: '2025-04-01' });
  /** The answer without `instance`, which names the pseudonym asked for. */
  const answer = (res: { status: number; body: Record<string, unknown> }) => {
    const { instance: _instance, ...rest } = res.body;
    return { status: res.status, ...rest };
  };

  let erased: string;
  beforeAll(async () => {
    erased = await enrol(api, a);
    await api.http
      .delete(`/v1/participants/${erased}`)
      .set(bearer(a.chief))
      .send({ reason: 'consent_withdrawn' })
      .expect(204);
  });

  it('other tenants and staff without access get exactly the answer for an unknown pseudonym', async () => {
    const never = 'D-0000000000';
    for (const token of [b.chief, b.staff, a.otherStaff]) {
      const unknown = answer(await write(never, token));
      expect(unknown).toMatchObject({ status: 404, code: 'participant_not_found' });
      expect(answer(await write(erased, token))).toEqual(unknown);
    }
    const erase = (pid: string) =>
      api.http
        .delete(`/v1/participants/${pid}`)
        .set(bearer(b.chief))
        .send({ reason: 'consent_withdrawn' });
    expect(answer(await erase(erased))).toEqual(answer(await erase(never)));
  });

  it('the erasing association’s chief and the participant’s staff learn it was erased', async () => {
    for (const token of [a.chief, a.staff]) {
      const res = await write(erased, token).expect(422);
      expect(res.body.code).toBe('participant_erased');
    }
  });
});

describe('item 22: token lifetimes', () => {
  const jwt = new JwtService();
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (times: { iat?: number; exp: number }) =>
    jwt.sign(
      {
        role: 'chief',
        associationId: a.associationId,
        interventionIds: [],
        ...times,
      },
      {
        secret: api.config.auth.secret,
        issuer: 'stegvis',
        audience: 'stegvis-api',
        subject: 'someone',
        ...(times.iat === undefined ? { noTimestamp: true } : {}),
      },
    );
  const call = (token: string) =>
    api.http
      .put(`/v1/associations/${a.associationId}/goals/2025`)
      .set(bearer(token))
      .send({ goals: [] });

  const hour = 3600;
  const refused: [string, () => string][] = [
    ['issued an hour in the future', () => sign({ iat: now() + hour, exp: now() + 2 * hour })],
    ['issued 2 minutes in the future', () => sign({ iat: now() + 120, exp: now() + hour })],
    ['valid for a hundred years', () => sign({ iat: now(), exp: now() + 100 * 365 * 24 * hour })],
    ['valid for 169 hours', () => sign({ iat: now(), exp: now() + 169 * hour })],
    ['without iat', () => sign({ exp: now() + hour })],
  ];

  it.each(refused)('a token %s is 401 invalid_token, like any refused token', async (_, token) => {
    const before = (await api.allEvents()).length;
    const res = await call(token()).expect(401);
    const garbage = await call('not.a.token').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="stegvis", error="invalid_token"');
    expect(res.body).toEqual({ ...garbage.body });
    expect((await api.allEvents()).length).toBe(before);
  });

  const accepted: [string, () => string][] = [
    ['issued 30 s ahead (clock skew)', () => sign({ iat: now() + 30, exp: now() + hour })],
    ['valid for exactly 168 hours', () => sign({ iat: now(), exp: now() + 168 * hour })],
    [
      'issued a day ago, valid a week',
      () => sign({ iat: now() - 24 * hour, exp: now() + 144 * hour }),
    ],
  ];

  it.each(accepted)('a token %s is accepted', async (_, token) => {
    await call(token()).expect(200);
  });
});
