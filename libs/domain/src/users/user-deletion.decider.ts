import { ensure } from '../errors';
import type { Decider } from '../shared/decider';
import { swedishDate } from '../shared/dates';
import type { IsoInstant } from '../shared/instants';
import type { AccountActor } from './user-commands';
import type { AccountsEvent } from './user-events';
import { manages } from './user-rules';
import type { ExistingUser } from './user-state';

/**
 * Stream `accounts`: the facts about users that outlive their streams. Deleting a user writes
 * `UserDeleted` here, then deletes `user-<id>` (which also frees the address: its claim holds only
 * while the holder's stream exists), as erasure keeps `ParticipantErased` on the association's
 * stream. The handler gives the event an id derived from the user id, so a retry after a crash
 * appends nothing new and finishes the deletion.
 */
export type AccountsState = Record<string, never>;

export type AccountsCommand = {
  readonly type: 'DeleteUser';
  /** The user's state as read from `user-<id>`. */
  readonly user: ExistingUser;
  readonly actor: AccountActor;
  readonly now: IsoInstant;
};

export const accountsDecider: Decider<AccountsCommand, AccountsEvent, AccountsState> = {
  initialState: () => ({}),

  decide({ user, actor, now }) {
    ensure(manages(actor, user), 'user_change_not_allowed');
    const { userId, role, associationId } = user;
    return [
      {
        type: 'UserDeleted',
        data: {
          userId,
          role,
          ...(associationId === undefined ? {} : { associationId }),
          deletedBy: actor.sub,
          occurredOn: swedishDate(new Date(now)),
        },
      },
    ];
  },

  // Nothing to remember: deciding needs only the user's own state, and the store dedupes retries.
  evolve: (state) => state,
};
