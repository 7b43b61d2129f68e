import { JwtService, type JwtSignOptions } from '@nestjs/jwt';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, ORG_NUMBERS, type Tenant } from '../support/world';

/**
 * DESIGN §5: who may do what. Every route is called by every kind of user of two associations;
 * exactly the allowed ones succeed, everyone else gets 403 and nothing is written. A participant
 * is unknown (404) outside its own association, as a pseudonym never issued: another förbund
 * cannot learn that it exists.
 */
let api: Api;
let a: Tenant;
let b: Tenant;
let shortCourses = 0;
type Request = { method: 'get' | 'post' | 'put' | 'delete'; path: string; body?: object };
type Actor = 'admin' | 'chief' | 'board' | 'staff' | 'otherStaff' | 'chiefOfB' | 'staffOfB';
const actors: Actor[] = ['admin', 'chief', 'board', 'staff', 'otherStaff', 'chiefOfB', 'staffOfB'];

beforeAll(async () => {
  api = await startApi();
  a = await createTenant(api, 0);
  b = await createTenant(api, 1);
});
afterAll(() => api.close());

function tokenOf(actor: Actor): string {
  switch (actor) {
    case 'admin':
      return api.token('admin');
    case 'chiefOfB':
      return b.chief;
    case 'staffOfB':
      return b.staff;
    default:
      return a[actor];
  }
}

const eventIds = async () => (await api.allEvents()).map((e) => e.id);

async function recordSatisfaction(pid: string): Promise<string> {
  const res = await api.http
    .post(`/v1/participants/${pid}/satisfaction`)
    .set(bearer(a.staff))
    .send({ score: 4, answeredOn: '2025-04-01' })
    .expect(201);
  return res.body.eventIds[0] as string;
}

/** Each route with a fresh target per call, so an allowed call never spoils the next one. */
const routes: {
  name: string;
  allowed: Actor[];
  status: number;
  request: () => Promise<Request>;
}[] = [
  {
    name: 'register an association',
    allowed: ['admin'],
    status: 201,
    request: async () => ({
      method: 'post',
      path: '/v1/associations',
      body: { name: 'Nytt förbund', orgNumber: ORG_NUMBERS[0], parties: ['FK', 'AF'] },
    }),
  },
  {
    name: 'register an intervention',
    allowed: ['chief'],
    status: 201,
    request: async () => ({
      method: 'post',
      path: `/v1/associations/${a.associationId}/interventions`,
      body: { name: 'SamCoach', kind: 'individual', parties: ['FK', 'AF'], startsOn: '2025-01-01' },
    }),
  },
  {
    name: 'set association goals',
    allowed: ['chief'],
    status: 200,
    request: async () => ({
      method: 'put',
      path: `/v1/associations/${a.associationId}/goals/2025`,
      body: {
        goals: [{ id: 'antal', label: 'Antal deltagare', kind: 'participantCount', min: 60 }],
      },
    }),
  },
  {
    name: 'set intervention goals',
    allowed: ['chief'],
    status: 200,
    request: async () => ({
      method: 'put',
      path: `/v1/interventions/${a.interventionId}/goals/2025`,
      body: { goals: [{ id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.85 }] },
    }),
  },
  {
    name: 'close an intervention',
    allowed: ['chief'],
    status: 201,
    request: async () => {
      const res = await api.http
        .post(`/v1/associations/${a.associationId}/interventions`)
        .set(bearer(a.chief))
        // One per role: open insatser of an association need names of their own.
        .send({
          name: `Kortkurs ${++shortCourses}`,
          kind: 'structural',
          parties: ['FK'],
          startsOn: '2025-01-01',
        })
        .expect(201);
      return {
        method: 'post',
        path: `/v1/interventions/${res.body.interventionId}/close`,
        body: { closedOn: '2025-06-30' },
      };
    },
  },
  {
    name: 'record attendance',
    allowed: ['chief', 'staff'],
    status: 201,
    request: async () => ({
      method: 'post',
      path: `/v1/interventions/${a.structuralId}/attendance`,
      body: { occurredOn: '2025-03-10', women: 14, men: 6, other: 0 },
    }),
  },
  {
    name: 'enrol a participant',
    allowed: ['chief', 'staff'],
    status: 201,
    request: async () => ({
      method: 'post',
      path: `/v1/interventions/${a.interventionId}/participants`,
      body: {
        enrolledOn: '2025-03-03',
        gender: 'man',
        birthYear: 1995,
        referringParty: 'AF',
        incomeSource: 'unemployment_support',
        educationLevel: 'compulsory',
        supportDurationBefore: 'under_1y',
      },
    }),
  },
  ...(
    [
      [
        'record a self-assessment',
        'self-assessments',
        {
          instrument: 'stegvis-5',
          phase: 'start',
          assessedOn: '2025-03-05',
          scores: { wellbeing: 5 },
        },
      ],
      ['record a progression step', 'progression-steps', { level: 3, stepOn: '2025-04-01' }],
      ['record satisfaction', 'satisfaction', { score: 5, answeredOn: '2025-04-02' }],
      [
        'record an exit',
        'exit',
        {
          exitedOn: '2025-05-30',
          outcome: 'studies',
          incomeSource: 'student_aid',
          planHandedOver: true,
        },
      ],
    ] as const
  ).map(([name, path, body]) => ({
    name,
    allowed: ['chief', 'staff'] as Actor[],
    status: 201,
    request: async (): Promise<Request> => ({
      method: 'post',
      path: `/v1/participants/${await enrol(api, a)}/${path}`,
      body,
    }),
  })),
  {
    name: 'retract an entry',
    allowed: ['chief', 'staff'],
    status: 201,
    request: async () => {
      const pid = await enrol(api, a);
      const eventId = await recordSatisfaction(pid);
      return {
        method: 'post',
        path: `/v1/participants/${pid}/retractions`,
        body: { eventId, reason: 'wrong_value' },
      };
    },
  },
  {
    name: 'erase a participant',
    allowed: ['chief'],
    status: 204,
    request: async () => ({
      method: 'delete',
      path: `/v1/participants/${await enrol(api, a)}`,
      body: { reason: 'consent_withdrawn' },
    }),
  },
  {
    name: 'read a participant',
    allowed: ['chief', 'staff'],
    status: 200,
    request: async () => ({ method: 'get', path: `/v1/participants/${await enrol(api, a)}` }),
  },
];

