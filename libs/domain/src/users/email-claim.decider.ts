import { ensure } from '../errors';
import type { Decider } from '../shared/decider';
import { swedishDate } from '../shared/dates';
import { addMilliseconds, isBefore, MINUTE_MS, type IsoInstant } from '../shared/instants';
import type { EmailClaimEvent } from './user-events';

/**
 * Stream `email-<key>`: which user an address belongs to. The handler claims the address here
 * (appending with the revision it read) before it writes `UserInvited`, and signs in by reading
 * this stream, then the user's: both are reads of the log, so a new user can sign in at once and
 * two replicas cannot give one address to two users.
 */
export type EmailClaimState =
  { readonly holder: undefined } | { readonly holder: string; readonly claimedAt: IsoInstant };

export type EmailClaimCommand =
  | {
      readonly type: 'ClaimEmail';
      readonly userId: string;
      /** Whether the holder's stream `user-<holder>` exists (read by the handler). */
      readonly holderExists: boolean;
      readonly now: IsoInstant;
    }
  | { readonly type: 'ReleaseEmail'; readonly userId: string; readonly now: IsoInstant };

/**
 * A claim whose user was never written (the process stopped between the two appends) or whose
 * stream is gone frees the address after this long; sooner, the claimant may still be writing.
 */
export const ORPHAN_CLAIM_MS = 60 * MINUTE_MS;

export const emailClaimDecider: Decider<EmailClaimCommand, EmailClaimEvent, EmailClaimState> = {
  initialState: () => ({ holder: undefined }),

  decide(command, state) {
    const { userId, now } = command;
    const occurredOn = swedishDate(new Date(now));
    if (command.type === 'ReleaseEmail') {
      if (state.holder !== userId) return [];
      return [{ type: 'EmailReleased', data: { userId, occurredOn } }];
    }
    // A retry of the same invitation finds its own claim.
    if (state.holder === userId) return [];
    if (state.holder !== undefined) {
      const orphaned =
        !command.holderExists && !isBefore(now, addMilliseconds(state.claimedAt, ORPHAN_CLAIM_MS));
      ensure(orphaned, 'user_email_taken');
    }
    return [{ type: 'EmailClaimed', data: { userId, at: now, occurredOn } }];
  },

  evolve(_state, event) {
    return event.type === 'EmailClaimed'
      ? { holder: event.data.userId, claimedAt: event.data.at }
      : { holder: undefined };
  },
};
