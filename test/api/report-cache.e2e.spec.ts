import { READ_MODEL_STORE, type ReadModelStore } from '@stegvis/read-models';
import { PROJECTION, reportFromReadModels } from '@stegvis/read-side';
import { startApi, type Api } from '../support/api-harness';
import { registerYear, type RegisteredYear } from '../support/register-plan';
import { bearer, enrolment } from '../support/world';
import { planYear } from '../support/year-plan';

/*
 * The API keeps an association's read models in memory and applies newer events itself. After
 * every kind of write, the report it answers must equal the report computed afresh from the
 * read models at the same checkpoint.
 */
describe('reports kept current in memory equal reports read afresh', () => {
  let api: Api;
  let year: RegisteredYear;
  const chief = () => bearer(year.tenant.chief);

  beforeAll(async () => {
    api = await startApi();
    year = await registerYear(api, planYear(7));
  }, 60_000);
  afterAll(() => api.close());

  async function expectFresh(query: { interventionId?: string; from?: string; to?: string } = {}) {
    const head = String(await api.store.headPosition());
    const params = new URLSearchParams({ minPosition: head, ...query });
    const path = `/v1/associations/${year.tenant.associationId}/reports/2025?${params.toString()}`;
    const served = (await api.http.get(path).set(chief()).expect(200)).body;
    const readModels = api.app.get<ReadModelStore>(READ_MODEL_STORE);
    const checkpoint = await (await readModels.active()).checkpoint(PROJECTION);
    expect(served.checkpoint).toBe(String(checkpoint));
    const fresh = await reportFromReadModels(readModels, {
      associationId: year.tenant.associationId,
      year: 2025,
      ...(query.interventionId === undefined ? {} : { interventionId: query.interventionId }),
      ...(query.from && query.to ? { period: { from: query.from, to: query.to } } : {}),
    });
    expect(served).toEqual(JSON.parse(JSON.stringify(fresh)));
  }

  const post = async (path: string, body: object, status = 201) =>
    (await api.http.post(path).set(chief()).send(body).expect(status)).body;
  const expectAllViews = async () => {
    await expectFresh();
    await expectFresh({ interventionId: year.navetId });
    await expectFresh({ from: '2025-03-01', to: '2025-08-31' });
  };

  it('after enrolments, answers, retractions, exits, goals, head counts, new insatser and erasure', async () => {
    await expectAllViews();
    const { participantId } = await post(
      `/v1/interventions/${year.tenant.interventionId}/participants`,
      { ...enrolment, enrolledOn: '2025-04-04', gender: 'man' },
    );
    await expectAllViews();

    const at = `/v1/participants/${participantId as string}`;
    await post(`${at}/self-assessments`, {
      instrument: 'stegvis-5',
      phase: 'start',
      assessedOn: '2025-04-04',
      scores: { self_esteem: 3, wellbeing: 3, social_ability: 3, employability: 3, future_hope: 3 },
    });
    const answer = await post(`${at}/satisfaction`, { score: 2, answeredOn: '2025-05-05' });
    await expectAllViews();
    await post(`${at}/retractions`, { eventId: answer.eventIds[0], reason: 'wrong_value' });
    await post(`${at}/satisfaction`, { score: 5, answeredOn: '2025-05-06' });
    await post(`${at}/exit`, {
      exitedOn: '2025-06-06',
      outcome: 'work',
      incomeSource: 'salary',
      planHandedOver: true,
    });
    await expectAllViews();

    await api.http
      .put(`/v1/associations/${year.tenant.associationId}/goals/2025`)
      .set(chief())
      .send({ goals: [{ id: 'antal', label: 'Minst 5', kind: 'participantCount', min: 5 }] })
      .expect(200);
    await post(`/v1/interventions/${year.tenant.structuralId}/attendance`, {
      occurredOn: '2025-05-05',
      women: 3,
      men: 4,
      other: 0,
    });
    const added = await post(`/v1/associations/${year.tenant.associationId}/interventions`, {
      name: 'SamCoach',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2025-02-01',
    });
    await post(`/v1/interventions/${added.interventionId as string}/participants`, {
      ...enrolment,
      enrolledOn: '2025-02-02',
    });
    await expectAllViews();

    await api.http
      .delete(`/v1/participants/${year.participants[0] ?? ''}`)
      .set(chief())
      .send({ reason: 'consent_withdrawn' })
      .expect(204);
    await post(`/v1/interventions/${added.interventionId as string}/close`, {
      closedOn: '2025-10-10',
    });
    await expectAllViews();
  });
});
