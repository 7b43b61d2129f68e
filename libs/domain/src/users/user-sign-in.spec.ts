import { deciderSpec } from '../testing/decider-spec';
import {
  foldUser as fold,
  activeUser,
  admin,
  chief,
  NEW_PASSWORD_HASH,
  later,
  NOW,
  SEALED_SECRET,
  self,
  signedIn,
  signInFailed,
  totpEnabled,
  USER_ID,
  userDeactivated,
  userInvited,
} from '../testing/user-fixtures';
import type { TotpEnrolment, TotpProof, UserCommand } from './user-commands';
import type { UserEvent } from './user-events';
import { LOCK_MS } from './user-rules';
import { isLocked, type ExistingUser } from './user-state';
import { userDecider } from './user.decider';

const spec = deciderSpec(userDecider);
const MINUTE = 60_000;
const today = '2026-06-15';

const signIn = (
  passwordValid: boolean,
  now = NOW,
  more: { totp?: TotpProof; totpEnrolment?: TotpEnrolment; requireTotp?: boolean } = {},
): UserCommand => ({
  type: 'SignIn',
  passwordValid,
  requireTotp: more.requireTotp ?? false,
  ...(more.totp === undefined ? {} : { totp: more.totp }),
  ...(more.totpEnrolment === undefined ? {} : { totpEnrolment: more.totpEnrolment }),
  now,
});
const failed = (at: string, reason: 'password' | 'totp' | 'totp_reused' | 'locked') => [
  signInFailed(at, reason),
];
const succeeded = (at: string, totpStep?: number) => [signedIn(at, totpStep)];
/** n wrong passwords a second apart, the last at `NOW`. */
const failures = (n: number): UserEvent[] =>
  Array.from({ length: n }, (_, i) => signInFailed(later((i - n + 1) * 1000)));

describe('user decider: sign-in', () => {
  it('the right password signs in', () => {
    spec.given(activeUser()).when(signIn(true)).then(succeeded(NOW));
  });

  it('a wrong password is a recorded failure, not an error', () => {
    spec.given(activeUser()).when(signIn(false)).then(failed(NOW, 'password'));
  });

  it('a user who has not accepted the invitation has no password to sign in with', () => {
    spec.given([userInvited()]).when(signIn(true)).then(failed(NOW, 'password'));
  });

  it('after 10 failures in a row the account is locked for 15 minutes, even to the right password', () => {
    spec
      .given([...activeUser(), ...failures(10)])
      .when(signIn(true, later(LOCK_MS - 1)))
      .then(failed(later(LOCK_MS - 1), 'locked'));
    spec
      .given([...activeUser(), ...failures(10)])
      .when(signIn(true, later(LOCK_MS)))
      .then(succeeded(later(LOCK_MS)));
  });

  it('9 failures do not lock', () => {
    spec
      .given([...activeUser(), ...failures(9)])
      .when(signIn(true))
      .then(succeeded(NOW));
  });

  it('attempts while locked are recorded but neither counted nor prolong the lock', () => {
    const duringLock = Array.from({ length: 12 }, (_, i) =>
      signInFailed(later((i + 1) * MINUTE), 'locked'),
    );
    spec
      .given([...activeUser(), ...failures(10), ...duringLock])
      .when(signIn(true, later(LOCK_MS)))
      .then(succeeded(later(LOCK_MS)));
  });

  it('after a lock the count starts again: the next 10 failures lock again', () => {
    const afterLock = Array.from({ length: 10 }, (_, i) => signInFailed(later(LOCK_MS + i * 1000)));
    const lastFailure = later(LOCK_MS + 9000);
    spec
      .given([...activeUser(), ...failures(10), ...afterLock])
      .when(signIn(true, later(MINUTE, lastFailure)))
      .then(failed(later(MINUTE, lastFailure), 'locked'));
  });

  it('a successful sign-in resets the count', () => {
    spec
      .given([...activeUser(), ...failures(9), signedIn(later(1000)), ...failures(9)])
      .when(signIn(true, later(2000)))
      .then(succeeded(later(2000)));
  });

  it('the lock is derived from the events and the instant of the command', () => {
    const state = fold([...activeUser(), ...failures(10)]) as ExistingUser;
    expect(isLocked(state, NOW)).toBe(true);
    expect(isLocked(state, later(LOCK_MS))).toBe(false);
  });
});

