import { reportSheets } from './report-sheets';
import type { ReportSheet } from './sheet.types';
import { suppressForPublication } from './suppression';
import { c, PSYKEVECKAN, reportFixture, RESURSLOTSEN } from './testing/report-fixture';
import { rowOf, sheetByKey, texts } from './testing/sheet-helpers';

const exact = reportSheets(reportFixture());
const published = suppressForPublication(exact);
const sheet = (key: string) => sheetByKey(published, key);

/** Every count id with its value, and the mark the publication shows for those it hides. */
function countStates(before: readonly ReportSheet[], after: readonly ReportSheet[]) {
  const values = new Map<string, number>();
  const hidden = new Map<string, string>();
  before.forEach((s, i) =>
    s.rows.forEach((row, r) => {
      for (const [key, cell] of Object.entries(row)) {
        if (cell?.kind !== 'count') continue;
        values.set(cell.id, cell.value);
        const out = after[i]!.rows[r]![key as keyof typeof row];
        if (out?.kind === 'suppressed') hidden.set(cell.id, texts({ [key]: out })[key]!);
      }
    }),
  );
  return { values, hidden };
}

/** What a reader knows of a hidden count from its mark. */
const RANGE_OF_MARK: Record<string, [number, number]> = { '<5': [0, 4], '..': [5, Infinity] };

