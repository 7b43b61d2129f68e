import type { Report } from '../../api/reports';
import { count, countOf, date, percentOf } from '../../format';

type Figure = {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly note: string;
};

/** A year not yet over: the report counts through today (countedThrough) instead of its end. */
export const isRunning = (report: Report): boolean =>
  report.countedThrough !== null && report.countedThrough !== report.period.to;

function figuresOf(report: Report): Figure[] {
  const p = report.participants;
  const { answered, satisfied } = report.satisfaction;
  const figures: Figure[] = [
    {
      key: 'total',
      label: 'Deltagare totalt',
      value: count(p.total.total),
      note: 'aktiva någon gång under året',
    },
    {
      key: 'enrolled',
      label: 'Nya deltagare',
      value: count(p.enrolled.total),
      note: 'inskrivna under året',
    },
    { key: 'exited', label: 'Avslutade', value: count(p.exited.total), note: 'avslut under året' },
    {
      key: 'activeAtEnd',
      // A year still running is counted through today: those active now, not at its end.
      label: isRunning(report)
        ? `Aktiva den ${date(report.countedThrough)}`
        : 'Aktiva vid årets slut',
      value: count(p.activeAtEnd.total),
      note: `${count(p.activeAtStart.total)} aktiva vid årets början`,
    },
    {
      key: 'womenShare',
      label: 'Andel kvinnor',
      value: percentOf(p.total.woman, p.total.total),
      note: `${count(p.total.woman)} kvinnor, ${count(p.total.man)} män`,
    },
    {
      key: 'satisfied',
      label: 'Nöjda deltagare',
      value: percentOf(satisfied.total, answered.total),
      note:
        answered.total === 0
          ? 'inga svar från avslutade'
          : `${countOf(satisfied.total, answered.total)} avslutade som svarat`,
    },
  ];
  const { assessed, positive } = report.progression;
  if (assessed.total > 0) {
    figures.push({
      key: 'progress',
      label: 'Positiv förflyttning',
      value: percentOf(positive.total, assessed.total),
      note: `${countOf(positive.total, assessed.total)} med självskattning vid start och avslut`,
    });
  }
  const days = report.daysInIntervention;
  if (days.median !== null) {
    figures.push({
      key: 'days',
      label: 'Tid i insatsen',
      value: `${count(days.median)} dagar`,
      note: `median bland avslutade; medel ${count(days.mean)} dagar`,
    });
  }
  if (report.attendance.total > 0) {
    figures.push({
      key: 'attendance',
      label: 'Besökare',
      value: count(report.attendance.total),
      note: 'i strukturinriktade insatser (besök, inte unika personer)',
    });
  }
  return figures;
}

/** The key figures ("Nyckeltal"); figures without a basis are left out. */
export function KeyFigures({ report }: { readonly report: Report }) {
  return (
    <section aria-labelledby="figures-heading" className="block">
      <h2 id="figures-heading">Nyckeltal</h2>
      <dl className="figures">
        {figuresOf(report).map((figure) => (
          <div key={figure.key} className="figure" data-figure={figure.key}>
            <dt>{figure.label}</dt>
            <dd className="figure__value">{figure.value}</dd>
            <dd className="figure__note">{figure.note}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
