import { Module } from '@nestjs/common';
import { ProcessMetricsModule } from './process-metrics';
import { WorkerService } from './worker.service';

/**
 * The background work (libs/read-side): projections and job processors, in the worker process
 * or embedded in the API. Needs the EventStore, ReadModelStore and JobQueue modules.
 */
@Module({ imports: [ProcessMetricsModule], providers: [WorkerService], exports: [WorkerService] })
export class WorkerModule {}
