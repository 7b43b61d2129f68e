import type { Report } from '../../api/reports';
import { count } from '../../format';
import {
  AGE_GROUP_KEYS,
  ageGroupLabel,
  OUTCOME_KEYS,
  outcomeLabel,
  REFERRING_PARTY_KEYS,
  referringPartyLabel,
} from '../../labels';
import { GenderBarChart, type ChartRow } from './chart';

/** "Arbete 3, Studier 1": the rows that have someone, for a chart's description. */
const inWords = (rows: readonly ChartRow[]) =>
  rows
    .filter((row) => (row.counts?.total ?? 0) > 0)
    .map((row) => `${row.label} ${count(row.counts?.total ?? 0)}`)
    .join(', ');

/** The report's charts ("Diagram"), each with its description and its figures as a table. */
export function Charts({ report }: { readonly report: Report }) {
  const outcomes = OUTCOME_KEYS.map((key) => ({
    label: outcomeLabel(key),
    counts: report.outcomes[key],
  }));
  const exited = report.participants.exited.total;
  const total = report.participants.total.total;
  // "Under 16" only when someone is in it.
  const ages = AGE_GROUP_KEYS.filter(
    (key) => key !== 'under-16' || (report.ageGroups[key]?.total ?? 0) > 0,
  ).map((key) => ({ label: ageGroupLabel(key), counts: report.ageGroups[key] }));
  const referrers = REFERRING_PARTY_KEYS.map((key) => ({
    label: referringPartyLabel(key),
    counts: report.referringParty[key],
  }));
  const individual = report.interventions.filter(
    (intervention) => intervention.kind === 'individual',
  );
  return (
    <section aria-labelledby="charts-heading" className="block">
      <h2 id="charts-heading">Diagram</h2>
      <div className="charts">
        <GenderBarChart
          id="chart-outcomes"
          title="Avslutsorsaker efter kön"
          categoryHeading="Avslutsorsak"
          description={
            exited === 0
              ? 'Inga avslut under året.'
              : `Avslutsorsaker för ${count(exited)} avslutade deltagare: ${inWords(outcomes)}.`
          }
          rows={outcomes}
        />
        <GenderBarChart
          id="chart-referrers"
          title="Aktualiserande part efter kön"
          categoryHeading="Aktualiserande part"
          description={
            total === 0
              ? 'Inga deltagare under året.'
              : `Vem som aktualiserade årets ${count(total)} deltagare: ${inWords(referrers)}.`
          }
          rows={referrers}
        />
        <GenderBarChart
          id="chart-ages"
          title="Ålder vid inskrivning"
          categoryHeading="Åldersgrupp"
          description={
            total === 0
              ? 'Inga inskrivna deltagare.'
              : `Deltagarnas ålder vid inskrivning, antal per åldersgrupp: ${inWords(ages)}.`
          }
          rows={ages}
        />
        {individual.length > 0 ? (
          <GenderBarChart
            id="chart-interventions"
            wide
            title="Deltagare per insats efter kön"
            categoryHeading="Insats"
            description={`Deltagare per insats: ${individual
              .map((i) => `${i.name} ${count(i.participants.total.total)}`)
              .join(', ')}.`}
            rows={individual.map((i) => ({ label: i.name, counts: i.participants.total }))}
          />
        ) : null}
      </div>
    </section>
  );
}
