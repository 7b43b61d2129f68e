import type { GoalResult } from '../../api/reports';
import { count, percent } from '../../format';
import { goalStatusLabel, type ItemLabel } from '../../labels';
import { goalTarget, isPerArea } from './goal-texts';
import { Table } from './table';

type Area = NonNullable<GoalResult['dimensions']>[number];

/** One goal's self-assessment areas: who answered at start and exit, and how they moved. */
function AreaTable({
  goal,
  withStatus,
  itemLabel,
}: {
  readonly goal: GoalResult;
  readonly withStatus: boolean;
  readonly itemLabel: ItemLabel;
}) {
  const areas: readonly Area[] = goal.dimensions ?? [];
  return (
    <Table
      caption={`${goal.label}: område för område`}
      captionHidden
      columns={[
        { label: 'Område' },
        { label: 'Bedömda', numeric: true },
        { label: 'Högre', numeric: true },
        { label: 'Lika', numeric: true },
        { label: 'Lägre', numeric: true },
        { label: 'Andel högre', numeric: true },
        ...(withStatus ? [{ label: 'Status' }] : []),
      ]}
    >
      {areas.map((area) => (
        <tr key={area.item} data-area={area.item}>
          <th scope="row">{itemLabel(area.item)}</th>
          <td className="num">{count(area.assessed)}</td>
          <td className="num">{count(area.improved)}</td>
          <td className="num">{count(area.unchanged)}</td>
          <td className="num">{count(area.worse)}</td>
          <td className="num">{percent(area.value)}</td>
          {withStatus ? <td>{goalStatusLabel(area.status)}</td> : null}
        </tr>
      ))}
    </Table>
  );
}

/**
 * Progression goals per self-assessment area. A goal judged per area shows its areas openly
 * (they are what it is judged on); for the others the areas are one click away.
 */
export function GoalAreas({
  goals,
  itemLabel,
}: {
  readonly goals: readonly GoalResult[];
  readonly itemLabel: ItemLabel;
}) {
  const withAreas = goals.filter((goal) => (goal.dimensions?.length ?? 0) > 0);
  if (withAreas.length === 0) return null;
  return (
    <div className="goal-areas">
      {withAreas.map((goal) =>
        isPerArea(goal) ? (
          <div key={goal.id} className="goal-areas__goal" data-goal-areas={goal.id}>
            <h4>{goal.label}: område för område</h4>
            <p className="hint">
              Målet är uppfyllt när andelen som skattat sig högre vid avslut är {goalTarget(goal)} i
              varje område.
            </p>
            <AreaTable goal={goal} withStatus itemLabel={itemLabel} />
          </div>
        ) : (
          <details key={goal.id} className="goal-areas__goal" data-goal-areas={goal.id}>
            <summary>{goal.label}: område för område</summary>
            <AreaTable goal={goal} withStatus={false} itemLabel={itemLabel} />
          </details>
        ),
      )}
    </div>
  );
}
