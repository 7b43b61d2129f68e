import { ensure } from '../errors';
import { addMilliseconds, DAY_MS, isBefore } from '../shared/instants';
import type { UserCommand } from './user-commands';
import type { UserEvent } from './user-events';
import { userEvent } from './user-event-builders';
import { manages, MAX_API_TOKEN_DAYS, MAX_API_TOKENS, TOTP_ROLES } from './user-rules';
import { liveApiTokens, type ExistingUser } from './user-state';

type Command<T extends UserCommand['type']> = Extract<UserCommand, { type: T }>;

/** What only the account's owner may do, on an account that is in use. */
function ensureOwnActiveAccount(user: ExistingUser, sub: string): void {
  ensure(sub === user.userId, 'user_only_self');
  ensure(user.status !== 'deactivated', 'user_deactivated');
  ensure(user.status === 'active', 'user_not_activated');
}

export function decideChangePassword(
  user: ExistingUser,
  c: Command<'ChangePassword'>,
): UserEvent[] {
  ensureOwnActiveAccount(user, c.actor.sub);
  ensure(c.currentPasswordValid, 'user_current_password_incorrect');
  return [
    userEvent('PasswordChanged', c.now, { userId: user.userId, passwordHash: c.passwordHash }),
  ];
}

export function decideEnableTotp(user: ExistingUser, c: Command<'EnableTotp'>): UserEvent[] {
  ensureOwnActiveAccount(user, c.actor.sub);
  ensure(TOTP_ROLES.has(user.role), 'totp_not_for_role');
  ensure(user.totp === undefined, 'totp_already_enabled');
  ensure(c.enrolment !== 'invalid', 'totp_code_invalid');
  const { secret, step } = c.enrolment;
  return [userEvent('TotpEnabled', c.now, { userId: user.userId, secret, step })];
}

/**
 * The owner turns TOTP off with a fresh code (not when policy requires it); a manager may turn it
 * off without one, for someone who lost the app and must enrol again.
 */
export function decideDisableTotp(user: ExistingUser, c: Command<'DisableTotp'>): UserEvent[] {
  ensure(user.totp !== undefined, 'totp_not_enabled');
  if (c.actor.sub === user.userId) {
    ensure(!(c.requireTotp && TOTP_ROLES.has(user.role)), 'totp_required_for_role');
    const fresh = c.totp !== undefined && c.totp !== 'invalid' && c.totp.step > user.totp.lastStep;
    ensure(fresh, 'totp_code_invalid');
  } else {
    ensure(manages(c.actor, user), 'user_change_not_allowed');
  }
  return [userEvent('TotpDisabled', c.now, { userId: user.userId, disabledBy: c.actor.sub })];
}

export function decideCreateApiToken(
  user: ExistingUser,
  c: Command<'CreateApiToken'>,
): UserEvent[] {
  ensureOwnActiveAccount(user, c.actor.sub);
  const days = c.expiresInDays;
  ensure(Number.isInteger(days) && days >= 1 && days <= MAX_API_TOKEN_DAYS, 'api_token_lifetime');
  ensure(!user.tokens.has(c.tokenId), 'api_token_exists');
  ensure(liveApiTokens(user, c.now).length < MAX_API_TOKENS, 'api_token_limit');
  return [
    userEvent('ApiTokenCreated', c.now, {
      userId: user.userId,
      tokenId: c.tokenId,
      tokenHash: c.tokenHash,
      label: c.label,
      at: c.now,
      expiresAt: addMilliseconds(c.now, days * DAY_MS),
    }),
  ];
}

/** The owner, or whoever manages the user. An expired token is gone already: not found. */
export function decideRevokeApiToken(
  user: ExistingUser,
  c: Command<'RevokeApiToken'>,
): UserEvent[] {
  ensure(c.actor.sub === user.userId || manages(c.actor, user), 'user_change_not_allowed');
  const token = user.tokens.get(c.tokenId);
  ensure(token !== undefined && isBefore(c.now, token.expiresAt), 'api_token_not_found');
  return [
    userEvent('ApiTokenRevoked', c.now, {
      userId: user.userId,
      tokenId: c.tokenId,
      revokedBy: c.actor.sub,
    }),
  ];
}
