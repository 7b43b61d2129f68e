// The report's charts ("Diagram"). Each description sums up the chart in words for those who
// cannot see it; charts.js adds the figures as a table.

import { genderBarChart } from './charts.js';
import * as format from './format.js';
import { view } from './view.js';

export function renderCharts(report) {
  view.charts.replaceChildren();
  const outcomes = Object.entries(format.OUTCOMES).map(([key, label]) => ({
    label,
    shortLabel: format.OUTCOME_SHORT[key],
    counts: report.outcomes[key] ?? { woman: 0, man: 0, other: 0, total: 0 },
  }));
  const exited = report.participants.exited.total;
  genderBarChart(view.charts, {
    id: 'chart-outcomes',
    title: 'Avslutsorsaker efter kön',
    categoryHeading: 'Avslutsorsak',
    description:
      exited === 0
        ? 'Inga avslut under året.'
        : `Avslutsorsaker för ${format.count(exited)} avslutade deltagare: ${outcomes
            .filter((row) => row.counts.total > 0)
            .map((row) => `${row.label} ${format.count(row.counts.total)}`)
            .join(', ')}.`,
    rows: outcomes,
  });

  // "Under 16" is shown only when someone is in it.
  const ages = Object.entries(format.AGE_GROUPS)
    .map(([key, label]) => ({ key, label, counts: report.ageGroups?.[key] }))
    .filter((row) => row.counts && (row.key !== 'under-16' || row.counts.total > 0));
  genderBarChart(view.charts, {
    id: 'chart-ages',
    title: 'Ålder vid inskrivning',
    categoryHeading: 'Åldersgrupp',
    description:
      report.participants.total.total === 0
        ? 'Inga inskrivna deltagare.'
        : `Deltagarnas ålder vid inskrivning, antal per åldersgrupp: ${ages
            .filter((row) => row.counts.total > 0)
            .map((row) => `${row.label}: ${format.count(row.counts.total)}`)
            .join(', ')}.`,
    rows: ages,
  });

  const individual = (report.interventions ?? []).filter((i) => i.kind === 'individual');
  if (individual.length > 0) {
    genderBarChart(view.charts, {
      id: 'chart-interventions',
      wide: true,
      title: 'Deltagare per insats efter kön',
      categoryHeading: 'Insats',
      description: `Deltagare per insats: ${individual
        .map((i) => `${i.name} ${format.count(i.participants.total.total)}`)
        .join(', ')}.`,
      rows: individual.map((i) => ({ label: i.name, counts: i.participants.total })),
    });
  }
}
