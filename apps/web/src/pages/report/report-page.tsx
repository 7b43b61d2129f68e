import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { fetchReport, type Report, type ReportSelection } from '../../api/reports';
import { ApiErrorView } from '../../frame/api-error-view';
import { Page } from '../../frame/page';
import { clock, date } from '../../format';
import { itemLabels, type ItemLabel } from '../../labels';
import { useMe } from '../../session/session-context';
import { useLoad } from '../../use-load';
import { Charts } from './charts';
import { Downloads } from './downloads';
import { isRunning, KeyFigures } from './figures';
import { Goals } from './goals';
import { AssignmentsTable, FollowUpTable, WaitingTable } from './outcome-tables';
import { OngoingProgressionTable, ProgressionTable } from './progression-tables';
import { CompletenessTable, EmploymentTable, InterventionsTable } from './report-tables';

type Shown = {
  readonly report: Report;
  /** The year's insatser, for the selection (from the association's report). */
  readonly interventions: readonly { readonly id: string; readonly name: string }[];
  /** The areas' names, from the insatser's instruments (a förbund's own ones included). */
  readonly itemLabel: ItemLabel;
  readonly fetchedAt: Date;
  /** The address named an insats that is not among the year's: the whole association is shown. */
  readonly unknownInsats: boolean;
};

const thisYear = () => new Date().getFullYear();

/** The year in the address (?ar=2025), or this year. */
function yearOf(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear();
}

async function load(selection: ReportSelection, signal: AbortSignal): Promise<Shown> {
  const whole = await fetchReport({ ...selection, interventionId: '' }, signal);
  // An insats from an old link or another year: the whole association rather than an error.
  const known = whole.interventions.some((i) => i.interventionId === selection.interventionId);
  const report = known ? await fetchReport(selection, signal) : whole;
  return {
    report,
    interventions: whole.interventions.map((i) => ({ id: i.interventionId, name: i.name })),
    // The report names the instruments of its insatser, a förbund's own ones included.
    itemLabel: itemLabels(report.instruments),
    fetchedAt: new Date(),
    unknownInsats: selection.interventionId !== '' && !known,
  };
}

/** Structural insatser have visitors but no participants; a year with only those is not empty. */
const isEmpty = (report: Report) =>
  report.participants.total.total === 0 && report.attendance.total === 0;

/** /rapport (DESIGN §8): the goal list first, then key figures, the insatser and charts. */
export default function ReportPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = yearOf(params.get('ar'));
  const interventionId = params.get('insats') ?? '';
  const asked: ReportSelection = { associationId: me.associationId ?? '', year, interventionId };
  const { state, reload } = useLoad(`${year}/${interventionId}`, (signal) => load(asked, signal));
  const yearId = useId();
  const insatsId = useId();

  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  const shown = state.status === 'ready' ? state.data : state.previous;
  const selection = shown?.unknownInsats ? { ...asked, interventionId: '' } : asked;
  const report = shown?.report;
  const subject = report ? (report.interventionName ?? report.associationName) : undefined;

  const choose = (next: { ar?: number; insats?: string }) => {
    const wanted = new URLSearchParams();
    wanted.set('ar', String(next.ar ?? year));
    const insats = next.insats ?? interventionId;
    if (insats !== '') wanted.set('insats', insats);
    setParams(wanted, { replace: true });
  };
  const years = Array.from({ length: 10 }, (_, i) => thisYear() - i);
  if (!years.includes(year)) years.push(year);

  return (
    <Page
      title="Rapport"
      heading={subject ? `${subject}: uppföljning ${year}` : `Uppföljning ${year}`}
    >
      {report && shown ? (
        <p className="report-meta">
          {report.interventionName ? `${report.associationName} · ` : ''}
          Period {date(report.period.from)} – {date(report.period.to)}
          {isRunning(report)
            ? ` (året pågår, uppgifter t.o.m. ${date(report.countedThrough)})`
            : ''}{' '}
          · Uppdaterad {clock(shown.fetchedAt)}
        </p>
      ) : null}
      <div className="toolbar" role="group" aria-label="Välj rapport">
        <div className="field">
          <label htmlFor={yearId}>År</label>
          <select
            id={yearId}
            value={year}
            // Another year may have other insatser: start from the whole association.
            onChange={(event) => choose({ ar: Number(event.target.value), insats: '' })}
          >
            {years
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={insatsId}>Insats</label>
          <select
            id={insatsId}
            value={selection.interventionId}
            disabled={!shown || shown.interventions.length === 0}
            onChange={(event) => choose({ insats: event.target.value })}
          >
            <option value="">Alla insatser</option>
            {shown?.interventions.map((intervention) => (
              <option key={intervention.id} value={intervention.id}>
                {intervention.name}
              </option>
            ))}
          </select>
        </div>
        <Downloads selection={selection} />
      </div>
      {shown?.unknownInsats ? (
        <p className="notice notice--info">
          Insatsen i länken finns inte bland förbundets insatser {shown.report.year}. Här visas hela
          förbundet.
        </p>
      ) : null}
      <p className="status" role="status">
        {state.status === 'loading' ? 'Hämtar rapporten …' : `Rapporten för ${year} är hämtad.`}
      </p>
      {report?.countedThrough === null ? (
        <p className="notice notice--info">
          År {report.year} har inte börjat ännu. Uppföljningen visas när året har börjat.
        </p>
      ) : report && shown ? (
        <div className="report" aria-busy={state.status === 'loading' || undefined}>
          <Goals report={report} itemLabel={shown.itemLabel} />
          {isEmpty(report) ? (
            <p className="notice notice--info">Inga deltagare registrerade för perioden.</p>
          ) : (
            <>
              <KeyFigures report={report} />
              <InterventionsTable report={report} />
              <Charts report={report} />
              <ProgressionTable report={report} itemLabel={shown.itemLabel} />
              <OngoingProgressionTable report={report} itemLabel={shown.itemLabel} />
              <AssignmentsTable report={report} />
              <FollowUpTable report={report} />
              <WaitingTable report={report} />
              <EmploymentTable report={report} />
              <CompletenessTable report={report} />
            </>
          )}
        </div>
      ) : null}
    </Page>
  );
}
