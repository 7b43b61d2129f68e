import {
  Chart as ChartJS,
  Filler,
  Legend,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import { Radar } from 'react-chartjs-2';
import { date } from '../../format';
import { Table } from '../report/table';
import type { Assessment } from './journey';
import type { Instrument } from './participant-api';

// Only what a radar chart needs.
ChartJS.register(
  RadarController,
  RadialLinearScale,
  PointElement,
  LineElement,
  Filler,
  Legend,
  Tooltip,
);
ChartJS.defaults.locale = 'sv-SE';
ChartJS.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
ChartJS.defaults.font.size = 14;
ChartJS.defaults.color = '#1f2933';
ChartJS.defaults.animation = false;
ChartJS.defaults.maintainAspectRatio = false;

// Okabe–Ito: told apart with common colour vision deficiencies; the lines differ in dash too.
const START = { line: '#d55e00', fill: 'rgba(213, 94, 0, 0.12)' };
const LATEST = { line: '#0072b2', fill: 'rgba(0, 114, 178, 0.18)' };

const scoreOf = (a: Assessment | undefined, key: string) => a?.data.scores[key];

/**
 * The spider chart of BIP/SKAPA: the start self-assessment against the latest, one spoke per
 * item; in words for those who cannot see it, and as a table for anyone who prefers one.
 */
export function SpiderChart({
  instrument,
  start,
  latest,
}: {
  readonly instrument: Instrument;
  readonly start: Assessment;
  readonly latest: Assessment | undefined;
}) {
  const { items } = instrument;
  const min = Math.min(...items.map((i) => i.min));
  const max = Math.max(...items.map((i) => i.max));
  const startLabel = `Start ${date(start.data.assessedOn)}`;
  const latestLabel = latest ? `Senaste ${date(latest.data.assessedOn)}` : '';
  const improved = latest
    ? items.filter((i) => (scoreOf(latest, i.key) ?? 0) > (scoreOf(start, i.key) ?? Infinity))
    : [];
  const description = latest
    ? `Startskattningen jämförd med den senaste. Högre på ${improved.length} av ${items.length} frågor${improved.length > 0 ? `: ${improved.map((i) => i.label.toLowerCase()).join(', ')}` : ''}.`
    : 'Bara startskattningen finns än; den senaste visas här när den är registrerad.';
  return (
    <figure className="chart spider" id="spindel">
      <figcaption>{instrument.label}: start och senaste</figcaption>
      <p className="chart__description">{description}</p>
      <div className="chart__canvas">
        <Radar
          aria-hidden="true"
          data={{
            labels: items.map((i) => i.label),
            datasets: [
              {
                label: startLabel,
                data: items.map((i) => scoreOf(start, i.key) ?? null),
                borderColor: START.line,
                backgroundColor: START.fill,
                borderDash: [6, 4],
                pointStyle: 'rect',
                fill: true,
              },
              ...(latest
                ? [
                    {
                      label: latestLabel,
                      data: items.map((i) => scoreOf(latest, i.key) ?? null),
                      borderColor: LATEST.line,
                      backgroundColor: LATEST.fill,
                      pointStyle: 'circle' as const,
                      fill: true,
                    },
                  ]
                : []),
            ],
          }}
          options={{
            responsive: true,
            scales: {
              r: {
                min,
                max,
                ticks: { stepSize: max - min > 6 ? 2 : 1, backdropColor: 'transparent' },
                // A phone's narrow chart keeps every item's label whole.
                pointLabels: {
                  font: (context) => ({ size: context.chart.width < 400 ? 11 : 13 }),
                  padding: 4,
                },
              },
            },
            plugins: { legend: { position: 'bottom' } },
          }}
        />
      </div>
      <details className="chart__data">
        <summary>Visa skattningarna som tabell</summary>
        <Table
          caption={`${instrument.label}: ${startLabel.toLowerCase()}${latest ? ` och ${latestLabel.toLowerCase()}` : ''}`}
          captionHidden
          columns={[
            { label: 'Fråga' },
            { label: 'Start', numeric: true },
            ...(latest ? [{ label: 'Senaste', numeric: true }] : []),
          ]}
        >
          {items.map((item) => (
            <tr key={item.key}>
              <th scope="row">
                {item.label} ({item.min}–{item.max})
              </th>
              <td className="num">{scoreOf(start, item.key) ?? '–'}</td>
              {latest ? <td className="num">{scoreOf(latest, item.key) ?? '–'}</td> : null}
            </tr>
          ))}
        </Table>
      </details>
    </figure>
  );
}
