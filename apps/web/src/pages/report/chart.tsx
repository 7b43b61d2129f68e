import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { Counts } from '../../api/reports';
import { count } from '../../format';
import { genderColumn, GENDER_KEYS } from '../../labels';
import { CountCells, GENDER_COLUMNS, Table } from './table';

// Only what a bar chart needs, so the bundle carries no other chart types.
ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
ChartJS.defaults.locale = 'sv-SE';
ChartJS.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
ChartJS.defaults.font.size = 14;
ChartJS.defaults.color = '#1f2933';
ChartJS.defaults.animation = false;
ChartJS.defaults.maintainAspectRatio = false;

/** Colours per gender, distinguishable with common colour vision deficiencies (Okabe–Ito). */
const GENDER_COLOURS: Record<string, string> = {
  woman: '#0072b2',
  man: '#d55e00',
  other: '#009e73',
};

export type ChartRow = {
  readonly label: string;
  readonly shortLabel?: string;
  readonly counts: Counts | undefined;
};

/**
 * A horizontal bar chart of counts by gender, stacked, one bar per row; its description in
 * words for those who cannot see it, and its figures as a table for anyone who prefers them.
 */
export function GenderBarChart({
  id,
  title,
  description,
  categoryHeading,
  rows,
  wide = false,
}: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly categoryHeading: string;
  readonly rows: readonly ChartRow[];
  readonly wide?: boolean;
}) {
  const height = Math.max(160, 38 * rows.length + 80);
  return (
    <figure className={wide ? 'chart chart--wide' : 'chart'} id={id}>
      <figcaption>{title}</figcaption>
      <p className="chart__description">{description}</p>
      <div className="chart__canvas" style={{ height }}>
        <Bar
          aria-hidden="true"
          data={{
            labels: rows.map((row) => row.shortLabel ?? row.label),
            datasets: GENDER_KEYS.map((gender) => ({
              label: genderColumn(gender),
              data: rows.map((row) => row.counts?.[gender] ?? 0),
              backgroundColor: GENDER_COLOURS[gender],
              borderWidth: 0,
              maxBarThickness: 30,
            })),
          }}
          options={{
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
              legend: { position: 'bottom', labels: { boxWidth: 16, boxHeight: 16 } },
              tooltip: {
                callbacks: {
                  label: (item) => `${item.dataset.label ?? ''}: ${count(item.parsed.x)}`,
                },
              },
            },
          }}
        />
      </div>
      <details className="chart__data">
        <summary>Visa siffrorna som tabell</summary>
        <Table
          caption={title}
          captionHidden
          columns={[{ label: categoryHeading }, ...GENDER_COLUMNS]}
        >
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <CountCells counts={row.counts} />
            </tr>
          ))}
        </Table>
      </details>
    </figure>
  );
}
