export * from './job-queue.port';
export {
  InProcessJobQueue,
  type InProcessJobQueueOptions,
} from './in-process/in-process-job-queue';
export { BullMqJobQueue, type BullMqJobQueueOptions } from './bullmq/bullmq-job-queue';
export * from './job-queue.module';
