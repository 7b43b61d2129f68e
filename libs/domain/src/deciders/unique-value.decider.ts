import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { DomainError } from '../errors';
import type { UniqueScope, UniqueValueEvent } from '../events';
import type { IsoDate } from '../shared/dates';
import type { Decider } from '../shared/decider';

/**
 * Uniqueness across streams: a value only one holder may have at a time (an open insats's name
 * within its association; later a user's e-mail address).
 *
 * Why a stream per value: each value gets its own small stream, `unique-<scope>-<hash>`, and a
 * holder claims it by appending with the revision it read. Two simultaneous claims cannot both
 * succeed: the store refuses the second append, whose retry then sees the first claim. The hash
 * keeps the value itself (an e-mail address) out of the stream name; the same stream answers
 * "who holds this value?" (sign-in by e-mail). One stream per value rather than an event on
 * the association's stream, because e-mail addresses are unique across every association, and
 * because registering insatser should not contend with everything else the association's stream
 * takes.
 *
 * A claim is never released by an event of its own: it holds while its holder holds the value,
 * as the holder's own stream says (an insats holds its name until it is closed or its planned
 * end has passed). So closing an insats frees its name with nothing more to write, and nothing
 * can leave a stale claim behind: a holder that never came to exist (the process died between
 * the claim and the registration) loses its claim after `ABANDONED_CLAIM_MS`. Logs from before
 * uniqueness have no claims: their insatser are not compared, and replay as before.
 */

/** The holder of the current claim, as read from its own stream. */
export type HolderStatus = 'holding' | 'released' | 'absent';

export type UniqueValueState =
  | { readonly status: 'free' }
  | { readonly status: 'claimed'; readonly holderId: string; readonly claimedAt: string };

export type UniqueValueCommand = {
  type: 'ClaimUniqueValue';
  scope: UniqueScope;
  holderId: string;
  /** The current claimant's standing (ignored when the value is free or already this holder's). */
  currentHolder: HolderStatus;
  today: IsoDate;
  now: Date;
};

/** Longer than any registration takes between its claim and its own write. */
export const ABANDONED_CLAIM_MS = 60_000;

const taken: Readonly<Record<UniqueScope, (holderId: string) => DomainError>> = {
  'intervention-name': (holderId) =>
    new DomainError('intervention_name_taken', { interventionId: holderId }),
  // Which account holds an address is not said: the inviter learns only that it is taken.
  'user-email': () => new DomainError('user_email_taken'),
};

/** The stream of one value in one scope. */
export function uniqueValueStream(scope: UniqueScope, value: string): string {
  const hash = bytesToHex(sha256(utf8ToBytes(`${scope}\u0000${value}`)));
  return `unique-${scope}-${hash}`;
}

/** Another holder's claim no longer holds: it let go of the value, or never came to exist. */
function hasLapsed(
  claim: Extract<UniqueValueState, { status: 'claimed' }>,
  command: UniqueValueCommand,
): boolean {
  if (command.currentHolder === 'released') return true;
  const age = command.now.getTime() - Date.parse(claim.claimedAt);
  return command.currentHolder === 'absent' && age > ABANDONED_CLAIM_MS;
}

export const uniqueValueDecider: Decider<UniqueValueCommand, UniqueValueEvent, UniqueValueState> = {
  initialState: () => ({ status: 'free' }),

  decide(command, state) {
    if (state.status === 'claimed') {
      // A retried claim (same Idempotency-Key, same holder) has nothing more to record.
      if (state.holderId === command.holderId) return [];
      if (!hasLapsed(state, command)) throw taken[command.scope](state.holderId);
    }
    return [
      {
        type: 'UniqueValueClaimed',
        data: {
          scope: command.scope,
          holderId: command.holderId,
          claimedAt: command.now.toISOString(),
          occurredOn: command.today,
        },
      },
    ];
  },

  evolve(_state, event) {
    const { holderId, claimedAt } = event.data;
    return { status: 'claimed', holderId, claimedAt };
  },
};
