import type { Redis } from 'ioredis';
import {
  SESSION_IDLE_MS,
  SESSION_TOUCH_INTERVAL_MS,
  type NewSession,
  type Session,
  type SessionStore,
  type SessionTiming,
} from '../session-store.port';
import { newSessionSecrets, sessionKeyOf } from '../session-secrets';
import { connect, type RedisTarget } from './redis-connection';

export type RedisSessionStoreOptions = SessionTiming & RedisTarget & { readonly prefix: string };

/**
 * Sets lastSeenAt and both expiries only if the session still exists, so a touch racing a
 * revoke cannot bring back a half session.
 */
const TOUCH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1`;

/**
 * Sessions in Redis, shared by every API replica. Keys under the prefix:
 * - `session:<key>`: a hash of userId, csrfToken, createdAt, lastSeenAt (ms), expiring after the
 *   idle time (Redis removes what nobody resumes);
 * - `user-sessions:<userId>`: the set of the user's keys, for revoking and listing them; it
 *   expires with the last touch of any of them, which is never before one of them does.
 * The expiry is also checked against `lastSeenAt` on resume, so it holds with any clock.
 */
export class RedisSessionStore implements SessionStore {
  private readonly redis: Redis;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly clock: () => number;
  private readonly idleMs: number;
  private readonly touchIntervalMs: number;

  constructor(options: RedisSessionStoreOptions) {
    ({ redis: this.redis, owned: this.owned } = connect(options));
    this.prefix = options.prefix;
    this.clock = options.clock ?? Date.now;
    this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
    this.touchIntervalMs = options.touchIntervalMs ?? SESSION_TOUCH_INTERVAL_MS;
  }

  async create(userId: string): Promise<NewSession> {
    const now = this.clock();
    const { sessionId, key, csrfToken } = newSessionSecrets();
    const fields = { userId, csrfToken, createdAt: now, lastSeenAt: now };
    await this.redis
      .multi()
      .hset(this.sessionKey(key), fields)
      .pexpire(this.sessionKey(key), this.idleMs)
      .sadd(this.userKey(userId), key)
      .pexpire(this.userKey(userId), this.idleMs)
      .exec();
    return { sessionId, ...toSession(key, fields) };
  }

  async resume(sessionId: string): Promise<Session | undefined> {
    const key = sessionKeyOf(sessionId);
    if (key === undefined) return undefined;
    const session = await this.read(key);
    if (session === undefined) return undefined;
    const now = this.clock();
    if (now - session.lastSeenAt >= this.idleMs) {
      await this.deleteKeys(session.userId, [key]);
      return undefined;
    }
    if (now - session.lastSeenAt < this.touchIntervalMs) return toSession(key, session);
    const keys = [this.sessionKey(key), this.userKey(session.userId)];
    const touched = await this.redis.eval(TOUCH, 2, ...keys, now, this.idleMs);
    return touched === 1 ? toSession(key, { ...session, lastSeenAt: now }) : undefined;
  }

  async revoke(sessionId: string): Promise<void> {
    const key = sessionKeyOf(sessionId);
    const session = key === undefined ? undefined : await this.read(key);
    if (key !== undefined && session !== undefined) await this.deleteKeys(session.userId, [key]);
  }

  async revokeByKey(userId: string, key: string): Promise<void> {
    if ((await this.read(key))?.userId === userId) await this.deleteKeys(userId, [key]);
  }

  async revokeAllOf(userId: string, options: { except?: string } = {}): Promise<number> {
    const keep = options.except === undefined ? undefined : sessionKeyOf(options.except);
    const keys = (await this.redis.smembers(this.userKey(userId))).filter((k) => k !== keep);
    return this.deleteKeys(userId, keys);
  }

  async listOf(userId: string): Promise<Session[]> {
    const keys = await this.redis.smembers(this.userKey(userId));
    const now = this.clock();
    const live: Session[] = [];
    const stale: string[] = [];
    for (const key of keys) {
      const session = await this.read(key);
      if (session?.userId === userId && now - session.lastSeenAt < this.idleMs) {
        live.push(toSession(key, session));
      } else {
        stale.push(key);
      }
    }
    if (stale.length > 0) await this.deleteKeys(userId, stale);
    return live.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key),
    );
  }

  async close(): Promise<void> {
    if (this.owned && this.redis.status !== 'end') await this.redis.quit();
  }

  private async read(key: string) {
    const hash = await this.redis.hgetall(this.sessionKey(key));
    if (hash.userId === undefined || hash.csrfToken === undefined) return undefined;
    return {
      userId: hash.userId,
      csrfToken: hash.csrfToken,
      createdAt: Number(hash.createdAt),
      lastSeenAt: Number(hash.lastSeenAt),
    };
  }

  /** Deletes sessions and their set entries; only members read before are removed, never the set. */
  private async deleteKeys(userId: string, keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const results = await this.redis
      .multi()
      .del(...keys.map((k) => this.sessionKey(k)))
      .srem(this.userKey(userId), ...keys)
      .exec();
    return Number(results?.[0]?.[1] ?? 0);
  }

  private sessionKey(key: string): string {
    return `${this.prefix}:session:${key}`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}:user-sessions:${userId}`;
  }
}

type Stored = { userId: string; csrfToken: string; createdAt: number; lastSeenAt: number };

function toSession(key: string, s: Stored): Session {
  return {
    key,
    userId: s.userId,
    csrfToken: s.csrfToken,
    createdAt: new Date(s.createdAt).toISOString(),
    lastSeenAt: new Date(s.lastSeenAt).toISOString(),
  };
}
