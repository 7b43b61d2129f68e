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

/**
 * Goals that name questionnaire items must name items the intervention actually asks: an
 * itemShare an item of one of its instruments, a self-assessment progression goal items of the
 * instrument progression compares (`primary`).
 */
export function ensureGoalsFitInstruments(
  goals: readonly Goal[],
  primary: Instrument,
  instruments: readonly Instrument[],
): void {
  const itemsOf = (instrument: Instrument) => new Set(instrument.items.map((i) => i.key));
  const primaryItems = itemsOf(primary);
  const fits = (goal: Goal): boolean => {
    if (goal.kind === 'itemShare') {
      const instrument = instruments.find((i) => i.key === goal.instrument);
      return instrument !== undefined && itemsOf(instrument).has(goal.item);
    }
    if (goal.kind === 'positiveProgressShare' && goal.source === 'selfAssessment') {
      return (goal.dimensions ?? []).every((d) => primaryItems.has(d));
    }
    return true;
  };
  const misfit = goals.findIndex((goal) => !fits(goal));
  if (misfit < 0) return;
  const goal = goals[misfit];
  const named =
    goal?.kind === 'itemShare' ? instruments.find((i) => i.key === goal.instrument) : undefined;
  const instrument = named ?? primary;
  throw new DomainError('goal_item_unknown', {
    goal: misfit,
    instrument: instrument.key,
    items: [...itemsOf(instrument)],
  });
}
