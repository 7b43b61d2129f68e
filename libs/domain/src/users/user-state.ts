import { isBefore, type IsoInstant } from '../shared/instants';
import { TOTP_ROLES } from './user-rules';
import type { UserProfile } from './user-commands';

export type ApiTokenState = {
  readonly tokenId: string;
  readonly tokenHash: string;
  readonly label: string;
  readonly createdAt: IsoInstant;
  readonly expiresAt: IsoInstant;
};

export type ExistingUser = UserProfile & {
  /** `invited` until a password is set; `deactivated` for good. */
  readonly status: 'invited' | 'active' | 'deactivated';
  readonly passwordHash: string | undefined;
  /** The one link that works now; a new one replaces it, accepting or deactivating clears it. */
  readonly invitation: { readonly codeHash: string; readonly expiresAt: IsoInstant } | undefined;
  /** Counting failures since the last sign-in or the last lock. */
  readonly failuresInARow: number;
  readonly lockedUntil: IsoInstant | undefined;
  readonly totp: { readonly secret: string; readonly lastStep: number } | undefined;
  /** Unrevoked tokens not yet expired when the last one was created (see MAX_API_TOKENS). */
  readonly tokens: ReadonlyMap<string, ApiTokenState>;
};

export type UserState = { readonly status: 'none' } | ExistingUser;

export function isLocked(user: ExistingUser, now: IsoInstant): boolean {
  return user.lockedUntil !== undefined && isBefore(now, user.lockedUntil);
}

/**
 * What a password sign-in needs beside the password: a code when TOTP is on; an app to be
 * enrolled when `AUTH_REQUIRE_TOTP` asks it of a chief or admin who has none.
 */
export function secondFactorFor(
  user: ExistingUser,
  requireTotp: boolean,
): 'none' | 'totp' | 'enrolment' {
  if (user.totp !== undefined) return 'totp';
  return requireTotp && TOTP_ROLES.has(user.role) ? 'enrolment' : 'none';
}

/** The token a request presents, if it may be used now: for the guard, which then compares hashes. */
export function usableApiToken(
  user: UserState,
  tokenId: string,
  now: IsoInstant,
): ApiTokenState | undefined {
  if (user.status !== 'active') return undefined;
  const token = user.tokens.get(tokenId);
  return token !== undefined && isBefore(now, token.expiresAt) ? token : undefined;
}

/** `GET /v1/auth/tokens`: the tokens that still work, oldest first. */
export function liveApiTokens(user: ExistingUser, now: IsoInstant): ApiTokenState[] {
  return [...user.tokens.values()].filter((t) => isBefore(now, t.expiresAt));
}

/**
 * How the user's stream answers for a claim on its e-mail address (the unique-value claims of
 * the domain, scope `user-email`): an address is held while the user exists, deactivated or not;
 * a deleted user's stream reads as absent, which lets the claim lapse.
 */
export function emailClaimStanding(user: UserState): 'holding' | 'absent' {
  return user.status === 'none' ? 'absent' : 'holding';
}
