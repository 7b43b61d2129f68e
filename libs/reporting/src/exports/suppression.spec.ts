import { cellText } from './format';
import { count, figure, text, type ReportSheet, type SumLine } from './sheet.types';
import { cellsToSuppress, suppressForPublication } from './suppression';

/** Values by cell name, e.g. { 'A.w': 3 }. */
function values(cells: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(cells));
}

/** The line woman + man (+ other) = total of row `r`. */
function rowLine(r: string, columns: readonly string[] = ['w', 'm']): SumLine {
  return { members: columns.map((c) => `${r}.${c}`), total: `${r}.t` };
}

function hidden(cells: Record<string, number>, lines: readonly SumLine[]): string[] {
  return [...cellsToSuppress(values(cells), lines)].sort();
}

describe('cellsToSuppress', () => {
  it('hides a single small cell of a row and the smallest other member of its row', () => {
    // w 3 | m 10 | o 6 | t 19: w alone would be 19 − 10 − 6, so o (the smaller) goes too.
    expect(
      hidden({ 'A.w': 3, 'A.m': 10, 'A.o': 6, 'A.t': 19 }, [rowLine('A', ['w', 'm', 'o'])]),
    ).toEqual(['A.o', 'A.w']);
  });

  it('hides across rows when a column total would reveal a small cell', () => {
    //        w    m    t
    // A      3    7   10
    // B      8    9   17
    // P     11   16   27   (A and B partition the population P)
    // Row A hides m (7); column w then has one hidden cell, so B.w goes; column m likewise
    // takes B.m. Row B then has two hidden cells, and every line has none or two.
    const cells = {
      'A.w': 3,
      'A.m': 7,
      'A.t': 10,
      'B.w': 8,
      'B.m': 9,
      'B.t': 17,
      'P.w': 11,
      'P.m': 16,
      'P.t': 27,
    };
    const columns = ['w', 'm', 't'].map((c) => ({
      members: [`A.${c}`, `B.${c}`],
      total: `P.${c}`,
    }));
    expect(hidden(cells, [rowLine('A'), rowLine('B'), rowLine('P'), ...columns])).toEqual([
      'A.m',
      'A.w',
      'B.m',
      'B.w',
    ]);
    // With the row lines only, B.w would stay visible and give A.w away as P.w − B.w.
    expect(hidden(cells, [rowLine('A'), rowLine('B'), rowLine('P')])).toEqual(['A.m', 'A.w']);
  });

  it('treats the association row as the sum of its two interventions', () => {
    //              w    m    t
    // association  9   12   21
    // X            3    6    9
    // Y            6    6   12
    // X.w is small; X.m follows from row X; Y.w from association.w = X.w + Y.w; Y.m from
    // association.m. The association's row stays whole.
    const cells = {
      'F.w': 9,
      'F.m': 12,
      'F.t': 21,
      'X.w': 3,
      'X.m': 6,
      'X.t': 9,
      'Y.w': 6,
      'Y.m': 6,
      'Y.t': 12,
    };
    const across = ['w', 'm', 't'].map((c) => ({ members: [`X.${c}`, `Y.${c}`], total: `F.${c}` }));
    expect(hidden(cells, [rowLine('F'), rowLine('X'), rowLine('Y'), ...across])).toEqual([
      'X.m',
      'X.w',
      'Y.m',
      'Y.w',
    ]);
  });

  it('repeats until no line has a single hidden cell (a fixpoint after two rounds)', () => {
    // Line 2 is looked at first and has nothing hidden; line 1 then hides b, which leaves
    // line 2 with one hidden cell: the second round hides c.
    const line1: SumLine = { members: ['a', 'b'], total: 't1' };
    const line2: SumLine = { members: ['b', 'c'], total: 't2' };
    expect(hidden({ a: 2, b: 6, t1: 8, c: 7, t2: 13 }, [line2, line1])).toEqual(['a', 'b', 'c']);
  });

  it('hides one more cell when the marks would pin the hidden ones down', () => {
    // w 0 | m 5 | o 6 | t 11. Hiding w and m (the smallest other member) is not enough: m reads
    // ".." (5 or more) and w "<5" (0–4), and m + w = 11 − 6 = 5 leaves only m 5, w 0. So o goes
    // too: m + o + w = 11 with m, o ≥ 5 leaves w anything from 0 to 1 and m from 5 to 6.
    expect(
      hidden({ 'A.w': 0, 'A.m': 5, 'A.o': 6, 'A.t': 11 }, [rowLine('A', ['w', 'm', 'o'])]),
    ).toEqual(['A.m', 'A.o', 'A.w']);
    // w 7 | m 0 | o 0 | t 7: two hidden zeros that add up to 7 − 7 = 0 are both 0.
    expect(
      hidden({ 'A.w': 7, 'A.m': 0, 'A.o': 0, 'A.t': 7 }, [rowLine('A', ['w', 'm', 'o'])]),
    ).toEqual(['A.m', 'A.o', 'A.w']);
    // w 4 | m 4 | o 10 | t 18: two "<5" that add up to 8 are both 4.
    expect(
      hidden({ 'A.w': 4, 'A.m': 4, 'A.o': 10, 'A.t': 18 }, [rowLine('A', ['w', 'm', 'o'])]),
    ).toEqual(['A.m', 'A.o', 'A.w']);
    // w 2 | m 6 | o 9 | t 17: m + w = 8 leaves w 0–3: hiding the smallest other member suffices.
    expect(
      hidden({ 'A.w': 2, 'A.m': 6, 'A.o': 9, 'A.t': 17 }, [rowLine('A', ['w', 'm', 'o'])]),
    ).toEqual(['A.m', 'A.w']);
  });

  it('hides the total when every member is hidden and the marks still pin them', () => {
    // w 0 | m 5 | o 5 | t 10: with all members hidden, 10 = w + m + o and m, o ≥ 5 still say
    // m = o = 5, w = 0; only hiding the total leaves them open.
    expect(
      hidden({ 'A.w': 0, 'A.m': 5, 'A.o': 5, 'A.t': 10 }, [rowLine('A', ['w', 'm', 'o'])]),
    ).toEqual(['A.m', 'A.o', 'A.t', 'A.w']);
  });

  it('hides nothing when no count is below 5', () => {
    expect(
      hidden({ 'A.w': 5, 'A.m': 6, 'A.o': 7, 'A.t': 18 }, [rowLine('A', ['w', 'm', 'o'])]),
    ).toEqual([]);
  });

  it('hides the total when the line prefers it', () => {
    const line: SumLine = { members: ['x', 'y'], total: 't', prefer: 'total' };
    expect(hidden({ x: 2, y: 6, t: 8 }, [line])).toEqual(['t', 'x']);
  });

  it('takes the total when no member is left visible (an equality between two tables)', () => {
    // a + x = s hides x (6); x = t (the same number shown elsewhere) then has to hide t.
    expect(
      hidden({ a: 2, x: 6, s: 8, t: 6 }, [
        { members: ['a', 'x'], total: 's' },
        { members: ['x'], total: 't' },
      ]),
    ).toEqual(['a', 't', 'x']);
  });

  it('ignores lines that do not add up or name unknown cells', () => {
    expect(
      hidden({ 'A.w': 3, 'A.m': 10, 'A.t': 25 }, [
        rowLine('A'),
        { members: ['A.w', 'elsewhere'], total: 'A.m' },
      ]),
    ).toEqual(['A.w']);
  });
});

