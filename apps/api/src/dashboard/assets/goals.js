// Goal fulfilment ("Måluppfyllelse"): the association's or insats's goals, then each insats's.
// Wide screens get one table; narrow ones (a phone) a card per goal with label, outcome, target
// and status together, since a six-column table would push the status out of view. Only one of
// the two is displayed (CSS), so a screen reader meets each goal once.

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

/** Every goal shown, with whom it applies to and that insats's kind (undefined: the förbund). */
function goalsOf(report) {
  const own = (report.goals ?? []).map((goal) => ({
    goal,
    appliesTo: report.interventionName ?? 'Förbundet',
    kind: report.interventionKind,
  }));
  const perInsats = (report.interventions ?? []).flatMap((intervention) =>
    (intervention.goals ?? []).map((goal) => ({
      goal,
      appliesTo: intervention.name,
      kind: intervention.kind,
    })),
  );
  return [...own, ...perInsats];
}

function goalRow({ goal, appliesTo, kind }) {
  return el(
    'tr',
    { 'data-goal': goal.id },
    el(
      'th',
      { scope: 'row' },
      el('span', { class: 'goal__label' }, goal.label ?? goal.id),
      el('span', { class: 'goal__kind' }, format.GOAL_KINDS[goal.kind] ?? goal.kind),
    ),
    el('td', {}, appliesTo),
    el('td', {}, format.goalTarget(goal, kind)),
    el('td', { class: 'num' }, format.goalValue(goal, kind)),
    el('td', { class: 'num' }, format.goalBasis(goal)),
    el('td', { class: 'goal__status' }, statusBadge(goal.status)),
  );
}

function goalCard({ goal, appliesTo, kind }) {
  const fact = (label, value) =>
    el('div', { class: 'goal-card__fact' }, el('dt', {}, label), el('dd', {}, value));
  return el(
    'li',
    { class: 'goal-card', 'data-goal': goal.id },
    el(
      'p',
      { class: 'goal-card__head' },
      el('span', { class: 'goal__label' }, goal.label ?? goal.id),
      el('span', { class: 'goal__status' }, statusBadge(goal.status)),
    ),
    el('p', { class: 'goal__kind' }, `${format.GOAL_KINDS[goal.kind] ?? goal.kind} · ${appliesTo}`),
    el(
      'dl',
      { class: 'goal-card__facts' },
      fact('Utfall', format.goalValue(goal, kind)),
      fact('Mål', format.goalTarget(goal, kind)),
      fact('Underlag', format.goalBasis(goal)),
    ),
  );
}

export function renderGoals(report) {
  const goals = goalsOf(report);
  if (goals.length === 0) {
    view.goals.replaceChildren(el('p', { class: 'hint' }, `Inga mål är satta för ${report.year}.`));
    return;
  }
  view.goals.replaceChildren(
    el(
      'div',
      { class: 'goals-wide' },
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
        rows: goals.map(goalRow),
      }),
    ),
    el(
      'ul',
      { class: 'goal-cards', 'aria-label': `Förbundets och insatsernas mål för ${report.year}` },
      ...goals.map(goalCard),
    ),
    el(
      'p',
      { class: 'hint' },
      'Underlaget anger hur många av deltagarna som räknats in i utfallet (täljare av nämnare). ' +
        'Med färre än 5 i underlaget bedöms målet inte.',
    ),
  );
}
