import { DEFAULT_LADDER, STEGVIS_5, swedishDate } from '@stegvis/domain';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, type Tenant } from '../support/world';

/**
 * What the staff pages read besides a participant: the intervention (its name, instrument and
 * ladder, GET /v1/interventions/:iid) and the list's "what is missing" and last change.
 */
let api: Api;
let tenant: Tenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await createTenant(api, 0);
});

afterAll(() => api?.close());

describe('GET /v1/interventions/:iid', () => {
  it('answers its staff with the name, kind, parties, dates, instruments and ladder', async () => {
    const res = await api.http
      .get(`/v1/interventions/${tenant.interventionId}`)
      .set(bearer(tenant.staff))
      .expect(200);
    expect(res.body).toEqual({
      interventionId: tenant.interventionId,
      associationId: tenant.associationId,
      name: 'Resurslotsen',
      kind: 'individual',
      parties: ['FK', 'MUNICIPALITY'],
      startsOn: '2025-01-01',
      endsOn: null,
      closedOn: null,
      lastOpenDate: null,
      status: 'open',
      instruments: [STEGVIS_5],
      ladder: DEFAULT_LADDER,
    });
  });

  it('answers the chief, and refuses staff of another insats and the board', async () => {
    const path = `/v1/interventions/${tenant.structuralId}`;
    const chief = await api.http.get(path).set(bearer(tenant.chief)).expect(200);
    expect(chief.body).toMatchObject({ name: 'Psykeveckan', kind: 'structural' });
    await api.http.get(path).set(bearer(tenant.otherStaff)).expect(403);
    await api.http.get(path).set(bearer(tenant.board)).expect(403);
  });

  it('answers 404 with a Swedish problem for an insats that does not exist', async () => {
    const res = await api.http
      .get('/v1/interventions/I-0000000000')
      .set(bearer(tenant.chief))
      .expect(404);
    expect(res.body).toMatchObject({
      code: 'intervention_not_found',
      detail: 'Insatsen finns inte.',
    });
  });
});

describe('GET /v1/interventions/:iid/participants', () => {
  it('says what each participant lacks and orders by its last change', async () => {
    const first = await enrol(api, tenant);
    const second = await enrol(api, tenant);
    const assessed = await api.http
      .post(`/v1/participants/${first}/self-assessments`)
      .set(bearer(tenant.staff))
      .send({
        instrument: 'stegvis-5',
        phase: 'start',
        assessedOn: '2025-03-04',
        scores: { wellbeing: 5 },
      })
      .expect(201);
    const res = await api.http
      .get(
        `/v1/interventions/${tenant.interventionId}/participants?minPosition=${assessed.body.position as string}`,
      )
      .set(bearer(tenant.staff))
      .expect(200);
    const items = res.body.items as Record<string, unknown>[];
    const byId = new Map(items.map((item) => [item['participantId'], item]));
    expect(byId.get(first)).toMatchObject({
      hasStartAssessment: true,
      hasExitAssessment: false,
      hasSatisfaction: false,
    });
    expect(byId.get(second)).toMatchObject({ hasStartAssessment: false });
    const lastChange = (id: string) => BigInt(String(byId.get(id)?.['lastChange']));
    expect(lastChange(first)).toBeGreaterThan(lastChange(second));
  });
});

describe('GET /v1/interventions/:iid/attendance', () => {
  it("lists the year's head counts, oldest first, with the year's total", async () => {
    const path = `/v1/interventions/${tenant.structuralId}/attendance`;
    for (const [occurredOn, women, men, other] of [
      ['2025-05-02', 7, 3, 1],
      ['2025-02-10', 4, 2, 0],
      ['2024-12-31', 9, 9, 9],
    ] as const) {
      // The structural insats started 2025-01-01: the 2024 count is refused and not listed.
      await api.http
        .post(path)
        .set(bearer(tenant.staff))
        .send({ occurredOn, women, men, other })
        .expect(occurredOn < '2025' ? 422 : 201);
    }
    const res = await api.http.get(`${path}?year=2025`).set(bearer(tenant.staff)).expect(200);
    expect(res.body).toMatchObject({
      interventionId: tenant.structuralId,
      year: 2025,
      items: [
        { occurredOn: '2025-02-10', women: 4, men: 2, other: 0 },
        { occurredOn: '2025-05-02', women: 7, men: 3, other: 1 },
      ],
      total: { women: 11, men: 5, other: 1, total: 17 },
    });
    const other = await api.http.get(`${path}?year=2026`).set(bearer(tenant.chief)).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it("lists this year's without a year, and refuses staff of another insats", async () => {
    const path = `/v1/interventions/${tenant.structuralId}/attendance`;
    const res = await api.http.get(path).set(bearer(tenant.staff)).expect(200);
    expect(res.body.year).toBe(Number(swedishDate(new Date()).slice(0, 4)));
    const bad = await api.http.get(`${path}?year=20x5`).set(bearer(tenant.staff)).expect(400);
    expect(bad.body.errors[0].message).toMatch(/^Året \(year\) ska vara/);
    await api.http.get(`${path}?year=2025`).set(bearer(tenant.otherStaff)).expect(403);
  });
});
