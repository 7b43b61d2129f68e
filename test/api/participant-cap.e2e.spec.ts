/**
 * Issue 9, item 15: one participant's stream holds at most MAX_EVENTS_PER_PARTICIPANT events;
 * past that every fact is refused with a Swedish 422 and a stable code, and nothing is written.
 */
import { MAX_EVENTS_PER_PARTICIPANT, streamNames } from '@stegvis/domain';
import { randomUUID } from 'node:crypto';
import { startApi, type Api } from '../support/api-harness';
import { bearer, createTenant, enrol, type Tenant } from '../support/world';

let api: Api;
let tenant: Tenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await createTenant(api, 0);
});
afterAll(() => api.close());

/** Fills the participant's stream up to `total` events, straight into the real store. */
async function fillTo(participantId: string, total: number): Promise<void> {
  const stream = streamNames.participant(participantId);
  const current = await api.store.readStream(stream);
  const events = Array.from({ length: total - current.length }, () => ({
    id: randomUUID(),
    type: 'SatisfactionRecorded',
    data: { participantId, score: 4, answeredOn: '2025-04-01', occurredOn: '2025-04-01' },
    metadata: {
      actor: 'staff-0',
      correlationId: randomUUID(),
      recordedAt: new Date().toISOString(),
    },
  }));
  await api.store.append(stream, events, current.length - 1);
}

const answer = (pid: string) =>
  api.http
    .post(`/v1/participants/${pid}/satisfaction`)
    .set(bearer(tenant.staff))
    .send({ score: 5, answeredOn: '2025-04-02' });

it(`takes a participant's facts up to ${MAX_EVENTS_PER_PARTICIPANT} events, then refuses with 422`, async () => {
  const pid = await enrol(api, tenant);
  await fillTo(pid, MAX_EVENTS_PER_PARTICIPANT - 1);
  await answer(pid).expect(201);

  const before = await api.allEvents();
  const refused = await answer(pid).expect(422);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body).toMatchObject({
    code: 'participant_fact_limit_reached',
    detail:
      'Deltagaren har nått gränsen på 2000 registrerade uppgifter och kan inte ta emot fler. En deltagare har normalt några tiotal: kontrollera om samma uppgift registreras om och om igen.',
  });
  expect(await api.allEvents()).toEqual(before);
  expect(await api.store.readStream(streamNames.participant(pid))).toHaveLength(
    MAX_EVENTS_PER_PARTICIPANT,
  );
  // The participant is still readable, and erasure (on the association's stream) still works.
  await api.http.get(`/v1/participants/${pid}`).set(bearer(tenant.staff)).expect(200);
  await api.http
    .delete(`/v1/participants/${pid}`)
    .set(bearer(tenant.chief))
    .send({ reason: 'registered_in_error' })
    .expect(204);
});
