import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSessionStoreContract } from '../testing/session-store.contract';
import { describeSetupCodesContract } from '../testing/setup-codes.contract';
import { describeSignInThrottleContract } from '../testing/sign-in-throttle.contract';
import { openAuthDatabase } from './auth-database';
import { SqliteSessionStore } from './sqlite-session-store';
import { SqliteSetupCodes } from './sqlite-setup-codes';
import { SqliteSignInThrottle } from './sqlite-sign-in-throttle';

function tempFile(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'stegvis-auth-'));
  return {
    file: join(dir, 'data', 'auth.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every row of every table, read through a connection of its own. */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify([
      db.prepare('SELECT * FROM sessions').all(),
      db.prepare('SELECT * FROM sign_in_failures').all(),
      db.prepare('SELECT * FROM setup_codes').all(),
    ]);
  } finally {
    db.close();
  }
}

describeSessionStoreContract('SQLite', async (timing) => {
  const { file, remove } = tempFile();
  const store = new SqliteSessionStore({ filePath: file, ...timing });
  return {
    store,
    storedText: async () => dump(file),
    reopen: async () => new SqliteSessionStore({ filePath: file, ...timing }),
    dispose: async () => {
      await store.close();
      remove();
    },
  };
});

describeSignInThrottleContract('SQLite', async (timing) => {
  const { file, remove } = tempFile();
  const throttle = new SqliteSignInThrottle({ filePath: file, ...timing });
  return {
    throttle,
    storedText: async () => dump(file),
    dispose: async () => {
      await throttle.close();
      remove();
    },
  };
});

describeSetupCodesContract('SQLite', async () => {
  const { file, remove } = tempFile();
  const codes = new SqliteSetupCodes({ filePath: file });
  return {
    codes,
    reopen: async () => new SqliteSetupCodes({ filePath: file }),
    storedText: async () => dump(file),
    dispose: async () => {
      await codes.close();
      remove();
    },
  };
});

describe('SQLite auth database', () => {
  it('is a WAL file shared by the session store and the throttle, closed by its opener', async () => {
    const { file, remove } = tempFile();
    try {
      const db = openAuthDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const sessions = new SqliteSessionStore({ db });
      const throttle = new SqliteSignInThrottle({ db });
      const { sessionId } = await sessions.create('U-000000000A');
      await throttle.recordFailure(['address:203.0.113.7']);
      await sessions.close();
      await throttle.close();
      expect(db.open).toBe(true);
      expect(await new SqliteSessionStore({ db }).resume(sessionId)).toBeDefined();
      db.close();
    } finally {
      remove();
    }
  });

  it('sweeps idle sessions when new ones are made', async () => {
    const { file, remove } = tempFile();
    try {
      let now = 0;
      const store = new SqliteSessionStore({ filePath: file, clock: () => now });
      for (let i = 0; i < 5; i++) await store.create('U-000000000A');
      now = 9 * 60 * 60 * 1000;
      await store.create('U-000000000B');
      expect(JSON.parse(dump(file))[0]).toHaveLength(1);
      await store.close();
    } finally {
      remove();
    }
  });
});
