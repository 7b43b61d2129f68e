import type { Report } from '../../api/reports';
import { count, countOf, DASH, percentOf } from '../../format';
import type { ItemLabel } from '../../labels';
import { StackedBarChart, type ChartSeries } from './chart';
import { Table } from './table';

type AreaRow = { readonly item: string } & Report['progression']['byDimension'][string];

// Okabe–Ito colours, told apart with common colour vision deficiencies.
const AREA_SERIES: readonly ChartSeries<AreaRow>[] = [
  { label: 'Högre', colour: '#009e73', value: (row) => row.improved.total },
  { label: 'Lika', colour: '#56b4e9', value: (row) => row.unchanged.total },
  { label: 'Lägre', colour: '#d55e00', value: (row) => row.worse.total },
];

/** How the exited moved per area, as bars: where a glance shows which areas lag. */
function AreaChart({
  rows,
  itemLabel,
}: {
  readonly rows: readonly AreaRow[];
  readonly itemLabel: ItemLabel;
}) {
  const words = rows
    .map(
      (row) =>
        `${itemLabel(row.item)} ${count(row.improved.total)} högre, ${count(row.worse.total)} lägre`,
    )
    .join('; ');
  return (
    <StackedBarChart
      id="chart-areas"
      wide
      title="Högre, lika eller lägre vid avslut, per område"
      description={`Antal avslutade per område: ${words}. Siffrorna står i tabellen nedan.`}
      rows={rows}
      rowLabel={(row) => itemLabel(row.item)}
      series={AREA_SERIES}
    />
  );
}

/** Progression per self-assessment area and on the step ladder, among the exited. */
export function ProgressionTable({
  report,
  itemLabel,
}: {
  readonly report: Report;
  readonly itemLabel: ItemLabel;
}) {
  const areas = Object.entries(report.progression.byDimension);
  const ladder = report.progression.ladder;
  if (areas.length === 0 && ladder.assessed.total === 0) return null;
  return (
    <section aria-labelledby="progression-heading" className="block">
      <h2 id="progression-heading">Förflyttning per område</h2>
      {areas.some(([, area]) => area.assessed.total > 0) ? (
        <AreaChart rows={areas.map(([item, area]) => ({ item, ...area }))} itemLabel={itemLabel} />
      ) : null}
      <Table
        id="progression-table"
        caption={`Avslutade ${report.year} med självskattning vid start och avslut: hur de skattade sig vid avslutet, per område`}
        columns={[
          { label: 'Område' },
          { label: 'Bedömda', numeric: true },
          { label: 'Högre vid avslut', numeric: true },
          { label: 'Lika', numeric: true },
          { label: 'Lägre', numeric: true },
          { label: 'Andel högre', numeric: true },
        ]}
      >
        {areas.map(([item, area]) => (
          <tr key={item} data-area={item}>
            <th scope="row">{itemLabel(item)}</th>
            <td className="num">{count(area.assessed.total)}</td>
            <td className="num">{count(area.improved.total)}</td>
            <td className="num">{count(area.unchanged.total)}</td>
            <td className="num">{count(area.worse.total)}</td>
            <td className="num">{percentOf(area.improved.total, area.assessed.total)}</td>
          </tr>
        ))}
        {ladder.assessed.total > 0 ? (
          <tr data-area="ladder">
            <th scope="row">Stegtrappan (sista steget högre än det första)</th>
            <td className="num">{count(ladder.assessed.total)}</td>
            <td className="num">{count(ladder.positive.total)}</td>
            <td className="num">{DASH}</td>
            <td className="num">{DASH}</td>
            <td className="num">{percentOf(ladder.positive.total, ladder.assessed.total)}</td>
          </tr>
        ) : null}
      </Table>
    </section>
  );
}

type Pair = { readonly assessed: number; readonly improved: number };

/** "2 av 6" higher, and the share, for one group of participants. */
function PairCells({ pair }: { readonly pair: Pair | undefined }) {
  const assessed = pair?.assessed ?? 0;
  const improved = pair?.improved ?? 0;
  return (
    <>
      <td className="num">{countOf(improved, assessed)}</td>
      <td className="num">{percentOf(improved, assessed)}</td>
    </>
  );
}

/**
 * The participants still in an insats beside those who left it: start to the latest follow-up
 * assessment against start to exit, so progress shows before anyone has left.
 */
export function OngoingProgressionTable({
  report,
  itemLabel,
}: {
  readonly report: Report;
  readonly itemLabel: ItemLabel;
}) {
  const { ongoing } = report.progression;
  if (ongoing.assessed.total === 0) return null;
  const exited = report.progression;
  const items = [
    ...new Set([...Object.keys(exited.byDimension), ...Object.keys(ongoing.byDimension)]),
  ];
  const pairOf = (area: (typeof exited.byDimension)[string] | undefined): Pair | undefined =>
    area && { assessed: area.assessed.total, improved: area.improved.total };
  return (
    <section aria-labelledby="ongoing-heading" className="block">
      <h2 id="ongoing-heading">Pågående deltagares förflyttning</h2>
      <Table
        id="ongoing-table"
        caption="Pågående deltagare (från start till senaste uppföljning) bredvid de avslutade (från start till avslut)"
        columns={[
          { label: 'Område' },
          { label: 'Avslutade: högre av bedömda', numeric: true },
          { label: 'Avslutade: andel', numeric: true },
          { label: 'Pågående: högre av bedömda', numeric: true },
          { label: 'Pågående: andel', numeric: true },
        ]}
      >
        <tr data-area="any">
          <th scope="row">Högre i minst ett område</th>
          <PairCells pair={{ assessed: exited.assessed.total, improved: exited.positive.total }} />
          <PairCells
            pair={{ assessed: ongoing.assessed.total, improved: ongoing.positive.total }}
          />
        </tr>
        {items.map((item) => (
          <tr key={item} data-area={item}>
            <th scope="row">{itemLabel(item)}</th>
            <PairCells pair={pairOf(exited.byDimension[item])} />
            <PairCells pair={pairOf(ongoing.byDimension[item])} />
          </tr>
        ))}
      </Table>
      <p className="hint">
        Pågående: deltagare som inte hade avslutats vid periodens slut och som skattat sig vid start
        och vid minst en uppföljning.
      </p>
    </section>
  );
}
