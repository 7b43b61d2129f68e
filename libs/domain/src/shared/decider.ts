/** An event as stored: the decider's output plus the id the store knows it by. */
export type Recorded<E> = E & { readonly id: string };

/**
 * A decider is the whole behaviour of one stream type as pure functions:
 * `decide` turns a command and the current state into new events (or throws a DomainError),
 * `evolve` folds one recorded event into the state.
 */
export type Decider<Command, Event, State> = {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Recorded<Event>) => State;
  readonly initialState: () => State;
};

export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Recorded<Event>[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
