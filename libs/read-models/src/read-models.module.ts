import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import { MemoryReadModelStore } from './memory/memory-read-model-store';
import { READ_MODEL_STORE, type ReadModelStore } from './read-model-store.port';
import { RedisReadModelStore } from './redis/redis-read-model-store';

/** REDIS_URL selects Redis; without it the read models live in this process's memory. */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ReadModelStore =>
        config.redisUrl === undefined
          ? new MemoryReadModelStore()
          : new RedisReadModelStore({ url: config.redisUrl, prefix: `${config.redisPrefix}:rm` }),
    },
  ],
  exports: [READ_MODEL_STORE],
})
export class ReadModelsModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
