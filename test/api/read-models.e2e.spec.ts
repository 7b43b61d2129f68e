import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, type Tenant } from '../support/world';

/** The embedded default: this process is the worker too, with read models in memory. */
let api: Api;
let t: Tenant;
beforeAll(async () => {
  api = await startApi();
  t = await createTenant(api, 0);
});
afterAll(() => api.close());

const list = (query: string, token = t.staff) =>
  api.http.get(`/v1/interventions/${t.interventionId}/participants${query}`).set(bearer(token));

it('lists an intervention’s participants, reflecting a write the client waits for', async () => {
  const first = await enrol(api, t);
  const exit = await api.http
    .post(`/v1/participants/${first}/exit`)
    .set(bearer(t.staff))
    .send({ exitedOn: '2025-05-30', outcome: 'work', incomeSource: 'salary', planHandedOver: true })
    .expect(201);
  const second = await enrol(api, t);
  const enrolment = await api.http
    .post(`/v1/interventions/${t.interventionId}/participants`)
    .set(bearer(t.staff))
    .send({
      enrolledOn: '2025-04-01',
      gender: 'man',
      birthYear: 2001,
      referringParty: 'SELF',
      incomeSource: 'social_assistance',
      educationLevel: 'compulsory',
      supportDurationBefore: 'unknown',
    })
    .expect(201);

  const res = await list(`?minPosition=${enrolment.body.position}`).expect(200);
  expect(BigInt(res.body.checkpoint)).toBeGreaterThanOrEqual(BigInt(enrolment.body.position));
  expect(BigInt(res.body.checkpoint)).toBeGreaterThan(BigInt(exit.body.position));
  const byId = new Map(res.body.items.map((p: { participantId: string }) => [p.participantId, p]));
  expect(byId.get(first)).toMatchObject({
    status: 'exited',
    exitedOn: '2025-05-30',
    gender: 'woman',
  });
  expect(byId.get(second)).toMatchObject({ status: 'active', exitedOn: null });
  expect(byId.get(enrolment.body.participantId)).toMatchObject({
    gender: 'man',
    birthYear: 2001,
    referringParty: 'SELF',
  });
  expect(res.body.items).toHaveLength(3);
});

it('pages in id order', async () => {
  const head = await list('?limit=500').expect(200);
  const all = head.body.items.map((p: { participantId: string }) => p.participantId);
  const page1 = await list('?limit=2').expect(200);
  expect(page1.body.items.map((p: { participantId: string }) => p.participantId)).toEqual(
    all.slice(0, 2),
  );
  const page2 = await list(`?limit=2&after=${page1.body.next}`).expect(200);
  expect(page2.body.items.map((p: { participantId: string }) => p.participantId)).toEqual(
    all.slice(2, 4),
  );
  expect(page2.body.next).toBeNull();
});

it('an erased participant disappears from the list', async () => {
  const pid = await enrol(api, t);
  await api.http
    .delete(`/v1/participants/${pid}`)
    .set(bearer(t.chief))
    .send({ reason: 'consent_withdrawn' })
    .expect(204);
  const head = String((await api.store.headPosition()) ?? 0n);
  const res = await list(`?minPosition=${head}&limit=500`).expect(200);
  expect(res.body.items.map((p: { participantId: string }) => p.participantId)).not.toContain(pid);
});

it('refuses the board, staff of other interventions and bad query parameters', async () => {
  await list('', t.board).expect(403);
  await list('', t.otherStaff).expect(403);
  const bad = await list('?limit=0').expect(400);
  expect(bad.body.errors[0].path).toBe('query.limit');
  await list('?minPosition=abc').expect(400);
});

it('reports readiness and metrics', async () => {
  const ready = await api.http.get('/health/ready').expect(200);
  expect(ready.body.details.readModels).toMatchObject({ status: 'up' });
  const metrics = await api.http.get('/metrics').expect(200);
  expect(metrics.text).toMatch(/^stegvis_projection_lag_events \d+$/m);
  expect(metrics.text).toMatch(/^stegvis_jobs\{state="completed"\} \d+$/m);
});

it('rebuilds the read models in a job while reads keep working', async () => {
  const admin = api.token('admin');
  const before = await list('?limit=500').expect(200);
  const started = await api.http
    .post('/v1/admin/read-models/rebuild')
    .set(bearer(admin))
    .expect(202);
  // Reads go on during the rebuild.
  await list('?limit=500').expect(200);
  let status: { state: string; progress: number } | undefined;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    status = (
      await api.http.get(`/v1/admin/jobs/${started.body.jobId}`).set(bearer(admin)).expect(200)
    ).body;
    if (status?.state === 'completed' || status?.state === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(status).toMatchObject({ state: 'completed', progress: 100 });
  const after = await list(`?limit=500&minPosition=${before.body.checkpoint}`).expect(200);
  expect(after.body.items).toEqual(before.body.items);
  await api.http.post('/v1/admin/read-models/rebuild').set(bearer(t.chief)).expect(403);
});
