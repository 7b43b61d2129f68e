import { startApi, type Api } from '../support/api-harness';
import { registerYear, type RegisteredYear } from '../support/register-plan';
import { bearer } from '../support/world';
import {
  enrolledInYear,
  exitedInYear,
  inYear,
  planYear,
  tally,
  type Planned,
} from '../support/year-plan';

/*
 * A realistic year registered through the HTTP API, and the report compared with figures
 * counted directly from the plan (never with the report code's own helpers).
 */

const plan = planYear();
const resurslotsen = plan.filter((p) => p.intervention === 'resurslotsen');
const navet = plan.filter((p) => p.intervention === 'navet');

function status(numerator: number, denominator: number, target: number) {
  if (denominator < 5) return 'insufficient_data';
  return numerator / denominator >= target ? 'met' : 'not_met';
}

function ageGroup(p: Planned): string {
  const age = Number(p.enrolledOn.slice(0, 4)) - p.birthYear;
  const bounds: [number, string][] = [
    [19, '16-19'],
    [24, '20-24'],
    [29, '25-29'],
    [39, '30-39'],
    [49, '40-49'],
    [59, '50-59'],
    [64, '60-64'],
  ];
  return bounds.find(([upTo]) => age <= upTo)?.[1] ?? '65+';
}

describe('yearly report of a realistic year, through the HTTP API', () => {
  let api: Api;
  let year: RegisteredYear;

  beforeAll(async () => {
    api = await startApi();
    year = await registerYear(api, plan);
  }, 60_000);
  afterAll(() => api.close());

  const get = (path: string, token = year.tenant.chief) =>
    api.http.get(path).set(bearer(token)).expect(200);
  const reportPath = () => `/v1/associations/${year.tenant.associationId}/reports/2025`;
  const fetchReport = async (query = '') =>
    (await get(`${reportPath()}?minPosition=${year.position}${query}`)).body;

  it('counts participants by gender as planned, with the erased one nowhere', async () => {
    const report = await fetchReport();
    expect(report.checkpoint).toBe(year.position);
    expect(report.participants.total).toEqual(tally(plan.filter(inYear)));
    expect(report.participants.enrolled).toEqual(tally(plan.filter(enrolledInYear)));
    expect(report.participants.exited).toEqual(tally(plan.filter(exitedInYear)));
    expect(report.participants.activeAtStart).toEqual(
      tally(plan.filter((p) => inYear(p) && !enrolledInYear(p))),
    );
    expect(report.participants.activeAtEnd).toEqual(
      tally(plan.filter((p) => inYear(p) && !exitedInYear(p))),
    );
    const resurs = report.interventions.find((i: { name: string }) => i.name === 'Resurslotsen');
    expect(resurs.participants.total).toEqual(tally(resurslotsen.filter(inYear)));
    expect(JSON.stringify(report)).not.toMatch(/D-[0-9A-Z]{10}/);
  });

  it('tables: age groups, referring parties, outcomes, satisfaction, head counts', async () => {
    const report = await fetchReport();
    for (const group of ['16-19', '20-24', '25-29', '30-39', '40-49', '50-59', '60-64', '65+']) {
      expect(report.ageGroups[group]).toEqual(
        tally(plan.filter((p) => inYear(p) && ageGroup(p) === group)),
      );
    }
    for (const party of ['FK', 'AF', 'MUNICIPALITY', 'REGION', 'SELF']) {
      expect(report.referringParty[party]).toEqual(
        tally(plan.filter((p) => inYear(p) && p.referringParty === party)),
      );
    }
    for (const outcome of [
      'work',
      'studies',
      'job_seeking',
      'other_support',
      'health',
      'dropped_out',
    ]) {
      expect(report.outcomes[outcome]).toEqual(
        tally(plan.filter((p) => exitedInYear(p) && p.exit?.outcome === outcome)),
      );
    }
    const answered = plan.filter((p) => exitedInYear(p) && p.satisfaction !== undefined);
    expect(report.satisfaction).toEqual({
      answered: tally(answered),
      satisfied: tally(answered.filter((p) => (p.satisfaction ?? 0) >= 4)),
    });
    expect(report.attendance).toEqual({ woman: 50, man: 20, other: 2, total: 72 });
  });

  it('goals of the association and of each intervention, with value, numerator and status', async () => {
    const report = await fetchReport();
    const total = tally(plan.filter(inYear));
    expect(report.goals).toEqual([
      expect.objectContaining({
        id: 'antal',
        numerator: total.total,
        status: total.total >= 30 ? 'met' : 'not_met',
      }),
      expect.objectContaining({
        id: 'jamstalldhet',
        numerator: Math.abs(total.woman - total.man),
        denominator: total.total,
        status: Math.abs(total.woman - total.man) / total.total <= 0.2 ? 'met' : 'not_met',
      }),
    ]);

    const exited = resurslotsen.filter(exitedInYear);
    const answered = exited.filter((p) => p.satisfaction !== undefined);
    const nojda = answered.filter((p) => (p.satisfaction ?? 0) >= 4).length;
    const toWork = exited.filter(
      (p) => p.exit?.outcome === 'work' || p.exit?.outcome === 'studies',
    ).length;
    const improved = exited.filter((p) => p.improves).length;
    const plans = exited.filter((p) => p.exit?.plan).length;
    const resurs = report.interventions.find((i: { name: string }) => i.name === 'Resurslotsen');
    expect(resurs.goals).toEqual([
      expect.objectContaining({
        id: 'nojda',
        numerator: nojda,
        denominator: answered.length,
        status: status(nojda, answered.length, 0.85),
      }),
      expect.objectContaining({
        id: 'arbete-studier',
        numerator: toWork,
        denominator: exited.length,
        status: status(toWork, exited.length, 0.35),
      }),
      expect.objectContaining({
        id: 'stegforflyttning',
        numerator: improved,
        denominator: exited.length,
        status: status(improved, exited.length, 0.33),
      }),
      expect.objectContaining({
        id: 'plan',
        numerator: plans,
        denominator: exited.length,
        status: status(plans, exited.length, 0.8),
      }),
    ]);
    expect(resurs.progression.assessed).toEqual(tally(exited));
    expect(resurs.progression.positive).toEqual(tally(exited.filter((p) => p.improves)));

    const navetInYear = navet.filter(inYear);
    const supported = navetInYear.filter((p) => p.improves).length;
    const navetReport = report.interventions.find((i: { name: string }) => i.name === 'Navet');
    expect(navetReport.goals).toEqual([
      expect.objectContaining({
        id: 'stod',
        numerator: supported,
        denominator: navetInYear.length,
        status: status(supported, navetInYear.length, 0.9),
      }),
    ]);
  });

  it('one intervention (?interventionId) and a half year (?from=&to=)', async () => {
    const one = await fetchReport(`&interventionId=${year.navetId}`);
    expect(one.interventionId).toBe(year.navetId);
    expect(one.interventionName).toBe('Navet');
    expect(one.participants.total).toEqual(tally(navet.filter(inYear)));
    expect(one.goals.map((g: { id: string }) => g.id)).toEqual(['stod']);

    const half = await fetchReport('&from=2025-01-01&to=2025-06-30');
    expect(half.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    const inHalf = (p: Planned) =>
      p.enrolledOn <= '2025-06-30' && (p.exit === undefined || p.exit.on >= '2025-01-01');
    const exitedInHalf = (p: Planned) =>
      p.exit !== undefined && p.exit.on >= '2025-01-01' && p.exit.on <= '2025-06-30';
    expect(half.participants.total).toEqual(tally(plan.filter(inHalf)));
    expect(half.participants.exited).toEqual(tally(plan.filter(exitedInHalf)));
  });

  it('the board reads the report; staff and other associations may not', async () => {
    await get(`${reportPath()}?minPosition=${year.position}`, year.tenant.board);
    await api.http.get(reportPath()).set(bearer(year.tenant.staff)).expect(403);
    const stranger = api.token('chief', 'F-0000000000');
    const res = await api.http.get(reportPath()).set(bearer(stranger)).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
