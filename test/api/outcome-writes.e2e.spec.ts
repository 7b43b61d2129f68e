import { NAVET_INDICATORS, STEGVIS_5, streamNames } from '@stegvis/domain';
import type { Response } from 'supertest';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, enrolment, type Tenant } from '../support/world';

/*
 * The v1.1 writes (DESIGN §5): follow-up after exit, enrolment correction, instruments added to
 * an insats, and the uppdrag fields of enrolment and exit. Each is idempotent, honours If-Match,
 * and refuses bad input with a Swedish problem and a stable code, writing nothing.
 */

let api: Api;
let t: Tenant;
beforeAll(async () => {
  api = await startApi();
  t = await createTenant(api, 0);
});
afterAll(() => api.close());

const exitBody = {
  exitedOn: '2025-04-01',
  outcome: 'work',
  incomeSource: 'salary',
  planHandedOver: true,
};
const followUp = {
  monthsAfterExit: 3,
  followedUpOn: '2025-07-01',
  status: 'work',
  incomeSource: 'salary',
};

const post = (path: string, token = t.staff) => api.http.post(path).set(bearer(token));

async function exited(): Promise<string> {
  const pid = await enrol(api, t);
  await post(`/v1/participants/${pid}/exit`).send(exitBody).expect(201);
  return pid;
}

const typesOf = async (pid: string) =>
  (await api.store.readStream(streamNames.participant(pid))).map((e) => e.type);

/** A refusal is problem+json with a stable code and a Swedish sentence, and writes nothing. */
async function expectRefused(
  send: () => Promise<Response>,
  status: number,
  code: string,
): Promise<Response> {
  const before = (await api.allEvents()).length;
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe(code);
  expect(res.body.detail).toMatch(/[åäöÅÄÖ]|\b(ange|är|ska|inte|finns)\b/i);
  expect((await api.allEvents()).length).toBe(before);
  return res;
}

describe('enrolment and exit with an uppdrag (v1.1 fields)', () => {
  it('records referredOn, the assignment and whether its aim was reached', async () => {
    const pid = await enrol(api, t, {
      ...enrolment,
      referredOn: '2025-02-10',
      assignment: { aim: 'self_sufficiency' },
    });
    await post(`/v1/participants/${pid}/exit`)
      .send({ ...exitBody, assignmentGoalReached: true })
      .expect(201);
    const [enrolled, exit] = await api.store.readStream(streamNames.participant(pid));
    expect(enrolled?.data).toMatchObject({
      referredOn: '2025-02-10',
      assignment: { aim: 'self_sufficiency' },
    });
    expect(exit?.data).toMatchObject({ assignmentGoalReached: true });
  });

  it('refuses an aim that does not exist, naming the allowed ones in Swedish', async () => {
    const res = await expectRefused(
      () =>
        post(`/v1/interventions/${t.interventionId}/participants`).send({
          ...enrolment,
          assignment: { aim: 'world_peace' },
        }),
      400,
      'validation_failed',
    );
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.assignment.aim' })]);
    expect(res.body.errors[0].message).toContain('self_sufficiency (Egen försörjning');
  });
});

