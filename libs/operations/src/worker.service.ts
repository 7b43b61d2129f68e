import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, errorSummary, type AppConfig } from '@stegvis/config';
import {
  ERASURE_COMPACTION,
  EVENT_STORE,
  type ErasureCompaction,
  type EventStore,
} from '@stegvis/event-store';
import { JOB_QUEUE, type JobQueue } from '@stegvis/job-queue';
import { READ_MODEL_STORE, type ReadModelStore } from '@stegvis/read-models';
import {
  EXPORT_JOB,
  ProjectionRunner,
  REBUILD_JOB,
  rebuildReadModels,
  runExport,
} from '@stegvis/read-side';
import { runErasureCompaction } from './erasure-backlog';
import { ProcessMetrics } from './process-metrics';

/** The worker's work: the projection runner and the job processors, started and stopped with Nest. */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private readonly stop = new AbortController();
  private running: Promise<void> | undefined;
  private compacting: Promise<void> | undefined;
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ERASURE_COMPACTION) private readonly compaction: ErasureCompaction,
    private readonly metrics: ProcessMetrics,
  ) {
    const runnerLog = new Logger(ProjectionRunner.name);
    this.runner = new ProjectionRunner(store, readModels, {
      leaseTtlMs: config.projectionLeaseMs,
      onStepFailure: (error, failures) =>
        runnerLog.warn({ err: errorSummary(error), failures }, 'Projection step failed; retrying'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = this.runner.run(this.stop.signal);
    this.compacting = runErasureCompaction(
      this.compaction,
      this.stop.signal,
      this.metrics.registry,
    );
    await this.jobs.startProcessing({
      [REBUILD_JOB]: async (job) =>
        rebuildReadModels(this.store, this.readModels, (p) => job.updateProgress(p)),
      [EXPORT_JOB]: async (job) => runExport(this.store, this.readModels, job),
    });
    this.logger.log('Worker started');
  }

  /** Stop taking work and finish the batch in progress before the stores close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all([this.running, this.compacting]);
  }
}
