import { deciderSpec } from '../testing/decider-spec';
import { ASSOCIATION_ID } from '../testing/fixtures';
import {
  activeUser,
  admin,
  chief,
  foldUser,
  NOW,
  otherChief,
  USER_ID,
  userDeactivated,
} from '../testing/user-fixtures';
import { accountsDecider, registeredUsers, type AccountsCommand } from './user-deletion.decider';
import { AccountsEvent } from './user-events';
import { emailClaimStanding, type ExistingUser } from './user-state';

const spec = deciderSpec(accountsDecider);
const user = (role: 'chief' | 'staff' | 'admin') => foldUser(activeUser({ role })) as ExistingUser;
const del = (target: ExistingUser, actor = chief): AccountsCommand => ({
  type: 'DeleteUser',
  user: target,
  actor,
  now: NOW,
});

describe('accounts decider: deleting a user', () => {
  it('records the deletion without e-mail or name, for whoever manages the user', () => {
    spec
      .given([])
      .when(del(user('staff')))
      .then([
        {
          type: 'UserDeleted',
          data: {
            userId: USER_ID,
            role: 'staff',
            associationId: ASSOCIATION_ID,
            deletedBy: chief.sub,
            occurredOn: '2026-06-15',
          },
        },
      ]);
    const [event] = accountsDecider.decide(
      del(user('chief'), admin),
      accountsDecider.initialState(),
    );
    expect(AccountsEvent.parse(event)).toEqual(event);
    expect(JSON.stringify(event)).not.toMatch(/anna|berg|@/i);
  });

  it('nobody else deletes, and nobody deletes an admin', () => {
    spec
      .given([])
      .when(del(user('staff'), otherChief))
      .thenFails('user_change_not_allowed');
    spec
      .given([])
      .when(del(user('chief')))
      .thenFails('user_change_not_allowed');
    spec
      .given([])
      .when(del(user('admin'), admin))
      .thenFails('user_change_not_allowed');
  });
});

describe('accounts decider: the directory of users', () => {
  const register = (
    userId: string,
    associationId: string | undefined,
  ): Extract<AccountsCommand, { type: 'RegisterUser' }> => ({
    type: 'RegisterUser',
    userId,
    role: associationId === undefined ? 'admin' : 'staff',
    associationId,
    now: NOW,
  });
  const registered = (userId: string, associationId?: string) => ({
    type: 'UserRegistered' as const,
    data: { userId, ...(associationId ? { associationId } : {}), occurredOn: '2026-06-15' },
  });

  it('registers a user once, naming no address or name', () => {
    spec
      .given([])
      .when(register(USER_ID, ASSOCIATION_ID))
      .then([registered(USER_ID, ASSOCIATION_ID)]);
    spec
      .given([registered(USER_ID, ASSOCIATION_ID)])
      .when(register(USER_ID, ASSOCIATION_ID))
      .then([]);
  });

  it('refuses an admin with an association and anyone else without one', () => {
    spec
      .given([])
      .when({ ...register(USER_ID, ASSOCIATION_ID), role: 'admin' })
      .thenFails('user_association_mismatch');
    spec
      .given([])
      .when({ ...register(USER_ID, undefined), role: 'chief' })
      .thenFails('user_association_mismatch');
  });

  it('lists the users of an association, or all, without the deleted ones', () => {
    const events = [
      registered('U-00000000AD'),
      registered(USER_ID, ASSOCIATION_ID),
      registered('U-0000000002', 'F-0000000009'),
      {
        type: 'UserDeleted' as const,
        data: {
          userId: 'U-0000000002',
          role: 'staff' as const,
          deletedBy: 'x',
          occurredOn: '2026-06-15',
        },
      },
    ].map((e, i) => ({ ...e, id: String(i) }));
    const state = events.reduce(accountsDecider.evolve, accountsDecider.initialState());
    expect(registeredUsers(state, ASSOCIATION_ID)).toEqual([USER_ID]);
    expect(registeredUsers(state)).toEqual(['U-00000000AD', USER_ID]);
  });
});

describe('the e-mail address of a user', () => {
  it('is held while the user exists, deactivated or not, and lapses once its stream is gone', () => {
    expect(emailClaimStanding(foldUser(activeUser()))).toBe('holding');
    expect(emailClaimStanding(foldUser([...activeUser(), userDeactivated]))).toBe('holding');
    expect(emailClaimStanding(foldUser([]))).toBe('absent');
  });
});
