import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type {
  EnqueueOptions,
  JobContext,
  JobProcessor,
  JobQueue,
  JobState,
  JobStatus,
} from '../job-queue.port';
import {
  assertValidEnqueue,
  failedReasonOf,
  jobIdOf,
  noProcessorReason,
  normaliseProgress,
  truncate,
} from '../job-rules';

export type BullMqJobQueueOptions = {
  /** Redis URL, e.g. `redis://redis:6379`. */
  readonly url: string;
  /** Default 'stegvis'. The api and the worker process must use the same name and prefix. */
  readonly queueName?: string;
  /** Prefix of every Redis key BullMQ writes. Default 'bull'. */
  readonly prefix?: string;
  /**
   * Receives errors that BullMQ reports outside any call, such as a lost Redis connection (which
   * ioredis keeps retrying). Without a listener Node would crash on them. Default: console.error.
   */
  readonly onError?: (error: Error) => void;
};

type Processors = Readonly<Record<string, JobProcessor>>;

/**
 * Finished jobs are kept this long (and at most KEEP_FINISHED_COUNT of each kind) so that a user
 * can still read an export's status and result days later. BullMQ evicts lazily, when a later job
 * finishes, so this bounds Redis memory without a timer.
 */
const KEEP_FINISHED_SECONDS = 7 * 24 * 60 * 60;
const KEEP_FINISHED_COUNT = 1000;

/**
 * The production JobQueue: one BullMQ queue on Redis. Every instance can enqueue and read
 * statuses; the instance in the worker process also calls `startProcessing`, which creates the
 * BullMQ Worker. All jobs share one queue and are dispatched on their name, so adding a job kind
 * needs no new queue.
 *
 * Connections: BullMQ creates its own ioredis connections from the options given here and closes
 * them on `close`. The Queue's connection has the offline queue disabled so that enqueueing fails
 * fast while Redis is unreachable (the HTTP request gets an error instead of hanging); the
 * Worker's connections use `maxRetriesPerRequest: null` so that it waits out an outage instead of
 * failing its blocking commands (BullMQ "Going to production" guide).
 */
