import { deciderSpec } from '../testing/decider-spec';
import { ASSOCIATION_ID, INTERVENTION_ID } from '../testing/fixtures';
import {
  foldUser as fold,
  activeUser,
  admin,
  chief,
  CODE_HASH,
  interventionsFound,
  later,
  NEW_PASSWORD_HASH,
  NOW,
  OTHER_ASSOCIATION_ID,
  OTHER_CODE_HASH,
  OTHER_INTERVENTION_ID,
  otherChief,
  PASSWORD_HASH,
  self,
  staffActor,
  USER_ID,
  userDeactivated,
  userInvited,
} from '../testing/user-fixtures';
import type { AccountActor, UserCommand } from './user-commands';
import { UserEvent } from './user-events';
import { userDecider } from './user.decider';

const spec = deciderSpec(userDecider);
const DAY = 24 * 3600_000;
const today = '2026-06-15';

const invite = (
  actor: AccountActor,
  role: 'admin' | 'chief' | 'staff' | 'board',
  more: { associationId?: string; interventionIds?: string[] } = {},
): UserCommand => ({
  type: 'InviteUser',
  userId: USER_ID,
  email: 'anna.berg@kommun.se',
  name: 'Anna Berg',
  role,
  associationId: 'associationId' in more ? more.associationId : ASSOCIATION_ID,
  interventionIds: more.interventionIds ?? [],
  interventions: interventionsFound,
  codeHash: CODE_HASH,
  actor,
  now: NOW,
});
const accept = (codeHash = CODE_HASH, now = NOW): UserCommand => ({
  type: 'AcceptInvitation',
  codeHash,
  passwordHash: NEW_PASSWORD_HASH,
  requireTotp: false,
  now,
});
const reissue = (actor: AccountActor = chief): UserCommand => ({
  type: 'ReissueInvitation',
  codeHash: OTHER_CODE_HASH,
  actor,
  now: NOW,
});
const changeRole = (
  role: 'admin' | 'chief' | 'staff' | 'board',
  interventionIds?: string[],
  actor: AccountActor = chief,
): UserCommand => ({
  type: 'ChangeRole',
  role,
  ...(interventionIds === undefined ? {} : { interventionIds }),
  interventions: interventionsFound,
  actor,
  now: NOW,
});
const assign = (interventionIds: string[], actor: AccountActor = chief): UserCommand => ({
  type: 'AssignInterventions',
  interventionIds,
  interventions: interventionsFound,
  actor,
  now: NOW,
});
const deactivate = (actor: AccountActor = chief): UserCommand => ({
  type: 'DeactivateUser',
  actor,
  now: NOW,
});

