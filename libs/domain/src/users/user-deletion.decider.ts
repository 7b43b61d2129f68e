import { ensure } from '../errors';
import type { Decider } from '../shared/decider';
import { swedishDate } from '../shared/dates';
import type { IsoInstant } from '../shared/instants';
import type { AccountActor } from './user-commands';
import type { AccountsEvent } from './user-events';
import { ensureRoleShape, manages } from './user-rules';
import type { ExistingUser } from './user-state';

/**
 * Stream `accounts`: the facts about users that outlive their streams, and the directory of who
 * exists. Inviting or creating a user writes `UserRegistered` here first (so a user whose own
 * write then failed is listed and skipped, never lost). Deleting a user writes `UserDeleted`
 * here, then deletes `user-<id>` (which also frees the address: its claim holds only while the
 * holder's stream exists), as erasure keeps `ParticipantErased` on the association's stream. The
 * handler gives both events ids derived from the user id, so a retry after a crash appends
 * nothing new.
 */
export type AccountsState = {
  /** Users registered and not deleted, with their association (none for admins). */
  readonly users: ReadonlyMap<string, { readonly associationId: string | undefined }>;
};

export type AccountsCommand =
  | {
      readonly type: 'RegisterUser';
      readonly userId: string;
      readonly role: ExistingUser['role'];
      readonly associationId: string | undefined;
      readonly now: IsoInstant;
    }
  | {
      readonly type: 'DeleteUser';
      /** The user's state as read from `user-<id>`. */
      readonly user: ExistingUser;
      readonly actor: AccountActor;
      readonly now: IsoInstant;
    };

export const accountsDecider: Decider<AccountsCommand, AccountsEvent, AccountsState> = {
  initialState: () => ({ users: new Map() }),

  decide(command, state) {
    const occurredOn = swedishDate(new Date(command.now));
    if (command.type === 'RegisterUser') {
      const { userId, associationId } = command;
      ensureRoleShape(command);
      if (state.users.has(userId)) return [];
      return [
        {
          type: 'UserRegistered',
          data: { userId, ...(associationId === undefined ? {} : { associationId }), occurredOn },
        },
      ];
    }
    const { user, actor } = command;
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
          occurredOn,
        },
      },
    ];
  },

  evolve(state, event) {
    const users = new Map(state.users);
    if (event.type === 'UserRegistered') {
      users.set(event.data.userId, { associationId: event.data.associationId });
    } else {
      users.delete(event.data.userId);
    }
    return { users };
  },
};

/** The users of one association (or, with `undefined`, every user), in the order registered. */
export function registeredUsers(state: AccountsState, associationId?: string): string[] {
  return [...state.users]
    .filter(([, u]) => associationId === undefined || u.associationId === associationId)
    .map(([userId]) => userId);
}
