import { Test } from '@nestjs/testing';
import { loadConfig, configModule } from '@stegvis/config';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisSessionStore } from './redis/redis-session-store';
import { RedisSetupCodes } from './redis/redis-setup-codes';
import { SESSION_STORE, type SessionStore } from './session-store.port';
import { SETUP_CODES } from './setup-codes.port';
import { SessionsModule } from './sessions.module';
import { SIGN_IN_THROTTLE } from './sign-in-throttle.port';
import { SqliteSessionStore } from './sqlite/sqlite-session-store';
import { SqliteSetupCodes } from './sqlite/sqlite-setup-codes';
import { SqliteSignInThrottle } from './sqlite/sqlite-sign-in-throttle';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function start(env: Record<string, string>) {
  const config = loadConfig({ AUTH_SECRET: 'x'.repeat(32), ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [configModule(config), SessionsModule],
  }).compile();
  return moduleRef.createNestApplication({ logger: false }).init();
}

describe('SessionsModule', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'stegvis-sessions-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('without REDIS_URL keeps sessions in DATA_DIR/auth.db, across a restart', async () => {
    const app = await start({ DATA_DIR: dataDir });
    expect(app.get(SESSION_STORE)).toBeInstanceOf(SqliteSessionStore);
    expect(app.get(SIGN_IN_THROTTLE)).toBeInstanceOf(SqliteSignInThrottle);
    expect(app.get(SETUP_CODES)).toBeInstanceOf(SqliteSetupCodes);
    const { sessionId } = await app.get<SessionStore>(SESSION_STORE).create('U-000000000A');
    await app.close();
    expect(existsSync(join(dataDir, 'auth.db'))).toBe(true);

    const again = await start({ DATA_DIR: dataDir });
    expect(await again.get<SessionStore>(SESSION_STORE).resume(sessionId)).toBeDefined();
    await again.close();
  });

  it('with REDIS_URL keeps sessions in Redis under REDIS_PREFIX', async () => {
    const prefix = `t-${randomUUID()}`;
    const app = await start({ DATA_DIR: dataDir, REDIS_URL, REDIS_PREFIX: prefix });
    const store = app.get<SessionStore>(SESSION_STORE);
    expect(store).toBeInstanceOf(RedisSessionStore);
    expect(app.get(SETUP_CODES)).toBeInstanceOf(RedisSetupCodes);
    const { key } = await store.create('U-000000000A');
    await app.close();
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.exists(`${prefix}:auth:session:${key}`)).toBe(1);
      await redis.del(`${prefix}:auth:session:${key}`, `${prefix}:auth:user-sessions:U-000000000A`);
    } finally {
      await redis.quit();
    }
    expect(existsSync(join(dataDir, 'auth.db'))).toBe(false);
  });
});
