// The two tables about the participants who exited during the year: their employment before
// and after, and how complete their records are.

import { el, table } from './dom.js';
import * as format from './format.js';
import { view } from './view.js';

export function renderEmployment(report) {
  const status = report.employmentStatus;
  const exited = report.participants.exited.total;
  view.employmentBlock.hidden = !status || exited === 0;
  if (view.employmentBlock.hidden) {
    view.employment.replaceChildren();
    return;
  }
  const rows = Object.entries(format.EMPLOYMENT_STATUSES).map(([key, label]) => {
    const before = status.before[key]?.total ?? 0;
    const after = status.after[key]?.total ?? 0;
    return el(
      'tr',
      { 'data-status': key },
      el('th', { scope: 'row' }, label),
      el('td', { class: 'num' }, format.count(before)),
      el('td', { class: 'num' }, format.percentOf(before, exited)),
      el('td', { class: 'num' }, format.count(after)),
      el('td', { class: 'num' }, format.percentOf(after, exited)),
    );
  });
  view.employment.replaceChildren(
    table({
      caption: `Sysselsättning före och efter för de ${format.count(exited)} deltagare som avslutats ${report.year}`,
      id: 'employment-table',
      columns: [
        { label: 'Sysselsättning' },
        { label: 'Före, antal', numeric: true },
        { label: 'Före, andel', numeric: true },
        { label: 'Efter, antal', numeric: true },
        { label: 'Efter, andel', numeric: true },
      ],
      rows,
    }),
    el(
      'p',
      { class: 'hint' },
      'Före: försörjning vid inskrivningen. Efter: avslutsorsaken. Grupperat som i SUS.',
    ),
  );
}

export function renderCompleteness(report) {
  const c = report.completeness;
  const row = (label, entry) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, label),
      el('td', { class: 'num' }, format.count(entry.count)),
      el('td', { class: 'num' }, format.percent(entry.share)),
    );
  view.completeness.replaceChildren(
    table({
      caption: `Hur komplett underlaget är för de ${format.count(c.exited)} deltagare som avslutats ${report.year}`,
      id: 'completeness-table',
      columns: [
        { label: 'Uppgift' },
        { label: 'Antal', numeric: true },
        { label: 'Andel av avslutade', numeric: true },
      ],
      rows: [
        row('Självskattning både vid start och avslut', c.startAndExitAssessment),
        row('Svar om nöjdhet', c.satisfactionAnswer),
        row('Minst två steg på stegtrappan', c.ladderSteps),
        row('Känd försörjning vid avslut', c.incomeSourceAtExitKnown),
      ],
    }),
  );
}
