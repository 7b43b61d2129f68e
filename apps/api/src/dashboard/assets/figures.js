// The key figures ("Nyckeltal") as a description list; figures without a basis are left out.

import { el } from './dom.js';
import * as format from './format.js';
import { view } from './view.js';

function figure(key, label, value, note) {
  return el(
    'div',
    { class: 'figure', 'data-figure': key },
    el('dt', {}, label),
    el('dd', { class: 'figure__value' }, value),
    note ? el('dd', { class: 'figure__note' }, note) : undefined,
  );
}

export function renderFigures(report) {
  const p = report.participants;
  const satisfaction = report.satisfaction;
  const days = report.daysInIntervention;
  // While the year runs, the report counts through today: "at the year's end" is not known yet.
  const running = format.isRunning(report);
  const during = running ? 'hittills i år' : 'under året';
  const items = [
    figure('total', 'Deltagare totalt', format.count(p.total.total), `aktiva någon gång ${during}`),
    figure('enrolled', 'Nya deltagare', format.count(p.enrolled.total), `inskrivna ${during}`),
    figure('exited', 'Avslutade', format.count(p.exited.total), `avslut ${during}`),
    figure(
      'activeAtEnd',
      running ? `Aktiva den ${format.date(report.countedThrough)}` : 'Aktiva vid årets slut',
      format.count(p.activeAtEnd.total),
      `${format.count(p.activeAtStart.total)} aktiva vid årets början`,
    ),
    figure(
      'womenShare',
      'Andel kvinnor',
      format.percentOf(p.total.woman, p.total.total),
      `${format.count(p.total.woman)} kvinnor, ${format.count(p.total.man)} män`,
    ),
    figure(
      'satisfied',
      'Nöjda deltagare',
      format.percentOf(satisfaction.satisfied.total, satisfaction.answered.total),
      satisfaction.answered.total === 0
        ? 'inga svar från avslutade'
        : `${format.countOf(satisfaction.satisfied.total, satisfaction.answered.total)} avslutade som svarat`,
    ),
  ];
  const progression = report.progression;
  if (progression?.assessed && progression.assessed.total > 0) {
    items.push(
      figure(
        'progress',
        'Positiv förflyttning',
        format.percentOf(progression.positive.total, progression.assessed.total),
        `${format.countOf(progression.positive.total, progression.assessed.total)} med självskattning vid start och avslut`,
      ),
    );
  }
  if (days && days.median !== null) {
    items.push(
      figure(
        'days',
        'Tid i insatsen',
        `${format.count(days.median)} dagar`,
        `median bland avslutade; medel ${format.count(days.mean)} dagar`,
      ),
    );
  }
  if ((report.attendance?.total ?? 0) > 0) {
    items.push(
      figure(
        'attendance',
        'Närvarande',
        format.count(report.attendance.total),
        'huvudräkning i strukturinriktade insatser',
      ),
    );
  }
  view.figures.replaceChildren(...items);
}
