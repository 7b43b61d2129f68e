import { reportSheets } from './report-sheets';
import type { ReportSheet } from './sheet.types';
import { suppressForPublication } from './suppression';
import { reportFixture } from './testing/report-fixture';
import { rowOf, sheetByKey, texts } from './testing/sheet-helpers';

const exact = reportSheets(reportFixture());
const published = suppressForPublication(exact);
const sheet = (key: string) => sheetByKey(published, key);

/** Every count id with its value, and which of them the publication hides. */
function countStates(before: readonly ReportSheet[], after: readonly ReportSheet[]) {
  const values = new Map<string, number>();
  const hidden = new Set<string>();
  before.forEach((s, i) =>
    s.rows.forEach((row, r) => {
      for (const [key, cell] of Object.entries(row)) {
        if (cell?.kind !== 'count') continue;
        values.set(cell.id, cell.value);
        const out = after[i]!.rows[r]![key as keyof typeof row];
        if (out?.kind === 'suppressed') hidden.add(cell.id);
      }
    }),
  );
  return { values, hidden };
}

describe('publication of the fixture report', () => {
  const { values, hidden } = countStates(exact, published);

  it('shows no count below 5', () => {
    const shown = [...values].filter(([id, value]) => value < 5 && !hidden.has(id));
    expect(shown).toEqual([]);
    expect(hidden.size).toBeGreaterThan(0);
  });

  it('leaves no relation with exactly one hidden cell', () => {
    const lines = exact
      .flatMap((s) => s.lines)
      .filter(
        (l) =>
          [...l.members, l.total].every((id) => values.has(id)) &&
          l.members.reduce((sum, id) => sum + values.get(id)!, 0) === values.get(l.total),
      );
    expect(lines.length).toBeGreaterThan(100);
    const giveaway = lines.filter(
      (l) => new Set([...l.members, l.total].filter((id) => hidden.has(id))).size === 1,
    );
    expect(giveaway).toEqual([]);
  });

  it('hides the smallest other member of a row with a small cell', () => {
    // 14 women, 9 men, 2 other: 2 is small, and 9 would give it away as 25 − 14 − 9.
    expect(texts(rowOf(sheet('participants'), 'Hela förbundet', 'Totalt under perioden'))).toEqual(
      expect.objectContaining({ woman: '14', man: '<5', other: '<5', total: '25' }),
    );
    expect(texts(rowOf(sheet('participants'), 'Resurslotsen', 'Totalt under perioden'))).toEqual(
      expect.objectContaining({ woman: '14', man: '<5', other: '<5', total: '25' }),
    );
  });

  it('hides means and shares from fewer than 5 people', () => {
    expect(texts(rowOf(sheet('daysInIntervention'), 'Hela förbundet', 'Median (dagar)'))).toEqual(
      expect.objectContaining({ woman: '200,0', man: '175,0', other: '<5', total: '190,0' }),
    );
    expect(texts(rowOf(sheet('satisfaction'), 'Hela förbundet', 'Andel nöjda'))).toEqual(
      expect.objectContaining({ woman: '0,8333', man: '<5', other: '<5', total: '0,8182' }),
    );
  });

  it('hides goal figures with a denominator below 5, and a numerator a table gives away', () => {
    expect(texts(rowOf(sheet('goals'), 'Hela förbundet', '90 % får det stöd de behöver'))).toEqual(
      expect.objectContaining({
        target: '0,9',
        value: '<5',
        numerator: '<5',
        denominator: '<5',
        status: 'Otillräckligt underlag',
      }),
    );
    // 7 = work 5 + studies 2, and studies is hidden: the numerator (and so the share) goes.
    expect(texts(rowOf(sheet('goals'), 'Resurslotsen', 'Egen försörjning efter avslut'))).toEqual(
      expect.objectContaining({
        value: '<5',
        numerator: '<5',
        denominator: '13',
        status: 'Uppfyllt',
      }),
    );
    expect(texts(rowOf(sheet('goals'), 'Resurslotsen', 'Minst 80 % nöjda deltagare'))).toEqual(
      expect.objectContaining({ value: '0,8182', numerator: '9', denominator: '11' }),
    );
  });

  it('keeps the exact numbers when not for publication', () => {
    expect(
      texts(rowOf(sheetByKey(exact, 'participants'), 'Hela förbundet', 'Totalt under perioden')),
    ).toEqual(expect.objectContaining({ woman: '14', man: '9', other: '2', total: '25' }));
  });
});