describe('user decider: who may invite whom', () => {
  it('an admin invites a chief of any association, with a link valid for 7 days', () => {
    spec
      .given([])
      .when(invite(admin, 'chief', { associationId: OTHER_ASSOCIATION_ID }))
      .then([
        {
          type: 'UserInvited',
          data: {
            userId: USER_ID,
            email: 'anna.berg@kommun.se',
            name: 'Anna Berg',
            role: 'chief',
            associationId: OTHER_ASSOCIATION_ID,
            interventionIds: [],
            invitedBy: admin.sub,
            invitation: { codeHash: CODE_HASH, expiresAt: '2026-06-22T08:00:00.000Z' },
            occurredOn: today,
          },
        },
      ]);
  });

  it.each(['staff', 'board'] as const)('an admin does not invite %s', (role) =>
    spec.given([]).when(invite(admin, role)).thenFails('user_invite_not_allowed'),
  );

  it('nobody invites an admin', () => {
    spec
      .given([])
      .when(invite(admin, 'admin', { associationId: undefined }))
      .thenFails('user_invite_not_allowed');
  });

  it('a chief invites board members and staff of its own association', () => {
    const [board] = userDecider.decide(invite(chief, 'board'), { status: 'none' });
    expect(board).toMatchObject({ data: { role: 'board', associationId: ASSOCIATION_ID } });
    const [staff] = userDecider.decide(
      invite(chief, 'staff', { interventionIds: [INTERVENTION_ID, INTERVENTION_ID] }),
      { status: 'none' },
    );
    expect(staff).toMatchObject({ data: { role: 'staff', interventionIds: [INTERVENTION_ID] } });
  });

  it('a chief invites nobody into another association, and no chief', () => {
    spec
      .given([])
      .when(invite(chief, 'board', { associationId: OTHER_ASSOCIATION_ID }))
      .thenFails('user_invite_not_allowed');
    spec.given([]).when(invite(chief, 'chief')).thenFails('user_invite_not_allowed');
  });

  it('staff and board members invite nobody', () => {
    spec.given([]).when(invite(staffActor, 'board')).thenFails('user_invite_not_allowed');
    const board = { ...staffActor, role: 'board' as const };
    spec.given([]).when(invite(board, 'board')).thenFails('user_invite_not_allowed');
  });

  it('staff need at least one intervention, of their own association', () => {
    spec.given([]).when(invite(chief, 'staff')).thenFails('user_interventions_required');
    spec
      .given([])
      .when(invite(chief, 'staff', { interventionIds: [OTHER_INTERVENTION_ID] }))
      .thenFails('user_intervention_not_in_association');
    spec
      .given([])
      .when(invite(chief, 'staff', { interventionIds: ['I-000000000X'] }))
      .thenFails('intervention_not_found');
  });

  it('only staff are tied to interventions', () => {
    spec
      .given([])
      .when(invite(chief, 'board', { interventionIds: [INTERVENTION_ID] }))
      .thenFails('user_interventions_only_for_staff');
  });

  it('a user id is used once', () => {
    spec.given([userInvited()]).when(invite(chief, 'board')).thenFails('user_already_exists');
  });
});

describe('user decider: users created with a password', () => {
  const create = (role: 'admin' | 'chief', associationId?: string): UserCommand => ({
    type: 'CreateUser',
    userId: USER_ID,
    email: 'admin@forbund.se',
    name: 'Admin',
    role,
    associationId,
    interventionIds: [],
    interventions: [],
    createdBy: 'setup',
    passwordHash: PASSWORD_HASH,
    now: NOW,
  });

  it('the first admin has no association and a password at once', () => {
    const events = userDecider.decide(create('admin'), { status: 'none' });
    expect(events.map((e) => e.type)).toEqual(['UserInvited', 'PasswordChanged']);
    expect(events[0]?.data).not.toHaveProperty('associationId');
    expect(events[0]?.data).not.toHaveProperty('invitation');
  });

  it('an admin belongs to no association; every other role to one', () => {
    spec.given([]).when(create('admin', ASSOCIATION_ID)).thenFails('user_association_mismatch');
    spec.given([]).when(create('chief')).thenFails('user_association_mismatch');
  });
});

