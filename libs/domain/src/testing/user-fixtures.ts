import type { AccountActor } from '../users/user-commands';
import type { z } from 'zod';
import type { SignInFailureReason, UserEvent } from '../users/user-events';
import { userDecider } from '../users/user.decider';
import { ASSOCIATION_ID, INTERVENTION_ID } from './fixtures';

export const OTHER_ASSOCIATION_ID = 'F-0000000002';
export const OTHER_INTERVENTION_ID = 'I-0000000002';
export const USER_ID = 'U-0000000001';
export const NOW = '2026-06-15T08:00:00.000Z';
/** SHA-256-shaped stand-ins: the decider compares hashes, it never makes them. */
export const CODE_HASH = 'a'.repeat(64);
export const OTHER_CODE_HASH = 'b'.repeat(64);
export const TOKEN_HASH = 'c'.repeat(64);
export const PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA';
export const NEW_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2g';
export const SEALED_SECRET = 'v1.key1.aXY.Y2lwaGVy.dGFn';

export const later = (ms: number, from = NOW): string =>
  new Date(Date.parse(from) + ms).toISOString();

export const admin: AccountActor = { sub: 'U-00000000AD', role: 'admin', associationId: undefined };
export const chief: AccountActor = {
  sub: 'U-00000000C1',
  role: 'chief',
  associationId: ASSOCIATION_ID,
};
export const otherChief: AccountActor = {
  sub: 'U-00000000C2',
  role: 'chief',
  associationId: OTHER_ASSOCIATION_ID,
};
export const staffActor: AccountActor = {
  sub: 'U-0000000005',
  role: 'staff',
  associationId: ASSOCIATION_ID,
};
/** The user of USER_ID acting on their own account. */
export const self = (role: AccountActor['role'] = 'staff'): AccountActor => ({
  sub: USER_ID,
  role,
  associationId: role === 'admin' ? undefined : ASSOCIATION_ID,
});

export const interventionsFound = [
  { interventionId: INTERVENTION_ID, associationId: ASSOCIATION_ID },
  { interventionId: OTHER_INTERVENTION_ID, associationId: OTHER_ASSOCIATION_ID },
];

type Placement = { role: 'admin' | 'chief' | 'board' | 'staff'; interventionIds?: string[] };

export function userInvited({ role, interventionIds }: Placement = { role: 'staff' }): UserEvent {
  return {
    type: 'UserInvited',
    data: {
      userId: USER_ID,
      email: 'anna.berg@kommun.se',
      name: 'Anna Berg',
      role,
      ...(role === 'admin' ? {} : { associationId: ASSOCIATION_ID }),
      interventionIds: interventionIds ?? (role === 'staff' ? [INTERVENTION_ID] : []),
      invitedBy: role === 'chief' ? admin.sub : chief.sub,
      invitation: { codeHash: CODE_HASH, expiresAt: later(7 * 24 * 3600_000) },
      occurredOn: '2026-06-15',
    },
  };
}

export const passwordChanged = (passwordHash = PASSWORD_HASH): UserEvent => ({
  type: 'PasswordChanged',
  data: { userId: USER_ID, passwordHash, occurredOn: '2026-06-15' },
});

export const invitationAccepted: UserEvent = {
  type: 'InvitationAccepted',
  data: { userId: USER_ID, occurredOn: '2026-06-15' },
};

/** An invited user who accepted: has a password, is active. */
export const activeUser = (placement: Placement = { role: 'staff' }): UserEvent[] => [
  userInvited(placement),
  invitationAccepted,
  passwordChanged(),
];

export const signInFailed = (
  at: string,
  reason: z.infer<typeof SignInFailureReason> = 'password',
): UserEvent => ({
  type: 'SignInFailed',
  data: { userId: USER_ID, at, reason, occurredOn: at.slice(0, 10) },
});

export const signedIn = (at: string, totpStep?: number): UserEvent => ({
  type: 'SignedIn',
  data: {
    userId: USER_ID,
    at,
    method: 'password',
    ...(totpStep === undefined ? {} : { totpStep }),
    occurredOn: at.slice(0, 10),
  },
});

export const totpEnabled = (step = 100): UserEvent => ({
  type: 'TotpEnabled',
  data: { userId: USER_ID, secret: SEALED_SECRET, step, occurredOn: '2026-06-15' },
});

export const userDeactivated: UserEvent = {
  type: 'UserDeactivated',
  data: { userId: USER_ID, deactivatedBy: chief.sub, occurredOn: '2026-06-15' },
};

/** The state after `events`, folded as the store would hand them over. */
export function foldUser(events: readonly UserEvent[]) {
  return events
    .map((e, i) => ({ ...e, id: String(i) }))
    .reduce(userDecider.evolve, userDecider.initialState());
}
