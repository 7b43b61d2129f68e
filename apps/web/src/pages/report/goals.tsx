import type { GoalResult, Report } from '../../api/reports';
import { goalDimensions } from '../../api/untyped';
import { countOf } from '../../format';
import { goalKindLabel, goalStatusLabel, itemLabel } from '../../labels';
import { goalBasis, goalScale, goalSummary, goalTarget, goalValue, tally } from './goal-texts';

/** Whose goals: the association's (or the one insats's), then each insats's. */
type GoalGroup = { readonly subject: string; readonly goals: readonly GoalResult[] };

function groupsOf(report: Report): GoalGroup[] {
  const own: GoalGroup = {
    subject: report.interventionName ?? 'Hela förbundet',
    goals: report.goals,
  };
  const perIntervention = report.interventions.map((intervention) => ({
    subject: intervention.name,
    goals: intervention.goals,
  }));
  return [own, ...perIntervention].filter((group) => group.goals.length > 0);
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

function GoalCard({ goal }: { readonly goal: GoalResult }) {
  const dimensions = goalDimensions(goal);
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
      </dl>
      <GoalBar goal={goal} />
      <p className="goal__kind">
        {goalKindLabel(goal.kind)}
        {goal.status === 'insufficient_data'
          ? '. Färre än 5 i underlaget: målet bedöms när fler har registrerats.'
          : null}
      </p>
      {dimensions.length > 0 ? (
        <table className="table table--compact goal__dimensions">
          <caption>Per område</caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col" className="num">
                Förbättrade
              </th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((dimension) => (
              <tr key={dimension.dimension}>
                <th scope="row">{itemLabel(dimension.dimension)}</th>
                <td className="num">{countOf(dimension.numerator, dimension.denominator)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

/** The goal list, first on the report: a summary line, then every goal as a card. */
export function Goals({ report }: { readonly report: Report }) {
  const groups = groupsOf(report);
  const all = groups.flatMap((group) => group.goals);
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
              <ul className="goals">
                {group.goals.map((goal) => (
                  <GoalCard key={goal.id} goal={goal} />
                ))}
              </ul>
            </section>
          ))}
          <p className="hint">
            Underlaget anger hur många som räknats in i utfallet. Med färre än 5 i underlaget bedöms
            målet inte, och det räknas inte som ej uppfyllt.
          </p>
        </>
      )}
    </section>
  );
}
