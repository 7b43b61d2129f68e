import type { Goal } from '../goals';
import type { Instrument } from '../instruments';
import { ensure } from '../errors';

export function ensureUniqueGoalIds(goals: readonly Goal[]): void {
  ensure(new Set(goals.map((g) => g.id)).size === goals.length, 'goal_ids_not_unique');
}

/** Goals that name questionnaire items must name items the intervention actually asks. */
export function ensureGoalsFitInstrument(goals: readonly Goal[], instrument: Instrument): void {
  const items = new Set(instrument.items.map((i) => i.key));
  for (const goal of goals) {
    if (goal.kind === 'itemShare') {
      ensure(goal.instrument === instrument.key && items.has(goal.item), 'goal_item_unknown');
    }
    if (goal.kind === 'positiveProgressShare' && goal.source === 'selfAssessment') {
      ensure(
        (goal.dimensions ?? []).every((d) => items.has(d)),
        'goal_item_unknown',
      );
    }
  }
}
