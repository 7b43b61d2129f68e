import type { Decider, Recorded } from '../shared/decider';
import { fold } from '../shared/decider';

type Folding<E, S> = Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>;

/** Nanoseconds per event of folding `history` about `events` events' worth of times over. */
function nanosPerEvent<E, S>(
  decider: Folding<E, S>,
  history: readonly Recorded<E>[],
  events: number,
) {
  const repeats = Math.max(1, Math.round(events / history.length));
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) fold(decider, history);
  return Number(process.hrtime.bigint() - start) / (repeats * history.length);
}

/**
 * How much more an event costs to fold in a history of `to` events than in one of `from`,
 * measured in the same run: about 1 when folding is linear, `to / from` when every event copies
 * the history. Short and long runs alternate and the best of each counts, so other work on the
 * machine slows both alike or neither.
 */
export function foldingCostGrowth<E, S>(
  decider: Folding<E, S>,
  historyOf: (n: number) => readonly Recorded<E>[],
  { from = 1_000, to = 4_000 } = {},
): number {
  const short = historyOf(from);
  const long = historyOf(to);
  const events = 4 * to;
  nanosPerEvent(decider, short, events); // warm-up: let the JIT settle before measuring
  let bestShort = Infinity;
  let bestLong = Infinity;
  for (let run = 0; run < 7; run++) {
    bestShort = Math.min(bestShort, nanosPerEvent(decider, short, events));
    bestLong = Math.min(bestLong, nanosPerEvent(decider, long, events));
  }
  return bestLong / bestShort;
}
