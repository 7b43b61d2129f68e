import { waitFor } from '../support/wait-for';
import { startApi, type Api } from '../support/api-harness';
import { asBytes, parseCsv } from '../support/files';
import { registerYear, type RegisteredYear } from '../support/register-plan';
import { bearer } from '../support/world';
import { planYear } from '../support/year-plan';

/*
 * How a revisor checks the figures a styrelse was shown: the report fetched at T, then more
 * events (a retraction of an earlier answer among them); the report as of T is the one shown.
 */
describe('as-of reports', () => {
  let api: Api;
  let year: RegisteredYear;
  let shown: Record<string, unknown>;
  let moment: string;

  const reportPath = () => `/v1/associations/${year.tenant.associationId}/reports/2025`;
  const get = (path: string) => api.http.get(path).set(bearer(year.tenant.chief)).expect(200);
  const post = (path: string, body: object, status = 201) =>
    api.http.post(path).set(bearer(year.tenant.chief)).send(body).expect(status);

  beforeAll(async () => {
    api = await startApi();
    year = await registerYear(api, planYear());
    shown = (await get(`${reportPath()}?minPosition=${year.position}`)).body;
    moment = new Date().toISOString();
    // Whatever is recorded from now on is recorded after the moment the report was shown.
    await waitFor(() => Date.now() > Date.parse(moment) + 1, { message: 'the clock to move on' });

    const answered = await findSatisfaction();
    await post(`/v1/participants/${answered.participantId}/retractions`, {
      eventId: answered.eventId,
      reason: 'wrong_value',
    });
    await post(`/v1/interventions/${year.tenant.interventionId}/participants`, {
      enrolledOn: '2025-11-11',
      gender: 'man',
      birthYear: 1980,
      referringParty: 'AF',
      incomeSource: 'unemployment_support',
      educationLevel: 'compulsory',
      supportDurationBefore: 'under_1y',
    });
    await api.http
      .put(`/v1/interventions/${year.tenant.interventionId}/goals/2025`)
      .set(bearer(year.tenant.chief))
      .send({ goals: [{ id: 'nojda', label: 'Nöjda', kind: 'satisfactionShare', target: 0.5 }] })
      .expect(200);
  }, 60_000);
  afterAll(() => api.close());

  /** A satisfaction answer recorded before T, found in a participant's history. */
  async function findSatisfaction(): Promise<{ participantId: string; eventId: string }> {
    for (const participantId of year.participants) {
      const history = (await get(`/v1/participants/${participantId}`)).body;
      const answer = (history.events as { id: string; type: string; retracted?: boolean }[]).find(
        (e) => e.type === 'SatisfactionRecorded' && !e.retracted,
      );
      if (answer) return { participantId, eventId: answer.id };
    }
    throw new Error('no satisfaction answer in the plan');
  }

  it('the current report has moved on', async () => {
    const head = String(await api.store.headPosition());
    const now = (await get(`${reportPath()}?minPosition=${head}`)).body;
    expect(now.checkpoint).toBe(head);
    expect(now.participants.total.total).toBe(
      (shown as { participants: { total: { total: number } } }).participants.total.total + 1,
    );
    expect(now.satisfaction).not.toEqual(shown['satisfaction']);
  });

  it('?asOf=T reproduces the report exactly as it was shown at T', async () => {
    const asOf = (await get(`${reportPath()}?asOf=${encodeURIComponent(moment)}`)).body;
    expect(asOf.asOf).toBe(moment);
    const { asOf: _, ...figures } = asOf;
    expect(figures).toEqual(shown);
  });

  it('an as-of export job gives the same figures', async () => {
    const created = await post(
      `/v1/associations/${year.tenant.associationId}/exports`,
      { year: 2025, format: 'csv', asOf: moment },
      202,
    );
    let file = '';
    await waitFor(
      async () => {
        const status = (await get(`/v1/exports/${created.body.jobId}`)).body;
        if (status.state === 'failed') throw new Error('export failed');
        file = status.file?.url ?? '';
        return status.state === 'completed';
      },
      { timeoutMs: 20_000, intervalMs: 20, message: 'as-of export' },
    );
    const res = await asBytes(api.http.get(file).set(bearer(year.tenant.chief))).expect(200);
    const rows = parseCsv(res.body as Buffer);
    const answered = rows.find(
      (r) =>
        r['Tabell'] === 'Nöjdhet' &&
        r['Insats'] === 'Hela förbundet' &&
        /svar/i.test(String(r['Rad'])),
    );
    const satisfaction = shown['satisfaction'] as { answered: { total: number } };
    expect(Number(answered?.['Totalt'])).toBe(satisfaction.answered.total);
  });

  it('a moment in the future cannot be reported as of', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await api.http
      .get(`${reportPath()}?asOf=${encodeURIComponent(future)}`)
      .set(bearer(year.tenant.chief))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed' });
    expect(res.body.errors[0]).toMatchObject({ path: 'query.asOf' });
  });
});
