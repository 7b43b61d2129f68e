/**
 * The SessionStore port: signed-in browsers (DESIGN §7). The cookie holds a random session id;
 * the store keys sessions by its SHA-256 (`key`) and never holds the id itself, so a copy of the
 * store signs nobody in. Adapters: Redis (REDIS_URL) and an SQLite file in DATA_DIR, both passing
 * `testing/session-store.contract.ts`.
 */

export type Session = {
  /** SHA-256 of the session id: what the store holds, safe to list and to name in a revoke. */
  readonly key: string;
  readonly userId: string;
  /** Sent back by the browser as `X-CSRF-Token` on every state-changing request. */
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
};

/** A session as created: with the id for the cookie, which is not kept. */
export type NewSession = Session & { readonly sessionId: string };

export interface SessionStore {
  create(userId: string): Promise<NewSession>;

  /**
   * The session the cookie names, unless it was idle too long (then it is deleted). Slides the
   * idle expiry, writing at most once per touch interval, so reads stay cheap.
   */
  resume(sessionId: string): Promise<Session | undefined>;

  /** Sign-out. Idempotent. */
  revoke(sessionId: string): Promise<void>;

  /** A session picked from `listOf`; only if it is that user's. */
  revokeByKey(userId: string, key: string): Promise<void>;

  /**
   * Every session of the user (deactivation, deletion, password change), but the one `except`
   * names (a session id: the browser that changed the password stays signed in). Returns how
   * many ended.
   */
  revokeAllOf(userId: string, options?: { readonly except?: string }): Promise<number>;

  /** The user's live sessions, oldest first. */
  listOf(userId: string): Promise<Session[]>;

  close(): Promise<void>;
}

export type SessionTiming = {
  /** Milliseconds since the epoch; injected so tests can pass hours. Default `Date.now`. */
  readonly clock?: () => number;
  /** Default 8 hours (DESIGN §7). */
  readonly idleMs?: number;
  /** Default one minute: how stale `lastSeenAt` may get before a resume writes it. */
  readonly touchIntervalMs?: number;
};

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

export const SESSION_STORE = Symbol('SessionStore');
