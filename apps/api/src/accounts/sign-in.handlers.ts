import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import {
  beginTotpEnrolment,
  emailKey,
  hashPassword,
  SecretBox,
  SecretBoxError,
  sha256Hex,
  totpEnrolment,
  totpProof,
  userIdOfInvitationCode,
  verifyPassword,
  verifyWithoutAccount,
} from '@stegvis/credentials';
import {
  DomainError,
  domainErrors,
  secondFactorFor,
  type ExistingUser,
  type TotpEnrolment,
} from '@stegvis/domain';
import {
  SESSION_STORE,
  SIGN_IN_THROTTLE,
  THROTTLE_WINDOW_MS,
  throttleVerdict,
  type SessionStore,
  type SignInThrottle,
} from '@stegvis/sessions';
import { setTimeout as delay } from 'node:timers/promises';
import { Problem } from '../platform/problem';
import { meOf } from './account-answers';
import {
  AcceptInvitation,
  SetUpFirstAdmin,
  SignIn,
  type SecondFactorDue,
  type SignedIn,
} from './account-commands';
import { setupUnavailable, signInFailed, tooManyAttempts } from './account-problems';
import { createUserWithPassword } from './create-user';
import { FirstAdminSetup } from './first-admin-setup';
import { TOTP_BOX } from './totp-box';
import { UserAccounts } from './user-accounts';

/** A session for a user who just proved who they are. */
async function sessionFor(sessions: SessionStore, user: ExistingUser): Promise<SignedIn> {
  const { sessionId, csrfToken } = await sessions.create(user.userId);
  return { kind: 'signed-in', me: meOf(user), sessionId, csrfToken };
}

/**
 * `POST /v1/auth/login`. Slowed by the failures of the address and of the client (the
 * throttle), locked by the user's own failures (the decider); whatever fails, and an unknown
 * address, is answered alike, after the same argon2id work.
 */
@CommandHandler(SignIn)
export class SignInHandler implements ICommandHandler<SignIn> {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
    @Inject(TOTP_BOX) private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ body, origin }: SignIn): Promise<SignedIn> {
    const subjects = [`email:${emailKey(body.email)}`, `client:${origin.clientAddress}`];
    const [ofEmail = 0, ofClient = 0] = await this.throttle.failures(subjects);
    const verdict = throttleVerdict(ofEmail, ofClient, THROTTLE_WINDOW_MS);
    if (verdict.refuse) throw tooManyAttempts(verdict.retryAfterSeconds);
    if (verdict.delayMs > 0) await delay(verdict.delayMs);

    const found = await this.accounts.findByEmail(body.email);
    if (found === undefined || found.state.status === 'none') {
      await verifyWithoutAccount(body.password);
      await this.throttle.recordFailure(subjects);
      throw signInFailed();
    }
    const user = found.state;
    const passwordValid =
      user.passwordHash === undefined
        ? await verifyWithoutAccount(body.password)
        : await verifyPassword(user.passwordHash, body.password);
    const now = origin.now;
    const proofs = passwordValid ? this.secondFactorProofs(user, body, now) : {};
    let written;
    try {
      written = await this.accounts.write(
        user.userId,
        { actor: user.userId, now },
        () => [
          {
            type: 'SignIn',
            passwordValid,
            ...proofs,
            requireTotp: this.config.auth.requireTotp,
            now: now.toISOString(),
          },
        ],
        found.snapshot,
      );
    } catch (error) {
      throw this.secondFactorDue(error, user);
    }
    const signedIn = written.events.some((e) => e.type === 'SignedIn');
    if (!signedIn) {
      await this.throttle.recordFailure(subjects);
      throw signInFailed();
    }
    await this.throttle.clear(subjects[0] ?? '');
    const after = await this.accounts.find(user.userId);
    return sessionFor(this.sessions, after ?? user);
  }

  private secondFactorProofs(
    user: ExistingUser,
    body: SignIn['body'],
    now: Date,
  ): { totp?: ReturnType<typeof totpProof>; totpEnrolment?: TotpEnrolment } {
    if (user.totp !== undefined) {
      return {
        totp: openOr(() =>
          totpProof(this.box, user.userId, user.totp?.secret ?? '', body.totp, now),
        ),
      };
    }
    if (body.totpSecret === undefined || body.totp === undefined) return {};
    const { totpSecret, totp } = body;
    return {
      totpEnrolment: openOr(() => totpEnrolment(this.box, user.userId, totpSecret, totp, now)),
    };
  }

  /**
   * Only a right password reaches these: the answer may then say what else is needed, and for
   * an enrolment give a new secret to add to the app (sealed for this user, stored only once
   * its first code is right).
   */
  private secondFactorDue(error: unknown, user: ExistingUser): unknown {
    if (!(error instanceof DomainError)) return error;
    if (error.code === 'sign_in_totp_required') {
      return new Problem(401, error.code, error.message, { secondFactor: 'totp' });
    }
    if (error.code === 'sign_in_totp_enrolment_required') {
      const { secret, uri, sealed } = beginTotpEnrolment(this.box, user.userId, user.email);
      return new Problem(401, error.code, error.message, {
        secondFactor: 'enrolment',
        totpEnrolment: { secret, uri, totpSecret: sealed },
      });
    }
    return error;
  }
}

