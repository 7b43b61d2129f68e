import type { Report } from '../../api/reports';
import { count, countOf, DASH, date, percentOf } from '../../format';
import { Change, direction, previousYear, SHARE_STEPS, WHOLE_STEPS } from './comparison';

type Figure = {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly note: string;
  /** The same figure a year earlier, as shown, and which way it moved; none when not kept. */
  readonly before?: { readonly value: string; readonly direction: ReturnType<typeof direction> };
};

/** A year not yet over: the report counts through today (countedThrough) instead of its end. */
export const isRunning = (report: Report): boolean =>
  report.countedThrough !== null && report.countedThrough !== report.period.to;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** A count this year against the year before. */
const counted = (now: number, then: number) => ({
  value: count(then),
  direction: direction(now, then, WHOLE_STEPS),
});

/** A share this year against the year before, both as "part of whole". */
const shared = (now: [number, number], then: [number, number]) => ({
  value: percentOf(...then),
  direction: direction(share(...now), share(...then), SHARE_STEPS),
});

const days = (now: number | null, then: number | null) => ({
  value: then === null ? DASH : `${count(then)} dagar`,
  direction: direction(now, then, WHOLE_STEPS),
});

function figuresOf(report: Report): Figure[] {
  const p = report.participants;
  const was = report.previous;
  const q = was.participants;
  const { answered, satisfied } = report.satisfaction;
  const figures: Figure[] = [
    {
      key: 'total',
      label: 'Deltagare totalt',
      value: count(p.total.total),
      note: 'aktiva någon gång under året',
      before: counted(p.total.total, q.total.total),
    },
    {
      key: 'enrolled',
      label: 'Nya deltagare',
      value: count(p.enrolled.total),
      note: 'inskrivna under året',
      before: counted(p.enrolled.total, q.enrolled.total),
    },
    {
      key: 'exited',
      label: 'Avslutade',
      value: count(p.exited.total),
      note: 'avslut under året',
      before: counted(p.exited.total, q.exited.total),
    },
    {
      key: 'activeAtEnd',
      // A year still running is counted through today: those active now, not at its end.
      label: isRunning(report)
        ? `Aktiva den ${date(report.countedThrough)}`
        : 'Aktiva vid årets slut',
      value: count(p.activeAtEnd.total),
      note: `${count(p.activeAtStart.total)} aktiva vid årets början`,
      before: counted(p.activeAtEnd.total, q.activeAtEnd.total),
    },
    {
      key: 'womenShare',
      label: 'Andel kvinnor',
      value: percentOf(p.total.woman, p.total.total),
      note: `${count(p.total.woman)} kvinnor, ${count(p.total.man)} män`,
      before: shared([p.total.woman, p.total.total], [q.total.woman, q.total.total]),
    },
    {
      key: 'satisfied',
      label: 'Nöjda deltagare',
      value: percentOf(satisfied.total, answered.total),
      note:
        answered.total === 0
          ? 'inga svar från avslutade'
          : `${countOf(satisfied.total, answered.total)} avslutade som svarat`,
      before: shared(
        [satisfied.total, answered.total],
        [was.satisfaction.satisfied.total, was.satisfaction.answered.total],
      ),
    },
  ];
  const { assessed, positive } = report.progression;
  if (assessed.total > 0) {
    figures.push({
      key: 'progress',
      label: 'Positiv förflyttning',
      value: percentOf(positive.total, assessed.total),
      note: `${countOf(positive.total, assessed.total)} med självskattning vid start och avslut`,
      before: shared(
        [positive.total, assessed.total],
        [was.progression.positive.total, was.progression.assessed.total],
      ),
    });
  }
  const inIntervention = report.daysInIntervention;
  if (inIntervention.median !== null) {
    figures.push({
      key: 'days',
      label: 'Tid i insatsen',
      value: `${count(inIntervention.median)} dagar`,
      note: `median bland avslutade; medel ${count(inIntervention.mean)} dagar`,
      before: days(inIntervention.median, was.daysInIntervention.median),
    });
  }
  const waiting = report.waitingDays;
  if (waiting.median !== null) {
    figures.push({
      key: 'waiting',
      label: 'Väntetid',
      value: `${count(waiting.median)} dagar`,
      note: `median från aktualisering till inskrivning; medel ${count(waiting.mean)} dagar`,
      before: days(waiting.median, was.waitingDays.median),
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

/** The key figures ("Nyckeltal") beside the year before; figures without a basis are left out. */
export function KeyFigures({ report }: { readonly report: Report }) {
  const year = previousYear(report.previous);
  // Before a förbund began to use Stegvis there is nothing to compare with, not a rise from 0.
  const compared = report.previous.participants.total.total > 0;
  return (
    <section aria-labelledby="figures-heading" className="block">
      <h2 id="figures-heading">Nyckeltal</h2>
      {compared ? null : (
        <p className="hint">
          Inga deltagare är registrerade för samma period {year}, så det finns inget att jämföra
          med.
        </p>
      )}
      <dl className="figures">
        {figuresOf(report).map((figure) => (
          <div key={figure.key} className="figure" data-figure={figure.key}>
            <dt>{figure.label}</dt>
            <dd className="figure__value">{figure.value}</dd>
            <dd className="figure__note">{figure.note}</dd>
            {compared && figure.before ? (
              <dd className="figure__before">
                {year}: {figure.before.value} <Change direction={figure.before.direction} />
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
