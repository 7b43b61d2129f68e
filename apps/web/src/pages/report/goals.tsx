import type { GoalResult, Report } from '../../api/reports';
import { countOf, DASH } from '../../format';
import { goalStatusLabel, type ItemLabel } from '../../labels';
import { Change, comparedPeriod, direction, previousYear } from './comparison';
import { GoalAreas } from './goal-areas';
import { Table } from './table';
import {
  goalBasis,
  goalKindText,
  goalScale,
  goalSteps,
  goalSummary,
  goalTarget,
  goalValue,
  tally,
} from './goal-texts';

type PreviousGoal = Report['previous']['goals'][number];

/** Whose goals: the association's (or the one insats's), then each insats's. */
type GoalGroup = {
  readonly subject: string;
  readonly goals: readonly GoalResult[];
  readonly previous: readonly PreviousGoal[];
};

function groupsOf(report: Report): GoalGroup[] {
  const own: GoalGroup = {
    subject: report.interventionName ?? 'Hela förbundet',
    goals: report.goals,
    previous: report.previous.goals,
  };
  const perIntervention = report.interventions.map((intervention) => ({
    subject: intervention.name,
    goals: intervention.goals,
    previous: intervention.previous.goals,
  }));
  return [own, ...perIntervention].filter((group) => group.goals.length > 0);
}

/** The goal a year earlier, in this year's terms: its value, its basis, which way it moved. */
function yearBefore(goal: GoalResult, previous: readonly PreviousGoal[]) {
  const then = previous.find((candidate) => candidate.id === goal.id);
  const shown = then && { ...goal, ...then };
  let basis = '';
  // "3 av 5": whom they are is named in this year's column (gender balance counts differently).
  // An empty basis a year earlier says nothing beyond the dash: no "0 av 0".
  if (shown && shown.denominator !== null && shown.denominator > 0) {
    basis =
      goal.kind === 'genderBalance'
        ? goalBasis(shown)
        : countOf(shown.numerator, shown.denominator);
  }
  return {
    value: shown ? goalValue(shown) : DASH,
    basis,
    direction: direction(goal.value, then?.value, goalSteps(goal)),
  };
}

// The status in words and with a symbol as well as a colour, so it never rests on colour alone.
const STATUS_ICONS: Record<GoalResult['status'], string> = {
  met: '✓',
  not_met: '✗',
  insufficient_data: '?',
};

function StatusBadge({ status }: { readonly status: GoalResult['status'] }) {
  return (
    <span className={`badge badge--${status}`}>
      <span className="badge__icon" aria-hidden="true">
        {STATUS_ICONS[status]}
      </span>
      {goalStatusLabel(status)}
    </span>
  );
}

const TOO_FEW = 'Färre än 5 i underlaget: målet bedöms när fler har registrerats.';

/** Value against target as a bar with a target mark; the same facts are in the text beside it. */
function GoalBar({ goal }: { readonly goal: GoalResult }) {
  const scale = goalScale(goal);
  if (!scale) return null;
  const { value, target } = scale;
  return (
    <div className="goal-bar" aria-hidden="true">
      <div
        className={`goal-bar__fill goal-bar__fill--${goal.status}`}
        style={{ width: `${value * 100}%` }}
      />
      <div className="goal-bar__target" style={{ left: `${target * 100}%` }} />
    </div>
  );
}

/** On a wide screen: one row per goal, so goals are compared down the columns. */
function GoalTable({ group, year }: { readonly group: GoalGroup; readonly year: string }) {
  return (
    <Table
      className="goal-table"
      caption={`Mål och utfall för ${group.subject}`}
      captionHidden
      columns={[
        { label: 'Mål' },
        { label: 'Status' },
        { label: 'Utfall', numeric: true },
        { label: 'Målnivå' },
        { label: 'Underlag' },
        { label: year, numeric: true },
        { label: `Jämfört med ${year}` },
      ]}
    >
      {group.goals.map((goal) => {
        const before = yearBefore(goal, group.previous);
        return (
          <tr key={goal.id} className={`goal-row goal-row--${goal.status}`} data-goal={goal.id}>
            <th scope="row">
              {goal.label}
              <span className="cell-note">{goalKindText(goal)}</span>
            </th>
            <td>
              <StatusBadge status={goal.status} />
              {goal.status === 'insufficient_data' ? (
                <span className="cell-note">{TOO_FEW}</span>
              ) : null}
            </td>
            <td className="num">
              <span className="goal__value">{goalValue(goal)}</span>
              <GoalBar goal={goal} />
            </td>
            <td>{goalTarget(goal)}</td>
            <td>{goalBasis(goal)}</td>
            <td className="num">
              {before.value}
              {before.basis ? <span className="cell-note">{before.basis}</span> : null}
            </td>
            <td>
              <Change direction={before.direction} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

function GoalCard({
  goal,
  previous,
  year,
}: {
  readonly goal: GoalResult;
  readonly previous: readonly PreviousGoal[];
  readonly year: string;
}) {
  const before = yearBefore(goal, previous);
  return (
    <li className={`goal goal--${goal.status}`} data-goal={goal.id}>
      <div className="goal__head">
        <h4 className="goal__label">{goal.label}</h4>
        <StatusBadge status={goal.status} />
      </div>
      <dl className="goal__facts">
        <div>
          <dt>Utfall</dt>
          <dd className="goal__value">{goalValue(goal)}</dd>
        </div>
        <div>
          <dt>Mål</dt>
          <dd>{goalTarget(goal)}</dd>
        </div>
        <div>
          <dt>Underlag</dt>
          <dd>{goalBasis(goal)}</dd>
        </div>
        <div>
          <dt>{year}</dt>
          <dd>
            {before.value}
            {before.basis ? ` (${before.basis})` : ''} <Change direction={before.direction} />
          </dd>
        </div>
      </dl>
      <GoalBar goal={goal} />
      <p className="goal__kind">
        {goalKindText(goal)}
        {goal.status === 'insufficient_data' ? `. ${TOO_FEW}` : null}
      </p>
    </li>
  );
}

/** The goal list, first on the report: a summary line, then every goal with last year's value. */
export function Goals({
  report,
  itemLabel,
}: {
  readonly report: Report;
  readonly itemLabel: ItemLabel;
}) {
  const groups = groupsOf(report);
  const all = groups.flatMap((group) => group.goals);
  const year = previousYear(report.previous);
  return (
    <section aria-labelledby="goals-heading" className="block">
      <h2 id="goals-heading">Mål {report.year}</h2>
      {all.length === 0 ? (
        <p className="hint">Inga mål är satta för {report.year}.</p>
      ) : (
        <>
          <p className="goal-summary" data-testid="goal-summary">
            {goalSummary(tally(all))}
          </p>
          {groups.map((group) => (
            <section
              key={group.subject}
              className="goal-group"
              aria-label={`Mål för ${group.subject}`}
            >
              <h3>{group.subject}</h3>
              <GoalTable group={group} year={year} />
              <ul className="goals">
                {group.goals.map((goal) => (
                  <GoalCard key={goal.id} goal={goal} previous={group.previous} year={year} />
                ))}
              </ul>
              <GoalAreas goals={group.goals} itemLabel={itemLabel} />
            </section>
          ))}
          <p className="hint">
            Underlaget anger hur många som räknats in i utfallet. Med färre än 5 i underlaget bedöms
            målet inte, och det räknas inte som ej uppfyllt. Kolumnen {year} visar årets mål räknade
            på samma period ett år tidigare ({comparedPeriod(report.previous)}).
          </p>
        </>
      )}
    </section>
  );
}
