// Shows a report: its title and metadata, then each section of #report in page order.

import { destroyCharts } from './charts.js';
import { renderCompleteness, renderEmployment } from './exit-tables.js';
import { renderFigures } from './figures.js';
import * as format from './format.js';
import { renderGoals } from './goals.js';
import { renderInterventions } from './interventions.js';
import { MESSAGES } from './messages.js';
import { renderCharts } from './report-charts.js';
import { view } from './view.js';

/** Leaves only the plain title, for when no report can be shown. */
export function clearReport() {
  destroyCharts();
  view.report.hidden = true;
  view.empty.hidden = true;
  view.title.textContent = 'Uppföljning';
  view.meta.textContent = '';
}

// Structural insatser have head counts but no participants; a year with only those is not empty.
function isEmpty(report) {
  return report.participants.total.total === 0 && (report.attendance?.total ?? 0) === 0;
}

export function render(report) {
  destroyCharts();
  const subject = report.interventionName ?? report.associationName ?? 'Förbundet';
  view.title.textContent = `${subject}: uppföljning ${report.year}`;
  renderMeta(report);
  // A year that has not begun has nothing to show yet (the report counts nobody in it).
  const notBegun = report.countedThrough === null;
  if (notBegun || isEmpty(report)) {
    view.report.hidden = true;
    view.empty.textContent = notBegun ? MESSAGES.notBegun(report.year) : MESSAGES.empty;
    view.empty.hidden = false;
    return;
  }
  view.empty.hidden = true;
  view.report.hidden = false;
  renderFigures(report);
  renderGoals(report);
  renderInterventions(report);
  renderCharts(report);
  renderEmployment(report);
  renderCompleteness(report);
}

function renderMeta(report) {
  const parts = [];
  if (report.interventionName && report.associationName) parts.push(report.associationName);
  const period = `Period ${format.date(report.period.from)} – ${format.date(report.period.to)}`;
  parts.push(
    format.isRunning(report)
      ? `${period} (året pågår, uppgifter t.o.m. ${format.date(report.countedThrough)})`
      : period,
  );
  const updated =
    report.checkpoint === null || report.checkpoint === undefined
      ? 'inga händelser registrerade ännu'
      : `händelseloggen t.o.m. nr ${format.count(Number(report.checkpoint))}`;
  parts.push(`Uppdaterad: ${updated}, hämtad ${format.dateTime(new Date())}`);
  if (report.asOf) parts.push(`Läget den ${format.date(report.asOf)}`);
  view.meta.textContent = parts.join(' · ');
}
