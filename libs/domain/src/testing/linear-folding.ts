import type { Decider, Recorded } from '../shared/decider';
import { fold } from '../shared/decider';

/**
 * Time per event of folding a history of `n` events, as the best of several runs (the least
 * disturbed by other work on the machine), each run folding about `eventsPerRun` events.
 */
function nanosPerEvent<E, S>(
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  history: readonly Recorded<E>[],
  eventsPerRun: number,
): number {
  const repeats = Math.max(1, Math.round(eventsPerRun / history.length));
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < repeats; i++) fold(decider, history);
    const elapsed = Number(process.hrtime.bigint() - start);
    best = Math.min(best, elapsed / (repeats * history.length));
  }
  return best;
}

/**
 * How much more an event costs to fold in a history of 4,000 than in one of 1,000, measured in
 * the same run: about 1 when folding is linear, 4 or more when every event copies the history.
 */
export function foldingCostGrowth<E, S>(
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  historyOf: (n: number) => readonly Recorded<E>[],
): number {
  const small = historyOf(1_000);
  const large = historyOf(4_000);
  nanosPerEvent(decider, small, 8_000); // warm-up: let the JIT settle before measuring
  const perEventSmall = nanosPerEvent(decider, small, 16_000);
  const perEventLarge = nanosPerEvent(decider, large, 16_000);
  return perEventLarge / perEventSmall;
}
