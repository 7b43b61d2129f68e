import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, enrolment, ORG_NUMBERS, type Tenant } from '../support/world';

/**
 * The HTTP conventions every route keeps (issue 9 items 8, 9, 10, 18, 27): Location on what a
 * write creates, RFC 6750 on refused credentials, If-Match: *, 405 with Allow, secure headers and
 * no caching of per-user data, and unknown query parameters refused as unknown body fields are.
 */
let api: Api;
let t: Tenant;
beforeAll(async () => {
  api = await startApi();
  t = await createTenant(api, 0);
});
afterAll(() => api.close());

const post = (token: string, path: string, body: object) =>
  api.http.post(path).set(bearer(token)).send(body);

describe('Location on 201 and 202', () => {
  it('an association, an intervention and a participant are each found at their Location', async () => {
    const association = await post(api.token('admin'), '/v1/associations', {
      name: 'Samordningsförbundet Väst',
      orgNumber: ORG_NUMBERS[1],
      parties: ['FK', 'AF'],
    }).expect(201);
    expect(association.headers.location).toBe(`/v1/associations/${association.body.associationId}`);

    const intervention = await post(t.chief, `/v1/associations/${t.associationId}/interventions`, {
      name: 'Arbetsträning',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2025-01-01',
    }).expect(201);
    expect(intervention.headers.location).toBe(
      `/v1/interventions/${intervention.body.interventionId}`,
    );

    const enrolled = await post(
      t.staff,
      `/v1/interventions/${t.interventionId}/participants`,
      enrolment,
    ).expect(201);
    const pid = enrolled.body.participantId as string;
    expect(enrolled.headers.location).toBe(`/v1/participants/${pid}`);
    const read = await api.http
      .get(enrolled.headers.location ?? '')
      .set(bearer(t.staff))
      .expect(200);
    expect(read.body.participantId).toBe(pid);
  });

  it('a fact recorded on a participant points at the participant, where it is read', async () => {
    const pid = await enrol(api, t);
    const path = `/v1/participants/${pid}`;
    const facts: [string, object][] = [
      [
        'self-assessments',
        {
          instrument: 'stegvis-5',
          phase: 'start',
          assessedOn: '2025-03-05',
          scores: { wellbeing: 4 },
        },
      ],
      ['progression-steps', { level: 2, stepOn: '2025-03-20' }],
      ['satisfaction', { score: 4, answeredOn: '2025-04-01' }],
    ];
    const ids: string[] = [];
    for (const [route, body] of facts) {
      const res = await post(t.staff, `${path}/${route}`, body).expect(201);
      expect(res.headers.location).toBe(path);
      ids.push(res.body.eventIds[0] as string);
    }
    const retraction = await post(t.staff, `${path}/retractions`, {
      eventId: ids[2],
      reason: 'wrong_value',
    }).expect(201);
    expect(retraction.headers.location).toBe(path);
    const exit = await post(t.staff, `${path}/exit`, {
      exitedOn: '2025-05-30',
      outcome: 'studies',
      incomeSource: 'student_aid',
      planHandedOver: true,
    }).expect(201);
    expect(exit.headers.location).toBe(path);
  });

  it('head counts and closing point at the intervention', async () => {
    const attendance = await post(t.staff, `/v1/interventions/${t.structuralId}/attendance`, {
      occurredOn: '2025-03-10',
      women: 3,
      men: 2,
      other: 0,
    }).expect(201);
    expect(attendance.headers.location).toBe(`/v1/interventions/${t.structuralId}`);
    const close = await post(t.chief, `/v1/interventions/${t.structuralId}/close`, {
      closedOn: '2025-12-31',
    }).expect(201);
    expect(close.headers.location).toBe(`/v1/interventions/${t.structuralId}`);
  });

  it('a retried write answers with the same Location', async () => {
    const send = () =>
      post(t.staff, `/v1/interventions/${t.interventionId}/participants`, enrolment).set(
        'Idempotency-Key',
        'location-retry',
      );
    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers.location).toBe(`/v1/participants/${first.body.participantId}`);
  });

  it('an export and a rebuild point at their jobs (202)', async () => {
    const exported = await post(t.chief, `/v1/associations/${t.associationId}/exports`, {
      year: 2025,
      format: 'csv',
    }).expect(202);
    expect(exported.headers.location).toBe(`/v1/exports/${exported.body.jobId}`);
    await api.http
      .get(exported.headers.location ?? '')
      .set(bearer(t.chief))
      .expect(200);

    const admin = api.token('admin');
    const rebuild = await api.http
      .post('/v1/admin/read-models/rebuild')
      .set(bearer(admin))
      .expect(202);
    expect(rebuild.headers.location).toBe(`/v1/admin/jobs/${rebuild.body.jobId}`);
    await api.http
      .get(rebuild.headers.location ?? '')
      .set(bearer(admin))
      .expect(200);
  });

  it('the OpenAPI document describes the Location header of a 201', async () => {
    const docs = await api.http.get('/docs-json').expect(200);
    const created = docs.body.paths['/v1/interventions/{iid}/participants'].post.responses['201'];
    expect(created.headers.Location).toBeDefined();
  });
});

