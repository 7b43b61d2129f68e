import type { Request, Response } from 'express';

import { CSRF_HEADER, SESSION_COOKIE } from '../platform/personal-credentials';

// The cookie names a browser's session; its value is the session id, nothing else.
export { CSRF_HEADER, SESSION_COOKIE };

/**
 * Behind https the name carries the `__Host-` prefix (RFC 6265bis §4.1.3.2): the browser then
 * takes the cookie only with Secure, Path=/ and no Domain, so a page on a subdomain can neither
 * set nor overwrite it. Only that name is read there, or a subdomain could plant the plain one.
 */
export const HOST_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** A proxy that ends TLS says so in X-Forwarded-Proto; believing it only ever adds Secure. */
export function behindHttps(request: Request): boolean {
  return request.secure || request.headers['x-forwarded-proto'] === 'https';
}

/** The session cookie's name for this request: prefixed behind https, plain in development. */
export const sessionCookieName = (request: Request): string =>
  behindHttps(request) ? HOST_SESSION_COOKIE : SESSION_COOKIE;

/** The value of the request's cookie `name`, if any. */
export function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim()) || undefined;
      } catch {
        return undefined; // not what this server set: as if there were none
      }
    }
  }
  return undefined;
}

/** The session id the request's cookie carries, if any. */
export const sessionIdOf = (request: Request): string | undefined =>
  cookieValue(request, sessionCookieName(request));

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and, behind
 * https, Secure. No Max-Age: the server ends idle sessions (8 hours), the browser when it closes.
 */
export function setSessionCookie(request: Request, response: Response, sessionId: string): void {
  response.cookie(sessionCookieName(request), sessionId, sessionCookieOptions(request));
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(sessionCookieName(request), sessionCookieOptions(request));
}

function sessionCookieOptions(request: Request) {
  return { httpOnly: true, sameSite: 'strict', secure: behindHttps(request), path: '/' } as const;
}

/** Reads that change nothing need no CSRF token (RFC 9110 §9.2.1 safe methods). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
