import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, enrolment, type Tenant } from '../support/world';

/*
 * GET /v1/participants, the staff list (issue 12): the participants of my insatser, last changed
 * first, with what is missing (a follow-up due included), filtered by insats, status and what is
 * missing, searched by pseudonym prefix, and paged on the server.
 */

type Item = {
  participantId: string;
  interventionId: string;
  status: string;
  hasStartAssessment: boolean;
  followUpsDue: number[];
  lastChange: string;
};
type Page = { items: Item[]; total: number; next: string | null; checkpoint: string | null };

let api: Api;
let t: Tenant;
let secondId: string;
/** Staff of the second insats only. */
let secondStaff: string;
/** Staff of both individual insatser. */
let bothStaff: string;
let position = '0';
const ids: Record<'active' | 'assessed' | 'exited' | 'followedUp' | 'second', string> = {
  active: '',
  assessed: '',
  exited: '',
  followedUp: '',
  second: '',
};

async function write(path: string, body: object, token = t.chief): Promise<void> {
  const res = await api.http.post(path).set(bearer(token)).send(body).expect(201);
  position = res.body.position as string;
}

const exit = {
  exitedOn: '2025-04-01',
  outcome: 'work',
  incomeSource: 'salary',
  planHandedOver: true,
};

beforeAll(async () => {
  api = await startApi();
  t = await createTenant(api, 0);
  const second = await api.http
    .post(`/v1/associations/${t.associationId}/interventions`)
    .set(bearer(t.chief))
    .send({ name: 'SamCoach', kind: 'individual', parties: ['FK', 'AF'], startsOn: '2025-01-01' })
    .expect(201);
  secondId = second.body.interventionId as string;
  secondStaff = api.token('staff', t.associationId, [secondId], 'staff-samcoach');
  bothStaff = api.token('staff', t.associationId, [t.interventionId, secondId], 'staff-both');

  ids.exited = await enrol(api, t);
  await write(`/v1/participants/${ids.exited}/exit`, exit);
  ids.followedUp = await enrol(api, t);
  await write(`/v1/participants/${ids.followedUp}/exit`, exit);
  await write(`/v1/participants/${ids.followedUp}/follow-ups`, {
    monthsAfterExit: 3,
    followedUpOn: '2025-07-02',
    status: 'work',
    incomeSource: 'salary',
  });
  ids.second = (
    await api.http
      .post(`/v1/interventions/${secondId}/participants`)
      .set(bearer(secondStaff))
      .send(enrolment)
      .expect(201)
  ).body.participantId as string;
  ids.assessed = await enrol(api, t);
  ids.active = await enrol(api, t);
  // The assessed participant changes last, so it comes first.
  await write(`/v1/participants/${ids.assessed}/self-assessments`, {
    instrument: 'stegvis-5',
    phase: 'start',
    assessedOn: '2025-03-05',
    scores: { wellbeing: 4 },
  });
});
afterAll(() => api.close());

async function list(query = '', token = t.chief): Promise<Page> {
  const separator = query === '' ? '' : '&';
  const res = await api.http
    .get(`/v1/participants?minPosition=${position}${separator}${query}`)
    .set(bearer(token))
    .expect(200);
  return res.body as Page;
}
const idsOf = (page: Page) => page.items.map((i) => i.participantId);

describe('GET /v1/participants', () => {
  it('lists every participant of the association to its chief, last changed first', async () => {
    const page = await list();
    expect(page.checkpoint).toBe(position);
    expect(idsOf(page)).toEqual([ids.assessed, ids.active, ids.second, ids.followedUp, ids.exited]);
    expect(page.total).toBe(5);
    expect(page.next).toBeNull();
    expect(page.items[0]).toMatchObject({
      interventionId: t.interventionId,
      hasStartAssessment: true,
    });
  });

  it('says which follow-ups are due: every passed mark without a follow-up', async () => {
    const byId = new Map((await list()).items.map((i) => [i.participantId, i]));
    // Exited 2025-04-01: the 3, 6 and 12 month marks have all passed.
    expect(byId.get(ids.exited)?.followUpsDue).toEqual([3, 6, 12]);
    expect(byId.get(ids.followedUp)?.followUpsDue).toEqual([6, 12]);
    expect(byId.get(ids.active)?.followUpsDue).toEqual([]);
  });

  it('filters by insats, status and what is missing', async () => {
    expect(idsOf(await list(`interventionId=${secondId}`))).toEqual([ids.second]);
    expect(idsOf(await list('status=exited'))).toEqual([ids.followedUp, ids.exited]);
    expect(idsOf(await list('status=active&missing=startAssessment'))).toEqual([
      ids.active,
      ids.second,
    ]);
    expect(idsOf(await list('missing=followUp'))).toEqual([ids.followedUp, ids.exited]);
  });

  it('searches by the beginning of the pseudonym, typed as staff type it', async () => {
    const target = ids.second;
    const typed = target.slice(2, 7).toLowerCase();
    const page = await list(`q=${typed}`);
    expect(idsOf(page)).toContain(target);
    expect(page.items.every((i) => i.participantId.startsWith(`D-${typed.toUpperCase()}`))).toBe(
      true,
    );
    expect(idsOf(await list(`q=${target}`))).toEqual([target]);
  });

  it('pages on the server: each page continues where the last ended, nothing twice', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`limit=2${after === null ? '' : `&after=${after}`}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(5);
      seen.push(...idsOf(page));
      after = page.next;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(idsOf(await list()));
  });

  it('shows staff only their insatser; another insats named is refused', async () => {
    expect(idsOf(await list('', secondStaff))).toEqual([ids.second]);
    expect(new Set(idsOf(await list('', bothStaff)))).toEqual(new Set(Object.values(ids)));
    await api.http
      .get(`/v1/participants?interventionId=${t.interventionId}`)
      .set(bearer(secondStaff))
      .expect(403);
    await api.http.get('/v1/participants').set(bearer(t.board)).expect(403);
    expect(idsOf(await list('', t.otherStaff))).toEqual([]);
  });

  it.each([
    ['status=done', 'query.status'],
    ['missing=everything', 'query.missing'],
    ['q=D-7K3Q%25', 'query.q'],
    ['after=senast', 'query.after'],
    ['limit=0', 'query.limit'],
    ['interventionId=I-1', 'query.interventionId'],
    ['namn=Anna', 'query.namn'],
  ])('refuses ?%s with a Swedish problem naming %s', async (query, path) => {
    const res = await api.http.get(`/v1/participants?${query}`).set(bearer(t.chief)).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path, message: expect.stringMatching(/[åäö]|ska|ange|ta bort/i) }),
    ]);
  });

  it('refuses a personnummer typed into the search, without repeating it', async () => {
    const res = await api.http
      .get('/v1/participants?q=19890101-1234')
      .set(bearer(t.chief))
      .expect(400);
    expect(res.body.errors[0].message).toContain('personnummer');
    expect(JSON.stringify(res.body)).not.toContain('19890101');
  });
});
