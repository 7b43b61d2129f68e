import type { Middleware } from 'openapi-fetch';
import { ApiError } from '../api/errors';
import { normaliseToken, readClaims, type Claims } from './token';

/**
 * The session: who is signed in, signing in and out, and what every API request carries.
 * This module's exports are the interface the cookie session of DESIGN §7 has; only its inside
 * changes when accounts exist: `me()` becomes GET /v1/auth/me, `signIn` POST /v1/auth/login
 * (a session cookie and a `csrfToken`), `signOut` POST /v1/auth/logout, and the middleware
 * adds the X-CSRF-Token header to state-changing requests instead of a bearer token.
 */

export const ROLES = ['admin', 'chief', 'board', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user, as GET /v1/auth/me will answer. */
export type Me = {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly associationId: string | null;
  readonly interventionIds: readonly string[];
};

// TEMPORARY: the pasted token lives in this tab's sessionStorage (closing the tab ends it).
const TOKEN_KEY = 'stegvis.token';

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The user a token's claims describe, or why the token cannot be used. */
function userOf(claims: Claims | null, now = Date.now()): Me | string {
  if (claims === null)
    return 'Det där är ingen giltig token. Klistra in hela token och försök igen.';
  const { sub, role, associationId, interventionIds, exp, name } = claims;
  if (typeof exp === 'number' && exp * 1000 <= now) {
    return 'Din token har gått ut. Be om en ny token och logga in med den.';
  }
  if (typeof sub !== 'string' || !isRole(role)) {
    return 'Din token saknar användare eller roll. Be om en ny token.';
  }
  if (role !== 'admin' && (typeof associationId !== 'string' || associationId === '')) {
    return 'Din token anger inget samordningsförbund. Be om en ny token.';
  }
  return {
    userId: sub,
    name: typeof name === 'string' && name.trim() !== '' ? name : sub,
    role,
    associationId: typeof associationId === 'string' ? associationId : null,
    interventionIds: Array.isArray(interventionIds)
      ? interventionIds.filter((id): id is string => typeof id === 'string')
      : [],
  };
}

/** Who is signed in, or null when nobody is (or the session has ended). */
export async function me(): Promise<Me | null> {
  const token = storedToken();
  if (token === null) return null;
  const user = userOf(readClaims(token));
  if (typeof user === 'string') {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return user;
}

/** Signs in with e-mail and password; throws an ApiError with the server's Swedish detail. */
export async function signIn(credentials: { email: string; password: string }): Promise<Me> {
  // POST /v1/auth/login does not exist yet: say so, and where to go instead.
  void credentials;
  throw new ApiError(
    'problem',
    0,
    'Inloggning med e-post och lösenord finns inte ännu i den här versionen av Stegvis. ' +
      'Logga in med en token tills vidare.',
    'sign_in_unavailable',
    [],
  );
}

/**
 * TEMPORARY, until accounts exist: signs in with a pasted token (as the old dashboard does).
 * The API verifies it on the first call; a refused token ends the session there.
 */
export async function signInWithToken(input: string): Promise<Me> {
  const token = normaliseToken(input);
  const user = userOf(readClaims(token));
  if (typeof user === 'string') {
    throw new ApiError('problem', 0, user, 'invalid_token', [{ path: 'token', message: user }]);
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  return user;
}

/** Ends the session in this browser. */
export async function signOut(): Promise<void> {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Adds the session's credentials to every request of the generated client. */
export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = storedToken();
    if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};