describe('user decider: sign-in with TOTP', () => {
  const withTotp = [...activeUser({ role: 'chief' }), totpEnabled(100)];

  it('a user with TOTP must give a code once the password is right', () => {
    spec.given(withTotp).when(signIn(true)).thenFails('sign_in_totp_required');
    spec.given(withTotp).when(signIn(false)).then(failed(NOW, 'password'));
  });

  it('a right code signs in and records its step', () => {
    spec
      .given(withTotp)
      .when(signIn(true, NOW, { totp: { step: 101 } }))
      .then(succeeded(NOW, 101));
  });

  it('a wrong code is a failure that counts toward the lock', () => {
    spec
      .given(withTotp)
      .when(signIn(true, NOW, { totp: 'invalid' }))
      .then(failed(NOW, 'totp'));
    const [tenth] = userDecider.decide(
      signIn(true, NOW, { totp: 'invalid' }),
      fold([...withTotp, ...failures(9)]),
    );
    expect(
      isLocked(fold([...withTotp, ...failures(9), tenth as UserEvent]) as ExistingUser, NOW),
    ).toBe(true);
  });

  it('a used step cannot be used again, nor an older one', () => {
    const given = [...withTotp, signedIn(NOW, 105)];
    spec
      .given(given)
      .when(signIn(true, NOW, { totp: { step: 105 } }))
      .then(failed(NOW, 'totp_reused'));
    spec
      .given(given)
      .when(signIn(true, NOW, { totp: { step: 104 } }))
      .then(failed(NOW, 'totp_reused'));
    spec
      .given(withTotp)
      .when(signIn(true, NOW, { totp: { step: 100 } }))
      .then(failed(NOW, 'totp_reused'));
  });

  it('when policy requires TOTP, a chief without it enrols while signing in', () => {
    const chiefUser = activeUser({ role: 'chief' });
    spec
      .given(chiefUser)
      .when(signIn(true, NOW, { requireTotp: true }))
      .thenFails('sign_in_totp_enrolment_required');
    spec
      .given(chiefUser)
      .when(signIn(true, NOW, { requireTotp: true, totpEnrolment: 'invalid' }))
      .thenFails('totp_code_invalid');
    spec
      .given(chiefUser)
      .when(
        signIn(true, NOW, { requireTotp: true, totpEnrolment: { secret: SEALED_SECRET, step: 7 } }),
      )
      .then([
        {
          type: 'TotpEnabled',
          data: { userId: USER_ID, secret: SEALED_SECRET, step: 7, occurredOn: today },
        },
        ...succeeded(NOW, 7),
      ]);
  });

  it('the policy concerns chiefs and admins only', () => {
    spec
      .given(activeUser({ role: 'staff' }))
      .when(signIn(true, NOW, { requireTotp: true }))
      .then(succeeded(NOW));
    spec
      .given(activeUser({ role: 'admin' }))
      .when(signIn(true, NOW, { requireTotp: true }))
      .thenFails('sign_in_totp_enrolment_required');
  });

  it('a link does not sign in past a second factor: the person signs in with it next', () => {
    const reissued: UserEvent = {
      type: 'InvitationReissued',
      data: {
        userId: USER_ID,
        invitation: { codeHash: 'b'.repeat(64), expiresAt: later(MINUTE) },
        issuedBy: admin.sub,
        occurredOn: today,
      },
    };
    const events = userDecider.decide(
      {
        type: 'AcceptInvitation',
        codeHash: 'b'.repeat(64),
        passwordHash: NEW_PASSWORD_HASH,
        requireTotp: false,
        now: NOW,
      },
      fold([...withTotp, reissued]),
    );
    expect(events.map((e) => e.type)).toEqual(['InvitationAccepted', 'PasswordChanged']);
  });
});