/** A seal that does not open (forged, or another user's) counts as a wrong code. */
function openOr<T>(open: () => T): T | 'invalid' {
  try {
    return open();
  } catch (error) {
    if (error instanceof SecretBoxError) return 'invalid';
    throw error;
  }
}

/** `POST /v1/auth/invitations/accept`: the link's code and a new password; then signed in. */
@CommandHandler(AcceptInvitation)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitation> {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ body, origin }: AcceptInvitation): Promise<SignedIn | SecondFactorDue> {
    const userId = userIdOfInvitationCode(body.code);
    const found = userId === undefined ? undefined : await this.accounts.read(userId);
    if (userId === undefined || found === undefined || found.state.status === 'none') {
      throw new DomainError('invitation_invalid');
    }
    const passwordHash = await hashPassword(body.password);
    const requireTotp = this.config.auth.requireTotp;
    const written = await this.accounts.write(
      userId,
      { actor: userId, now: origin.now },
      () => [
        {
          type: 'AcceptInvitation',
          codeHash: sha256Hex(body.code),
          passwordHash,
          requireTotp,
          now: origin.now.toISOString(),
        },
      ],
      found.snapshot,
    );
    // A new password (also a reset): whoever had the old one is signed out everywhere.
    await this.sessions.revokeAllOf(userId);
    const user = await this.accounts.find(userId);
    if (user === undefined) throw new DomainError('invitation_invalid');
    if (written.events.some((e) => e.type === 'SignedIn')) return sessionFor(this.sessions, user);
    const due = secondFactorFor(user, requireTotp);
    return { kind: 'second-factor', secondFactor: due === 'totp' ? 'totp' : 'enrolment' };
  }
}

/** `POST /v1/auth/setup`: the first admin, from the address start-up printed. */
@CommandHandler(SetUpFirstAdmin)
export class SetUpFirstAdminHandler implements ICommandHandler<SetUpFirstAdmin> {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly setup: FirstAdminSetup,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
  ) {}

  async execute({ body, origin }: SetUpFirstAdmin): Promise<SignedIn> {
    if (!(await this.setup.redeem(body.code))) throw setupUnavailable();
    const userId = await createUserWithPassword(
      this.accounts,
      { ...body, role: 'admin', associationId: undefined, interventionIds: [] },
      { actor: 'setup', now: origin.now },
    );
    const user = await this.accounts.find(userId);
    if (user === undefined) throw new Problem(500, 'internal_error', domainErrors.user_not_found);
    return sessionFor(this.sessions, user);
  }
}