describe('401 answers say how to authenticate (RFC 6750)', () => {
  const goals = () => api.http.put(`/v1/associations/${t.associationId}/goals/2025`);

  it('without credentials: WWW-Authenticate: Bearer realm="stegvis", no error code', async () => {
    const res = await goals().send({ goals: [] }).expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="stegvis"');
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('with another scheme: the same challenge', async () => {
    const res = await goals()
      .set('Authorization', 'Basic dXNlcjpwYXNz')
      .send({ goals: [] })
      .expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="stegvis"');
  });

  it('with a refused token: error="invalid_token"', async () => {
    const res = await goals().set(bearer('not.a.token')).send({ goals: [] }).expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="stegvis", error="invalid_token"');
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it.each(['bearer', 'BEARER', 'Bearer'])('the scheme is case-insensitive: %s', async (scheme) => {
    await goals().set('Authorization', `${scheme} ${t.chief}`).send({ goals: [] }).expect(200);
  });
});

describe('If-Match: * (the stream exists)', () => {
  it('lets a write to an existing participant through and answers its new revision', async () => {
    const pid = await enrol(api, t);
    const res = await post(t.staff, `/v1/participants/${pid}/satisfaction`, {
      score: 5,
      answeredOn: '2025-04-01',
    })
      .set('If-Match', '*')
      .expect(201);
    expect(res.body.revision).toBe(1);
    expect(res.headers.etag).toBe('"1"');
  });

  it('works for intervention and association writes and for erasure', async () => {
    await api.http
      .put(`/v1/interventions/${t.interventionId}/goals/2025`)
      .set(bearer(t.chief))
      .set('If-Match', '*')
      .send({ goals: [] })
      .expect(200);
    await api.http
      .put(`/v1/associations/${t.associationId}/goals/2025`)
      .set(bearer(t.chief))
      .set('If-Match', '*')
      .send({ goals: [] })
      .expect(200);
    const pid = await enrol(api, t);
    await api.http
      .delete(`/v1/participants/${pid}`)
      .set(bearer(t.chief))
      .set('If-Match', '*')
      .send({ reason: 'consent_withdrawn' })
      .expect(204);
  });

  it('refuses a write that would create the stream, and writes nothing', async () => {
    const before = (await api.allEvents()).length;
    const res = await post(t.staff, `/v1/interventions/${t.interventionId}/participants`, enrolment)
      .set('If-Match', '*')
      .expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'concurrent_write', currentRevision: null });
    expect(res.body.detail).toMatch(/If-Match: \*/);
    expect((await api.allEvents()).length).toBe(before);
  });
});

describe('405 for a method a known path does not support', () => {
  it('PATCH on a participant is 405 with Allow, as Swedish problem+json', async () => {
    const pid = await enrol(api, t);
    const res = await api.http
      .patch(`/v1/participants/${pid}`)
      .set(bearer(t.chief))
      .send({ gender: 'man' })
      .expect(405);
    expect(res.headers.allow).toBe('DELETE, GET, HEAD');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 405, code: 'method_not_allowed' });
    expect(res.body.detail).toMatch(/PATCH.*DELETE, GET eller HEAD/);
  });

  it.each([
    ['put', '/v1/associations', 'POST'],
    ['get', '/v1/interventions/I-0000000000/close', 'POST'],
    ['delete', '/v1/associations/F-0000000000/goals/2025', 'GET, HEAD, PUT'],
    ['post', '/health/live', 'GET, HEAD'],
  ] as const)('%s %s lists %s', async (method, path, allow) => {
    const res = await api.http[method](path).set(bearer(t.chief)).expect(405);
    expect(res.headers.allow).toBe(allow);
  });

  it('an unknown path is still 404, and a route’s own 404 too', async () => {
    const unknown = await api.http.patch('/v1/nothing-here').set(bearer(t.chief)).expect(404);
    expect(unknown.headers.allow).toBeUndefined();
    await api.http.get('/v1/participants/D-0000000000').set(bearer(t.chief)).expect(404);
  });
});

