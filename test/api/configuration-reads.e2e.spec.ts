import * as domain from '@stegvis/domain';
import { DEFAULT_LADDER, NAVET_INDICATORS, STEGVIS_5 } from '@stegvis/domain';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, type Tenant } from '../support/world';

/*
 * The configuration read back through the API (DESIGN §5 v1.1): the association, its
 * interventions with instruments and ladder, the goals in force with their history, and the
 * vocabulary every label is read from.
 */

let api: Api;
let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  api = await startApi();
  t = await createTenant(api, 0);
  other = await createTenant(api, 1);
});
afterAll(() => api.close());

const get = (path: string, token: string) => api.http.get(path).set(bearer(token));

describe('GET /v1/associations/:aid', () => {
  it('answers the chief and the board with name, org number and parties', async () => {
    for (const token of [t.chief, t.board]) {
      const res = await get(`/v1/associations/${t.associationId}`, token).expect(200);
      expect(res.body).toEqual({
        associationId: t.associationId,
        name: 'Samordningsförbundet Norr',
        orgNumber: '222000-1974',
        parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
      });
    }
  });

  it("refuses staff, admin and another association's chief; an unknown one is 404", async () => {
    const path = `/v1/associations/${t.associationId}`;
    await get(path, t.staff).expect(403);
    await get(path, api.token('admin')).expect(403);
    const res = await get(path, other.chief).expect(403);
    expect(res.body).toMatchObject({ code: 'forbidden' });
    const ghost = api.token('chief', 'F-0000000000', [], 'ghost');
    const missing = await get('/v1/associations/F-0000000000', ghost).expect(404);
    expect(missing.body).toMatchObject({
      code: 'association_not_found',
      detail: expect.any(String),
    });
  });
});

