import type { SetupCodes } from '../setup-codes.port';
import { newSetupCode, setupCodeHash } from '../session-secrets';
import { useAuthDatabase, type AuthDatabase, type AuthDatabaseTarget } from './auth-database';

export type SqliteSetupCodesOptions = AuthDatabaseTarget;

/** Setup codes of the embedded default: one row per hash in `auth.db`. */
export class SqliteSetupCodes implements SetupCodes {
  private readonly db: AuthDatabase;
  private readonly ownsDb: boolean;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(options: SqliteSetupCodesOptions) {
    ({ db: this.db, owned: this.ownsDb } = useAuthDatabase(options));
    this.statements = prepare(this.db);
  }

  async issue(): Promise<string> {
    const { code, hash } = newSetupCode();
    this.statements.insert.run(hash, Date.now());
    return code;
  }

  async pending(): Promise<boolean> {
    return this.statements.any.get() !== undefined;
  }

  async redeem(code: string): Promise<boolean> {
    const hash = setupCodeHash(code);
    if (hash === undefined) return false;
    // One transaction: of two redemptions at once, in any process, only one finds the row.
    return this.db
      .transaction(() => {
        if (this.statements.find.get(hash) === undefined) return false;
        this.statements.clear.run();
        return true;
      })
      .immediate();
  }

  async clear(): Promise<void> {
    this.statements.clear.run();
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

function prepare(db: AuthDatabase) {
  return {
    insert: db.prepare<[string, number]>('INSERT INTO setup_codes (hash, issued_at) VALUES (?, ?)'),
    any: db.prepare<[], { hash: string }>('SELECT hash FROM setup_codes LIMIT 1'),
    find: db.prepare<[string], { hash: string }>('SELECT hash FROM setup_codes WHERE hash = ?'),
    clear: db.prepare('DELETE FROM setup_codes'),
  };
}
