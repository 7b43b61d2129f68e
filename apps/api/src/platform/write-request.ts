/*
 * Three things are easily all called "command"; here each has its own name:
 * - a request body (`RegisterAssociationBody`, libs/domain): what a client sends, validated;
 * - a decider command (`AssociationCommand`, libs/domain): what a decider decides on;
 * - a write request (`RegisterAssociationRequest`, beside each feature's handlers): the message
 *   a controller puts on Nest's command bus, a body or decider command plus its WriteContext.
 */

/** What every write answers (DESIGN §5): the new event ids and the stream revision. */
export type WriteAnswer = {
  readonly eventIds: string[];
  readonly revision: number | null;
  /** Global position of the last event: pass it as `minPosition` to read your own write. */
  readonly position: string | null;
};

/** A decider command without what the handler adds itself (e.g. `today`). */
export type Without<C, K extends string> = C extends unknown ? Omit<C, K> : never;
