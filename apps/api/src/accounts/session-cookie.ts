import type { Request, Response } from 'express';

import { CSRF_HEADER, SESSION_COOKIE } from '../platform/personal-credentials';

// The cookie names a browser's session; its value is the session id, nothing else.
export { CSRF_HEADER, SESSION_COOKIE };

/** The session id the request's cookie carries, if any. */
export function sessionIdOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === SESSION_COOKIE) {
      return part.slice(at + 1).trim() || undefined;
    }
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and, behind
 * https, Secure. No Max-Age: the server ends idle sessions (8 hours), the browser when it closes.
 * A proxy that ends TLS says so in X-Forwarded-Proto; believing it only ever adds Secure.
 */
export function setSessionCookie(request: Request, response: Response, sessionId: string): void {
  response.cookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: behindHttps(request),
    path: '/',
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: behindHttps(request),
    path: '/',
  });
}

function behindHttps(request: Request): boolean {
  return request.secure || request.headers['x-forwarded-proto'] === 'https';
}

/** Reads that change nothing need no CSRF token (RFC 9110 §9.2.1 safe methods). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
