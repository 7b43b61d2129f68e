import type { Report } from '../../api/reports';
import { count, countOf, DASH, percent, percentOf } from '../../format';
import {
  completenessLabel,
  EMPLOYMENT_STATUS_KEYS,
  employmentStatusLabel,
  interventionKindLabel,
} from '../../labels';
import { CountCells, GENDER_COLUMNS, Table } from './table';

/** The insatser side by side ("Insatserna"), the whole association as the footer. */
export function InterventionsTable({ report }: { readonly report: Report }) {
  if (report.interventions.length === 0) return null;
  const structural = report.interventions.some((i) => i.kind === 'structural');
  const p = report.participants;
  const s = report.satisfaction;
  return (
    <section aria-labelledby="interventions-heading" className="block">
      <h2 id="interventions-heading">Insatserna</h2>
      <Table
        id="interventions-table"
        caption={`Deltagare per insats och kön ${report.year}`}
        columns={[
          { label: 'Insats' },
          { label: 'Typ' },
          ...GENDER_COLUMNS,
          { label: 'Avslutade', numeric: true },
          { label: 'Nöjda', numeric: true },
          { label: 'Uppfyllda mål', numeric: true },
        ]}
        footer={
          <tr>
            <th scope="row">Hela förbundet</th>
            <td>Alla insatser</td>
            <CountCells counts={p.total} />
            <td className="num">{count(p.exited.total)}</td>
            <td className="num">
              {s.answered.total === 0 ? DASH : countOf(s.satisfied.total, s.answered.total)}
            </td>
            <td className="num">{DASH}</td>
          </tr>
        }
      >
        {report.interventions.map((intervention) => {
          // Structural insatser have no enrolled participants: their visitor counts stand in.
          const isStructural = intervention.kind === 'structural';
          const met = intervention.goals.filter((goal) => goal.status === 'met').length;
          const few = intervention.goals.filter((g) => g.status === 'insufficient_data').length;
          const answered = intervention.satisfaction.answered.total;
          return (
            <tr key={intervention.interventionId} data-intervention={intervention.interventionId}>
              <th scope="row">{intervention.name}</th>
              <td>
                {interventionKindLabel(intervention.kind)}
                {isStructural ? <span aria-hidden="true"> *</span> : null}
              </td>
              <CountCells
                counts={isStructural ? intervention.attendance : intervention.participants.total}
              />
              <td className="num">
                {isStructural ? DASH : count(intervention.participants.exited.total)}
              </td>
              <td className="num">
                {isStructural || answered === 0
                  ? DASH
                  : countOf(intervention.satisfaction.satisfied.total, answered)}
              </td>
              <td className="num">
                {intervention.goals.length === 0 ? DASH : countOf(met, intervention.goals.length)}
                {few > 0 ? (
                  <span className="cell-note">{count(few)} för litet underlag</span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </Table>
      {structural ? (
        <p className="hint">
          * Strukturinriktade insatser har inga inskrivna deltagare; för dem visas antal besökare.
        </p>
      ) : null}
    </section>
  );
}

/** SUS: employment before (income source at enrolment) and after (the exit outcome). */
export function EmploymentTable({ report }: { readonly report: Report }) {
  const exited = report.participants.exited.total;
  if (exited === 0) return null;
  const { before, after } = report.employmentStatus;
  return (
    <section aria-labelledby="employment-heading" className="block">
      <h2 id="employment-heading">Sysselsättning före och efter</h2>
      <Table
        id="employment-table"
        caption={`Sysselsättning före och efter för de ${count(exited)} deltagare som avslutats ${report.year}`}
        columns={[
          { label: 'Sysselsättning' },
          { label: 'Före, antal', numeric: true },
          { label: 'Före, andel', numeric: true },
          { label: 'Efter, antal', numeric: true },
          { label: 'Efter, andel', numeric: true },
        ]}
      >
        {EMPLOYMENT_STATUS_KEYS.map((key) => {
          const was = before[key]?.total ?? 0;
          const is = after[key]?.total ?? 0;
          return (
            <tr key={key} data-status={key}>
              <th scope="row">{employmentStatusLabel(key)}</th>
              <td className="num">{count(was)}</td>
              <td className="num">{percentOf(was, exited)}</td>
              <td className="num">{count(is)}</td>
              <td className="num">{percentOf(is, exited)}</td>
            </tr>
          );
        })}
      </Table>
      <p className="hint">
        Före: försörjning vid inskrivningen. Efter: avslutsorsaken. Grupperat som i SUS.
      </p>
    </section>
  );
}

/** How complete the records of the exited are. */
export function CompletenessTable({ report }: { readonly report: Report }) {
  const c = report.completeness;
  const rows = [
    ['startAndExitAssessment', c.startAndExitAssessment],
    ['satisfactionAnswer', c.satisfactionAnswer],
    ['ladderSteps', c.ladderSteps],
    ['incomeSourceAtExitKnown', c.incomeSourceAtExitKnown],
  ] as const;
  return (
    <section aria-labelledby="completeness-heading" className="block">
      <h2 id="completeness-heading">Underlagets fullständighet</h2>
      <Table
        id="completeness-table"
        caption={`Hur komplett underlaget är för de ${count(c.exited)} deltagare som avslutats ${report.year}`}
        columns={[
          { label: 'Uppgift' },
          { label: 'Antal', numeric: true },
          { label: 'Andel av avslutade', numeric: true },
        ]}
      >
        {rows.map(([key, entry]) => (
          <tr key={key}>
            <th scope="row">{completenessLabel(key)}</th>
            <td className="num">{count(entry.count)}</td>
            <td className="num">{percent(entry.share)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
