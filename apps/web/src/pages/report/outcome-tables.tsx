import type { Report } from '../../api/reports';
import { count, countOf, decimal, DASH, percentOf } from '../../format';
import {
  ASSIGNMENT_AIM_KEYS,
  assignmentAimLabel,
  followUpMarkLabel,
  followUpStatusLabel,
} from '../../labels';
import { Table } from './table';

/** Uppdrag: per aim, the exited who had it and those who reached it. */
export function AssignmentsTable({ report }: { readonly report: Report }) {
  const aims = ASSIGNMENT_AIM_KEYS.filter((aim) => (report.assignments[aim].exited.total ?? 0) > 0);
  if (aims.length === 0) return null;
  return (
    <section aria-labelledby="assignments-heading" className="block">
      <h2 id="assignments-heading">Uppdrag</h2>
      <Table
        id="assignments-table"
        caption={`Avslutade ${report.year} efter uppdrag: hur många som nådde uppdragets mål`}
        columns={[
          { label: 'Uppdrag' },
          { label: 'Avslutade med uppdraget', numeric: true },
          { label: 'Nådde målet', numeric: true },
          { label: 'Andel', numeric: true },
        ]}
      >
        {aims.map((aim) => {
          const { exited, reached } = report.assignments[aim];
          return (
            <tr key={aim} data-aim={aim}>
              <th scope="row">{assignmentAimLabel(aim)}</th>
              <td className="num">{count(exited.total)}</td>
              <td className="num">{count(reached.total)}</td>
              <td className="num">{percentOf(reached.total, exited.total)}</td>
            </tr>
          );
        })}
      </Table>
      <p className="hint">Uppdraget är vad insatsen skulle hjälpa personen att nå.</p>
    </section>
  );
}

const MARKS = ['3', '6', '12'] as const;

/** Uppföljning efter avslut: per month mark, who was due, who was followed up, what they did. */
export function FollowUpTable({ report }: { readonly report: Report }) {
  const marks = MARKS.map((mark) => ({ mark, ...report.followUp[mark] }));
  if (marks.every((m) => m.due.total === 0 && m.followedUp.total === 0)) return null;
  const statuses = [
    ...new Set(
      marks.flatMap((m) =>
        Object.entries(m.status)
          .filter(([, counts]) => (counts?.total ?? 0) > 0)
          .map(([status]) => status),
      ),
    ),
  ];
  const columns = marks.map((m) => ({ label: followUpMarkLabel(Number(m.mark)), numeric: true }));
  return (
    <section aria-labelledby="follow-up-heading" className="block">
      <h2 id="follow-up-heading">Uppföljning efter avslut</h2>
      <Table
        id="follow-up-table"
        caption={`Deltagare som avslutades ${report.year}, följda upp 3, 6 och 12 månader efter avslutet`}
        columns={[{ label: 'Uppgift' }, ...columns]}
      >
        <tr data-row="due">
          <th scope="row">Tidpunkten har passerats</th>
          {marks.map((m) => (
            <td key={m.mark} className="num">
              {count(m.due.total)}
            </td>
          ))}
        </tr>
        <tr data-row="followedUp">
          <th scope="row">Följda upp</th>
          {marks.map((m) => (
            <td key={m.mark} className="num">
              {count(m.followedUp.total)}
            </td>
          ))}
        </tr>
        {statuses.length > 0 ? (
          <tr>
            <th scope="rowgroup" colSpan={marks.length + 1} className="table__group">
              Sysselsättning vid uppföljningen
            </th>
          </tr>
        ) : null}
        {statuses.map((status) => (
          <tr key={status} data-row={status}>
            <th scope="row">{followUpStatusLabel(status)}</th>
            {marks.map((m) => {
              const n = m.status[status as keyof typeof m.status]?.total ?? 0;
              return (
                <td key={m.mark} className="num">
                  {m.followedUp.total === 0 ? DASH : countOf(n, m.followedUp.total)}
                </td>
              );
            })}
          </tr>
        ))}
      </Table>
      <p className="hint">
        En uppföljning som görs året efter avslutet räknas till året då deltagaren avslutades.
      </p>
    </section>
  );
}

/** Väntetid: days from the aktualisering to the enrolment, for the association and per insats. */
export function WaitingTable({ report }: { readonly report: Report }) {
  const rows = [
    { key: 'all', name: report.interventionName ?? 'Hela förbundet', days: report.waitingDays },
    ...report.interventions
      .filter((i) => i.waitingDays.counted > 0)
      .map((i) => ({ key: i.interventionId, name: i.name, days: i.waitingDays })),
  ];
  if (report.waitingDays.counted === 0) return null;
  return (
    <section aria-labelledby="waiting-heading" className="block">
      <h2 id="waiting-heading">Väntetid</h2>
      <Table
        id="waiting-table"
        caption={`Dagar från aktualisering till inskrivning, för deltagare inskrivna ${report.year}`}
        columns={[
          { label: 'Insats' },
          { label: 'Deltagare med aktualiseringsdatum', numeric: true },
          { label: 'Medelvärde (dagar)', numeric: true },
          { label: 'Median (dagar)', numeric: true },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.key} data-waiting={row.key}>
            <th scope="row">{row.name}</th>
            <td className="num">{count(row.days.counted)}</td>
            <td className="num">{decimal(row.days.mean)}</td>
            <td className="num">{decimal(row.days.median)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
