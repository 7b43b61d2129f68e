import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type AuthDatabase = Database.Database;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sessions (
    key TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id);
  CREATE INDEX IF NOT EXISTS sessions_by_last_seen ON sessions (last_seen_at);
  CREATE TABLE IF NOT EXISTS sign_in_failures (
    subject TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    window_ends_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS setup_codes (
    hash TEXT PRIMARY KEY,
    issued_at INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * The embedded default's file for sessions, sign-in throttling and setup codes
 * (`DATA_DIR/auth.db`), apart from the event log: it changes on every sign-in and holds nothing
 * that must be kept (a lost setup code is replaced by the next start's). WAL and NORMAL as the
 * event store uses them; a crash loses at most the last touches.
 */
export function openAuthDatabase(filePath: string): AuthDatabase {
  if (filePath !== ':memory:') mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A revoked session's key must not stay readable in free pages.
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export type AuthDatabaseTarget =
  /** Open this file; the adapter owns it and closes it. */
  | { readonly filePath: string }
  /** Use this database (shared by the session store and the throttle); not closed here. */
  | { readonly db: AuthDatabase };

export function useAuthDatabase(target: AuthDatabaseTarget): { db: AuthDatabase; owned: boolean } {
  return 'db' in target
    ? { db: target.db, owned: false }
    : { db: openAuthDatabase(target.filePath), owned: true };
}
