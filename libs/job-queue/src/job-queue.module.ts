import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, connectionErrorLog, type AppConfig } from '@stegvis/config';
import { BullMqJobQueue } from './bullmq/bullmq-job-queue';
import { InProcessJobQueue } from './in-process/in-process-job-queue';
import { JOB_QUEUE, type JobQueue } from './job-queue.port';

/** REDIS_URL selects BullMQ; without it jobs run in this process. */
@Global()
@Module({
  providers: [
    {
      provide: JOB_QUEUE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): JobQueue =>
        config.redisUrl === undefined
          ? new InProcessJobQueue()
          : new BullMqJobQueue({
              url: config.redisUrl,
              prefix: `${config.redisPrefix}:bull`,
              onError: connectionErrorLog('JobQueue'),
            }),
    },
  ],
  exports: [JOB_QUEUE],
})
export class JobQueueModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  /** Graceful: waits for the jobs in progress. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
