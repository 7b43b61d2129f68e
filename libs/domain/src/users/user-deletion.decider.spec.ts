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
import { accountsDecider, type AccountsCommand } from './user-deletion.decider';
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
    const [event] = accountsDecider.decide(del(user('chief'), admin), {});
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

describe('the e-mail address of a user', () => {
  it('is held while the user exists, deactivated or not, and lapses once its stream is gone', () => {
    expect(emailClaimStanding(foldUser(activeUser()))).toBe('holding');
    expect(emailClaimStanding(foldUser([...activeUser(), userDeactivated]))).toBe('holding');
    expect(emailClaimStanding(foldUser([]))).toBe('absent');
  });
});
