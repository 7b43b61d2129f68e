/**
 * The JobQueue port: background jobs (rebuilds, exports) with progress and results.
 * Adapters: BullMQ on Redis for production, an in-process runner for the embedded default.
 * Both must pass `testing/job-queue.contract.ts`.
 */

export type JobState = 'waiting' | 'active' | 'completed' | 'failed';

export type JobStatus = {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  /** 0–100. */
  readonly progress: number;
  /** The processor's return value (JSON), once completed. */
  readonly result?: unknown;
  /** A short, non-personal reason, once failed. */
  readonly failedReason?: string;
  readonly createdAt: string;
  readonly finishedAt?: string;
  readonly data: unknown;
};

export type JobContext = {
  readonly id: string;
  readonly name: string;
  readonly data: unknown;
  updateProgress(percent: number): Promise<void>;
};

export type JobProcessor = (job: JobContext) => Promise<unknown>;

export type EnqueueOptions = {
  /** Deduplicates: enqueueing an id that exists returns it without adding a job. */
  readonly jobId?: string;
  /**
   * Deduplicates as `jobId` does, for a caller's retry key of any characters (an HTTP
   * Idempotency-Key scoped to the user and the route): the job id is derived from it, the same in
   * every adapter, valid for BullMQ and revealing nothing of the key. Not with `jobId`.
   */
  readonly idempotencyKey?: string;
  /** Attempts before the job is failed (default 1). */
  readonly attempts?: number;
};

export interface JobQueue {
  enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<string>;

  status(jobId: string): Promise<JobStatus | undefined>;

  /**
   * Starts processing jobs (in the worker process). One processor per job name; jobs whose name
   * has no processor fail with a clear reason.
   */
  startProcessing(
    processors: Readonly<Record<string, JobProcessor>>,
    options?: { concurrency?: number },
  ): Promise<void>;

  counts(): Promise<Record<JobState, number>>;

  /** Graceful: stops taking new jobs and waits for the active ones to finish. */
  close(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JobQueue');
