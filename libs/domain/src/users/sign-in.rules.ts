import { DomainError, ensure } from '../errors';
import { isBefore } from '../shared/instants';
import type { UserCommand } from './user-commands';
import type { UserEvent } from './user-events';
import { userEvent } from './user-event-builders';
import { isLocked, secondFactorFor, type ExistingUser } from './user-state';

type SignIn = Extract<UserCommand, { type: 'SignIn' }>;
type AcceptInvitation = Extract<UserCommand, { type: 'AcceptInvitation' }>;
type SignInWithOidc = Extract<UserCommand, { type: 'SignInWithOidc' }>;

/**
 * Single sign-on for an account already invited with the address the provider verified. The
 * provider did the checking (and any second factor); a deactivated or locked account stays out,
 * recorded as any refused attempt. A user who never set a password may sign in this way too.
 */
export function decideSignInWithOidc(user: ExistingUser, command: SignInWithOidc): UserEvent[] {
  const { userId } = user;
  const { now } = command;
  if (user.status === 'deactivated') {
    return [userEvent('SignInFailed', now, { userId, at: now, reason: 'deactivated' })];
  }
  if (isLocked(user, now)) {
    return [userEvent('SignInFailed', now, { userId, at: now, reason: 'locked' })];
  }
  return [userEvent('SignedIn', now, { userId, at: now, method: 'oidc' })];
}

/**
 * A password sign-in. Failures are events, not errors, so they are recorded and counted; the
 * HTTP layer answers every `SignInFailed` (and an unknown address) with the one `sign_in_failed`.
 * Only a right password can lead to the second-factor errors.
 */
export function decideSignIn(user: ExistingUser, command: SignIn): UserEvent[] {
  const { userId } = user;
  const { now } = command;
  const failed = (reason: 'password' | 'totp' | 'totp_reused' | 'locked' | 'deactivated') => [
    userEvent('SignInFailed', now, { userId, at: now, reason }),
  ];
  if (user.status === 'deactivated') return failed('deactivated');
  if (isLocked(user, now)) return failed('locked');
  if (user.passwordHash === undefined || !command.passwordValid) return failed('password');

  switch (secondFactorFor(user, command.requireTotp)) {
    case 'none':
      return [userEvent('SignedIn', now, { userId, at: now, method: 'password' })];
    case 'totp': {
      const { totp } = command;
      if (totp === undefined) throw new DomainError('sign_in_totp_required');
      if (totp === 'invalid') return failed('totp');
      if (totp.step <= (user.totp?.lastStep ?? -1)) return failed('totp_reused');
      return [
        userEvent('SignedIn', now, { userId, at: now, method: 'password', totpStep: totp.step }),
      ];
    }
    case 'enrolment': {
      const enrolment = command.totpEnrolment;
      if (enrolment === undefined) throw new DomainError('sign_in_totp_enrolment_required');
      ensure(enrolment !== 'invalid', 'totp_code_invalid');
      return [
        userEvent('TotpEnabled', now, { userId, secret: enrolment.secret, step: enrolment.step }),
        userEvent('SignedIn', now, {
          userId,
          at: now,
          method: 'password',
          totpStep: enrolment.step,
        }),
      ];
    }
  }
}

/**
 * Accepting a link sets the password and signs in, unless a second factor is due: then the
 * person signs in with it next, so a link never bypasses TOTP.
 */
export function decideAcceptInvitation(user: ExistingUser, command: AcceptInvitation): UserEvent[] {
  const { userId } = user;
  const { now } = command;
  ensure(user.status !== 'deactivated', 'user_deactivated');
  const link = user.invitation;
  // Both are SHA-256 digests of a 256-bit secret: the attacker cannot steer the digest, so a plain
  // comparison leaks nothing a constant-time one would hide.
  const valid = link !== undefined && link.codeHash === command.codeHash;
  ensure(valid && isBefore(now, link.expiresAt), 'invitation_invalid');
  const events: UserEvent[] = [
    userEvent('InvitationAccepted', now, { userId }),
    userEvent('PasswordChanged', now, { userId, passwordHash: command.passwordHash }),
  ];
  if (secondFactorFor(user, command.requireTotp) === 'none') {
    events.push(userEvent('SignedIn', now, { userId, at: now, method: 'invitation' }));
  }
  return events;
}
