import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { configModule, loggingModule, type AppConfig } from '@stegvis/config';
import { EventStoreModule } from '@stegvis/event-store';
import { JobQueueModule } from '@stegvis/job-queue';
import { ProcessMetricsModule, WorkerModule } from '@stegvis/operations';
import { ReadModelsModule } from '@stegvis/read-models';
import { WorkerOpsController } from './worker-ops.controller';

/** The worker process on its own (production, with Redis), with its health and metrics port. */
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
        TerminusModule,
        ProcessMetricsModule,
        WorkerModule,
      ],
      controllers: [WorkerOpsController],
    };
  }
}
