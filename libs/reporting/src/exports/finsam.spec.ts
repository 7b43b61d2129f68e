import { finsamSheet } from './finsam';
import { suppressForPublication } from './suppression';
import { c, PSYKEVECKAN, reportFixture, RESURSLOTSEN } from './testing/report-fixture';
import { texts } from './testing/sheet-helpers';
import { year2026 } from '../report/testing/year-2026';

describe('finsamSheet', () => {
  it('has one row per intervention: kind and participants, or head counts when structural', () => {
    const sheet = finsamSheet(reportFixture());
    expect(sheet.name).toBe('Uppföljning Finsam');
    expect(sheet.columns.map((col) => col.header)).toEqual([
      'Insats',
      'Typ',
      'Kvinnor',
      'Män',
      'Annat',
      'Totalt',
    ]);
    expect(sheet.rows.map(texts)).toEqual([
      {
        insats: 'Resurslotsen',
        kind: 'Individinriktad',
        woman: '14',
        man: '9',
        other: '2',
        total: '25',
      },
      {
        insats: 'Psykeveckan',
        kind: 'Strukturinriktad',
        woman: '40',
        man: '25',
        other: '3',
        total: '68',
      },
    ]);
  });

  it('is suppressed like any sheet: "<5" for small counts, ".." for those hidden with them', () => {
    const report = reportFixture({
      interventions: [
        { ...RESURSLOTSEN, participants: { ...RESURSLOTSEN.participants, total: c(12, 7, 0) } },
        { ...PSYKEVECKAN, attendance: c(30, 20, 10) },
      ],
    });
    const [sheet] = suppressForPublication([finsamSheet(report)]);
    expect(sheet!.rows.map(texts)).toEqual([
      // 7 men are hidden so that 19 − 12 − 7 does not give the 0 away: "..", not "<5".
      expect.objectContaining({ woman: '12', man: '..', other: '<5', total: '19' }),
      expect.objectContaining({ woman: '30', man: '20', other: '10', total: '60' }),
    ]);
  });

  it('is empty for a report with no interventions', () => {
    expect(finsamSheet(reportFixture({ interventions: [] })).rows).toEqual([]);
  });

  it('gives the intervention’s own row for a report on one intervention', () => {
    const { log, b, c: psykeveckan } = year2026();
    const one = finsamSheet(log.report(2026, { interventionId: b.interventionId }));
    expect(one.rows.map(texts)).toEqual([
      expect.objectContaining({
        insats: 'Navet',
        kind: 'Individinriktad',
        woman: '3',
        total: '6',
      }),
    ]);
    const structural = log.report(2026, { interventionId: psykeveckan.interventionId });
    expect(finsamSheet(structural).rows.map(texts)).toEqual([
      expect.objectContaining({ insats: 'Psykeveckan', kind: 'Strukturinriktad', total: '43' }),
    ]);
  });
});
