export * from './session-store.port';
export * from './sign-in-throttle.port';
export * from './throttle-policy';
export { RedisSessionStore, type RedisSessionStoreOptions } from './redis/redis-session-store';
export {
  RedisSignInThrottle,
  type RedisSignInThrottleOptions,
} from './redis/redis-sign-in-throttle';
export { openAuthDatabase, type AuthDatabase } from './sqlite/auth-database';
export { SqliteSessionStore, type SqliteSessionStoreOptions } from './sqlite/sqlite-session-store';
export {
  SqliteSignInThrottle,
  type SqliteSignInThrottleOptions,
} from './sqlite/sqlite-sign-in-throttle';
export * from './sessions.module';
