import { DomainError, type DomainErrorCode } from '../errors';
import type { Decider, Recorded } from '../shared/decider';

/** Deterministic uuid-shaped ids, so a test can retract "the event with id n". */
export const eventId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Given/when/then for a decider: the given events are folded with `evolve` (ids 1, 2, … unless
 * the event carries its own), the command is decided against that state.
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly (E | Recorded<E>)[]) {
      const recorded = events.map((e, i) => ({ id: eventId(i + 1), ...e }));
      const state = recorded.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            /** Refused with `code`, and with exactly `message` when given. */
            thenFails(code: DomainErrorCode, message?: string) {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
              if (message !== undefined) expect((error as DomainError).message).toBe(message);
            },
          };
        },
      };
    },
  };
}
