import { Workbook, type Worksheet } from 'exceljs';
import { MITT_MAL } from '../../../domain/src/testing/fixtures';
import type { Instrument } from '@stegvis/domain';
import { instrumentsOfInsats } from '../report/report-instruments';
import type { Counts, InterventionReport, ReportTables } from '../report/report.schema';
import { renderExport } from './render-export';
import { c, reportFixture, RESURSLOTSEN, RESURSLOTSEN_TABLES } from './testing/report-fixture';

/*
 * A förbund's own instruments, named in the exports as the förbund registered them. Vägen uses
 * "Mitt mål"; Steget uses "Vägval", whose item `vet-vad` has another label. Hand-computed: Vägen
 * has 3 exited with start and exit answers (2 women, 1 man), 2 higher in vet-vad (1 woman, 1
 * man); the 2 women answered klarar, neither higher. Steget has 2 men assessed in vet-vad, 1
 * higher. The association counts vet-vad of both in one row: 5 assessed, 3 higher.
 */
const VAGVAL: Instrument = {
  key: 'vagval',
  label: 'Vägval',
  items: [{ key: 'vet-vad', label: 'Jag vet mitt nästa steg', min: 1, max: 10 }],
};

const ZERO = c(0, 0, 0);
function progression(
  byItem: Record<string, [assessed: Counts, positive: Counts]>,
): ReportTables['progression'] {
  const entries = Object.entries(byItem);
  return {
    ...RESURSLOTSEN_TABLES.progression,
    byItem: Object.fromEntries(
      entries.map(([k, [assessed, positive]]) => [k, { assessed, positive }]),
    ),
    byDimension: Object.fromEntries(
      entries.map(([k, [assessed, improved]]) => [
        k,
        {
          assessed,
          improved,
          unchanged: c(assessed.woman - improved.woman, assessed.man - improved.man, 0),
          worse: ZERO,
        },
      ]),
    ),
    ongoing: { assessed: ZERO, positive: ZERO, byDimension: {} },
  };
}

function insats(interventionId: string, name: string, tables: ReportTables['progression']) {
  return {
    ...RESURSLOTSEN,
    interventionId,
    name,
    progression: tables,
  } satisfies InterventionReport;
}

const vagen = insats(
  'I-VAGEN',
  'Vägen',
  progression({ 'vet-vad': [c(2, 1, 0), c(1, 1, 0)], klarar: [c(2, 0, 0), ZERO] }),
);
const steget = insats('I-STEGET', 'Steget', progression({ 'vet-vad': [c(0, 2, 0), c(0, 1, 0)] }));
const report = reportFixture({
  progression: progression({ 'vet-vad': [c(2, 3, 0), c(1, 2, 0)], klarar: [c(2, 0, 0), ZERO] }),
  interventions: [steget, vagen],
  instruments: [
    ...instrumentsOfInsats('I-STEGET', [VAGVAL]),
    ...instrumentsOfInsats('I-VAGEN', [MITT_MAL]),
  ],
});
// In the order of the report's instruments (by insats id: I-STEGET before I-VAGEN).
const BOTH = 'Jag vet mitt nästa steg (Vägval) / Jag vet vad jag vill (Mitt mål)';

async function csvLines(): Promise<string[]> {
  const out = await renderExport(report, { format: 'csv', publication: false });
  return out.body.toString('utf8').split('\r\n');
}

async function worksheet(name: string): Promise<Worksheet> {
  const out = await renderExport(report, { format: 'xlsx', publication: false });
  const workbook = new Workbook();
  await workbook.xlsx.load(out.body as unknown as ArrayBuffer);
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`No worksheet ${name}`);
  return found;
}

/** The worksheet's rows as their first cells' values (insats, område, mått, counts). */
function rowsOf(ws: Worksheet, width: number): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => {
    if (r > 1) rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value));
  });
  return rows;
}

describe("item labels of a förbund's own instrument in the exports", () => {
  it('names the items in the CSV progression tables', async () => {
    const lines = await csvLines();
    const starting = (prefix: string) => lines.filter((l) => l.startsWith(`${prefix};`));
    expect(starting('Progression;Vägen;Jag vet vad jag vill;Bedömda')).toEqual([
      expect.stringMatching(/^Progression;Vägen;Jag vet vad jag vill;Bedömda;2;1;0;3;/),
    ]);
    expect(starting('Progression;Vägen;Jag vet vad jag vill;Positiv förändring')).toEqual([
      expect.stringMatching(/;1;1;0;2;/),
    ]);
    expect(starting('Progression;Vägen;Jag klarar min vardag;Bedömda')).toEqual([
      expect.stringMatching(/;2;0;0;2;/),
    ]);
    expect(starting('Progression;Steget;Jag vet mitt nästa steg;Bedömda')).toEqual([
      expect.stringMatching(/;0;2;0;2;/),
    ]);
    expect(starting(`Progression;Hela förbundet;${BOTH};Bedömda`)).toEqual([
      expect.stringMatching(/;2;3;0;5;/),
    ]);
    expect(starting('Progression per område;Vägen;Jag vet vad jag vill;Lika')).toEqual([
      expect.stringMatching(/;1;0;0;1;/),
    ]);
    // No row is named by an item key.
    expect(lines.filter((l) => /;(vet-vad|klarar);/.test(l))).toEqual([]);
  });

  it("names the items on an insats report's own level from that insats's instrument", async () => {
    const { interventionId, name, kind, progression } = vagen;
    const single = reportFixture({
      interventionId,
      interventionName: name,
      interventionKind: kind,
      progression,
      interventions: [],
      instruments: instrumentsOfInsats(interventionId, [MITT_MAL, VAGVAL]),
    });
    const out = await renderExport(single, { format: 'csv', publication: false });
    const areas = out.body
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l.startsWith('Progression;Vägen;') && l.includes(';Bedömda;'))
      .map((l) => l.split(';')[2]);
    // Vägval is asked beside Mitt mål: its label for vet-vad is not the one progression compares.
    expect(areas).toEqual([
      'Självskattning, minst ett område',
      'Jag vet vad jag vill',
      'Jag klarar min vardag',
      'Stegtrappa',
    ]);
  });

  it('names the items on the Excel progression sheets', async () => {
    const progression = rowsOf(await worksheet('Progression'), 7);
    expect(progression).toContainEqual(['Vägen', 'Jag vet vad jag vill', 'Bedömda', 2, 1, 0, 3]);
    expect(progression).toContainEqual(['Vägen', 'Jag klarar min vardag', 'Bedömda', 2, 0, 0, 2]);
    expect(progression).toContainEqual([
      'Steget',
      'Jag vet mitt nästa steg',
      'Positiv förändring',
      0,
      1,
      0,
      1,
    ]);
    expect(progression).toContainEqual(['Hela förbundet', BOTH, 'Bedömda', 2, 3, 0, 5]);
    const byDimension = rowsOf(await worksheet('Progression per område'), 7);
    expect(byDimension).toContainEqual(['Vägen', 'Jag vet vad jag vill', 'Högre', 1, 1, 0, 2]);
    const areas = new Set([...progression, ...byDimension].map((row) => row[1]));
    expect([...areas].filter((a) => a === 'vet-vad' || a === 'klarar')).toEqual([]);
  });
});
