export * from './session-store.port';
export * from './sign-in-throttle.port';
export * from './throttle-policy';
export * from './setup-codes.port';
export { RedisSessionStore, type RedisSessionStoreOptions } from './redis/redis-session-store';
export {
  RedisSignInThrottle,
  type RedisSignInThrottleOptions,
} from './redis/redis-sign-in-throttle';
export { RedisSetupCodes, type RedisSetupCodesOptions } from './redis/redis-setup-codes';
export { openAuthDatabase, type AuthDatabase } from './sqlite/auth-database';
export { SqliteSessionStore, type SqliteSessionStoreOptions } from './sqlite/sqlite-session-store';
export {
  SqliteSignInThrottle,
  type SqliteSignInThrottleOptions,
} from './sqlite/sqlite-sign-in-throttle';
export { SqliteSetupCodes, type SqliteSetupCodesOptions } from './sqlite/sqlite-setup-codes';
export * from './sessions.module';
