import { Workbook } from 'exceljs';
import { waitFor } from '../support/wait-for';
import { startApi, type Api } from '../support/api-harness';
import { asBytes, parseCsv, readXlsx, type SheetRow } from '../support/files';
import { registerYear, type RegisteredYear } from '../support/register-plan';
import { bearer } from '../support/world';
import { planYear } from '../support/year-plan';

/*
 * The files a förbund publishes, made through the HTTP API from a realistic year: no figure in
 * them may be false ("<5" only for counts of 0–4), each says what its marks mean, shares are
 * numbers Excel reads, and a structural insats's head-count goal counts its head counts.
 */

const COUNT_COLUMNS = ['Kvinnor', 'Män', 'Annat', 'Totalt'];
const SHARE_COLUMNS = ['Kvinnor, andel', 'Män, andel', 'Annat, andel', 'Totalt, andel'];

describe('published exports of a realistic year, through the HTTP API', () => {
  let api: Api;
  let year: RegisteredYear;

  beforeAll(async () => {
    api = await startApi();
    year = await registerYear(api, planYear());
    // Psykeveckan (structural) recorded 57 + 15 = 72 visitors in 2025.
    const goals = await api.http
      .put(`/v1/interventions/${year.tenant.structuralId}/goals/2025`)
      .set(bearer(year.tenant.chief))
      .send({
        goals: [{ id: 'besok', label: 'Minst 60 besökare', kind: 'participantCount', min: 60 }],
      })
      .expect(200);
    await api.http
      .get(
        `/v1/associations/${year.tenant.associationId}/reports/2025?minPosition=${goals.body.position as string}`,
      )
      .set(bearer(year.tenant.chief))
      .expect(200);
  }, 60_000);
  afterAll(() => api.close());

  async function exportFile(body: Record<string, unknown>): Promise<Buffer> {
    const chief = bearer(year.tenant.chief);
    const created = await api.http
      .post(`/v1/associations/${year.tenant.associationId}/exports`)
      .set(chief)
      .send({ year: 2025, ...body })
      .expect(202);
    const jobId = created.body.jobId as string;
    let url = '';
    await waitFor(
      async () => {
        const status = (await api.http.get(`/v1/exports/${jobId}`).set(chief).expect(200)).body;
        if (status.state === 'failed') throw new Error('export failed');
        url = status.file?.url ?? '';
        return status.state === 'completed';
      },
      { timeoutMs: 20_000, intervalMs: 20, message: 'export finished' },
    );
    return (await asBytes(api.http.get(url).set(chief)).expect(200)).body as Buffer;
  }

  it('counts the head counts of a structural insats in its participantCount goal', async () => {
    const report = (
      await api.http
        .get(`/v1/associations/${year.tenant.associationId}/reports/2025`)
        .set(bearer(year.tenant.chief))
        .expect(200)
    ).body;
    const psykeveckan = report.interventions.find(
      (i: { interventionId: string }) => i.interventionId === year.tenant.structuralId,
    );
    expect(psykeveckan.attendance.total).toBe(72);
    expect(psykeveckan.goals).toEqual([
      expect.objectContaining({ id: 'besok', value: 72, numerator: 72, status: 'met' }),
    ]);
  });

  it('publishes "<5" only for counts of 0–4 and ".." for the other hidden numbers', async () => {
    const tables = (rows: SheetRow[]) => rows.filter((r) => r['Tabell'] !== 'Om rapporten');
    const exactRows = parseCsv(await exportFile({ format: 'csv' }));
    const publishedRows = parseCsv(await exportFile({ format: 'csv', publication: true }));
    const [exact, published] = [tables(exactRows), tables(publishedRows)];
    expect(published).toHaveLength(exact.length);
    const seen = { small: 0, masked: 0 };
    exact.forEach((row, index) => {
      const out = published[index]!;
      for (const column of [...COUNT_COLUMNS, 'Täljare', 'Nämnare']) {
        const value = String(row[column] ?? '');
        if (out[column] === '<5') {
          seen.small++;
          expect([row['Tabell'], column, Number(value) < 5 && /^\d+$/.test(value)]).toEqual([
            row['Tabell'],
            column,
            true,
          ]);
        } else if (out[column] === '..') {
          seen.masked++;
          // A count of 5 or more hidden with a small one, or a mean (days) or share, or the
          // |women − men| of a gender-balance goal, which is a difference and no count.
          const derived = !/^\d+$/.test(value) || row['Typ'] === 'Jämn könsfördelning';
          expect([row['Tabell'], column, derived || Number(value) >= 5]).toEqual([
            row['Tabell'],
            column,
            true,
          ]);
        } else {
          expect(out[column]).toBe(value);
        }
      }
      for (const column of SHARE_COLUMNS) {
        expect(['', '..', row[column]]).toContain(out[column]);
        if (out[column] === '<5') throw new Error(`A share reads "<5": ${JSON.stringify(out)}`);
      }
    });
    expect(seen.small).toBeGreaterThan(0);
    expect(seen.masked).toBeGreaterThan(0);
    const about = (rows: SheetRow[], key: string) =>
      rows.find((r) => r['Tabell'] === 'Om rapporten' && r['Rad'] === key)?.['Text'];
    expect(about(exactRows, '<5')).toBeUndefined();
    expect(about(publishedRows, '<5')).toBe('Antalet är mindre än 5 (0–4).');
    expect(about(publishedRows, '..')).toMatch(/^Uppgiften visas inte: ett antal på 5 eller fler/);
  });

  it('keeps shares out of the count columns, as percentages', async () => {
    const rows = parseCsv(await exportFile({ format: 'csv' }));
    const satisfied = rows.find(
      (r) =>
        r['Tabell'] === 'Nöjdhet' && r['Insats'] === 'Hela förbundet' && r['Rad'] === 'Andel nöjda',
    )!;
    expect(COUNT_COLUMNS.map((c) => satisfied[c])).toEqual(['', '', '', '']);
    expect(String(satisfied['Totalt, andel'])).toMatch(/^\d+(,\d{1,2})?%$/);
    for (const row of rows.filter((r) => r['Tabell'] !== 'Tid i insatsen')) {
      for (const c of COUNT_COLUMNS)
        expect([c, String(row[c] ?? '')]).toEqual([c, expect.stringMatching(/^\d*$/)]);
    }
  });

  it('says what the marks mean in the Uppföljning Finsam file too', async () => {
    const sheets = await readXlsx(await exportFile({ format: 'finsam', publication: true }));
    const about = new Map(
      (sheets.get('Om rapporten') ?? []).map((r) => [r['Uppgift'], r['Värde']]),
    );
    expect(about.get('<5')).toBe('Antalet är mindre än 5 (0–4).');
    expect(about.get('..')).toMatch(/5 eller fler/);
    const psykeveckan = (sheets.get('Uppföljning Finsam') ?? []).find(
      (r) => r['Insats'] === 'Psykeveckan',
    );
    // 2 "Annat" is small; the 20 men are hidden with it, as "..": they are no small count.
    expect(psykeveckan).toMatchObject({ Kvinnor: 50, Män: '..', Annat: '<5', Totalt: 72 });
  });

  it('makes an Excel file that prints landscape, one page wide, with the year as a number', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await exportFile({ format: 'xlsx' })) as unknown as ArrayBuffer);
    for (const ws of workbook.worksheets) {
      expect([ws.name, ws.pageSetup]).toEqual([
        ws.name,
        expect.objectContaining({
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: '1:1',
        }),
      ]);
    }
    const about = workbook.getWorksheet('Om rapporten')!;
    let yearCell: unknown;
    about.eachRow((row) => {
      if (row.getCell(1).value === 'Rapportår') yearCell = row.getCell(2).value;
    });
    expect(yearCell).toBe(2025);
  });
});
