import {
  THROTTLE_WINDOW_MS,
  type SignInThrottle,
  type ThrottleTiming,
} from '../sign-in-throttle.port';
import { subjectKey } from '../session-secrets';
import { useAuthDatabase, type AuthDatabase, type AuthDatabaseTarget } from './auth-database';

export type SqliteSignInThrottleOptions = ThrottleTiming & AuthDatabaseTarget;

/** Failed sign-ins of the embedded default, one row per subject in `auth.db`. */
export class SqliteSignInThrottle implements SignInThrottle {
  private readonly db: AuthDatabase;
  private readonly ownsDb: boolean;
  private readonly clock: () => number;
  private readonly windowMs: number;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(options: SqliteSignInThrottleOptions) {
    ({ db: this.db, owned: this.ownsDb } = useAuthDatabase(options));
    this.clock = options.clock ?? Date.now;
    this.windowMs = options.windowMs ?? THROTTLE_WINDOW_MS;
    this.statements = prepare(this.db);
  }

  async failures(subjects: readonly string[]): Promise<number[]> {
    const now = this.clock();
    return subjects.map((s) => this.statements.count.get(subjectKey(s), now)?.count ?? 0);
  }

  async recordFailure(subjects: readonly string[]): Promise<void> {
    const now = this.clock();
    this.db.transaction(() => {
      this.statements.sweep.run(now);
      for (const s of subjects)
        this.statements.upsert.run({ subject: subjectKey(s), now, window: this.windowMs });
    })();
  }

  async clear(subject: string): Promise<void> {
    this.statements.clear.run(subjectKey(subject));
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

function prepare(db: AuthDatabase) {
  return {
    count: db.prepare<[string, number], { count: number }>(
      'SELECT count FROM sign_in_failures WHERE subject = ? AND window_ends_at > ?',
    ),
    // A window that has ended starts again at this failure; otherwise the count grows.
    upsert: db.prepare<[{ subject: string; now: number; window: number }]>(`
      INSERT INTO sign_in_failures (subject, count, window_ends_at) VALUES (@subject, 1, @now + @window)
      ON CONFLICT (subject) DO UPDATE SET
        count = CASE WHEN window_ends_at > @now THEN count + 1 ELSE 1 END,
        window_ends_at = CASE WHEN window_ends_at > @now THEN window_ends_at ELSE @now + @window END`),
    sweep: db.prepare<[number]>('DELETE FROM sign_in_failures WHERE window_ends_at <= ?'),
    clear: db.prepare<[string]>('DELETE FROM sign_in_failures WHERE subject = ?'),
  };
}
