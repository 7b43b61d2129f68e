import type { Request } from 'express';
import type { Actor } from './actor';

/** The session cookie's name and the header that carries its CSRF token (DESIGN §7). */
export const SESSION_COOKIE = 'stegvis_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * What the global guard asks about people's own credentials (DESIGN §7): a session cookie and a
 * personal API token (`stv_…`). The accounts feature provides it; platform only names it, so
 * the dependency points from the feature to the platform and not back.
 */
export abstract class PersonalCredentials {
  static isApiToken(token: string): boolean {
    return token.startsWith('stv_');
  }

  abstract fromApiToken(token: string): Promise<Actor>;

  /** The cookie's user, or undefined without a cookie. */
  abstract fromSession(request: Request): Promise<Actor | undefined>;
}
