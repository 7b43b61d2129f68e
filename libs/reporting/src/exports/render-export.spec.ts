import { Workbook } from 'exceljs';
import { renderExport } from './render-export';
import { reportFixture } from './testing/report-fixture';

/** The "Om rapporten" rows of an exported file: key → text. */
async function aboutRows(body: Buffer, format: 'csv' | 'xlsx' | 'finsam') {
  if (format === 'csv') {
    const lines = body
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l.startsWith('Om rapporten;'));
    return new Map(lines.map((l) => l.split(';')).map((f) => [f[2]!, f[f.length - 1]!]));
  }
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows = new Map<string, string>();
  workbook.getWorksheet('Om rapporten')!.eachRow((row) => {
    rows.set(row.getCell(1).text, row.getCell(2).text);
  });
  return rows;
}

async function sheetNames(body: Buffer): Promise<string[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => ws.name);
}

describe('renderExport', () => {
  const report = reportFixture();

  it('renders CSV', async () => {
    const out = await renderExport(report, { format: 'csv', publication: false });
    expect(out.contentType).toBe('text/csv; charset=utf-8');
    expect(out.fileExtension).toBe('csv');
    const body = out.body.toString('utf8');
    expect(body).toContain('Deltagare;Hela förbundet;Totalt under perioden;;14;9;2;25;');
  });

  it('renders a CSV for publication with "<5" and ".."', async () => {
    const out = await renderExport(report, { format: 'csv', publication: true });
    const body = out.body.toString('utf8');
    expect(body).toContain('Deltagare;Hela förbundet;Totalt under perioden;;14;..;<5;25;');
    expect(body).toContain('Publicering');
  });

  it.each(['csv', 'xlsx', 'finsam'] as const)(
    'says in a %s file for publication what "<5" and ".." mean',
    async (format) => {
      const out = await renderExport(report, { format, publication: true });
      const about = await aboutRows(out.body, format);
      expect(about.get('<5')).toBe('Antalet är mindre än 5 (0–4).');
      expect(about.get('..')).toMatch(/^Uppgiften visas inte: ett antal på 5 eller fler/);
      const exact = await renderExport(report, { format, publication: false });
      expect((await aboutRows(exact.body, format)).has('<5')).toBe(false);
    },
  );

  it('renders XLSX', async () => {
    const out = await renderExport(report, { format: 'xlsx', publication: false });
    expect(out.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(out.fileExtension).toBe('xlsx');
    expect(out.body.subarray(0, 2).toString('latin1')).toBe('PK');
    // The report's 22 sheets and, last, this year beside the year before.
    const names = await sheetNames(out.body);
    expect(names).toHaveLength(23);
    expect(names.at(-1)).toBe('Jämfört med året innan');
  });

  it('renders the Finsam export as XLSX, suppressed like the report when for publication', async () => {
    const out = await renderExport(report, { format: 'finsam', publication: true });
    expect(out.fileExtension).toBe('xlsx');
    expect(await sheetNames(out.body)).toEqual(['Uppföljning Finsam', 'Om rapporten']);
    const workbook = new Workbook();
    await workbook.xlsx.load(out.body as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Uppföljning Finsam')!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Resurslotsen',
      'Individinriktad',
      14,
      '..',
      '<5',
      25,
    ]);
    expect(ws.getRow(3).values).toEqual([
      undefined,
      'Psykeveckan',
      'Strukturinriktad',
      40,
      '..',
      '<5',
      68,
    ]);
    const about = workbook.getWorksheet('Om rapporten')!;
    const notes = about.getColumn(1).values;
    expect(notes).toContain('Publicering');
    expect(notes).not.toContain('Populationer');
  });
});
