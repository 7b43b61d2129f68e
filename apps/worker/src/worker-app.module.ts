import { Module, type DynamicModule } from '@nestjs/common';
import { configModule, loggingModule, type AppConfig } from '@stegvis/config';
import { EventStoreModule } from '@stegvis/event-store';
import { JobQueueModule } from '@stegvis/job-queue';
import { ReadModelsModule } from '@stegvis/read-models';
import { WorkerModule } from './worker.module';

/** The worker process on its own (production, with Redis). */
@Module({})
export class WorkerAppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        configModule(config),
        loggingModule(config),
        EventStoreModule,
        ReadModelsModule,
        JobQueueModule,
        WorkerModule,
      ],
    };
  }
}
