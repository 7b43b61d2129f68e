import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, loggingModule, type AppConfig } from '@stegvis/config';
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
        {
          module: ConfigHolder,
          global: true,
          providers: [{ provide: APP_CONFIG, useValue: config }],
          exports: [APP_CONFIG],
        },
        loggingModule(config),
        EventStoreModule,
        ReadModelsModule,
        JobQueueModule,
        WorkerModule,
      ],
    };
  }
}

class ConfigHolder {}
