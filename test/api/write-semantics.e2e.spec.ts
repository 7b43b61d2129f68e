import { streamNames } from '@stegvis/domain';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, enrolment, type Tenant } from '../support/world';

let api: Api;
let t: Tenant;
beforeAll(async () => {
  api = await startApi();
  t = await createTenant(api, 0);
});
afterAll(() => api.close());

const satisfaction = (pid: string) =>
  api.http.post(`/v1/participants/${pid}/satisfaction`).set(bearer(t.staff));

describe('concurrent writes', () => {
  it('two writes based on the same revision: one 201, one 409, one event', async () => {
    const pid = await enrol(api, t);
    const [first, second] = await Promise.all([
      satisfaction(pid).set('If-Match', '"0"').send({ score: 4, answeredOn: '2025-04-01' }),
      satisfaction(pid).set('If-Match', '"0"').send({ score: 2, answeredOn: '2025-04-02' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const conflict = first.status === 409 ? first : second;
    expect(conflict.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(conflict.body).toMatchObject({ code: 'concurrent_write', currentRevision: 1 });
    const stream = await api.store.readStream(streamNames.participant(pid));
    expect(stream.map((e) => e.type)).toEqual(['ParticipantEnrolled', 'SatisfactionRecorded']);
  });

  it('a stale If-Match is 409 and a current one is accepted; the answer carries the new revision', async () => {
    const pid = await enrol(api, t);
    await satisfaction(pid)
      .set('If-Match', '"5"')
      .send({ score: 4, answeredOn: '2025-04-01' })
      .expect(409);
    const ok = await satisfaction(pid)
      .set('If-Match', '0')
      .send({ score: 4, answeredOn: '2025-04-01' })
      .expect(201);
    expect(ok.body.revision).toBe(1);
    expect(ok.headers.etag).toBe('"1"');
  });

  it('without If-Match, concurrent writes are serialised and each decided on fresh state', async () => {
    const pid = await enrol(api, t);
    const exit = (exitedOn: string) =>
      api.http
        .post(`/v1/participants/${pid}/exit`)
        .set(bearer(t.staff))
        .send({ exitedOn, outcome: 'work', incomeSource: 'salary', planHandedOver: false });
    const results = await Promise.all([exit('2025-05-01'), exit('2025-05-02')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(results.find((r) => r.status === 422)?.body.code).toBe('participant_already_exited');
  });
});

describe('Idempotency-Key', () => {
  it('a retried enrolment returns the first answer and writes once', async () => {
    const before = (await api.allEvents()).length;
    const send = () =>
      api.http
        .post(`/v1/interventions/${t.interventionId}/participants`)
        .set(bearer(t.staff))
        .set('Idempotency-Key', 'enrol-7f3a')
        .send(enrolment);
    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body.participantId).toMatch(/^D-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect((await api.allEvents()).length).toBe(before + 1);
  });

  it('a retried milestone returns the first answer even after later writes, and writes once', async () => {
    const pid = await enrol(api, t);
    const send = () =>
      satisfaction(pid)
        .set('Idempotency-Key', 'svar-1')
        .send({ score: 5, answeredOn: '2025-04-01' });
    const first = await send().expect(201);
    await satisfaction(pid).send({ score: 3, answeredOn: '2025-04-03' }).expect(201);
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.body).toEqual({
      eventIds: [expect.any(String)],
      revision: 1,
      position: expect.stringMatching(/^\d+$/),
    });
    const stream = await api.store.readStream(streamNames.participant(pid));
    expect(stream.filter((e) => e.type === 'SatisfactionRecorded')).toHaveLength(2);
  });

  it('concurrent retries with one key write once', async () => {
    const pid = await enrol(api, t);
    const send = () =>
      satisfaction(pid)
        .set('Idempotency-Key', 'samtidig')
        .send({ score: 4, answeredOn: '2025-04-01' });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const stream = await api.store.readStream(streamNames.participant(pid));
    expect(stream).toHaveLength(2);
  });

  it('the same key from another user is another request', async () => {
    const send = (token: string) =>
      api.http
        .post(`/v1/interventions/${t.interventionId}/participants`)
        .set(bearer(token))
        .set('Idempotency-Key', 'delad-nyckel')
        .send(enrolment)
        .expect(201);
    const mine = await send(t.staff);
    const theirs = await send(t.chief);
    expect(theirs.body.participantId).not.toBe(mine.body.participantId);
  });
});

describe('participant history', () => {
  it('is complete and ordered, with retracted events marked', async () => {
    const pid = await enrol(api, t);
    const post = (path: string, body: object) =>
      api.http.post(`/v1/participants/${pid}/${path}`).set(bearer(t.staff)).send(body).expect(201);
    const start = await post('self-assessments', {
      instrument: 'stegvis-5',
      phase: 'start',
      assessedOn: '2025-03-04',
      scores: { self_esteem: 3, wellbeing: 4, social_ability: 5, employability: 2, future_hope: 3 },
    });
    const step = await post('progression-steps', { level: 2, stepOn: '2025-03-20' });
    const wrong = await post('satisfaction', { score: 1, answeredOn: '2025-05-30' });
    const retraction = await post('retractions', {
      eventId: wrong.body.eventIds[0],
      reason: 'wrong_value',
    });
    const right = await post('satisfaction', { score: 5, answeredOn: '2025-05-30' });
    const exit = await post('exit', {
      exitedOn: '2025-05-31',
      outcome: 'job_seeking',
      incomeSource: 'unemployment_support',
      planHandedOver: true,
    });

    const res = await api.http.get(`/v1/participants/${pid}`).set(bearer(t.chief)).expect(200);
    expect(res.headers.etag).toBe('"6"');
    expect(res.body).toMatchObject({
      participantId: pid,
      interventionId: t.interventionId,
      associationId: t.associationId,
      status: 'exited',
      enrolledOn: '2025-03-03',
      exitedOn: '2025-05-31',
      revision: 6,
    });
    const events = res.body.events as {
      id: string;
      type: string;
      occurredOn: string;
      retracted: boolean;
      actor: string;
      recordedAt: string;
    }[];
    expect(events.map((e) => e.type)).toEqual([
      'ParticipantEnrolled',
      'SelfAssessmentRecorded',
      'ProgressionStepRecorded',
      'SatisfactionRecorded',
      'EntryRetracted',
      'SatisfactionRecorded',
      'ParticipantExited',
    ]);
    expect(events.slice(1).map((e) => e.id)).toEqual(
      [start, step, wrong, retraction, right, exit].map((r) => r.body.eventIds[0]),
    );
    expect(events.map((e) => e.retracted)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(events[3]).toMatchObject({
      retractedBy: retraction.body.eventIds[0],
      occurredOn: '2025-05-30',
    });
    expect(
      events.every((e) => e.actor === 'staff-0' && !Number.isNaN(Date.parse(e.recordedAt))),
    ).toBe(true);
    expect(events[1]).toMatchObject({
      data: { scores: { self_esteem: 3, future_hope: 3 } },
      occurredOn: '2025-03-04',
    });
  });

  it('a retracted exit reopens the participant for a corrected exit', async () => {
    const pid = await enrol(api, t);
    const exit = (exitedOn: string) =>
      api.http
        .post(`/v1/participants/${pid}/exit`)
        .set(bearer(t.staff))
        .send({ exitedOn, outcome: 'work', incomeSource: 'salary', planHandedOver: true });
    const wrong = await exit('2025-06-30').expect(201);
    await api.http
      .post(`/v1/participants/${pid}/retractions`)
      .set(bearer(t.staff))
      .send({ eventId: wrong.body.eventIds[0], reason: 'wrong_date' })
      .expect(201);
    const read = await api.http.get(`/v1/participants/${pid}`).set(bearer(t.staff)).expect(200);
    expect(read.body).toMatchObject({ status: 'active', exitedOn: null });
    await exit('2025-06-15').expect(201);
  });
});

describe('erasure', () => {
  it('removes every trace of the participant and records only the fact', async () => {
    const pid = await enrol(api, t);
    await satisfaction(pid).send({ score: 4, answeredOn: '2025-04-01' }).expect(201);
    const erase = () =>
      api.http
        .delete(`/v1/participants/${pid}`)
        .set(bearer(t.chief))
        .send({ reason: 'consent_withdrawn' });
    await erase().expect(204);

    const log = await api.allEvents();
    expect(log.some((e) => e.streamName === streamNames.participant(pid))).toBe(false);
    expect(
      log.filter((e) => e.type === 'ParticipantErased' && e.data.participantId === pid),
    ).toHaveLength(1);
    expect(await api.store.isDeleted(streamNames.participant(pid))).toBe(true);

    await api.http.get(`/v1/participants/${pid}`).set(bearer(t.chief)).expect(404);
    const refused = await satisfaction(pid)
      .send({ score: 4, answeredOn: '2025-04-02' })
      .expect(422);
    expect(refused.body.code).toBe('participant_erased');
    // Repeating the erasure is harmless and writes nothing.
    await erase().expect(204);
    expect((await api.allEvents()).length).toBe(log.length);
  });

  it('a crash between recording the erasure and deleting the stream is completed by repeating it', async () => {
    const pid = await enrol(api, t);
    // Simulate the crash: the fact is recorded, the stream is still there.
    const association = await api.store.readStream(streamNames.association(t.associationId));
    await api.store.append(
      streamNames.association(t.associationId),
      [
        {
          id: '6f1c3c52-9c55-4b55-8f3a-7d2a3c1b0e01',
          type: 'ParticipantErased',
          data: {
            associationId: t.associationId,
            participantId: pid,
            interventionId: t.interventionId,
            reason: 'consent_withdrawn',
            occurredOn: '2025-06-01',
          },
          metadata: {
            actor: 'chief-0',
            correlationId: 'crash',
            recordedAt: new Date().toISOString(),
          },
        },
      ],
      association.at(-1)?.revision ?? 'no_stream',
    );
    await api.http
      .delete(`/v1/participants/${pid}`)
      .set(bearer(t.chief))
      .send({ reason: 'consent_withdrawn' })
      .expect(204);
    expect(await api.store.readStream(streamNames.participant(pid))).toEqual([]);
    const erased = (await api.allEvents()).filter(
      (e) => e.type === 'ParticipantErased' && e.data.participantId === pid,
    );
    expect(erased).toHaveLength(1);
  });
});