describe('POST /v1/participants/:pid/follow-ups', () => {
  it('records a follow-up after exit: 201, Location, the event ids and revision', async () => {
    const pid = await exited();
    const res = await post(`/v1/participants/${pid}/follow-ups`).send(followUp).expect(201);
    expect(res.headers.location).toBe(`/v1/participants/${pid}`);
    expect(res.body).toEqual({
      eventIds: [expect.any(String)],
      revision: 2,
      position: expect.stringMatching(/^\d+$/),
    });
    const history = await api.http.get(`/v1/participants/${pid}`).set(bearer(t.staff));
    expect(history.body.events.at(-1)).toMatchObject({
      type: 'FollowUpRecorded',
      occurredOn: '2025-07-01',
      data: { monthsAfterExit: 3, status: 'work', incomeSource: 'salary' },
    });
  });

  it('a retried Idempotency-Key answers the first answer and writes once', async () => {
    const pid = await exited();
    const send = () =>
      post(`/v1/participants/${pid}/follow-ups`)
        .set('Idempotency-Key', 'uppfoljning-3')
        .send(followUp)
        .expect(201);
    const first = await send();
    const retry = await send();
    expect(retry.body).toEqual(first.body);
    expect(await typesOf(pid)).toEqual([
      'ParticipantEnrolled',
      'ParticipantExited',
      'FollowUpRecorded',
    ]);
  });

  it('a stale If-Match is 409 and writes nothing; the current one is accepted', async () => {
    const pid = await exited();
    const path = `/v1/participants/${pid}/follow-ups`;
    const res = await expectRefused(
      () => post(path).set('If-Match', '"0"').send(followUp),
      409,
      'concurrent_write',
    );
    expect(res.body.currentRevision).toBe(1);
    await post(path).set('If-Match', '"1"').send(followUp).expect(201);
  });

  it.each([
    ['before its mark', { followedUpOn: '2025-06-30' }, 'follow_up_before_mark'],
    ['in the future', { monthsAfterExit: 12, followedUpOn: '2099-01-01' }, 'date_in_future'],
  ])('refuses a follow-up %s (422)', async (_title, patch, code) => {
    const pid = await exited();
    await expectRefused(
      () => post(`/v1/participants/${pid}/follow-ups`).send({ ...followUp, ...patch }),
      422,
      code,
    );
  });

  it('refuses a second follow-up at one mark and one before the exit (422)', async () => {
    const pid = await exited();
    await post(`/v1/participants/${pid}/follow-ups`).send(followUp).expect(201);
    const twice = await expectRefused(
      () =>
        post(`/v1/participants/${pid}/follow-ups`).send({
          ...followUp,
          followedUpOn: '2025-08-01',
        }),
      422,
      'follow_up_already_recorded',
    );
    expect(twice.body.detail).toContain('3');
    const active = await enrol(api, t);
    await expectRefused(
      () => post(`/v1/participants/${active}/follow-ups`).send(followUp),
      422,
      'participant_not_exited',
    );
  });

  it.each([
    ['a mark that is not 3, 6 or 12', { monthsAfterExit: 4 }, 'body.monthsAfterExit'],
    ['the mark as text', { monthsAfterExit: '3' }, 'body.monthsAfterExit'],
    ['a status that is no code', { status: 'arbete' }, 'body.status'],
    ['an income source that is no code', { incomeSource: 'lön' }, 'body.incomeSource'],
    ['an impossible date', { followedUpOn: '2025-02-30' }, 'body.followedUpOn'],
    ['a free-text note beside the fields', { note: 'Svensson har fått jobb' }, 'body'],
  ])('refuses %s (400, nothing written)', async (_title, patch, path) => {
    const pid = await exited();
    const res = await expectRefused(
      () => post(`/v1/participants/${pid}/follow-ups`).send({ ...followUp, ...patch }),
      400,
      'validation_failed',
    );
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    expect(JSON.stringify(res.body)).not.toContain('Svensson');
  });

  it('refuses a missing field, naming it', async () => {
    const pid = await exited();
    const { incomeSource: _, ...withoutIncome } = followUp;
    const res = await expectRefused(
      () => post(`/v1/participants/${pid}/follow-ups`).send(withoutIncome),
      400,
      'validation_failed',
    );
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.incomeSource' })]);
  });

  it('is refused to the board and to staff of another insats', async () => {
    const pid = await exited();
    const path = `/v1/participants/${pid}/follow-ups`;
    await expectRefused(() => post(path, t.board).send(followUp), 403, 'forbidden');
    await expectRefused(() => post(path, t.otherStaff).send(followUp), 403, 'forbidden');
  });
});

