// The insatser ("Insatserna") side by side, with the whole association as the footer. Shown only
// for an association's report: an insats's own report has no insatser under it.

import { el, table } from './dom.js';
import * as format from './format.js';
import { view } from './view.js';

function countCells(counts) {
  return [
    ...format.GENDERS.map((gender) => el('td', { class: 'num' }, format.count(counts[gender.key]))),
    el('td', { class: 'num' }, format.count(counts.total)),
  ];
}

export function renderInterventions(report) {
  const interventions = report.interventions ?? [];
  view.interventionsBlock.hidden = interventions.length === 0;
  if (interventions.length === 0) {
    view.interventions.replaceChildren();
    return;
  }
  let structural = false;
  const rows = interventions.map((intervention) => {
    // Structural insatser have no enrolled participants: their head counts stand in for them,
    // and exits and satisfaction do not apply.
    const isStructural = intervention.kind === 'structural';
    structural ||= isStructural;
    const counts = isStructural ? intervention.attendance : intervention.participants.total;
    const goals = intervention.goals ?? [];
    const met = goals.filter((goal) => goal.status === 'met').length;
    const s = intervention.satisfaction;
    return el(
      'tr',
      { 'data-intervention': intervention.interventionId },
      el('th', { scope: 'row' }, intervention.name),
      el(
        'td',
        {},
        format.INTERVENTION_KINDS[intervention.kind] ?? intervention.kind,
        isStructural ? el('span', { class: 'note-mark', 'aria-hidden': 'true' }, ' *') : undefined,
      ),
      ...countCells(counts),
      el(
        'td',
        { class: 'num' },
        isStructural ? format.DASH : format.count(intervention.participants.exited.total),
      ),
      el(
        'td',
        { class: 'num' },
        isStructural || s.answered.total === 0
          ? format.DASH
          : format.countOf(s.satisfied.total, s.answered.total),
      ),
      el(
        'td',
        { class: 'num' },
        goals.length === 0 ? format.DASH : format.countOf(met, goals.length),
      ),
    );
  });
  const p = report.participants;
  const footer = el(
    'tr',
    {},
    el('th', { scope: 'row' }, 'Hela förbundet'),
    el('td', {}, 'Deltagare'),
    ...countCells(p.total),
    el('td', { class: 'num' }, format.count(p.exited.total)),
    el(
      'td',
      { class: 'num' },
      report.satisfaction.answered.total === 0
        ? format.DASH
        : format.countOf(report.satisfaction.satisfied.total, report.satisfaction.answered.total),
    ),
    el('td', { class: 'num' }, format.DASH),
  );
  view.interventions.replaceChildren(
    table({
      caption: `Deltagare per insats och kön ${report.year}`,
      id: 'interventions-table',
      columns: [
        { label: 'Insats' },
        { label: 'Typ' },
        { label: 'Kvinnor', numeric: true },
        { label: 'Män', numeric: true },
        { label: 'Annat', numeric: true },
        { label: 'Totalt', numeric: true },
        { label: 'Avslutade', numeric: true },
        { label: 'Nöjda', numeric: true },
        { label: 'Uppfyllda mål', numeric: true },
      ],
      rows,
      footer,
    }),
    // replaceChildren would print an undefined child as the text "undefined".
    ...(structural
      ? [
          el(
            'p',
            { class: 'hint' },
            '* Strukturinriktade insatser har inga inskrivna deltagare; för dem visas antal närvarande (huvudräkning).',
          ),
        ]
      : []),
  );
}