describe('user decider: invitation links', () => {
  it('accepting sets the password hash and signs in', () => {
    spec
      .given([userInvited()])
      .when(accept())
      .then([
        { type: 'InvitationAccepted', data: { userId: USER_ID, occurredOn: today } },
        {
          type: 'PasswordChanged',
          data: { userId: USER_ID, passwordHash: NEW_PASSWORD_HASH, occurredOn: today },
        },
        {
          type: 'SignedIn',
          data: { userId: USER_ID, at: NOW, method: 'invitation', occurredOn: today },
        },
      ]);
  });

  it('a link works until 7 days have passed, not after', () => {
    const justBefore = userDecider.decide(
      accept(CODE_HASH, later(7 * DAY - 1)),
      fold([userInvited()]),
    );
    expect(justBefore[0]?.type).toBe('InvitationAccepted');
    spec
      .given([userInvited()])
      .when(accept(CODE_HASH, later(7 * DAY)))
      .thenFails('invitation_invalid');
  });

  it('a link works once', () => {
    const events = userDecider.decide(accept(), fold([userInvited()]));
    spec
      .given([userInvited(), ...events])
      .when(accept())
      .thenFails('invitation_invalid');
  });

  it('a wrong code is refused', () => {
    spec.given([userInvited()]).when(accept(OTHER_CODE_HASH)).thenFails('invitation_invalid');
  });

  it('a new link replaces the previous one: the old code stops working', () => {
    const [reissued] = userDecider.decide(reissue(), fold([userInvited()]));
    expect(reissued).toMatchObject({
      type: 'InvitationReissued',
      data: { invitation: { codeHash: OTHER_CODE_HASH, expiresAt: later(7 * DAY) } },
    });
    const given = [userInvited(), reissued as UserEvent];
    spec.given(given).when(accept(CODE_HASH)).thenFails('invitation_invalid');
    expect(userDecider.decide(accept(OTHER_CODE_HASH), fold(given))[0]?.type).toBe(
      'InvitationAccepted',
    );
  });

  it('a new link resets a forgotten password of an active user', () => {
    const [reissued] = userDecider.decide(reissue(), fold(activeUser()));
    const events = userDecider.decide(
      accept(OTHER_CODE_HASH),
      fold([...activeUser(), reissued as UserEvent]),
    );
    expect(events.map((e) => e.type)).toEqual([
      'InvitationAccepted',
      'PasswordChanged',
      'SignedIn',
    ]);
  });

  it('new links come from whoever manages the user: the admin for chiefs', () => {
    const chiefUser = [userInvited({ role: 'chief' })];
    expect(userDecider.decide(reissue(admin), fold(chiefUser))).toHaveLength(1);
    spec.given(chiefUser).when(reissue(chief)).thenFails('user_change_not_allowed');
    spec.given([userInvited()]).when(reissue(otherChief)).thenFails('user_change_not_allowed');
    spec.given([userInvited()]).when(reissue(admin)).thenFails('user_change_not_allowed');
  });
});

describe('user decider: roles and interventions', () => {
  it('the chief moves a staff member to the board, which drops the interventions', () => {
    spec
      .given(activeUser())
      .when(changeRole('board'))
      .then([
        {
          type: 'RoleChanged',
          data: {
            userId: USER_ID,
            role: 'board',
            interventionIds: [],
            changedBy: chief.sub,
            occurredOn: today,
          },
        },
      ]);
  });

  it('a board member made staff needs interventions of the association', () => {
    const board = activeUser({ role: 'board' });
    spec.given(board).when(changeRole('staff')).thenFails('user_interventions_required');
    spec
      .given(board)
      .when(changeRole('staff', [OTHER_INTERVENTION_ID]))
      .thenFails('user_intervention_not_in_association');
    const [changed] = userDecider.decide(changeRole('staff', [INTERVENTION_ID]), fold(board));
    expect(changed?.data).toMatchObject({ role: 'staff', interventionIds: [INTERVENTION_ID] });
  });

  it('nobody raises a user to chief or admin, nor changes a chief or an admin', () => {
    spec.given(activeUser()).when(changeRole('chief')).thenFails('user_change_not_allowed');
    spec.given(activeUser()).when(changeRole('admin')).thenFails('user_change_not_allowed');
    const chiefUser = activeUser({ role: 'chief' });
    spec.given(chiefUser).when(changeRole('board')).thenFails('user_change_not_allowed');
    spec
      .given(chiefUser)
      .when(changeRole('board', undefined, admin))
      .thenFails('user_change_not_allowed');
    const adminUser = activeUser({ role: 'admin' });
    spec
      .given(adminUser)
      .when(changeRole('board', undefined, admin))
      .thenFails('user_change_not_allowed');
  });

  it('the chief of another association changes nothing', () => {
    spec
      .given(activeUser())
      .when(changeRole('board', undefined, otherChief))
      .thenFails('user_change_not_allowed');
    spec
      .given(activeUser())
      .when(assign([INTERVENTION_ID], otherChief))
      .thenFails('user_change_not_allowed');
  });

  it('the same role again changes nothing', () => {
    spec.given(activeUser()).when(changeRole('staff')).then([]);
  });

  it('the chief assigns a staff member the whole new set of interventions', () => {
    const given = activeUser({ role: 'staff', interventionIds: [] });
    spec
      .given(given)
      .when(assign([INTERVENTION_ID]))
      .then([
        {
          type: 'InterventionsAssigned',
          data: {
            userId: USER_ID,
            interventionIds: [INTERVENTION_ID],
            assignedBy: chief.sub,
            occurredOn: today,
          },
        },
      ]);
    spec
      .given(activeUser())
      .when(assign([INTERVENTION_ID]))
      .then([]);
    spec.given(activeUser()).when(assign([])).thenFails('user_interventions_required');
    spec
      .given(activeUser())
      .when(assign([OTHER_INTERVENTION_ID]))
      .thenFails('user_intervention_not_in_association');
  });

  it('interventions are for staff only', () => {
    spec
      .given(activeUser({ role: 'board' }))
      .when(assign([INTERVENTION_ID]))
      .thenFails('user_interventions_only_for_staff');
  });
});