describe('POST /v1/participants/:pid/enrolment-corrections', () => {
  const path = (pid: string) => `/v1/participants/${pid}/enrolment-corrections`;

  it('records a correction, also after exit; the history keeps both values', async () => {
    const pid = await exited();
    const res = await post(path(pid))
      .send({ fields: { birthYear: 1990, assignment: { aim: 'work_ability' } } })
      .expect(201);
    expect(res.headers.location).toBe(`/v1/participants/${pid}`);
    const history = await api.http.get(`/v1/participants/${pid}`).set(bearer(t.staff));
    const [enrolled, , corrected] = history.body.events as { type: string; data: object }[];
    expect(enrolled?.data).toMatchObject({ birthYear: 1989 });
    expect(corrected).toMatchObject({
      type: 'EnrolmentCorrected',
      data: { fields: { birthYear: 1990, assignment: { aim: 'work_ability' } } },
    });
  });

  it('is idempotent with Idempotency-Key and honours If-Match', async () => {
    const pid = await enrol(api, t);
    const body = { fields: { gender: 'man' } };
    const send = () => post(path(pid)).set('Idempotency-Key', 'ratta-kon').send(body).expect(201);
    expect((await send()).body).toEqual((await send()).body);
    await expectRefused(
      () =>
        post(path(pid))
          .set('If-Match', '"0"')
          .send({ fields: { gender: 'other' } }),
      409,
      'concurrent_write',
    );
    expect(await typesOf(pid)).toEqual(['ParticipantEnrolled', 'EnrolmentCorrected']);
  });

  it.each([
    ['no field at all', { fields: {} }, 'body.fields'],
    [
      'the enrolment date, which is not correctable',
      { fields: { enrolledOn: '2025-03-04' } },
      'body.fields',
    ],
    ['a name', { fields: { name: 'Anna Svensson' } }, 'body.fields'],
    ['a gender that is no code', { fields: { gender: 'kvinna' } }, 'body.fields.gender'],
    ['a birth year as text', { fields: { birthYear: '1990' } }, 'body.fields.birthYear'],
    ['fields as a list', { fields: [{ birthYear: 1990 }] }, 'body.fields'],
  ])('refuses %s (400, nothing written)', async (_title, body, errorPath) => {
    const pid = await enrol(api, t);
    const res = await expectRefused(() => post(path(pid)).send(body), 400, 'validation_failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: errorPath })]),
    );
    expect(JSON.stringify(res.body)).not.toContain('Svensson');
  });

  it.each([
    [
      'a birth year that makes the participant 10',
      { birthYear: 2015 },
      'participant_age_out_of_range',
    ],
    ['a referral after the enrolment', { referredOn: '2025-03-10' }, 'referral_after_enrolment'],
  ])('refuses %s (422)', async (_title, fields, code) => {
    const pid = await enrol(api, t);
    await expectRefused(() => post(path(pid)).send({ fields }), 422, code);
  });

  it('refuses an erased participant and one that does not exist', async () => {
    const pid = await enrol(api, t);
    await api.http
      .delete(`/v1/participants/${pid}`)
      .set(bearer(t.chief))
      .send({ reason: 'consent_withdrawn' })
      .expect(204);
    const fields = { fields: { birthYear: 1990 } };
    await expectRefused(() => post(path(pid)).send(fields), 422, 'participant_erased');
    await expectRefused(
      () => post(path('D-0000000000')).send(fields),
      404,
      'participant_not_found',
    );
  });
});

