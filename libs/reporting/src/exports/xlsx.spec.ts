import { Workbook, type Worksheet } from 'exceljs';
import { reportSheets } from './report-sheets';
import { suppressForPublication } from './suppression';
import { reportFixture } from './testing/report-fixture';
import { renderXlsx } from './xlsx';

async function load(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs types its load() parameter as its own Buffer interface (an ArrayBuffer).
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function worksheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`No worksheet ${name}`);
  return found;
}

/** The row whose first cell reads `first` and whose second reads `second` (any when ''). */
function findRow(ws: Worksheet, first: string, second: string): number {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value !== first) continue;
    if (second === '' || ws.getCell(r, 2).value === second) return r;
  }
  throw new Error(`No row ${first} / ${second} in ${ws.name}`);
}

describe('renderXlsx', () => {
  let exact: Workbook;
  let published: Workbook;
  beforeAll(async () => {
    const sheets = reportSheets(reportFixture());
    exact = await load(await renderXlsx(sheets));
    published = await load(await renderXlsx(suppressForPublication(sheets)));
  });

  it('has one worksheet per sheet, in order', () => {
    expect(exact.worksheets.map((ws) => ws.name)).toEqual(
      reportSheets(reportFixture()).map((s) => s.name),
    );
    const about = exact.worksheets[0]!;
    expect(about.name).toBe('Om rapporten');
    expect(about.getCell('A2').value).toBe('Samordningsförbund');
    expect(about.getCell('B2').value).toBe('Samordningsförbundet Exempel');
    // Long explanations wrap within the (capped) column width.
    const populations = findRow(about, 'Populationer', '');
    expect(about.getColumn(2).width).toBe(60);
    expect(about.getCell(populations, 2).alignment?.wrapText).toBe(true);
  });

  it('has a bold, frozen Swedish header row and column widths', () => {
    const ws = worksheet(exact, 'Deltagare');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Insats',
      'Deltagare',
      'Kvinnor',
      'Män',
      'Annat',
      'Totalt',
    ]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(ws.getColumn(2).width).toBe('Aktiva vid periodens start'.length + 2);
    expect([3, 4, 5, 6].map((c) => ws.getColumn(c).width)).toEqual([10, 10, 10, 10]);
  });

  it('stores numbers as numbers with number formats', () => {
    const participants = worksheet(exact, 'Deltagare');
    const total = findRow(participants, 'Hela förbundet', 'Totalt under perioden');
    expect(participants.getCell(total, 3).value).toBe(14);
    expect(participants.getCell(total, 3).numFmt).toBe('0');
    expect(participants.getCell(total, 6).value).toBe(25);

    const days = worksheet(exact, 'Tid i insatsen');
    const mean = findRow(days, 'Hela förbundet', 'Medelvärde (dagar)');
    expect(days.getCell(mean, 3).value).toBe(230.4);
    expect(days.getCell(mean, 3).numFmt).toBe('0.0');

    const satisfaction = worksheet(exact, 'Nöjdhet');
    const share = findRow(satisfaction, 'Resurslotsen', 'Andel nöjda');
    expect(satisfaction.getCell(share, 4).value).toBe(0.75);
    expect(satisfaction.getCell(share, 4).numFmt).toBe('0.0%');

    const goals = worksheet(exact, 'Måluppfyllelse');
    const goal = [...Array(goals.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => goals.getCell(r, 2).value === 'nojda')!;
    expect(goals.getCell(goal, 3).value).toBe('Minst 80 % nöjda deltagare');
    expect(goals.getCell(goal, 5).value).toBe(0.8);
    expect(goals.getCell(goal, 5).numFmt).toBe('0.0%');
    expect(goals.getCell(goal, 9).value).toBe('Uppfyllt');
  });

  it('stores "<5" and ".." as text in a publication, and says what they mean', () => {
    const ws = worksheet(published, 'Deltagare');
    const total = findRow(ws, 'Hela förbundet', 'Totalt under perioden');
    expect(ws.getCell(total, 3).value).toBe(14);
    expect(ws.getCell(total, 4).value).toBe('..');
    expect(ws.getCell(total, 5).value).toBe('<5');
    expect(ws.getCell(total, 5).type).toBe(3); // ValueType.String
    const about = worksheet(published, 'Om rapporten');
    expect(about.getCell(findRow(about, '<5', ''), 2).value).toBe('Antalet är mindre än 5 (0–4).');
    expect(about.getCell(findRow(about, '..', ''), 2).value).toMatch(/5 eller fler/);
  });

  it('prints every worksheet landscape, one page wide, with the header row on every page', () => {
    expect(exact.worksheets).toHaveLength(22);
    for (const ws of exact.worksheets) {
      expect([ws.name, ws.pageSetup]).toEqual([
        ws.name,
        expect.objectContaining({
          paperSize: 9, // A4
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0, // as many pages tall as it takes
          printTitlesRow: '1:1',
        }),
      ]);
      expect(ws.headerFooter.oddFooter).toBe('&L&A&RSida &P av &N');
    }
  });

  it('stores the year as a number shown without a thousands separator', () => {
    const about = worksheet(exact, 'Om rapporten');
    const year = about.getCell(findRow(about, 'Rapportår', ''), 2);
    expect(year.value).toBe(2024);
    expect(year.numFmt).toBe('0');
  });

  it('makes each row with wrapped text tall enough for it, so no text overlaps the next row', () => {
    let wrapped = 0;
    for (const ws of [...exact.worksheets, ...published.worksheets]) {
      ws.eachRow((row, r) => {
        if (r === 1) return;
        row.eachCell((cell, c) => {
          if (typeof cell.value !== 'string') return;
          const width = ws.getColumn(c).width!;
          const room = width - 2;
          if (cell.value.length <= room) return;
          wrapped++;
          // At least one line per `room` characters, at Excel's 15 points a line.
          const lines = Math.ceil(cell.value.length / room);
          expect([
            ws.name,
            r,
            c,
            cell.alignment?.wrapText,
            (row.height ?? 0) >= lines * 15,
          ]).toEqual([ws.name, r, c, true, true]);
          expect(cell.alignment?.vertical).toBe('top');
        });
      });
    }
    expect(wrapped).toBeGreaterThan(10);
    const about = worksheet(exact, 'Om rapporten');
    const populations = about.getRow(findRow(about, 'Populationer', ''));
    expect(populations.getCell(1).alignment?.vertical).toBe('top');
    expect(populations.height).toBeGreaterThanOrEqual(6 * 15);
  });

  it('contains no participant ids', () => {
    const everything = exact.worksheets
      .flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])))
      .map(String)
      .join('\n');
    expect(everything).toContain('Resurslotsen');
    expect(everything).not.toMatch(/D-[0-9A-Z]{6,}/);
  });

  it('refuses a worksheet name Excel would refuse', async () => {
    await expect(
      renderXlsx([{ key: 'x', name: 'Före/efter', columns: [], rows: [], lines: [] }]),
    ).rejects.toThrow(/worksheet name/);
  });
});