describe('user decider: deactivation', () => {
  it('the chief deactivates its staff, the admin its chiefs; once is enough', () => {
    spec
      .given(activeUser())
      .when(deactivate())
      .then([
        {
          type: 'UserDeactivated',
          data: { userId: USER_ID, deactivatedBy: chief.sub, occurredOn: today },
        },
      ]);
    expect(userDecider.decide(deactivate(admin), fold(activeUser({ role: 'chief' })))).toHaveLength(
      1,
    );
    spec
      .given([...activeUser(), userDeactivated])
      .when(deactivate())
      .then([]);
  });

  it('nobody else deactivates', () => {
    spec.given(activeUser()).when(deactivate(otherChief)).thenFails('user_change_not_allowed');
    spec.given(activeUser()).when(deactivate(staffActor)).thenFails('user_change_not_allowed');
    spec.given(activeUser()).when(deactivate(self())).thenFails('user_change_not_allowed');
  });

  it('a deactivated user cannot accept a link, get a new one or be changed', () => {
    const given = [userInvited(), userDeactivated];
    spec.given(given).when(accept()).thenFails('user_deactivated');
    spec.given(given).when(reissue()).thenFails('user_deactivated');
    spec.given(given).when(changeRole('board')).thenFails('user_deactivated');
  });

  it('a deactivated user cannot sign in: the attempt is recorded', () => {
    spec
      .given([...activeUser(), userDeactivated])
      .when({ type: 'SignIn', passwordValid: true, requireTotp: false, now: NOW })
      .then([
        {
          type: 'SignInFailed',
          data: { userId: USER_ID, at: NOW, reason: 'deactivated', occurredOn: today },
        },
      ]);
  });
});

describe('user decider: changing one\u2019s password', () => {
  const change = (currentPasswordValid: boolean, actor = self()): UserCommand => ({
    type: 'ChangePassword',
    currentPasswordValid,
    passwordHash: NEW_PASSWORD_HASH,
    actor,
    now: NOW,
  });

  it('the owner changes it with the current password', () => {
    spec
      .given(activeUser())
      .when(change(true))
      .then([
        {
          type: 'PasswordChanged',
          data: { userId: USER_ID, passwordHash: NEW_PASSWORD_HASH, occurredOn: today },
        },
      ]);
    spec.given(activeUser()).when(change(false)).thenFails('user_current_password_incorrect');
  });

  it('only the owner, and only once the account is in use', () => {
    spec.given(activeUser()).when(change(true, chief)).thenFails('user_only_self');
    spec.given([userInvited()]).when(change(true)).thenFails('user_not_activated');
    spec
      .given([...activeUser(), userDeactivated])
      .when(change(true))
      .thenFails('user_deactivated');
  });
});

it('every event the decider writes is valid by its schema', () => {
  const state = fold([userInvited()]);
  for (const event of [
    ...userDecider.decide(invite(chief, 'staff', { interventionIds: [INTERVENTION_ID] }), {
      status: 'none',
    }),
    ...userDecider.decide(accept(), state),
    ...userDecider.decide(reissue(), state),
  ]) {
    expect(UserEvent.safeParse(event).error).toBeUndefined();
  }
});