describe('publication of the fixture report', () => {
  const { values, hidden } = countStates(exact, published);

  it('shows no count below 5', () => {
    const shown = [...values].filter(([id, value]) => value < 5 && !hidden.has(id));
    expect(shown).toEqual([]);
    expect(hidden.size).toBeGreaterThan(0);
  });

  it('leaves no relation that gives a hidden count away, given what the marks say', () => {
    const lines = exact
      .flatMap((s) => s.lines)
      .filter(
        (l) =>
          [...l.members, l.total].every((id) => values.has(id)) &&
          l.members.reduce((sum, id) => sum + values.get(id)!, 0) === values.get(l.total),
      );
    expect(lines.length).toBeGreaterThan(100);
    // A reader of a line knows the visible cells, so the hidden members' sum minus the hidden
    // total; the marks bound each hidden cell. One hidden cell is that sum; several are pinned
    // when the sum is the least (or most) the marks allow, e.g. "<5" + ".." = 5 (0 and 5).
    const giveaway = lines.filter((l) => {
      const members = l.members.filter((id) => hidden.has(id) && id !== l.total);
      const cells = hidden.has(l.total) ? [...members, l.total] : members;
      if (cells.length === 0) return false;
      if (cells.length === 1) return true;
      const sign = (id: string) => (id === l.total ? -1 : 1);
      const sum = cells.reduce((s, id) => s + sign(id) * values.get(id)!, 0);
      const bound = (end: 0 | 1) =>
        cells.reduce((s, id) => {
          const range = RANGE_OF_MARK[hidden.get(id)!]!;
          return s + sign(id) * range[sign(id) === 1 ? end : 1 - end]!;
        }, 0);
      return sum === bound(0) || sum === bound(1);
    });
    expect(giveaway).toEqual([]);
  });

  it('hides the smallest other member of a row with a small cell, as ".." since it is not small', () => {
    // 14 women, 9 men, 2 other: 2 is small, and 9 would give it away as 25 − 14 − 9. The 9 is
    // hidden only for that, so it reads "..": "<5" would say something false.
    expect(texts(rowOf(sheet('participants'), 'Hela förbundet', 'Totalt under perioden'))).toEqual(
      expect.objectContaining({ woman: '14', man: '..', other: '<5', total: '25' }),
    );
    expect(texts(rowOf(sheet('participants'), 'Resurslotsen', 'Totalt under perioden'))).toEqual(
      expect.objectContaining({ woman: '14', man: '..', other: '<5', total: '25' }),
    );
  });

  it('shows "<5" only for counts below 5, and ".." for every other hidden number', () => {
    const marks = new Map<string, number[]>();
    exact.forEach((s, i) =>
      s.rows.forEach((row, r) => {
        for (const [key, cell] of Object.entries(row)) {
          const out = published[i]!.rows[r]![key as keyof typeof row];
          if (out?.kind !== 'suppressed') continue;
          const text = texts({ [key]: out })[key]!;
          // A figure (mean, median, share) has no count to be small: it is always "..".
          const value = cell?.kind === 'count' ? cell.value : Number.NaN;
          marks.set(text, [...(marks.get(text) ?? []), value]);
        }
      }),
    );
    expect([...marks.keys()].sort()).toEqual(['..', '<5']);
    expect(marks.get('<5')!.every((value) => value >= 0 && value < 5)).toBe(true);
    expect(marks.get('..')!.every((value) => Number.isNaN(value) || value >= 5)).toBe(true);
    expect(marks.get('..')!.filter((value) => value >= 5).length).toBeGreaterThan(0);
  });

  it('hides means and shares from fewer than 5 people', () => {
    expect(texts(rowOf(sheet('daysInIntervention'), 'Hela förbundet', 'Median (dagar)'))).toEqual(
      expect.objectContaining({ woman: '200,0', man: '175,0', other: '..', total: '190,0' }),
    );
    expect(texts(rowOf(sheet('satisfaction'), 'Hela förbundet', 'Andel nöjda'))).toEqual(
      expect.objectContaining({ woman: '83,33%', man: '..', other: '..', total: '81,82%' }),
    );
  });

  it('hides goal figures with a denominator below 5, and a numerator a table gives away', () => {
    expect(texts(rowOf(sheet('goals'), 'Hela förbundet', '90 % får det stöd de behöver'))).toEqual(
      expect.objectContaining({
        target: '90%',
        value: '..',
        numerator: '<5',
        denominator: '<5',
        status: 'Otillräckligt underlag',
      }),
    );
    // 7 = work 5 + studies 2, and studies is hidden: the numerator (and so the share) goes, and
    // as 7 is no small count it reads "..".
    expect(texts(rowOf(sheet('goals'), 'Resurslotsen', 'Egen försörjning efter avslut'))).toEqual(
      expect.objectContaining({
        value: '..',
        numerator: '..',
        denominator: '13',
        status: 'Uppfyllt',
      }),
    );
    expect(texts(rowOf(sheet('goals'), 'Resurslotsen', 'Minst 80 % nöjda deltagare'))).toEqual(
      expect.objectContaining({ value: '81,82%', numerator: '9', denominator: '11' }),
    );
  });

  it('hides a structural insats’s head-count goal with the head count it equals', () => {
    // Two structural insatser: Psykeveckan 3 (hidden), Föreläsningar 60; the association 63. 60
    // is hidden so that 63 − 60 does not give the 3 away, and so is the goal that counted it.
    const lectures = {
      ...PSYKEVECKAN,
      interventionId: 'I-FORE',
      name: 'Föreläsningar',
      attendance: c(30, 20, 10),
      goals: [{ ...PSYKEVECKAN.goals[0]!, value: 60, numerator: 60 }],
    };
    const small = { ...PSYKEVECKAN, attendance: c(2, 1, 0), goals: [] };
    const report = reportFixture({
      attendance: c(32, 21, 10),
      interventions: [RESURSLOTSEN, small, lectures],
    });
    const out = suppressForPublication(reportSheets(report));
    expect(texts(rowOf(sheetByKey(out, 'attendance'), 'Föreläsningar', 'Besökare')).total).toBe(
      '..',
    );
    expect(texts(rowOf(sheetByKey(out, 'goals'), 'Föreläsningar', 'Minst 50 besökare'))).toEqual(
      expect.objectContaining({ value: '..', numerator: '..', target: '50' }),
    );
  });

  it('keeps the exact numbers when not for publication', () => {
    expect(
      texts(rowOf(sheetByKey(exact, 'participants'), 'Hela förbundet', 'Totalt under perioden')),
    ).toEqual(expect.objectContaining({ woman: '14', man: '9', other: '2', total: '25' }));
  });
});
