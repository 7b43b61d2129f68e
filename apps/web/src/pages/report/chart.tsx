import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import type { ReactNode } from 'react';
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

/** One stacked part of every bar: its legend label, colour and value per row. */
export type ChartSeries<R> = {
  readonly label: string;
  readonly colour: string;
  readonly value: (row: R) => number;
};

type StackedBarChartProps<R> = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly rows: readonly R[];
  readonly rowLabel: (row: R) => string;
  readonly series: readonly ChartSeries<R>[];
  readonly wide?: boolean;
  /** The figures as a table, folded away; none when a table beside the chart has them. */
  readonly table?: ReactNode;
};

/**
 * A horizontal bar chart, stacked, one bar per row; its description in words for those who
 * cannot see it, and (unless a table beside it has them) its figures as a table.
 */
export function StackedBarChart<R>({
  id,
  title,
  description,
  rows,
  rowLabel,
  series,
  wide = false,
  table,
}: StackedBarChartProps<R>) {
  const height = Math.max(160, 38 * rows.length + 80);
  return (
    <figure className={wide ? 'chart chart--wide' : 'chart'} id={id}>
      <figcaption>{title}</figcaption>
      <p className="chart__description">{description}</p>
      <div className="chart__canvas" style={{ height }}>
        <Bar
          aria-hidden="true"
          data={{
            labels: rows.map(rowLabel),
            datasets: series.map((part) => ({
              label: part.label,
              data: rows.map(part.value),
              backgroundColor: part.colour,
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
      {table ? (
        <details className="chart__data">
          <summary>Visa siffrorna som tabell</summary>
          {table}
        </details>
      ) : null}
    </figure>
  );
}

const GENDER_SERIES: readonly ChartSeries<ChartRow>[] = GENDER_KEYS.map((gender) => ({
  label: genderColumn(gender),
  colour: GENDER_COLOURS[gender] ?? '#000',
  value: (row) => row.counts?.[gender] ?? 0,
}));

/** Counts by gender, one stacked bar per row, with the figures as a table. */
export function GenderBarChart({
  categoryHeading,
  ...chart
}: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly categoryHeading: string;
  readonly rows: readonly ChartRow[];
  readonly wide?: boolean;
}) {
  return (
    <StackedBarChart
      {...chart}
      rowLabel={(row) => row.shortLabel ?? row.label}
      series={GENDER_SERIES}
      table={
        <Table
          caption={chart.title}
          captionHidden
          columns={[{ label: categoryHeading }, ...GENDER_COLUMNS]}
        >
          {chart.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <CountCells counts={row.counts} />
            </tr>
          ))}
        </Table>
      }
    />
  );
}
