import { Inject, Injectable } from '@nestjs/common';
import { idsOfApiToken, matchesHash } from '@stegvis/credentials';
import { usableApiToken, type ExistingUser } from '@stegvis/domain';
import { SESSION_STORE, type Session, type SessionStore } from '@stegvis/sessions';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../platform/actor';
import { PersonalCredentials } from '../platform/personal-credentials';
import { unauthenticated } from '../platform/problem';
import { csrfTokenInvalid, sessionEnded } from './account-problems';
import { CSRF_HEADER, SAFE_METHODS, sessionIdOf } from './session-cookie';
import { UserAccounts } from './user-accounts';

/** What the guard learns from a session cookie: the actor, and the session it came by. */
export type SessionRequest = Request & { session?: { id: string; session: Session } };

export const actorOf = (user: ExistingUser): Actor => ({
  sub: user.userId,
  role: user.role,
  associationId: user.associationId,
  interventionIds: new Set(user.interventionIds),
});

/**
 * The two credentials of people's accounts (DESIGN §7), beside the AUTH_SECRET JWTs the guard
 * checks itself: a session cookie and a personal API token (`stv_…`). Both name a user whose
 * stream is read on every request, so a role change counts from the next request and a
 * deactivated user's sessions and tokens stop at once.
 */
@Injectable()
export class AccountAuthenticator extends PersonalCredentials {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
  ) {
    super();
  }

  async fromApiToken(token: string): Promise<Actor> {
    const ids = idsOfApiToken(token);
    if (ids === undefined) throw unauthenticated(true);
    const user = await this.accounts.find(ids.userId);
    const stored = user && usableApiToken(user, ids.tokenId, new Date().toISOString());
    if (!user || !stored || !matchesHash(token, stored.tokenHash)) throw unauthenticated(true);
    return actorOf(user);
  }

  /** The cookie's user, or undefined without a cookie. A change needs the session's CSRF token. */
  async fromSession(request: SessionRequest): Promise<Actor | undefined> {
    const sessionId = sessionIdOf(request);
    if (sessionId === undefined) return undefined;
    const session = await this.sessions.resume(sessionId);
    if (session === undefined) throw sessionEnded();
    const user = await this.accounts.find(session.userId);
    if (user === undefined || user.status === 'deactivated') {
      // Deactivated (or deleted) since: every session of theirs ends now.
      await this.sessions.revokeAllOf(session.userId);
      throw sessionEnded();
    }
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, session.csrfToken)) {
      throw csrfTokenInvalid();
    }
    request.session = { id: sessionId, session };
    return actorOf(user);
  }
}

function csrfMatches(request: Request, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