describe('user decider: turning TOTP on and off', () => {
  const enable = (enrolment: TotpEnrolment, actor = self('chief')): UserCommand => ({
    type: 'EnableTotp',
    enrolment,
    actor,
    now: NOW,
  });
  const disable = (actor = self('chief'), totp?: TotpProof, requireTotp = false): UserCommand => ({
    type: 'DisableTotp',
    actor,
    requireTotp,
    ...(totp === undefined ? {} : { totp }),
    now: NOW,
  });

  it('a chief or admin turns it on with a first right code', () => {
    spec
      .given(activeUser({ role: 'chief' }))
      .when(enable({ secret: SEALED_SECRET, step: 9 }))
      .then([
        {
          type: 'TotpEnabled',
          data: { userId: USER_ID, secret: SEALED_SECRET, step: 9, occurredOn: today },
        },
      ]);
    spec
      .given(activeUser({ role: 'chief' }))
      .when(enable('invalid'))
      .thenFails('totp_code_invalid');
  });

  it('not for staff or board, not twice, not for someone else', () => {
    spec
      .given(activeUser())
      .when(enable({ secret: SEALED_SECRET, step: 9 }, self()))
      .thenFails('totp_not_for_role');
    const on = [...activeUser({ role: 'chief' }), totpEnabled()];
    spec
      .given(on)
      .when(enable({ secret: SEALED_SECRET, step: 9 }))
      .thenFails('totp_already_enabled');
    spec
      .given(activeUser({ role: 'chief' }))
      .when(enable({ secret: SEALED_SECRET, step: 9 }, chief))
      .thenFails('user_only_self');
  });

  it('the owner turns it off with a fresh code, unless policy requires it', () => {
    const on = [...activeUser({ role: 'chief' }), totpEnabled(100)];
    spec
      .given(on)
      .when(disable(self('chief'), { step: 101 }))
      .then([
        { type: 'TotpDisabled', data: { userId: USER_ID, disabledBy: USER_ID, occurredOn: today } },
      ]);
    spec
      .given(on)
      .when(disable(self('chief'), { step: 100 }))
      .thenFails('totp_code_invalid');
    spec
      .given(on)
      .when(disable(self('chief')))
      .thenFails('totp_code_invalid');
    spec
      .given(on)
      .when(disable(self('chief'), { step: 101 }, true))
      .thenFails('totp_required_for_role');
    spec
      .given(activeUser({ role: 'chief' }))
      .when(disable())
      .thenFails('totp_not_enabled');
  });

  it('whoever manages the user resets a lost app without a code', () => {
    const on = [...activeUser({ role: 'chief' }), totpEnabled(100)];
    expect(userDecider.decide(disable(admin, undefined, true), fold(on))).toHaveLength(1);
    spec.given(on).when(disable(chief)).thenFails('user_change_not_allowed');
  });
});

describe('user decider: single sign-on', () => {
  const oidc: UserCommand = { type: 'SignInWithOidc', now: NOW };
  const viaOidc = (at: string): UserEvent[] => [
    {
      type: 'SignedIn',
      data: { userId: USER_ID, at, method: 'oidc', occurredOn: '2026-06-15' },
    },
  ];

  it('an invited account signs in with the provider, with or without a password of its own', () => {
    spec.given(activeUser()).when(oidc).then(viaOidc(NOW));
    spec.given([userInvited()]).when(oidc).then(viaOidc(NOW));
  });

  it('a deactivated or locked account stays out, recorded as a refused attempt', () => {
    spec
      .given([...activeUser(), userDeactivated])
      .when(oidc)
      .then([signInFailed(NOW, 'deactivated')]);
    spec
      .given([...activeUser(), ...failures(10)])
      .when(oidc)
      .then(failed(NOW, 'locked'));
  });
});
