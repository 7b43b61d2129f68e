import { Module } from '@nestjs/common';
import { WorkerService } from './worker.service';

/** Projections and job processors. Needs the EventStore, ReadModelStore and JobQueue modules. */
@Module({ providers: [WorkerService], exports: [WorkerService] })
export class WorkerModule {}
