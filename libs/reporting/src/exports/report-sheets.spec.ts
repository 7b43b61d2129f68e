import { cellText } from './format';
import { reportSheets } from './report-sheets';
import { isValidSheetName, type ReportSheet } from './sheet.types';
import { reportFixture, RESURSLOTSEN } from './testing/report-fixture';
import { rowOf, sheetByKey, texts } from './testing/sheet-helpers';

const sheets = reportSheets(reportFixture());
const sheet = (key: string) => sheetByKey(sheets, key);
const headers = (s: ReportSheet) => s.columns.map((c) => c.header);

describe('reportSheets', () => {
  it('has "Om rapporten" first and one sheet per table, with Swedish names Excel accepts', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      'Om rapporten',
      'Deltagare',
      'Åldersgrupper',
      'Aktualiserande part',
      'Försörjning vid start',
      'Försörjning vid avslut',
      'Avslutsorsaker',
      'Tid i insatsen',
      'Väntetid',
      'Nöjdhet',
      'Progression',
      'Progression per område',
      'Progression, pågående',
      'Uppdrag',
      'Uppföljning efter avslut',
      'Sysselsättning före och efter',
      'Försörjning före–efter',
      'Utbildningsnivå',
      'Offentlig försörjning före',
      'Besöksantal',
      'Datakvalitet',
      'Måluppfyllelse',
    ]);
    for (const s of sheets) expect(isValidSheetName(s.name)).toBe(true);
    expect(isValidSheetName('Försörjning: före/efter')).toBe(false);
    expect(isValidSheetName('x'.repeat(32))).toBe(false);
  });

  it('has Swedish headers with the count columns Kvinnor, Män, Annat, Totalt', () => {
    expect(headers(sheet('participants'))).toEqual([
      'Insats',
      'Deltagare',
      'Kvinnor',
      'Män',
      'Annat',
      'Totalt',
    ]);
    expect(headers(sheet('incomeSourceChange'))).toEqual([
      'Insats',
      'Försörjning vid start',
      'Försörjning vid avslut',
      'Kvinnor',
      'Män',
      'Annat',
      'Totalt',
    ]);
    expect(headers(sheet('goals'))).toEqual([
      'Insats',
      'Mål-id',
      'Mål',
      'Typ',
      'Målnivå',
      'Värde',
      'Täljare',
      'Nämnare',
      'Status',
    ]);
  });

  it('describes the report on "Om rapporten"', () => {
    const about = Object.fromEntries(
      sheet('about').rows.map((r) => [cellText(r.row), cellText(r.text)]),
    );
    expect(about['Samordningsförbund']).toBe('Samordningsförbundet Exempel');
    expect(about['Period']).toBe('2024-01-01 – 2024-12-31');
    expect(about['Kontrollpunkt']).toContain('1234');
    expect(about['Läge per']).toBeUndefined();
    expect(about['Populationer']).toContain('aktiva någon gång under perioden');
    expect(about['Populationer']).toContain('avslutats under perioden');
    expect(about['Tabell: Avslutsorsaker']).toBe('Avslutade deltagare efter avslutsorsak.');

    const asOf = reportSheets(
      reportFixture({ asOf: '2025-01-15T12:00:00.000Z', checkpoint: null }),
    );
    const rows = Object.fromEntries(
      sheetByKey(asOf, 'about').rows.map((r) => [cellText(r.row), cellText(r.text)]),
    );
    expect(rows['Läge per']).toContain('2025-01-15T12:00:00.000Z');
    expect(rows['Kontrollpunkt']).toBe('Inga händelser har registrerats ännu');
  });

  it('says on "Om rapporten" how far a running period is counted, and that one not begun is not', () => {
    const about = (countedThrough: string | null) =>
      Object.fromEntries(
        sheetByKey(reportSheets(reportFixture({ countedThrough })), 'about').rows.map((r) => [
          cellText(r.row),
          cellText(r.text),
        ]),
      );
    expect(about('2024-12-31')['Räknat']).toBeUndefined();
    expect(about('2024-06-30')['Räknat']).toBe(
      'Perioden pågår: uppgifterna gäller t.o.m. 2024-06-30, och aktiva vid periodens slut är de ' +
        'som var aktiva den dagen.',
    );
    expect(about(null)['Räknat']).toMatch(/^Perioden har inte börjat: inget är räknat ännu/);
  });

  it('puts the association first, then each intervention that has participants', () => {
    const insatser = (key: string) => [...new Set(sheet(key).rows.map((r) => cellText(r.insats)))];
    expect(insatser('participants')).toEqual(['Hela förbundet', 'Resurslotsen']);
    expect(insatser('attendance')).toEqual(['Hela förbundet', 'Psykeveckan']);
    expect(insatser('goals')).toEqual(['Hela förbundet', 'Resurslotsen', 'Psykeveckan']);
  });

  it("names the report's own level after the intervention in an intervention report", () => {
    const single = reportSheets(
      reportFixture({
        interventionId: RESURSLOTSEN.interventionId,
        interventionName: 'Resurslotsen',
        interventions: [],
      }),
    );
    const insatser = new Set(
      sheetByKey(single, 'participants').rows.map((r) => cellText(r.insats)),
    );
    expect([...insatser]).toEqual(['Resurslotsen']);
  });

  it('shows the counts of the report with Swedish labels', () => {
    expect(texts(rowOf(sheet('participants'), 'Resurslotsen', 'Totalt under perioden'))).toEqual(
      expect.objectContaining({ woman: '14', man: '9', other: '2', total: '25' }),
    );
    expect(texts(rowOf(sheet('ageGroups'), 'Hela förbundet', '20–24 år'))).toEqual(
      expect.objectContaining({ woman: '3', man: '2', other: '1', total: '6' }),
    );
    expect(texts(rowOf(sheet('referringParty'), 'Hela förbundet', 'Försäkringskassan')).total).toBe(
      '8',
    );
    expect(
      texts(rowOf(sheet('outcomes'), 'Hela förbundet', 'Arbete (även subventionerat)')).total,
    ).toBe('5');
    expect(
      texts(rowOf(sheet('employmentStatus'), 'Hela förbundet', 'Efter insatsen', 'Förvärvsarbete'))
        .total,
    ).toBe('5');
    expect(
      texts(rowOf(sheet('incomeSourceChange'), 'Hela förbundet', 'Ekonomiskt bistånd', 'Lön')),
    ).toEqual(expect.objectContaining({ woman: '2', man: '1', other: '0', total: '3' }));
    expect(texts(rowOf(sheet('attendance'), 'Psykeveckan', 'Besökare')).total).toBe('68');
    expect(
      texts(rowOf(sheet('educationLevel'), 'Hela förbundet', 'Gymnasial utbildning')).total,
    ).toBe('12');
    expect(texts(rowOf(sheet('supportDurationBefore'), 'Hela förbundet', '2–5 år')).total).toBe(
      '8',
    );
  });

  it('shows means, medians and shares', () => {
    expect(
      texts(rowOf(sheet('daysInIntervention'), 'Hela förbundet', 'Medelvärde (dagar)')),
    ).toEqual(
      expect.objectContaining({ woman: '230,4', man: '180,2', other: '150,0', total: '212,5' }),
    );
    expect(texts(rowOf(sheet('satisfaction'), 'Hela förbundet', 'Andel nöjda'))).toEqual(
      expect.objectContaining({ woman: '83,33%', man: '75%', other: '100%', total: '81,82%' }),
    );
    const progression = sheet('progression');
    expect(
      texts(rowOf(progression, 'Resurslotsen', 'Självkänsla', 'Positiv förändring')).total,
    ).toBe('6');
    // Nobody in Annat was assessed: no share, not 0.
    expect(
      texts(rowOf(progression, 'Resurslotsen', 'Anställningsbarhet', 'Andel positiv förändring')),
    ).toEqual(expect.objectContaining({ woman: '50%', other: '', total: '40%' }));
    expect(texts(rowOf(progression, 'Hela förbundet', 'Stegtrappa', 'Bedömda')).total).toBe('13');
    expect(texts(rowOf(sheet('completeness'), 'Hela förbundet', 'Svar på nöjdhetsfrågan'))).toEqual(
      expect.objectContaining({ total: '11', share: '84,62%' }),
    );
  });

  it('shows goals with Swedish kind and status', () => {
    expect(texts(rowOf(sheet('goals'), 'Resurslotsen', 'Minst 80 % nöjda deltagare'))).toEqual({
      insats: 'Resurslotsen',
      goalId: 'nojda',
      row: 'Minst 80 % nöjda deltagare',
      kind: 'Andel nöjda deltagare',
      target: '80%',
      value: '81,82%',
      numerator: '9',
      denominator: '11',
      status: 'Uppfyllt',
    });
    expect(texts(rowOf(sheet('goals'), 'Resurslotsen', 'Minst 20 deltagare'))).toEqual(
      expect.objectContaining({
        target: '20',
        value: '25',
        numerator: '25',
        kind: 'Antal deltagare',
      }),
    );
    expect(
      texts(rowOf(sheet('goals'), 'Hela förbundet', '90 % får det stöd de behöver')).status,
    ).toBe('Otillräckligt underlag');
  });

  it('declares only lines that hold in a consistent report, except the guessed goal lines', () => {
    const values = new Map<string, number>();
    for (const s of sheets) {
      for (const row of s.rows) {
        for (const cell of Object.values(row)) {
          if (cell?.kind === 'count') values.set(cell.id, cell.value);
        }
      }
    }
    const failing = sheets
      .filter((s) => s.key !== 'goals')
      .flatMap((s) => s.lines)
      .filter(
        (l) =>
          l.members.reduce((sum, id) => sum + (values.get(id) ?? NaN), 0) !== values.get(l.total),
      );
    expect(failing).toEqual([]);
    // Lines within tables, between tables and across insatser are all there.
    const lines = sheets.flatMap((s) => s.lines);
    expect(lines).toContainEqual({
      members: [
        'report|ageGroups.under-16|woman',
        ...['16-19', '20-24', '25-29', '30-39', '40-49', '50-59', '60-64', '65+'].map(
          (g) => `report|ageGroups.${g}|woman`,
        ),
      ],
      total: 'report|participants.total|woman',
    });
    expect(lines).toContainEqual({
      members: ['insats:I-RESURS|outcomes.work|man'],
      total: 'report|outcomes.work|man',
    });
    expect(lines).toContainEqual({
      members: ['report|outcomes.work|total'],
      total: 'report|employmentStatus.after.work|total',
    });
  });
});
