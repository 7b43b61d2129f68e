import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { connect } from './redis/redis-connection';
import { RedisSessionStore } from './redis/redis-session-store';
import { RedisSetupCodes } from './redis/redis-setup-codes';
import { RedisSignInThrottle } from './redis/redis-sign-in-throttle';
import { SESSION_STORE, type SessionStore } from './session-store.port';
import { SETUP_CODES, type SetupCodes } from './setup-codes.port';
import { SIGN_IN_THROTTLE, type SignInThrottle } from './sign-in-throttle.port';
import { openAuthDatabase, type AuthDatabase } from './sqlite/auth-database';
import { SqliteSessionStore } from './sqlite/sqlite-session-store';
import { SqliteSetupCodes } from './sqlite/sqlite-setup-codes';
import { SqliteSignInThrottle } from './sqlite/sqlite-sign-in-throttle';

/** One connection (or one file) under the session store, the throttle and the setup codes. */
type AuthStorage =
  { readonly redis: Redis; readonly prefix: string } | { readonly db: AuthDatabase };
const AUTH_STORAGE = Symbol('AuthStorage');

/**
 * REDIS_URL selects Redis (keys under `<REDIS_PREFIX>:auth`), shared by every API replica;
 * without it sessions (and the setup codes) live in `DATA_DIR/auth.db`, so they survive a restart.
 */
@Global()
@Module({
  providers: [
    {
      provide: AUTH_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): AuthStorage =>
        config.redisUrl === undefined
          ? { db: openAuthDatabase(join(config.dataDir, 'auth.db')) }
          : {
              redis: connect({ url: config.redisUrl }).redis,
              prefix: `${config.redisPrefix}:auth`,
            },
    },
    {
      provide: SESSION_STORE,
      inject: [AUTH_STORAGE],
      useFactory: (storage: AuthStorage): SessionStore =>
        'db' in storage ? new SqliteSessionStore(storage) : new RedisSessionStore(storage),
    },
    {
      provide: SIGN_IN_THROTTLE,
      inject: [AUTH_STORAGE],
      useFactory: (storage: AuthStorage): SignInThrottle =>
        'db' in storage ? new SqliteSignInThrottle(storage) : new RedisSignInThrottle(storage),
    },
    {
      provide: SETUP_CODES,
      inject: [AUTH_STORAGE],
      useFactory: (storage: AuthStorage): SetupCodes =>
        'db' in storage ? new SqliteSetupCodes(storage) : new RedisSetupCodes(storage),
    },
  ],
  exports: [SESSION_STORE, SIGN_IN_THROTTLE, SETUP_CODES],
})
export class SessionsModule implements OnApplicationShutdown {
  constructor(@Inject(AUTH_STORAGE) private readonly storage: AuthStorage) {}

  async onApplicationShutdown(): Promise<void> {
    // The adapters were given the connection, so closing them leaves it: it is closed here once.
    if ('db' in this.storage) {
      if (this.storage.db.open) this.storage.db.close();
    } else if (this.storage.redis.status !== 'end') {
      await this.storage.redis.quit();
    }
  }
}
