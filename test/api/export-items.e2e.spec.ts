import { MITT_MAL } from '../../libs/domain/src/testing/fixtures';
import type { Instrument } from '@stegvis/domain';
import { startApi, type Api } from '../support/api-harness';
import { asBytes, parseCsv, readXlsx, type SheetRow } from '../support/files';
import { bearer, createTenant, enrolment, type Tenant } from '../support/world';

/*
 * A förbund's own instrument, registered with its insats through the HTTP API, is named in the
 * report's files by its items' Swedish labels, not by their keys. Hand-computed: Vägen's two
 * exited (a woman and a man) both rose in "Jag vet vad jag vill" (2 → 4) and stayed in "Jag
 * klarar min vardag" (3 → 3).
 */

const UPPFOLJNING: Instrument = {
  key: 'uppfoljning',
  label: 'Uppföljningsfrågor',
  items: [{ key: 'vet-vad', label: 'Jag vet vart jag är på väg', min: 1, max: 10 }],
};

describe("a förbund's own instrument in the report's files, through the HTTP API", () => {
  let api: Api;
  let t: Tenant;
  let vagen: string;
  let position: string;

  beforeAll(async () => {
    api = await startApi();
    t = await createTenant(api, 0);
    const post = (path: string, body: object) =>
      api.http.post(path).set(bearer(t.chief)).send(body).expect(201);
    const registered = await post(`/v1/associations/${t.associationId}/interventions`, {
      name: 'Vägen',
      kind: 'individual',
      parties: ['FK', 'AF'],
      startsOn: '2025-01-01',
      instrument: MITT_MAL,
    });
    vagen = registered.body.interventionId as string;
    // Asked beside Mitt mål; its vet-vad is another question, which progression does not compare.
    await post(`/v1/interventions/${vagen}/instruments`, { instruments: [UPPFOLJNING] });
    for (const gender of ['woman', 'man']) {
      const enrolled = await post(`/v1/interventions/${vagen}/participants`, {
        ...enrolment,
        gender,
      });
      const pid = enrolled.body.participantId as string;
      for (const [phase, assessedOn, vetVad] of [
        ['start', '2025-03-05', 2],
        ['exit', '2025-05-02', 4],
      ] as const) {
        await post(`/v1/participants/${pid}/self-assessments`, {
          instrument: MITT_MAL.key,
          phase,
          assessedOn,
          scores: { 'vet-vad': vetVad, klarar: 3 },
        });
      }
      const exit = await post(`/v1/participants/${pid}/exit`, {
        exitedOn: '2025-05-02',
        outcome: 'work',
        incomeSource: 'salary',
        planHandedOver: true,
      });
      position = exit.body.position as string;
    }
  }, 60_000);
  afterAll(() => api.close());

  const report = (suffix: string) =>
    asBytes(
      api.http
        .get(`/v1/associations/${t.associationId}/reports/2025${suffix}?minPosition=${position}`)
        .set(bearer(t.chief)),
    ).expect(200);

  const LABELS = ['Jag vet vad jag vill', 'Jag klarar min vardag'];
  const KEYS = ['vet-vad', 'klarar'];
  const COUNTS = ['Kvinnor', 'Män', 'Annat', 'Totalt'];

  /**
   * Vägen's rows per item and measure: [område, mått, kvinnor, män, annat, totalt]. The CSV's
   * long table calls the columns Rad and Delrad, a worksheet Område and Mått.
   */
  function itemRows(
    rows: readonly SheetRow[],
    [area, measure]: readonly [string, string],
    measures: readonly string[],
  ) {
    return rows
      .filter((r) => r['Insats'] === 'Vägen' && LABELS.includes(String(r[area])))
      .filter((r) => measures.includes(String(r[measure])))
      .map((r) => [r[area], r[measure], ...COUNTS.map((c) => r[c])]);
  }
  const CSV_COLUMNS = ['Rad', 'Delrad'] as const;
  const XLSX_COLUMNS = ['Område', 'Mått'] as const;

  const PROGRESSION = [
    ['Jag vet vad jag vill', 'Bedömda', 1, 1, 0, 2],
    ['Jag vet vad jag vill', 'Positiv förändring', 1, 1, 0, 2],
    ['Jag klarar min vardag', 'Bedömda', 1, 1, 0, 2],
    ['Jag klarar min vardag', 'Positiv förändring', 0, 0, 0, 0],
  ];
  const BY_DIMENSION = [
    ['Jag vet vad jag vill', 'Högre', 1, 1, 0, 2],
    ['Jag vet vad jag vill', 'Lika', 0, 0, 0, 0],
    ['Jag klarar min vardag', 'Högre', 0, 0, 0, 0],
    ['Jag klarar min vardag', 'Lika', 1, 1, 0, 2],
  ];
  const asText = (rows: (string | number)[][]) => rows.map((r) => r.map(String));

  it('lists the instruments of the insatser in the report JSON', async () => {
    const body = JSON.parse((await report('')).body.toString('utf8'));
    expect(
      body.instruments.filter((i: { interventionId: string }) => i.interventionId === vagen),
    ).toEqual([
      {
        interventionId: vagen,
        key: 'mitt-mal',
        label: 'Mitt mål',
        progression: true,
        items: [
          { key: 'vet-vad', label: 'Jag vet vad jag vill' },
          { key: 'klarar', label: 'Jag klarar min vardag' },
        ],
      },
      {
        interventionId: vagen,
        key: 'uppfoljning',
        label: 'Uppföljningsfrågor',
        progression: false,
        items: [{ key: 'vet-vad', label: 'Jag vet vart jag är på väg' }],
      },
    ]);
  });

  it('names the items in the CSV by their Swedish labels', async () => {
    const rows = parseCsv((await report('.csv')).body as Buffer);
    const table = (name: string) => rows.filter((r) => r['Tabell'] === name);
    expect(itemRows(table('Progression'), CSV_COLUMNS, ['Bedömda', 'Positiv förändring'])).toEqual(
      asText(PROGRESSION),
    );
    expect(itemRows(table('Progression per område'), CSV_COLUMNS, ['Högre', 'Lika'])).toEqual(
      asText(BY_DIMENSION),
    );
    expect(rows.filter((r) => KEYS.includes(String(r['Rad'])))).toEqual([]);
  });

  it('names the items on the Excel sheets by their Swedish labels', async () => {
    const sheets = await readXlsx((await report('.xlsx')).body as Buffer);
    const sheet = (name: string) => sheets.get(name) ?? [];
    expect(itemRows(sheet('Progression'), XLSX_COLUMNS, ['Bedömda', 'Positiv förändring'])).toEqual(
      PROGRESSION,
    );
    expect(itemRows(sheet('Progression per område'), XLSX_COLUMNS, ['Högre', 'Lika'])).toEqual(
      BY_DIMENSION,
    );
    const areas = [...sheets.values()].flat().map((r) => String(r['Område']));
    expect(areas.filter((a) => KEYS.includes(a))).toEqual([]);
  });
});
