import { ensure } from '../errors';
import { addMilliseconds, isBefore } from '../shared/instants';
import type { Decider } from '../shared/decider';
import {
  decideChangePassword,
  decideCreateApiToken,
  decideDisableTotp,
  decideEnableTotp,
  decideRevokeApiToken,
} from './credential.rules';
import {
  decideAssignInterventions,
  decideChangeRole,
  decideCreateUser,
  decideDeactivateUser,
  decideInviteUser,
  decideReissueInvitation,
} from './membership.rules';
import { decideAcceptInvitation, decideSignIn, decideSignInWithOidc } from './sign-in.rules';
import type { UserCommand } from './user-commands';
import type { UserEvent } from './user-events';
import { LOCK_AFTER_FAILURES, LOCK_MS } from './user-rules';
import type { ApiTokenState, ExistingUser, UserState } from './user-state';

/** Stream `user-<id>`: a person's account (DESIGN §7). The rules live in the *.rules.ts beside it. */
export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'InviteUser' || command.type === 'CreateUser') {
      ensure(state.status === 'none', 'user_already_exists');
      return command.type === 'InviteUser' ? decideInviteUser(command) : decideCreateUser(command);
    }
    ensure(state.status !== 'none', 'user_not_found');
    switch (command.type) {
      case 'ReissueInvitation':
        return decideReissueInvitation(state, command);
      case 'AcceptInvitation':
        return decideAcceptInvitation(state, command);
      case 'SignIn':
        return decideSignIn(state, command);
      case 'SignInWithOidc':
        return decideSignInWithOidc(state, command);
      case 'ChangePassword':
        return decideChangePassword(state, command);
      case 'ChangeRole':
        return decideChangeRole(state, command);
      case 'AssignInterventions':
        return decideAssignInterventions(state, command);
      case 'DeactivateUser':
        return decideDeactivateUser(state, command);
      case 'EnableTotp':
        return decideEnableTotp(state, command);
      case 'DisableTotp':
        return decideDisableTotp(state, command);
      case 'CreateApiToken':
        return decideCreateApiToken(state, command);
      case 'RevokeApiToken':
        return decideRevokeApiToken(state, command);
    }
  },

  // Every step copies a fixed number of fields (tokens: at most MAX_API_TOKENS + 1), so folding a
  // stream of n sign-ins costs O(n) however long the account lives.
  evolve(state, event) {
    if (event.type === 'UserInvited') {
      const d = event.data;
      return {
        status: 'invited',
        userId: d.userId,
        email: d.email,
        name: d.name,
        role: d.role,
        associationId: d.associationId,
        interventionIds: d.interventionIds,
        passwordHash: undefined,
        invitation: d.invitation,
        failuresInARow: 0,
        lockedUntil: undefined,
        totp: undefined,
        tokens: new Map(),
      };
    }
    if (state.status === 'none') return state;
    return evolveExisting(state, event);
  },
};

function evolveExisting(user: ExistingUser, event: UserEvent): ExistingUser {
  switch (event.type) {
    case 'UserInvited':
      return user;
    case 'InvitationReissued':
      return { ...user, invitation: event.data.invitation };
    case 'InvitationAccepted':
      return { ...user, invitation: undefined };
    case 'PasswordChanged':
      return {
        ...user,
        passwordHash: event.data.passwordHash,
        status: user.status === 'deactivated' ? 'deactivated' : 'active',
      };
    case 'RoleChanged':
      return { ...user, role: event.data.role, interventionIds: event.data.interventionIds };
    case 'InterventionsAssigned':
      return { ...user, interventionIds: event.data.interventionIds };
    case 'UserDeactivated':
      return { ...user, status: 'deactivated', invitation: undefined };
    case 'SignedIn': {
      const step = event.data.totpStep;
      const totp = user.totp && step !== undefined ? { ...user.totp, lastStep: step } : user.totp;
      return { ...user, failuresInARow: 0, totp };
    }
    case 'SignInFailed':
      return countFailure(user, event.data.reason, event.data.at);
    case 'TotpEnabled':
      return { ...user, totp: { secret: event.data.secret, lastStep: event.data.step } };
    case 'TotpDisabled':
      return { ...user, totp: undefined };
    case 'ApiTokenCreated': {
      const { tokenId, tokenHash, label, at, expiresAt } = event.data;
      // Tokens expired by now are dropped, which keeps the map within MAX_API_TOKENS.
      const tokens = new Map<string, ApiTokenState>();
      for (const [id, token] of user.tokens)
        if (isBefore(at, token.expiresAt)) tokens.set(id, token);
      tokens.set(tokenId, { tokenId, tokenHash, label, createdAt: at, expiresAt });
      return { ...user, tokens };
    }
    case 'ApiTokenRevoked': {
      const tokens = new Map(user.tokens);
      tokens.delete(event.data.tokenId);
      return { ...user, tokens };
    }
  }
}

/**
 * The lock is a fold of the failures: the 10th wrong answer in a row locks the account for 15
 * minutes from that attempt and starts the count again. Attempts while locked or deactivated are
 * recorded but not counted, so they do not prolong a lock.
 */
function countFailure(user: ExistingUser, reason: string, at: string): ExistingUser {
  if (reason === 'locked' || reason === 'deactivated') return user;
  const failures = user.failuresInARow + 1;
  if (failures < LOCK_AFTER_FAILURES) return { ...user, failuresInARow: failures };
  return { ...user, failuresInARow: 0, lockedUntil: addMilliseconds(at, LOCK_MS) };
}
