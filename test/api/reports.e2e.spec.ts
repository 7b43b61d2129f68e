import { startApi, type Api } from '../support/api-harness';
import { registerYear, type RegisteredYear } from '../support/register-plan';
import { ReportSchema } from '@stegvis/reporting';
import { waitFor } from '../support/wait-for';
import { asBytes, parseCsv, readXlsx, type SheetRow } from '../support/files';
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

  it('serves exactly the documented JSON (OpenAPI schema), nothing more', async () => {
    for (const query of ['', `&interventionId=${year.navetId}`, '&from=2025-01-01&to=2025-03-31']) {
      const report = await fetchReport(query);
      // Parsing drops keys the schema does not name, so equality means none were undocumented.
      expect(ReportSchema.parse(report)).toEqual(report);
    }
    const docs = (await api.http.get('/docs-json').expect(200)).body;
    const route = docs.paths['/v1/associations/{aid}/reports/{year}'].get;
    const { $ref } = route.responses['200'].content['application/json'].schema;
    expect($ref).toBe('#/components/schemas/Report');
    expect(Object.keys(docs.components.schemas.Report.properties)).toEqual(
      expect.arrayContaining(['participants', 'goals', 'interventions', 'checkpoint']),
    );
  });

  it('times every report in /metrics', async () => {
    const count = async () => {
      const text = (await api.http.get('/metrics').expect(200)).text;
      return Number(
        /^stegvis_report_seconds_count\{source="read_models"\} (\d+)$/m.exec(text)?.[1] ?? 0,
      );
    };
    const before = await count();
    await fetchReport();
    expect(await count()).toBe(before + 1);
  });

  it('the board reads the report; staff and other associations may not', async () => {
    await get(`${reportPath()}?minPosition=${year.position}`, year.tenant.board);
    await api.http.get(reportPath()).set(bearer(year.tenant.staff)).expect(403);
    const stranger = api.token('chief', 'F-0000000000');
    const res = await api.http.get(reportPath()).set(bearer(stranger)).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  const download = async (path: string) => {
    const res = await asBytes(api.http.get(path).set(bearer(year.tenant.chief))).expect(200);
    return { body: res.body as Buffer, headers: res.headers };
  };

  /** CSV rows name their row in Rad; a worksheet in its second column, headed like the table. */
  const rowLabel = (r: SheetRow) => r['Rad'] ?? Object.values(r)[1];

  /** A row of the whole association, as Kvinnor/Män/Annat/Totalt. */
  const totals = (rows: readonly SheetRow[], row = 'Totalt under perioden') => {
    const found = rows.find((r) => r['Insats'] === 'Hela förbundet' && rowLabel(r) === row);
    if (found === undefined) throw new Error(`no row ${row}`);
    const n = (v: unknown) => (typeof v === 'number' ? v : v === '<5' ? v : Number(v));
    return {
      woman: n(found['Kvinnor']),
      man: n(found['Män']),
      other: n(found['Annat']),
      total: n(found['Totalt']),
    };
  };

  async function exportFile(body: Record<string, unknown>) {
    const created = await api.http
      .post(`/v1/associations/${year.tenant.associationId}/exports`)
      .set(bearer(year.tenant.chief))
      .send(body)
      .expect(202);
    const jobId = created.body.jobId as string;
    expect(created.headers['location']).toBe(`/v1/exports/${jobId}`);
    let status:
      | { state: string; progress: number; file: { url: string; fileName: string } | null }
      | undefined;
    await waitFor(
      async () => {
        status = (await get(`/v1/exports/${jobId}`)).body;
        return status?.state === 'completed' || status?.state === 'failed';
      },
      { timeoutMs: 20_000, intervalMs: 20, message: 'export finished' },
    );
    expect(status).toMatchObject({ state: 'completed', progress: 100 });
    return { ...(await download(status?.file?.url ?? '')), fileName: status?.file?.fileName };
  }

  it('downloads the report as CSV for Swedish Excel and as XLSX with a sheet per table', async () => {
    const csv = await download(`${reportPath()}.csv?minPosition=${year.position}`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".*2025\.csv"/);
    const half = await download(
      `${reportPath()}.xlsx?from=2025-01-01&to=2025-06-30&interventionId=${year.navetId}`,
    );
    expect(half.headers['content-disposition']).toContain(
      `2025-${year.navetId}-2025-01-01--2025-06-30.xlsx"`,
    );
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.body);
    expect(totals(rows.filter((r) => r['Tabell'] === 'Deltagare'))).toEqual(
      tally(plan.filter(inYear)),
    );

    const xlsx = await download(`${reportPath()}.xlsx?minPosition=${year.position}`);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const sheets = await readXlsx(xlsx.body);
    expect([...sheets.keys()]).toEqual(
      expect.arrayContaining(['Deltagare', 'Avslutsorsaker', 'Måluppfyllelse']),
    );
    expect(totals(sheets.get('Deltagare') ?? [])).toEqual(tally(plan.filter(inYear)));
    expect(totals(sheets.get('Deltagare') ?? [], 'Avslutade')).toEqual(
      tally(plan.filter(exitedInYear)),
    );
  });

  it('exports the yearly statistics as a job: CSV, XLSX and the Uppföljning Finsam sheet', async () => {
    const csv = await exportFile({ year: 2025, format: 'csv' });
    expect(csv.fileName).toMatch(/\.csv$/);
    expect(totals(parseCsv(csv.body).filter((r) => r['Tabell'] === 'Deltagare'))).toEqual(
      tally(plan.filter(inYear)),
    );

    const xlsx = await exportFile({ year: 2025, format: 'xlsx' });
    const sheets = await readXlsx(xlsx.body);
    const outcomes = sheets.get('Avslutsorsaker') ?? [];
    const work = outcomes.find(
      (r) => r['Insats'] === 'Hela förbundet' && rowLabel(r) === 'Arbete (även subventionerat)',
    );
    expect(work?.['Totalt']).toBe(
      plan.filter((p) => exitedInYear(p) && p.exit?.outcome === 'work').length,
    );

    const finsam = await readXlsx((await exportFile({ year: 2025, format: 'finsam' })).body);
    const [sheet] = [...finsam.values()];
    const byName = new Map((sheet ?? []).map((r) => [r['Insats'], r]));
    expect(byName.get('Resurslotsen')).toMatchObject({
      Totalt: tally(resurslotsen.filter(inYear)).total,
    });
    expect(byName.get('Navet')).toMatchObject({ Kvinnor: tally(navet.filter(inYear)).woman });
    expect(byName.get('Psykeveckan')).toMatchObject({ Totalt: 72 });
  });

  it('for publication, counts below 5 read "<5"', async () => {
    const published = parseCsv(
      (await exportFile({ year: 2025, format: 'csv', publication: true })).body,
    );
    const other = tally(plan.filter(inYear)).other;
    const row = totals(published.filter((r) => r['Tabell'] === 'Deltagare'));
    expect(row.other).toBe(other < 5 ? '<5' : other);
    const countTables = ['Deltagare', 'Åldersgrupper', 'Aktualiserande part', 'Avslutsorsaker'];
    for (const r of published.filter((row) => countTables.includes(String(row['Tabell'])))) {
      for (const key of ['Kvinnor', 'Män', 'Annat', 'Totalt']) {
        const value = r[key];
        if (value === '' || value === '<5' || value === '..' || value === undefined) continue;
        expect(Number(value)).toBeGreaterThanOrEqual(5);
      }
    }
  });
});
