export * from './read-model-store.port';
export { MemoryReadModelStore } from './memory/memory-read-model-store';
export {
  DEFAULT_READ_MODEL_PREFIX,
  RedisReadModelStore,
  redisConnectionOptions,
  type RedisReadModelStoreOptions,
} from './redis/redis-read-model-store';
export * from './read-models.module';