/**
 * A user of B whose role may do this in its own förbund: refused on looking the participant up,
 * where "not yours" must read as "unknown". A role refused outright (admin, board) is answered
 * 403 before any lookup, the same for every pseudonym.
 */
const roleOfB = (actor: Actor, allowed: Actor[]) =>
  (actor === 'chiefOfB' && allowed.includes('chief')) ||
  (actor === 'staffOfB' && allowed.includes('staff'));

describe.each(routes)('$name', ({ allowed, status, request }) => {
  it.each(actors)('as %s', async (actor) => {
    const { method, path, body } = await request();
    const before = await eventIds();
    const call = api.http[method](path).set(bearer(tokenOf(actor)));
    const res = await (body ? call.send(body) : call);
    const after = await eventIds();
    if (allowed.includes(actor)) {
      expect(res.status).toBe(status);
      if (method !== 'get') expect(after).not.toEqual(before);
    } else if (path.startsWith('/v1/participants/') && roleOfB(actor, allowed)) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, code: 'participant_not_found' });
      expect(after).toEqual(before);
    } else {
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
      expect(after).toEqual(before);
    }
  });
});

describe('the chief and staff of the other association act on their own', () => {
  it('chief of B registers in B, staff of B enrols in B', async () => {
    await api.http
      .put(`/v1/associations/${b.associationId}/goals/2025`)
      .set(bearer(b.chief))
      .send({ goals: [] })
      .expect(200);
    await enrol(api, b);
  });
});

describe('authentication', () => {
  const jwt = new JwtService();
  const claims = () => ({ role: 'chief', associationId: a.associationId, interventionIds: [] });
  type SignOptions = Omit<JwtSignOptions, 'expiresIn'> & { expiresIn?: number | null };
  const sign = (options: SignOptions, payload: object = claims()) => {
    const { expiresIn = 600, ...rest } = options;
    return jwt.sign(payload, {
      secret: api.config.auth.secret,
      issuer: 'stegvis',
      audience: 'stegvis-api',
      subject: 'someone',
      ...(expiresIn === null ? {} : { expiresIn }),
      ...rest,
    });
  };
  const unsigned = () =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({
        ...claims(),
        sub: 'x',
        iss: 'stegvis',
        aud: 'stegvis-api',
        exp: 9999999999,
      }),
    ).toString('base64url')}.`;

  const cases: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['another scheme', () => ({ Authorization: `Basic ${sign({})}` })],
    [
      'a token signed with another secret',
      () => bearer(sign({ secret: 'another-secret-that-is-also-32-characters' })),
    ],
    ['an expired token', () => bearer(sign({ expiresIn: -10 }))],
    ['a token for another issuer', () => bearer(sign({ issuer: 'someone-else' }))],
    ['a token for another audience', () => bearer(sign({ audience: 'another-api' }))],
    ['an unsigned token (alg none)', () => bearer(unsigned())],
    ['a token without exp', () => bearer(sign({ expiresIn: null }))],
    ['a chief token without association', () => bearer(sign({}, { role: 'chief' }))],
    ['an unknown role', () => bearer(sign({}, { ...claims(), role: 'superuser' }))],
    ['garbage', () => bearer('not.a.token')],
  ];

  it.each(cases)('%s is 401 problem+json and writes nothing', async (_, headers) => {
    const before = (await api.allEvents()).length;
    const res = await api.http
      .put(`/v1/associations/${a.associationId}/goals/2025`)
      .set(headers())
      .send({ goals: [] });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await api.allEvents()).length).toBe(before);
  });

  it('health and docs are public', async () => {
    await api.http.get('/health/live').expect(200);
    await api.http.get('/health/ready').expect(200);
    const docs = await api.http.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v1/associations', '/v1/participants/{pid}/exit']),
    );
  });
});
