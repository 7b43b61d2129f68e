import type Database from 'better-sqlite3';
import {
  SESSION_IDLE_MS,
  SESSION_TOUCH_INTERVAL_MS,
  type NewSession,
  type Session,
  type SessionStore,
  type SessionTiming,
} from '../session-store.port';
import { newSessionSecrets, sessionKeyOf } from '../session-secrets';
import { useAuthDatabase, type AuthDatabase, type AuthDatabaseTarget } from './auth-database';

type Row = {
  key: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
};

export type SqliteSessionStoreOptions = SessionTiming & AuthDatabaseTarget;

/** Sessions in the embedded default: one row per session in `auth.db`, surviving restarts. */
export class SqliteSessionStore implements SessionStore {
  private readonly db: AuthDatabase;
  private readonly ownsDb: boolean;
  private readonly clock: () => number;
  private readonly idleMs: number;
  private readonly touchIntervalMs: number;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(options: SqliteSessionStoreOptions) {
    ({ db: this.db, owned: this.ownsDb } = useAuthDatabase(options));
    this.clock = options.clock ?? Date.now;
    this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
    this.touchIntervalMs = options.touchIntervalMs ?? SESSION_TOUCH_INTERVAL_MS;
    this.statements = prepare(this.db);
  }

  async create(userId: string): Promise<NewSession> {
    const now = this.clock();
    const { sessionId, key, csrfToken } = newSessionSecrets();
    // Idle sessions are swept here: cheap (indexed) and often enough, with no timer to stop.
    this.statements.sweep.run(now - this.idleMs);
    this.statements.insert.run({
      key,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
    });
    return {
      sessionId,
      ...toSession({
        key,
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
      }),
    };
  }

  async resume(sessionId: string): Promise<Session | undefined> {
    const key = sessionKeyOf(sessionId);
    const row = key === undefined ? undefined : this.statements.byKey.get(key);
    if (row === undefined) return undefined;
    const now = this.clock();
    if (now - row.last_seen_at >= this.idleMs) {
      this.statements.deleteKey.run(row.key);
      return undefined;
    }
    if (now - row.last_seen_at < this.touchIntervalMs) return toSession(row);
    // An UPDATE of a row revoked meanwhile changes nothing: a touch never revives a session.
    this.statements.touch.run(now, row.key);
    return toSession({ ...row, last_seen_at: now });
  }

  async revoke(sessionId: string): Promise<void> {
    const key = sessionKeyOf(sessionId);
    if (key !== undefined) this.statements.deleteKey.run(key);
  }

  async revokeByKey(userId: string, key: string): Promise<void> {
    this.statements.deleteKeyOfUser.run(key, userId);
  }

  async revokeAllOf(userId: string, options: { except?: string } = {}): Promise<number> {
    const keep = options.except === undefined ? undefined : sessionKeyOf(options.except);
    return this.statements.deleteUser.run(userId, keep ?? '').changes;
  }

  async listOf(userId: string): Promise<Session[]> {
    return this.statements.ofUser.all(userId, this.clock() - this.idleMs).map(toSession);
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare<[Row]>(
      'INSERT INTO sessions (key, user_id, csrf_token, created_at, last_seen_at) VALUES (@key, @user_id, @csrf_token, @created_at, @last_seen_at)',
    ),
    byKey: db.prepare<[string], Row>('SELECT * FROM sessions WHERE key = ?'),
    touch: db.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE key = ?'),
    deleteKey: db.prepare<[string]>('DELETE FROM sessions WHERE key = ?'),
    deleteKeyOfUser: db.prepare<[string, string]>(
      'DELETE FROM sessions WHERE key = ? AND user_id = ?',
    ),
    deleteUser: db.prepare<[string, string]>('DELETE FROM sessions WHERE user_id = ? AND key <> ?'),
    ofUser: db.prepare<[string, number], Row>(
      'SELECT * FROM sessions WHERE user_id = ? AND last_seen_at > ? ORDER BY created_at, key',
    ),
    sweep: db.prepare<[number]>('DELETE FROM sessions WHERE last_seen_at <= ?'),
  };
}

function toSession(row: Row): Session {
  return {
    key: row.key,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
  };
}
