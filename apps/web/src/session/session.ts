import type { Middleware } from 'openapi-fetch';
import { ApiError } from '../api/errors';
import type { paths } from '../api/schema';
import { normaliseToken, readClaims, type Claims } from './token';

/**
 * The session: who is signed in, signing in and out, and what every API request carries
 * (DESIGN §7). A browser signs in with e-mail and password: the API sets an HttpOnly session
 * cookie and gives a CSRF token, which this module keeps in memory and sends as X-CSRF-Token on
 * every state-changing request. Scripts' tokens still work (developers and tests paste an
 * AUTH_SECRET JWT or a personal API token): such a token lives in this tab's sessionStorage.
 */

export const ROLES = ['admin', 'chief', 'board', 'staff'] as const;
export type Role = (typeof ROLES)[number];

type MeAnswer = paths['/v1/auth/me']['get']['responses'][200]['content']['application/json'];
type BrowserSession =
  paths['/v1/auth/session']['get']['responses'][200]['content']['application/json'];

/** The signed-in user, as GET /v1/auth/me answers. */
export type Me = {
  readonly userId: string;
  readonly name: string;
  readonly email: string | null;
  readonly role: Role;
  readonly associationId: string | null;
  readonly interventionIds: readonly string[];
  /** Whether the user has two-step sign-in (TOTP) on. */
  readonly totp: boolean;
  /** Signed in with a pasted token rather than a session: no account page features. */
  readonly viaToken: boolean;
};

const TOKEN_KEY = 'stegvis.token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token of this browser's session; in memory only (GET /v1/auth/me gives it again). */
let csrfToken: string | null = null;

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

const meOf = (answer: MeAnswer, viaToken: boolean): Me => ({
  userId: answer.userId,
  name: answer.name,
  email: answer.email,
  role: answer.role,
  associationId: answer.associationId,
  interventionIds: answer.interventionIds,
  totp: answer.totp,
  viaToken,
});

/** The user a JWT's claims describe, or why the token cannot be used. */
function userOfClaims(claims: Claims | null, now = Date.now()): Me | string {
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
    email: null,
    role,
    associationId: typeof associationId === 'string' ? associationId : null,
    interventionIds: Array.isArray(interventionIds)
      ? interventionIds.filter((id): id is string => typeof id === 'string')
      : [],
    totp: false,
    viaToken: true,
  };
}

const isApiToken = (token: string) => token.startsWith('stv_');

/** GET /v1/auth/me with whatever credential this browser has; null on 401. */
async function askServer(headers: Record<string, string> = {}): Promise<MeAnswer | null> {
  let response: Response;
  try {
    response = await fetch('/v1/auth/me', { headers: { Accept: 'application/json', ...headers } });
  } catch {
    throw ApiError.unreachable();
  }
  if (response.status === 401) return null;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw ApiError.fromResponse(response, body);
  return body as MeAnswer;
}

/** Who is signed in, or null when nobody is (or the session has ended). */
export async function me(): Promise<Me | null> {
  const token = storedToken();
  if (token !== null && !isApiToken(token)) {
    // An AUTH_SECRET JWT names its user itself; the API verifies it on the first call.
    const user = userOfClaims(readClaims(token));
    if (typeof user !== 'string') return user;
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  if (token !== null) {
    const answer = await askServer({ Authorization: `Bearer ${token}` });
    if (answer === null) sessionStorage.removeItem(TOKEN_KEY);
    return answer === null ? null : meOf(answer, true);
  }
  // Public and answered with 200 either way, so a browser signed in nowhere logs no error.
  let response: Response;
  try {
    response = await fetch('/v1/auth/session', { headers: { Accept: 'application/json' } });
  } catch {
    throw ApiError.unreachable();
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw ApiError.fromResponse(response, body);
  const session = body as BrowserSession;
  if (!session.signedIn || session.user === undefined) return null;
  csrfToken = session.csrfToken ?? null;
  return meOf(session.user, false);
}

type SessionAnswer = { csrfToken: string; user: MeAnswer };

/** The session the API started (sign-in, invitation, first admin): kept, and its user. */
export function started(answer: SessionAnswer): Me {
  sessionStorage.removeItem(TOKEN_KEY);
  csrfToken = answer.csrfToken;
  return meOf(answer.user, false);
}

/**
 * TEMPORARY path kept for developers and tests: signs in with a pasted token. A JWT is read
 * here and verified by the API on the first call; a personal API token is asked about at once.
 */
export async function signInWithToken(input: string): Promise<Me> {
  const token = normaliseToken(input);
  if (isApiToken(token)) {
    const answer = await askServer({ Authorization: `Bearer ${token}` });
    if (answer === null) {
      const message = 'API-nyckeln gäller inte. Skapa en ny på sidan Konto och försök igen.';
      throw new ApiError('problem', 401, message, 'invalid_token', [{ path: 'token', message }]);
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    return meOf(answer, true);
  }
  const user = userOfClaims(readClaims(token));
  if (typeof user === 'string') {
    throw new ApiError('problem', 0, user, 'invalid_token', [{ path: 'token', message: user }]);
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  return user;
}

/** Ends the session in this browser (and on the server, for a session cookie). */
export async function signOut(): Promise<void> {
  const hadToken = storedToken() !== null;
  sessionStorage.removeItem(TOKEN_KEY);
  if (hadToken) return;
  const headers: Record<string, string> = csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
  csrfToken = null;
  // Best effort: a session the server already ended needs nothing more.
  await fetch('/v1/auth/logout', { method: 'POST', headers }).catch(() => undefined);
}

/** Adds the session's credentials to every request of the generated client. */
export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = storedToken();
    if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
    else if (csrfToken !== null && !SAFE_METHODS.has(request.method)) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
};