function sheet(rows: ReportSheet['rows'], lines: ReportSheet['lines'] = []): ReportSheet {
  return {
    key: 'test',
    name: 'Test',
    columns: [
      { key: 'row', header: 'Rad' },
      { key: 'woman', header: 'Kvinnor' },
      { key: 'man', header: 'Män' },
      { key: 'total', header: 'Totalt' },
    ],
    rows,
    lines,
  };
}

describe('suppressForPublication', () => {
  const line: SumLine = { members: ['n.w', 'n.m'], total: 'n.t' };

  it('leaves sheets without counts below 5 unchanged', () => {
    const input = sheet(
      [
        {
          row: text('Svarat'),
          woman: count('n.w', 5),
          man: count('n.m', 6),
          total: count('n.t', 11),
        },
        {
          row: text('Andel'),
          woman: figure('share', 0.8, { base: 5, dependsOn: ['n.w'] }),
          total: figure('days', 12.5, { base: 11 }),
        },
      ],
      [line],
    );
    expect(suppressForPublication([input])).toEqual([input]);
  });

  it('shows hidden counts below 5 as "<5", the others hidden with them as "..", and keeps the rest', () => {
    const [out] = suppressForPublication([
      sheet(
        [
          {
            row: text('Svarat'),
            woman: count('n.w', 4),
            man: count('n.m', 9),
            total: count('n.t', 13),
          },
        ],
        [line],
      ),
    ]);
    expect(out!.rows.map((r) => [r.row, r.woman, r.man, r.total].map(cellText))).toEqual([
      // 9 is hidden only so that 13 − 9 does not give the 4 away: "<5" would be false.
      ['Svarat', '<5', '..', '13'],
    ]);
  });

  it('hides means and shares from fewer than 5 people or from a hidden count as ".."', () => {
    const [out] = suppressForPublication([
      sheet(
        [
          {
            row: text('Svarat'),
            woman: count('n.w', 6),
            man: count('n.m', 9),
            total: count('n.t', 15),
          },
          {
            row: text('Nöjda'),
            woman: count('s.w', 3),
            man: count('s.m', 8),
            total: count('s.t', 11),
          },
          {
            row: text('Andel'),
            // 3 of 6: 6 people, but it would give away the hidden 3.
            woman: figure('share', 0.5, { base: 6, dependsOn: ['s.w', 'n.w'] }),
            man: figure('share', 0.8889, { base: 9, dependsOn: ['s.m', 'n.m'] }),
          },
          {
            row: text('Medelvärde'),
            woman: figure('days', 120.5, { base: 4 }),
            man: figure('days', 98, { base: 9 }),
            total: figure('days', null, { base: 0 }),
          },
        ],
        [line, { members: ['s.w', 's.m'], total: 's.t' }],
      ),
    ]);
    expect(out!.rows.map((r) => [r.woman, r.man, r.total].map(cellText))).toEqual([
      ['6', '9', '15'],
      ['<5', '..', '11'],
      // A share or mean is no count: even from 3 people it is "..", never "<5".
      ['..', '..', ''],
      ['..', '98,0', '..'],
    ]);
  });

  it('refuses one id with two values', () => {
    expect(() =>
      suppressForPublication([
        sheet([{ woman: count('x', 4) }]),
        sheet([{ woman: count('x', 5) }]),
      ]),
    ).toThrow(/two values/);
  });

  it('adds to "Om rapporten" a note on publication and what "<5" and ".." mean', () => {
    const about: ReportSheet = {
      key: 'about',
      name: 'Om rapporten',
      columns: [
        { key: 'row', header: 'Uppgift' },
        { key: 'text', header: 'Värde' },
      ],
      rows: [{ row: text('Period'), text: text('2024-01-01 – 2024-12-31') }],
      lines: [],
    };
    const [out] = suppressForPublication([about]);
    expect(out!.rows.slice(1).map((r) => [cellText(r.row), cellText(r.text)])).toEqual([
      ['Publicering', expect.stringContaining('<5 eller ..')],
      ['<5', 'Antalet är mindre än 5 (0–4).'],
      ['..', expect.stringMatching(/^Uppgiften visas inte: ett antal på 5 eller fler som döljs/)],
    ]);
    expect(about.rows).toHaveLength(1);
  });
});
