import { renderCsv } from './csv';
import { reportSheets } from './report-sheets';
import type { ReportSheet } from './sheet.types';
import { text } from './sheet.types';
import { suppressForPublication } from './suppression';
import { reportFixture } from './testing/report-fixture';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csv = renderCsv(reportSheets(reportFixture()));
const body = csv.subarray(3).toString('utf8');
const lines = body.split('\r\n');
const records = lines.filter((l) => l !== '').map((l) => l.split(';'));
const header = records[0]!;
const column = (name: string) => header.indexOf(name);

/** The records of table `tabell` and insats `insats` whose Rad is `rad`. */
function find(tabell: string, insats: string, rad: string, delrad?: string): string[] {
  const found = records.find(
    (r) =>
      r[0] === tabell &&
      r[column('Insats')] === insats &&
      r[column('Rad')] === rad &&
      (delrad === undefined || r[column('Delrad')] === delrad),
  );
  if (!found) throw new Error(`No ${tabell} / ${insats} / ${rad}`);
  return found;
}

describe('renderCsv', () => {
  it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
    expect(csv.subarray(0, 3).equals(BOM)).toBe(true);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('is one long table separated by semicolons with a Swedish header', () => {
    expect(header).toEqual([
      'Tabell',
      'Insats',
      'Rad',
      'Delrad',
      'Kvinnor',
      'Män',
      'Annat',
      'Totalt',
      'Kvinnor, andel',
      'Män, andel',
      'Annat, andel',
      'Totalt, andel',
      'Mål-id',
      'Typ',
      'Målnivå',
      'Värde',
      'Täljare',
      'Nämnare',
      'Status',
      'Text',
    ]);
    // Every record has every column (texts with a semicolon in them are quoted, none here).
    const unquoted = records.filter((r) => !r.join(';').includes('"'));
    expect(unquoted.every((r) => r.length === header.length)).toBe(true);
    expect(unquoted.length).toBeGreaterThan(300);
  });

  it('writes Swedish labels and numbers with a decimal comma', () => {
    const mean = find('Tid i insatsen', 'Hela förbundet', 'Medelvärde (dagar)');
    expect(mean.slice(column('Kvinnor'), column('Totalt') + 1)).toEqual([
      '230,4',
      '180,2',
      '150,0',
      '212,5',
    ]);
    const share = find('Nöjdhet', 'Resurslotsen', 'Andel nöjda');
    expect(share[column('Män, andel')]).toBe('75%');
    const change = find('Försörjning före–efter', 'Hela förbundet', 'Sjukpenning', 'Lön');
    expect(change[column('Totalt')]).toBe('2');
    const outcome = find('Avslutsorsaker', 'Hela förbundet', 'Aktualiserad hos Arbetsförmedlingen');
    expect(outcome[column('Totalt')]).toBe('2');
    const goal = find('Måluppfyllelse', 'Resurslotsen', 'Egen försörjning efter avslut');
    expect(goal[column('Mål-id')]).toBe('egen-forsorjning');
    expect(goal[column('Målnivå')]).toBe('40%');
    expect(goal[column('Status')]).toBe('Uppfyllt');
    expect(find('Om rapporten', '', 'Samordningsförbund')[column('Text')]).toBe(
      'Samordningsförbundet Exempel',
    );
    expect(body).not.toMatch(/\d\.\d/);
  });

  it('keeps counts and shares in columns of their own, shares as percentages Excel reads', () => {
    const counts = ['Kvinnor', 'Män', 'Annat', 'Totalt'].map(column);
    const shares = ['Kvinnor, andel', 'Män, andel', 'Annat, andel', 'Totalt, andel'].map(column);
    const unquoted = records.slice(1).filter((r) => !r.join(';').includes('"'));
    for (const r of unquoted) {
      // Whole numbers, or days with one decimal in their own table.
      const inDays = r[0] === 'Tid i insatsen' || r[0] === 'Väntetid';
      const countPattern = inDays ? /^(\d+(,\d)?)?$/ : /^(\d+)?$/;
      expect([r[0], counts.map((i) => r[i]).filter((v) => !countPattern.test(v!))]).toEqual([
        r[0],
        [],
      ]);
      // "83,33%": decimal comma, the sign right after the number (no space Excel could trip on).
      expect([
        r[0],
        shares.map((i) => r[i]).filter((v) => !/^(\d+(,\d{1,2})?%)?$/.test(v!)),
      ]).toEqual([r[0], []]);
    }
    const share = find('Nöjdhet', 'Hela förbundet', 'Andel nöjda');
    expect(counts.map((i) => share[i])).toEqual(['', '', '', '']);
    expect(shares.map((i) => share[i])).toEqual(['83,33%', '75%', '100%', '81,82%']);
    const answered = find('Nöjdhet', 'Hela förbundet', 'Svarat');
    expect(counts.map((i) => answered[i])).toEqual(['6', '4', '1', '11']);
    expect(shares.map((i) => answered[i])).toEqual(['', '', '', '']);
    expect(
      find('Datakvalitet', 'Hela förbundet', 'Svar på nöjdhetsfrågan')[column('Totalt, andel')],
    ).toBe('84,62%');
    expect(find('Om rapporten', '', 'Rapportår')[column('Text')]).toBe('2024');
  });

  it('writes "<5" for small counts and ".." for the numbers hidden with them in a publication', () => {
    const published = renderCsv(suppressForPublication(reportSheets(reportFixture()))).toString();
    const lines = published.split('\r\n');
    const row = lines.find((l) => l.startsWith('Deltagare;Hela förbundet;Totalt under perioden;'));
    expect(row).toBe('Deltagare;Hela förbundet;Totalt under perioden;;14;..;<5;25;;;;;;;;;;;;');
    const share = lines.find((l) => l.startsWith('Nöjdhet;Hela förbundet;Andel nöjda;'));
    expect(share).toBe('Nöjdhet;Hela förbundet;Andel nöjda;;;;;;83,33%;..;..;81,82%;;;;;;;;');
    // The file says what both marks mean.
    expect(lines).toContain('Om rapporten;;<5;;;;;;;;;;;;;;;;;Antalet är mindre än 5 (0–4).');
    expect(lines.some((l) => l.startsWith('Om rapporten;;..;') && l.includes('5 eller fler'))).toBe(
      true,
    );
  });

  it('contains no participant ids', () => {
    expect(body).not.toMatch(/D-[0-9A-Z]{6,}/);
    expect(body).not.toContain('participantId');
  });

  it('keeps user-written text from being run as a formula', () => {
    const sheet: ReportSheet = {
      key: 'x',
      name: 'X',
      columns: [{ key: 'row', header: 'Rad' }],
      rows: [{ row: text('=HYPERLINK("http://example.com")') }, { row: text('Lön') }],
      lines: [],
    };
    const out = renderCsv([sheet]).toString('utf8');
    expect(out).toContain(`X;"'=HYPERLINK(""http://example.com"")"\r\n`);
    expect(out).toContain('X;Lön\r\n');
  });
});