export class BullMqJobQueue implements JobQueue {
  private readonly url: string;
  private readonly queueName: string;
  private readonly prefix: string;
  private readonly onError: (error: Error) => void;
  private readonly queue: Queue<unknown, unknown, string>;
  private worker: Worker<unknown, unknown, string> | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: BullMqJobQueueOptions) {
    this.url = options.url;
    this.queueName = options.queueName ?? 'stegvis';
    this.prefix = options.prefix ?? 'bull';
    this.onError =
      options.onError ??
      ((error) => console.error(`BullMqJobQueue "${this.queueName}": ${error.message}`));
    this.queue = new Queue<unknown, unknown, string>(this.queueName, {
      connection: { url: this.url, enableOfflineQueue: false },
      prefix: this.prefix,
      defaultJobOptions: {
        removeOnComplete: { age: KEEP_FINISHED_SECONDS, count: KEEP_FINISHED_COUNT },
        removeOnFail: { age: KEEP_FINISHED_SECONDS, count: KEEP_FINISHED_COUNT },
        // Stack traces would only point into this adapter (processor errors are rethrown with a
        // truncated message) and could carry a long original message; keep none in Redis.
        stackTraceLimit: 0,
      },
    });
    this.queue.on('error', this.onError);
  }

  async enqueue(name: string, data: unknown, options: EnqueueOptions = {}): Promise<string> {
    if (this.closing) throw new Error('BullMqJobQueue is closed');
    assertValidEnqueue(name, options.attempts);
    // BullMQ does not add a job whose id exists and returns the existing id, which is the port's
    // deduplication. Random UUIDs instead of BullMQ's counter keep ids unguessable in URLs.
    const job = await this.queue.add(name, data, {
      jobId: jobIdOf(options),
      attempts: options.attempts ?? 1,
    });
    if (job.id === undefined) throw new Error('BullMQ returned a job without an id');
    return job.id;
  }

  async status(jobId: string): Promise<JobStatus | undefined> {
    // The state is read before the job's hash. BullMQ's scripts change both together, so the hash
    // is at least as new as the state, and result, reason and finishedAt are only reported with
    // the terminal state they belong to (a retried job keeps its previous failedReason).
    const state = toPortState(await this.queue.getJobState(jobId));
    if (!state) return undefined;
    const job = await this.queue.getJob(jobId);
    if (!job) return undefined; // removed in between, e.g. by removeOnComplete
    const finished = state === 'completed' || state === 'failed';
    return {
      id: jobId,
      name: job.name,
      state,
      progress: state === 'completed' ? 100 : progressOf(job),
      ...(state === 'completed' ? { result: job.returnvalue } : {}),
      ...(state === 'failed' ? { failedReason: truncate(job.failedReason || 'job failed') } : {}),
      createdAt: new Date(job.timestamp).toISOString(),
      ...(finished && job.finishedOn !== undefined
        ? { finishedAt: new Date(job.finishedOn).toISOString() }
        : {}),
      data: job.data,
    };
  }

  async startProcessing(
    processors: Processors,
    options: { concurrency?: number } = {},
  ): Promise<void> {
    if (this.closing) throw new Error('BullMqJobQueue is closed');
    if (this.worker) throw new Error('BullMqJobQueue is already processing');
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
    }
    // A copy, so that the caller changing its map later cannot change what runs mid-way.
    const table: Processors = { ...processors };
    const worker = new Worker<unknown, unknown, string>(
      this.queueName,
      (job) => runJob(table, job),
      {
        connection: { url: this.url, maxRetriesPerRequest: null },
        prefix: this.prefix,
        concurrency,
      },
    );
    worker.on('error', this.onError);
    this.worker = worker;
    await worker.waitUntilReady();
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts = await this.queue.getJobCounts(
      'waiting',
      'delayed',
      'prioritized',
      'waiting-children',
      'active',
      'completed',
      'failed',
    );
    const count = (type: string): number => counts[type] ?? 0;
    return {
      waiting:
        count('waiting') + count('delayed') + count('prioritized') + count('waiting-children'),
      active: count('active'),
      completed: count('completed'),
      failed: count('failed'),
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        // Worker.close (without force) stops fetching and waits for the active jobs to finish,
        // then closes the connections it created.
        await this.worker?.close();
      } finally {
        await this.queue.close();
      }
    })();
    return this.closing;
  }
}

/** Dispatches a BullMQ job to the processor registered for its name. */
async function runJob(
  processors: Processors,
  job: Job<unknown, unknown, string>,
): Promise<unknown> {
  const processor = Object.hasOwn(processors, job.name) ? processors[job.name] : undefined;
  // Unrecoverable: retrying cannot make a processor appear, so the job fails whatever its attempts.
  if (!processor) throw new UnrecoverableError(noProcessorReason(job.name));
  if (job.id === undefined) throw new UnrecoverableError('job has no id');
  const context: JobContext = {
    id: job.id,
    name: job.name,
    data: job.data,
    updateProgress: (percent) => job.updateProgress(normaliseProgress(percent)),
  };
  try {
    return await processor(context);
  } catch (error) {
    // BullMQ stores the message as failedReason; storing only a short one keeps long messages
    // (which may quote data) out of Redis. The cause stays in memory only: BullMQ does not store it.
    throw new Error(failedReasonOf(error), { cause: error });
  }
}

function toPortState(state: string): JobState | undefined {
  switch (state) {
    case 'waiting':
    case 'delayed': // a retry waiting for its backoff
    case 'prioritized':
    case 'waiting-children':
      return 'waiting';
    case 'active':
    case 'completed':
    case 'failed':
      return state;
    default: // 'unknown': no such job, or it has been removed
      return undefined;
  }
}

function progressOf(job: Job<unknown, unknown, string>): number {
  // Progress may be any JSON in BullMQ; only numbers written through this port are meaningful.
  return typeof job.progress === 'number' ? normaliseProgress(job.progress) : 0;
}
