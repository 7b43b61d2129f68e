import { ensure } from '../errors';
import { addMilliseconds } from '../shared/instants';
import type { UserCommand } from './user-commands';
import type { UserEvent } from './user-events';
import { userEvent } from './user-event-builders';
import { checkedInterventions, ensureRoleShape, INVITATION_VALID_MS, manages } from './user-rules';
import type { ExistingUser } from './user-state';

type Command<T extends UserCommand['type']> = Extract<UserCommand, { type: T }>;

const link = (codeHash: string, now: string) => ({
  codeHash,
  expiresAt: addMilliseconds(now, INVITATION_VALID_MS),
});

export function decideInviteUser(c: Command<'InviteUser'>): UserEvent[] {
  ensureRoleShape(c);
  ensure(manages(c.actor, c), 'user_invite_not_allowed');
  const interventionIds = checkedInterventions(c, c.interventionIds, c.interventions);
  return [
    userEvent('UserInvited', c.now, {
      ...profile(c),
      interventionIds,
      invitedBy: c.actor.sub,
      invitation: link(c.codeHash, c.now),
    }),
  ];
}

export function decideCreateUser(c: Command<'CreateUser'>): UserEvent[] {
  ensureRoleShape(c);
  const interventionIds = checkedInterventions(c, c.interventionIds, c.interventions);
  return [
    userEvent('UserInvited', c.now, { ...profile(c), interventionIds, invitedBy: c.createdBy }),
    userEvent('PasswordChanged', c.now, { userId: c.userId, passwordHash: c.passwordHash }),
  ];
}

function profile(c: Command<'InviteUser' | 'CreateUser'>) {
  const { userId, email, name, role, associationId } = c;
  return { userId, email, name, role, ...(associationId === undefined ? {} : { associationId }) };
}

/** Who manages a user, of a user still in use: changes to a deactivated account are refused. */
function ensureManagedActive(
  user: ExistingUser,
  c: Command<'ReissueInvitation' | 'ChangeRole' | 'AssignInterventions'>,
): void {
  ensure(manages(c.actor, user), 'user_change_not_allowed');
  ensure(user.status !== 'deactivated', 'user_deactivated');
}

export function decideReissueInvitation(
  user: ExistingUser,
  c: Command<'ReissueInvitation'>,
): UserEvent[] {
  ensureManagedActive(user, c);
  return [
    userEvent('InvitationReissued', c.now, {
      userId: user.userId,
      invitation: link(c.codeHash, c.now),
      issuedBy: c.actor.sub,
    }),
  ];
}

/**
 * Allowed when the actor manages the user both before and after, so nobody can raise a user
 * above what they manage: in effect the chief moves people between staff and board.
 */
export function decideChangeRole(user: ExistingUser, c: Command<'ChangeRole'>): UserEvent[] {
  ensureManagedActive(user, c);
  const after = { role: c.role, associationId: user.associationId };
  ensure(manages(c.actor, after), 'user_change_not_allowed');
  if (c.role === user.role && c.interventionIds === undefined) return [];
  const interventionIds = checkedInterventions(after, c.interventionIds ?? [], c.interventions);
  if (c.role === user.role && sameIds(interventionIds, user.interventionIds)) return [];
  return [
    userEvent('RoleChanged', c.now, {
      userId: user.userId,
      role: c.role,
      interventionIds,
      changedBy: c.actor.sub,
    }),
  ];
}

export function decideAssignInterventions(
  user: ExistingUser,
  c: Command<'AssignInterventions'>,
): UserEvent[] {
  ensureManagedActive(user, c);
  ensure(user.role === 'staff', 'user_interventions_only_for_staff');
  const interventionIds = checkedInterventions(user, c.interventionIds, c.interventions);
  if (sameIds(interventionIds, user.interventionIds)) return [];
  return [
    userEvent('InterventionsAssigned', c.now, {
      userId: user.userId,
      interventionIds,
      assignedBy: c.actor.sub,
    }),
  ];
}

export function decideDeactivateUser(
  user: ExistingUser,
  c: Command<'DeactivateUser'>,
): UserEvent[] {
  ensure(manages(c.actor, user), 'user_change_not_allowed');
  if (user.status === 'deactivated') return [];
  return [userEvent('UserDeactivated', c.now, { userId: user.userId, deactivatedBy: c.actor.sub })];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(b);
  return a.length === b.length && a.every((id) => set.has(id));
}