describe('GET /v1/associations/:aid/interventions', () => {
  let position: string;
  beforeAll(async () => {
    const res = await api.http
      .post(`/v1/interventions/${t.interventionId}/instruments`)
      .set(bearer(t.chief))
      .send({ instruments: ['navet-indikatorer'] })
      .expect(201);
    position = res.body.position as string;
  });
  const path = () => `/v1/associations/${t.associationId}/interventions?minPosition=${position}`;

  it('lists every insats to the chief and board, with instruments and ladder, by name', async () => {
    for (const token of [t.chief, t.board]) {
      const res = await get(path(), token).expect(200);
      expect(res.body.checkpoint).toBe(position);
      expect(res.body.items.map((i: { name: string }) => i.name)).toEqual([
        'Psykeveckan',
        'Resurslotsen',
      ]);
      expect(res.body.items[1]).toEqual({
        interventionId: t.interventionId,
        associationId: t.associationId,
        name: 'Resurslotsen',
        kind: 'individual',
        parties: ['FK', 'MUNICIPALITY'],
        startsOn: '2025-01-01',
        endsOn: null,
        closedOn: null,
        lastOpenDate: null,
        status: 'open',
        instruments: [STEGVIS_5, NAVET_INDICATORS],
        ladder: DEFAULT_LADDER,
      });
    }
  });

  it('lists to staff only the insatser they work in', async () => {
    const one = api.token('staff', t.associationId, [t.structuralId], 'staff-one');
    const res = await get(path(), one).expect(200);
    expect(res.body.items.map((i: { interventionId: string }) => i.interventionId)).toEqual([
      t.structuralId,
    ]);
    const none = await get(path(), t.otherStaff).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it("refuses another association's people and a bad minPosition", async () => {
    await get(path(), other.chief).expect(403);
    await get(path(), other.staff).expect(403);
    const bad = await get(
      `/v1/associations/${t.associationId}/interventions?minPosition=senast`,
      t.chief,
    ).expect(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
  });
});

describe('GET …/goals/:year: the goals in force with their history', () => {
  const first = [{ id: 'antal', label: 'Minst 30 deltagare', kind: 'participantCount', min: 30 }];
  const second = [
    { id: 'antal', label: 'Minst 40 deltagare', kind: 'participantCount', min: 40 },
    { id: 'nojda', label: 'Nöjda deltagare', kind: 'satisfactionShare', target: 0.8 },
  ];

  it.each([
    ['association', () => `/v1/associations/${t.associationId}/goals`],
    ['intervention', () => `/v1/interventions/${t.interventionId}/goals`],
  ])('the %s: the latest setting is in force, every setting is kept', async (_scope, base) => {
    await api.http.put(`${base()}/2026`).set(bearer(t.chief)).send({ goals: first }).expect(200);
    const put = await api.http
      .put(`${base()}/2026`)
      .set(bearer(t.chief))
      .send({ goals: second })
      .expect(200);
    for (const token of [t.chief, t.board]) {
      const res = await get(`${base()}/2026`, token).expect(200);
      expect(res.body).toEqual({
        year: 2026,
        goals: second,
        history: [
          {
            eventId: expect.any(String),
            setOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            recordedAt: expect.any(String),
            goals: first,
          },
          {
            eventId: put.body.eventIds[0],
            setOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            recordedAt: expect.any(String),
            goals: second,
          },
        ],
        revision: put.body.revision,
      });
      expect(res.headers.etag).toBe(`"${String(put.body.revision)}"`);
    }
    const none = await get(`${base()}/2027`, t.chief).expect(200);
    expect(none.body).toMatchObject({ year: 2027, goals: [], history: [] });
  });

  it('the revision read is the If-Match of the next setting', async () => {
    const base = `/v1/associations/${t.associationId}/goals/2028`;
    const read = await get(base, t.chief).expect(200);
    const etag = read.headers.etag as string;
    await api.http
      .put(base)
      .set(bearer(t.chief))
      .set('If-Match', etag)
      .send({ goals: first })
      .expect(200);
    const stale = await api.http
      .put(base)
      .set(bearer(t.chief))
      .set('If-Match', etag)
      .send({ goals: second })
      .expect(409);
    expect(stale.body.code).toBe('concurrent_write');
  });

  it('refuses staff and another association; a bad year is 400; an unknown insats 404', async () => {
    await get(`/v1/associations/${t.associationId}/goals/2026`, t.staff).expect(403);
    await get(`/v1/interventions/${t.interventionId}/goals/2026`, t.staff).expect(403);
    await get(`/v1/interventions/${t.interventionId}/goals/2026`, other.board).expect(403);
    const bad = await get(`/v1/associations/${t.associationId}/goals/20x6`, t.chief).expect(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
    const missing = await get('/v1/interventions/I-0000000000/goals/2026', t.chief).expect(404);
    expect(missing.body.code).toBe('intervention_not_found');
  });
});

describe('GET /v1/vocabulary', () => {
  type CodeList = { code: string | number; label: string }[];

  it('answers anyone signed in, and nobody else', async () => {
    for (const token of [api.token('admin'), t.chief, t.board, t.staff]) {
      await get('/v1/vocabulary', token).expect(200);
    }
    await api.http.get('/v1/vocabulary').expect(401);
  });

  it("is the domain's vocabulary: every code with its Swedish label, in order", async () => {
    const res = await get('/v1/vocabulary', t.staff).expect(200);
    const lists = res.body as Record<string, CodeList>;
    const source = domain as unknown as Record<
      string,
      { keys: readonly (string | number)[]; labels: Record<string, string> }
    >;
    const names = [
      'genders',
      'parties',
      'referringParties',
      'incomeSources',
      'outcomes',
      'educationLevels',
      'supportDurations',
      'interventionKinds',
      'assessmentPhases',
      'retractionReasons',
      'erasureReasons',
      'assignmentAims',
      'followUpStatuses',
      'followUpMarks',
      'progressionRules',
      'goalKinds',
      'ageGroups',
      'employmentStatuses',
      'goalStatuses',
      'completenessFacts',
    ];
    expect(Object.keys(lists).sort()).toEqual(
      [...names, 'participantStatuses', 'missingEntries', 'genderColumns'].sort(),
    );
    expect(lists['genderColumns']).toEqual([
      { code: 'woman', label: 'Kvinnor' },
      { code: 'man', label: 'Män' },
      { code: 'other', label: 'Annat' },
    ]);
    expect(lists['participantStatuses']).toEqual([
      { code: 'active', label: 'Pågående' },
      { code: 'exited', label: 'Avslutad' },
    ]);
    expect(lists['missingEntries']?.map((m) => m.code)).toEqual([
      'startAssessment',
      'exitAssessment',
      'satisfaction',
      'followUp',
    ]);
    for (const name of names) {
      const vocabulary = source[name];
      expect(vocabulary).toBeDefined();
      expect(lists[name]).toEqual(
        vocabulary?.keys.map((code) => ({ code, label: vocabulary.labels[String(code)] })),
      );
    }
    expect(lists['genders']).toContainEqual({ code: 'woman', label: 'Kvinna' });
    expect(lists['followUpMarks']?.map((m) => m.code)).toEqual([3, 6, 12]);
    expect(lists['goalKinds']?.map((m) => m.code)).toContain('assignmentGoalShare');
  });
});
