import type { Goal } from '../goals';
import type { Instrument } from '../instruments';
import { DomainError } from '../errors';

export function ensureUniqueGoalIds(goals: readonly Goal[]): void {
  const firstWithId = new Map<string, number>();
  goals.forEach((goal, i) => {
    const first = firstWithId.get(goal.id);
    if (first !== undefined) throw new DomainError('goal_ids_not_unique', { first, second: i });
    firstWithId.set(goal.id, i);
  });
}

/** Goals that name questionnaire items must name items the intervention actually asks. */
export function ensureGoalsFitInstrument(goals: readonly Goal[], instrument: Instrument): void {
  const items = new Set(instrument.items.map((i) => i.key));
  const fits = (goal: Goal): boolean => {
    if (goal.kind === 'itemShare')
      return goal.instrument === instrument.key && items.has(goal.item);
    if (goal.kind === 'positiveProgressShare' && goal.source === 'selfAssessment') {
      return (goal.dimensions ?? []).every((d) => items.has(d));
    }
    return true;
  };
  const misfit = goals.findIndex((goal) => !fits(goal));
  if (misfit >= 0) {
    throw new DomainError('goal_item_unknown', {
      goal: misfit,
      instrument: instrument.key,
      items: [...items],
    });
  }
}
