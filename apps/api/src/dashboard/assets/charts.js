// Charts with Chart.js (loaded as /assets/chart.umd.js, which sets window.Chart). Every chart
// has a text alternative: a short description and the same figures as a table.

import { count, GENDERS } from './format.js';

/** Colours per gender, distinguishable with common colour vision deficiencies (Okabe–Ito). */
const GENDER_COLOURS = { woman: '#0072b2', man: '#d55e00', other: '#009e73' };

const charts = [];

/** Removes the charts of the previous report. */
export function destroyCharts() {
  while (charts.length > 0) charts.pop().destroy();
}

function configureDefaults(Chart) {
  Chart.defaults.locale = 'sv-SE';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#2b3440';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
}

let configured = false;

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The chart's figures as a table, for screen readers and for anyone who prefers numbers. */
function dataTable(caption, categoryHeading, rows) {
  const table = element('table', { class: 'table table--compact' });
  table.append(element('caption', { class: 'visually-hidden' }, caption));
  const head = element('tr');
  head.append(element('th', { scope: 'col' }, categoryHeading));
  for (const gender of GENDERS) head.append(element('th', { scope: 'col' }, gender.label));
  head.append(element('th', { scope: 'col' }, 'Totalt'));
  const thead = element('thead');
  thead.append(head);
  table.append(thead);
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    tr.append(element('th', { scope: 'row' }, row.label));
    for (const gender of GENDERS) {
      tr.append(element('td', { class: 'num' }, count(row.counts[gender.key])));
    }
    tr.append(element('td', { class: 'num' }, count(row.counts.total)));
    body.append(tr);
  }
  table.append(body);
  return table;
}

/**
 * A horizontal bar chart of counts by gender, stacked, one bar per row.
 * @param {HTMLElement} container where the figure is appended
 * @param {{ id: string, title: string, description: string, categoryHeading: string,
 *   wide?: boolean, rows: { label: string, shortLabel?: string, counts: Record<string, number> }[] }} spec
 */
export function genderBarChart(container, spec) {
  const figure = element('figure', {
    class: spec.wide ? 'chart chart--wide' : 'chart',
    id: spec.id,
  });
  const caption = element('figcaption', {}, spec.title);
  const frame = element('div', { class: 'chart__canvas' });
  frame.style.height = `${Math.max(150, 36 * spec.rows.length + 70)}px`;
  const canvas = element('canvas', { role: 'img', 'aria-label': spec.description });
  canvas.textContent = spec.description;
  frame.append(canvas);
  const details = element('details', { class: 'chart__data' });
  details.append(element('summary', {}, 'Visa siffrorna som tabell'));
  details.append(dataTable(spec.title, spec.categoryHeading, spec.rows));
  figure.append(caption, frame, details);
  container.append(figure);

  const Chart = window.Chart;
  if (!Chart) {
    frame.replaceChildren(element('p', { class: 'hint' }, 'Diagrammet kunde inte visas.'));
    details.open = true;
    return;
  }
  if (!configured) {
    configureDefaults(Chart);
    configured = true;
  }
  charts.push(
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.rows.map((row) => row.shortLabel ?? row.label),
        datasets: GENDERS.map((gender) => ({
          label: gender.label,
          data: spec.rows.map((row) => row.counts[gender.key] ?? 0),
          backgroundColor: GENDER_COLOURS[gender.key],
          borderWidth: 0,
          maxBarThickness: 28,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        scales: {
          x: {
            stacked: true,
            beginAtZero: true,
            ticks: { precision: 0 },
            grid: { color: '#e3e7ec' },
          },
          y: { stacked: true, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 14 } },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${count(item.parsed.x)}`,
            },
          },
        },
      },
    }),
  );
}
