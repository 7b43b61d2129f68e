import { Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { crossOriginRefused } from './account-problems';

/**
 * Login CSRF: another site's page must not sign a browser in (to the attacker's account, whose
 * later entries the victim would make). The routes that start a session take a request only
 * from the app's own pages. A browser says where a request comes from in `Sec-Fetch-Site` and
 * `Origin`; a request with neither (a script, curl) is no browser's and goes on to the password.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!fromOwnOrigin(context.switchToHttp().getRequest<Request>())) throw crossOriginRefused();
    return true;
  }
}

/** On a route that starts a session without one: sign-in, accepting an invitation, the setup. */
export const SameOriginOnly = () => UseGuards(SameOriginGuard);

export function fromOwnOrigin(request: Request): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let sent: URL;
  try {
    // `null` (a sandboxed frame, a redirect across sites) is no origin at all: refused.
    sent = new URL(origin);
  } catch {
    return false;
  }
  // The app is served by this API, so its origin is the host asked for. The host is compared,
  // not the scheme, which a proxy that ends TLS may not pass on; a proxy that rewrites Host
  // passes the browser's in X-Forwarded-Host.
  return ownHosts(request).some((host) => sameHost(sent, host));
}

function ownHosts(request: Request): string[] {
  const forwarded = request.headers['x-forwarded-host'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return [request.headers.host, first].filter((h): h is string => h !== undefined && h !== '');
}

/** As the browser writes it in Origin: lower case, the scheme's default port left out. */
function sameHost(origin: URL, host: string): boolean {
  try {
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}
