import { Workbook } from 'exceljs';
import { describeChanges } from './outcome-sheets';
import { renderExport } from './render-export';
import { reportSheets } from './report-sheets';
import { suppressForPublication } from './suppression';
import { reportFixture } from './testing/report-fixture';
import { rowOf, sheetByKey, texts } from './testing/sheet-helpers';

/** The v1.1 tables in the exports: Swedish headings, suppression, and the year before (XLSX). */
describe('v1.1 tables in the exports', () => {
  const report = reportFixture();
  const sheets = reportSheets(report, { previous: true });
  const own = 'Hela förbundet';

  it('tables uppdrag per aim with exited, reached and the share', () => {
    const sheet = sheetByKey(sheets, 'assignments');
    expect(sheet.name).toBe('Uppdrag');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'Insats',
      'Uppdrag',
      'Mått',
      'Kvinnor',
      'Män',
      'Annat',
      'Totalt',
    ]);
    const aim = 'Egen försörjning (arbete, studier)';
    expect(texts(rowOf(sheet, own, aim, 'Avslutade med uppdraget'))).toMatchObject({
      woman: '4',
      man: '3',
      total: '7',
    });
    expect(texts(rowOf(sheet, own, aim, 'Andel som nådde målet'))).toMatchObject({
      total: '71,43%',
    });
  });

  it('tables follow-up per mark: due, followed up, and what they did then', () => {
    const sheet = sheetByKey(sheets, 'followUp');
    expect(sheet.name).toBe('Uppföljning efter avslut');
    const mark = '3 månader efter avslut';
    expect(texts(rowOf(sheet, own, mark, 'Tillfället har inträffat'))).toMatchObject({
      total: '10',
    });
    expect(texts(rowOf(sheet, own, mark, 'Följda upp'))).toMatchObject({ total: '8' });
    expect(
      texts(rowOf(sheet, own, mark, 'Sysselsättning: Ej nådd vid uppföljningen')),
    ).toMatchObject({ woman: '1', man: '1', other: '1', total: '3' });
  });

  it('tables waiting days and progression per dimension, exited and ongoing', () => {
    const waiting = sheetByKey(sheets, 'waitingDays');
    expect(texts(rowOf(waiting, own, 'Medelvärde (dagar)'))).toMatchObject({ total: '24,5' });
    expect(texts(rowOf(waiting, own, 'Med aktualiseringsdatum'))).toMatchObject({ total: '12' });
    const dims = sheetByKey(sheets, 'progressionByDimension');
    expect(dims.name).toBe('Progression per område');
    expect(texts(rowOf(dims, own, 'Självkänsla', 'Lägre'))).toMatchObject({ total: '2' });
    const ongoing = sheetByKey(sheets, 'ongoingProgression');
    expect(texts(rowOf(ongoing, own, 'Självskattning, minst ett område', 'Bedömda'))).toMatchObject(
      { total: '5' },
    );
  });

  it('sets this year beside the year before, saying ökat or minskat', () => {
    const sheet = describeChanges(sheetByKey(sheets, 'previous'));
    expect(sheet.name).toBe('Jämfört med året innan');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'Insats',
      'Nyckeltal',
      'I år',
      'Året innan',
      'Förändring',
    ]);
    expect(texts(rowOf(sheet, own, 'Totalt under perioden'))).toMatchObject({
      current: '25',
      previous: '23',
      change: 'Ökat',
    });
    expect(texts(rowOf(sheet, own, 'Tid i insatsen, medelvärde (dagar)'))).toMatchObject({
      current: '212,5',
      previous: '230,0',
      change: 'Minskat',
    });
    expect(texts(rowOf(sheet, own, 'Mål: Planering vid avslut för 90 %'))).toMatchObject({
      change: 'Ökat',
    });
  });

  it('in a publication hides small counts of the year before and says nothing of how they moved', () => {
    const published = suppressForPublication(sheets).map(describeChanges);
    const rows = sheetByKey(published, 'previous').rows.map(texts);
    const withheld = (v: string | undefined) => v === '<5' || v === '..';
    for (const row of rows) {
      const shown = !withheld(row.current) && !withheld(row.previous) && row.previous !== '';
      expect([row.row, row.change !== undefined]).toEqual([row.row, shown && row.current !== '']);
    }
    expect(rows.some((r) => withheld(r.current) || withheld(r.previous))).toBe(true);
    expect(rows.some((r) => r.change !== undefined)).toBe(true);
    // A structural insats is compared on its goals only: it has no participants.
    expect(rows.filter((r) => r.insats === 'Psykeveckan').map((r) => r.row)).toEqual([
      'Mål: Minst 50 besökare',
    ]);
    const uppdrag = sheetByKey(published, 'assignments');
    expect(
      texts(
        rowOf(uppdrag, own, 'Förbättrad arbets- eller funktionsförmåga', 'Nådde uppdragets mål'),
      ),
    ).toMatchObject({ other: '<5' });
  });

  it('puts the year before in the workbook, not in the CSV', async () => {
    const csv = (await renderExport(report, { format: 'csv', publication: false })).body;
    expect(csv.toString('utf8')).not.toContain('Jämfört med året innan');
    expect(csv.toString('utf8')).toContain(
      'Uppdrag;Hela förbundet;Egen försörjning (arbete, studier);Avslutade med uppdraget;4;3;0;7',
    );
    const xlsx = (await renderExport(report, { format: 'xlsx', publication: false })).body;
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Jämfört med året innan');
    const changes: string[] = [];
    ws?.eachRow((r) => changes.push(r.getCell(5).text));
    expect(changes).toContain('Ökat');
    expect(changes).toContain('Minskat');
  });
});
