// Goal fulfilment ("Måluppfyllelse"): the association's or insats's goals, then each insats's,
// in one table.

import { el, table } from './dom.js';
import * as format from './format.js';
import { view } from './view.js';

// The status is given in words as well as an icon, so it does not depend on colour or symbols.
function statusBadge(status) {
  const known = format.GOAL_STATUSES[status] ?? { label: status, icon: '•' };
  return el(
    'span',
    { class: `badge badge--${status}` },
    el('span', { class: 'badge__icon', 'aria-hidden': 'true' }, known.icon),
    known.label,
  );
}

function goalRows(goals, appliesTo) {
  return goals.map((goal) =>
    el(
      'tr',
      { 'data-goal': goal.id },
      el(
        'th',
        { scope: 'row' },
        el('span', { class: 'goal__label' }, goal.label ?? goal.id),
        el('span', { class: 'goal__kind' }, format.GOAL_KINDS[goal.kind] ?? goal.kind),
      ),
      el('td', {}, appliesTo),
      el('td', {}, format.goalTarget(goal)),
      el('td', { class: 'num' }, format.goalValue(goal)),
      el('td', { class: 'num' }, format.goalBasis(goal)),
      el('td', { class: 'goal__status' }, statusBadge(goal.status)),
    ),
  );
}

export function renderGoals(report) {
  const rows = [...goalRows(report.goals ?? [], report.interventionName ?? 'Förbundet')];
  for (const intervention of report.interventions ?? []) {
    rows.push(...goalRows(intervention.goals ?? [], intervention.name));
  }
  if (rows.length === 0) {
    view.goals.replaceChildren(el('p', { class: 'hint' }, `Inga mål är satta för ${report.year}.`));
    return;
  }
  view.goals.replaceChildren(
    table({
      caption: `Förbundets och insatsernas mål för ${report.year}`,
      id: 'goals-table',
      columns: [
        { label: 'Mål' },
        { label: 'Gäller' },
        { label: 'Målvärde' },
        { label: 'Utfall', numeric: true },
        { label: 'Underlag', numeric: true },
        { label: 'Status' },
      ],
      rows,
    }),
    el(
      'p',
      { class: 'hint' },
      'Underlaget anger hur många av deltagarna som räknats in i utfallet (täljare av nämnare). ' +
        'Med färre än 5 i underlaget bedöms målet inte.',
    ),
  );
}