describe('secure headers', () => {
  const pages = () => [
    api.http.get(`/v1/interventions/${t.interventionId}/participants`).set(bearer(t.staff)),
    api.http.get(`/v1/associations/${t.associationId}/reports/2025`).set(bearer(t.chief)),
    api.http.get('/v1/participants/D-0000000000').set(bearer(t.chief)),
    api.http.get('/v1/nothing-here'),
    api.http.get('/health/live'),
    api.http.get('/docs'),
    api.http.get('/docs-json'),
    api.http.get('/'),
  ];

  it('every answer has nosniff and cannot be framed', async () => {
    for (const page of pages()) {
      const res = await page;
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('per-user data is never cached: histories, lists, reports, export status, errors', async () => {
    const pid = await enrol(api, t);
    const exported = await post(t.chief, `/v1/associations/${t.associationId}/exports`, {
      year: 2025,
      format: 'csv',
    }).expect(202);
    const answers = await Promise.all([
      api.http.get(`/v1/participants/${pid}`).set(bearer(t.staff)).expect(200),
      api.http.get(`/v1/interventions/${t.interventionId}/participants`).set(bearer(t.staff)),
      api.http.get(`/v1/associations/${t.associationId}/reports/2025`).set(bearer(t.chief)),
      api.http.get(`/v1/associations/${t.associationId}/reports/2025.csv`).set(bearer(t.chief)),
      api.http.get(`/v1/exports/${exported.body.jobId}`).set(bearer(t.chief)),
      post(t.staff, `/v1/participants/${pid}/satisfaction`, { score: 4, answeredOn: '2025-04-01' }),
      api.http.get(`/v1/participants/${pid}`).set(bearer(t.board)),
    ]);
    for (const res of answers) expect(res.headers['cache-control']).toMatch(/\bno-store\b/);
  });

  it('an API answer allows no content at all to run; the web application keeps its own strict policy', async () => {
    const api401 = await api.http.get(`/v1/participants/D-0000000000`);
    expect(api401.headers['content-security-policy']).toMatch(/default-src 'none'/);
    const page = await api.http.get('/').expect(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe/);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('/docs may load its own scripts and styles, and nothing from elsewhere', async () => {
    const docs = await api.http.get('/docs').expect(200);
    const csp = docs.headers['content-security-policy'] as string;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
  });
});

describe('unknown query parameters are refused', () => {
  type Operation = { method: 'get' | 'post' | 'put' | 'delete'; path: string };

  /** Every documented route, its path parameters filled with ids of this tenant. */
  async function documentedOperations(): Promise<Operation[]> {
    const docs = await api.http.get('/docs-json').expect(200);
    const pid = await enrol(api, t);
    const values: Record<string, string> = {
      aid: t.associationId,
      iid: t.interventionId,
      pid,
      year: '2025',
      jobId: '6f1c3c52-9c55-4b55-8f3a-7d2a3c1b0e01',
      uid: 'U-0000000001',
      tokenId: 'T-0000000001',
    };
    const operations: Operation[] = [];
    for (const [template, item] of Object.entries(docs.body.paths as Record<string, object>)) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`no value for path parameter ${name}`);
        return value;
      });
      for (const method of Object.keys(item)) {
        operations.push({ method: method as Operation['method'], path });
      }
    }
    return operations;
  }

  it('on every route, with 400 problem+json naming the parameter, before anything is written', async () => {
    const operations = await documentedOperations();
    operations.push({ method: 'get', path: '/metrics' });
    expect(operations.length).toBeGreaterThan(15);
    const tokens = [api.token('admin'), t.chief, t.staff, t.board];
    for (const { method, path } of operations) {
      const before = (await api.allEvents()).length;
      let res;
      // The role guard answers first; the first role it lets through meets the query check.
      for (const token of tokens) {
        res = await api.http[method](`${path}?okand=1`).set(bearer(token)).send({});
        if (res.status !== 403) break;
      }
      expect({ route: `${method} ${path}`, status: res?.status }).toEqual({
        route: `${method} ${path}`,
        status: 400,
      });
      expect(res?.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res?.body).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'query.okand', code: 'unrecognized_keys' }],
      });
      expect(res?.body.errors[0].message).toMatch(/okand/);
      expect((await api.allEvents()).length).toBe(before);
    }
  });

  it('routes with parameters still take theirs, and refuse the others by name', async () => {
    const list = `/v1/interventions/${t.interventionId}/participants`;
    await api.http.get(`${list}?limit=5&minPosition=0`).set(bearer(t.staff)).expect(200);
    const refused = await api.http
      .get(`${list}?limit=5&sort=name`)
      .set(bearer(t.staff))
      .expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'query.sort', code: 'unrecognized_keys' }),
    ]);
    expect(refused.body.errors[0].message).toMatch(/after, limit, minPosition/);

    const report = `/v1/associations/${t.associationId}/reports/2025`;
    await api.http
      .get(`${report}?from=2025-01-01&to=2025-06-30&interventionId=${t.interventionId}`)
      .set(bearer(t.chief))
      .expect(200);
    const bad = await api.http
      .get(`${report}.csv?fran=2025-01-01`)
      .set(bearer(t.chief))
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.fran' })]);
    // The report's own rules still hold next to the strictness.
    const half = await api.http.get(`${report}?from=2025-01-01`).set(bearer(t.chief)).expect(400);
    expect(half.body.errors).toEqual([expect.objectContaining({ path: 'query.to' })]);
  });

  it('neither the value nor an identifying name is echoed in the answer', async () => {
    const res = await api.http
      .get(`/v1/interventions/${t.interventionId}/participants?personnummer=19890101-1234`)
      .set(bearer(t.staff))
      .expect(400);
    expect(JSON.stringify(res.body)).not.toContain('19890101-1234');
    expect(res.body.instance).toBe(`/v1/interventions/${t.interventionId}/participants`);
    const named = await api.http
      .get(`/v1/interventions/${t.interventionId}/participants?19890101-1234`)
      .set(bearer(t.staff))
      .expect(400);
    expect(JSON.stringify(named.body)).not.toContain('19890101-1234');
    expect(named.body.errors).toEqual([
      expect.objectContaining({ path: 'query', code: 'unrecognized_keys' }),
    ]);
  });

  it('the web application opens from a link that carries a query', async () => {
    await api.http.get('/?utm_source=nyhetsbrev').expect(200);
  });

  it('the OpenAPI document lists each route’s query parameters', async () => {
    const docs = await api.http.get('/docs-json').expect(200);
    const names = (path: string) =>
      (docs.body.paths[path].get.parameters as { name: string; in: string }[])
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
    expect(names('/v1/interventions/{iid}/participants')).toEqual([
      'after',
      'limit',
      'minPosition',
    ]);
    expect(names('/v1/associations/{aid}/reports/{year}')).toEqual([
      'asOf',
      'from',
      'interventionId',
      'minPosition',
      'to',
    ]);
  });
});