describe('POST /v1/interventions/:iid/instruments', () => {
  async function freshInsats(name: string): Promise<string> {
    const res = await post(`/v1/associations/${t.associationId}/interventions`, t.chief)
      .send({ name, kind: 'individual', parties: ['FK', 'AF'], startsOn: '2025-01-01' })
      .expect(201);
    return res.body.interventionId as string;
  }
  const path = (iid: string) => `/v1/interventions/${iid}/instruments`;

  it('adds an instrument: the insats then takes answers on both', async () => {
    const iid = await freshInsats('Navet med indikatorer');
    const res = await post(path(iid), t.chief)
      .send({ instruments: ['navet-indikatorer'] })
      .expect(201);
    expect(res.headers.location).toBe(`/v1/interventions/${iid}`);
    expect(res.body).toMatchObject({ eventIds: [expect.any(String)], revision: 1 });
    const view = await api.http.get(`/v1/interventions/${iid}`).set(bearer(t.chief)).expect(200);
    expect(view.body.instruments).toEqual([STEGVIS_5, NAVET_INDICATORS]);
    const pid = (
      await post(`/v1/interventions/${iid}/participants`, t.chief).send(enrolment).expect(201)
    ).body.participantId as string;
    await post(`/v1/participants/${pid}/self-assessments`, t.chief)
      .send({
        instrument: 'navet-indikatorer',
        phase: 'start',
        assessedOn: '2025-03-05',
        scores: { [NAVET_INDICATORS.items[0]?.key ?? '']: 3 },
      })
      .expect(201);
  });

  it('takes one instrument as DESIGN §5 writes it ({instrument}), and says what to send without one', async () => {
    const iid = await freshInsats('Navet med ett formulär');
    await post(path(iid), t.chief).send({ instrument: 'navet-indikatorer' }).expect(201);
    const view = await api.http.get(`/v1/interventions/${iid}`).set(bearer(t.chief)).expect(200);
    expect(view.body.instruments).toEqual([STEGVIS_5, NAVET_INDICATORS]);
    const res = await post(path(iid), t.chief).send({}).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Ange ett formulär att lägga till (instrument)'),
      }),
    ]);
  });

  it('is idempotent with Idempotency-Key and honours If-Match', async () => {
    const iid = await freshInsats('Insats med formulär');
    const send = () =>
      post(path(iid), t.chief)
        .set('Idempotency-Key', 'formular-1')
        .send({ instruments: ['navet-indikatorer'] })
        .expect(201);
    expect((await send()).body).toEqual((await send()).body);
    await expectRefused(
      () =>
        post(path(iid), t.chief)
          .set('If-Match', '"0"')
          .send({
            instruments: [
              {
                key: 'eget',
                label: 'Eget formulär',
                items: [{ key: 'stod', label: 'Stöd', min: 1, max: 5 }],
              },
            ],
          }),
      409,
      'concurrent_write',
    );
  });

  it.each([
    ['an instrument already in use', ['stegvis-5'], 'instrument_already_used'],
    ['an instrument twice', ['navet-indikatorer', 'navet-indikatorer'], 'instruments_not_unique'],
    ['a built-in instrument that does not exist', ['okant-formular'], 'instrument_unknown'],
  ])('refuses %s (422)', async (_title, instruments, code) => {
    await expectRefused(
      () => post(path(t.interventionId), t.chief).send({ instruments }),
      422,
      code,
    );
  });

  it.each([
    [
      'one instrument and a list together',
      { instrument: 'navet-indikatorer', instruments: ['navet-indikatorer'] },
      'body.instrument',
    ],
    ['neither one instrument nor a list', {}, 'body.instrument'],
    ['an empty list', { instruments: [] }, 'body.instruments'],
    [
      'an own instrument without items',
      { instruments: [{ key: 'eget', label: 'Eget formulär', items: [] }] },
      'body.instruments.0',
    ],
  ])('refuses %s (400, nothing written)', async (_title, body, errorPath) => {
    const res = await expectRefused(
      () => post(path(t.interventionId), t.chief).send(body),
      400,
      'validation_failed',
    );
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringContaining(errorPath) }),
      ]),
    );
  });

  it("is the chief's: staff and board are refused, another association's chief too", async () => {
    const body = { instruments: ['navet-indikatorer'] };
    await expectRefused(() => post(path(t.interventionId), t.staff).send(body), 403, 'forbidden');
    await expectRefused(() => post(path(t.interventionId), t.board).send(body), 403, 'forbidden');
    const stranger = api.token('chief', 'F-0000000000', [], 'stranger');
    await expectRefused(() => post(path(t.interventionId), stranger).send(body), 403, 'forbidden');
  });
});
