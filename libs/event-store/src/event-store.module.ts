import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@stegvis/config';
import { createErasureCompaction, createEventStore } from './create-event-store';
import { ERASURE_COMPACTION, type ErasureCompaction } from './erasure-compaction.port';
import { EVENT_STORE, type EventStore } from './event-store.port';

/**
 * Provides the configured EventStore, and what makes its erasures final on disk, to the whole
 * process, and closes both on shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): EventStore => createEventStore(config),
    },
    {
      provide: ERASURE_COMPACTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ErasureCompaction => {
        const logger = new Logger('ErasureCompaction');
        return createErasureCompaction(config, (level, message, fields) =>
          level === 'warn'
            ? logger.warn({ ...fields }, message)
            : logger.log({ ...fields }, message),
        );
      },
    },
  ],
  exports: [EVENT_STORE, ERASURE_COMPACTION],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ERASURE_COMPACTION) private readonly compaction: ErasureCompaction,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.compaction.close();
    await this.store.close();
  }
}
