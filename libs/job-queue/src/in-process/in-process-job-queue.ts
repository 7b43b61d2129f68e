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
} from '../job-rules';

export type InProcessJobQueueOptions = {
  /**
   * How many finished (completed or failed) jobs keep their status; the oldest are forgotten
   * first, so memory stays bounded in a long-running process. Default 1,000.
   */
  readonly keepFinished?: number;
};

type JobRecord = {
  readonly id: string;
  readonly name: string;
  readonly data: unknown;
  readonly createdAt: string;
  readonly attempts: number;
  state: JobState;
  progress: number;
  attemptsMade: number;
  result?: unknown;
  failedReason?: string;
  finishedAt?: string;
};

type Processors = Readonly<Record<string, JobProcessor>>;

const DEFAULT_KEEP_FINISHED = 1000;

/**
 * The embedded default JobQueue: jobs live in this process's memory and are lost on restart,
 * which is acceptable for rebuilds and exports that a user can simply start again. It mirrors
 * BullMQ where callers could notice a difference: data and results go through JSON, ids follow
 * BullMQ's rules, jobs run in FIFO order and a failed attempt is retried at the back of the queue.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly keepFinished: number;
  private readonly jobs = new Map<string, JobRecord>();
  private readonly waiting: string[] = [];
  /** Finished job ids, oldest first (a Set keeps insertion order). */
  private readonly finished = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private processors: Processors | undefined;
  private concurrency = 1;
  private closing: Promise<void> | undefined;

  constructor(options: InProcessJobQueueOptions = {}) {
    const keepFinished = options.keepFinished ?? DEFAULT_KEEP_FINISHED;
    if (!Number.isInteger(keepFinished) || keepFinished < 0) {
      throw new Error(`keepFinished must be a non-negative integer, got ${keepFinished}`);
    }
    this.keepFinished = keepFinished;
  }

  async enqueue(name: string, data: unknown, options: EnqueueOptions = {}): Promise<string> {
    if (this.closing) throw new Error('InProcessJobQueue is closed');
    assertValidEnqueue(name, options.attempts);
    const id = jobIdOf(options);
    if (this.jobs.has(id)) return id;
    // BullMQ stores data as JSON (undefined becomes {}); copying through JSON here makes data that
    // is not plain JSON (dates, class instances) behave the same in both adapters.
    const copy = jsonCopy(data);
    this.jobs.set(id, {
      id,
      name,
      data: copy === undefined ? {} : copy,
      createdAt: new Date().toISOString(),
      attempts: options.attempts ?? 1,
      state: 'waiting',
      progress: 0,
      attemptsMade: 0,
    });
    this.waiting.push(id);
    this.pump();
    return id;
  }

  async status(jobId: string): Promise<JobStatus | undefined> {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    return {
      id: job.id,
      name: job.name,
      state: job.state,
      progress: job.progress,
      ...(job.state === 'completed' ? { result: jsonCopy(job.result) } : {}),
      ...(job.state === 'failed' ? { failedReason: job.failedReason } : {}),
      createdAt: job.createdAt,
      ...(job.finishedAt !== undefined ? { finishedAt: job.finishedAt } : {}),
      // A copy, so that a caller mutating what it read cannot change the stored job.
      data: jsonCopy(job.data),
    };
  }

  async startProcessing(
    processors: Processors,
    options: { concurrency?: number } = {},
  ): Promise<void> {
    if (this.closing) throw new Error('InProcessJobQueue is closed');
    if (this.processors) throw new Error('InProcessJobQueue is already processing');
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
    }
    // A copy, so that the caller adding processors later cannot change what runs mid-way.
    this.processors = { ...processors };
    this.concurrency = concurrency;
    this.pump();
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { waiting: 0, active: 0, completed: 0, failed: 0 };
    for (const job of this.jobs.values()) counts[job.state] += 1;
    return counts;
  }

  close(): Promise<void> {
    // Jobs still waiting stay waiting: there is no one left to run them, and running them during
    // shutdown would delay it by arbitrary amounts of work.
    this.closing ??= Promise.all([...this.running]).then(() => undefined);
    return this.closing;
  }

  /** Starts waiting jobs, oldest first, while there is capacity. */
  private pump(): void {
    const processors = this.processors;
    if (!processors) return;
    while (!this.closing && this.running.size < this.concurrency) {
      const id = this.waiting.shift();
      if (id === undefined) return;
      const job = this.jobs.get(id);
      if (!job || job.state !== 'waiting') continue;
      const run: Promise<void> = this.run(job, processors).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  /** Runs one attempt; never rejects, so a failing job cannot break the pump. */
  private async run(job: JobRecord, processors: Processors): Promise<void> {
    job.state = 'active';
    job.attemptsMade += 1;
    const attempt = job.attemptsMade;
    const processor = Object.hasOwn(processors, job.name) ? processors[job.name] : undefined;
    if (!processor) {
      // Retrying cannot make a processor appear, so this fails at once whatever the attempts.
      this.finish(job, { state: 'failed', failedReason: noProcessorReason(job.name) });
      return;
    }
    const context: JobContext = {
      id: job.id,
      name: job.name,
      data: jsonCopy(job.data),
      updateProgress: async (percent) => {
        const progress = normaliseProgress(percent);
        // A processor that keeps reporting after its attempt ended must not rewrite the status.
        if (job.state === 'active' && job.attemptsMade === attempt) job.progress = progress;
      },
    };
    try {
      const value = await processor(context);
      // Like BullMQ, a processor that returns nothing completes with the JSON result null.
      this.finish(job, { state: 'completed', result: jsonCopy(value) ?? null });
    } catch (error) {
      if (job.attemptsMade < job.attempts) {
        job.state = 'waiting';
        this.waiting.push(job.id);
      } else {
        this.finish(job, { state: 'failed', failedReason: failedReasonOf(error) });
      }
    }
  }

  private finish(
    job: JobRecord,
    outcome: { state: 'completed'; result: unknown } | { state: 'failed'; failedReason: string },
  ): void {
    job.state = outcome.state;
    job.finishedAt = new Date().toISOString();
    if (outcome.state === 'completed') {
      job.result = outcome.result;
      job.progress = 100;
    } else {
      job.failedReason = outcome.failedReason;
    }
    this.finished.add(job.id);
    while (this.finished.size > this.keepFinished) {
      const oldest = this.finished.values().next();
      if (oldest.done) break;
      this.finished.delete(oldest.value);
      this.jobs.delete(oldest.value);
    }
  }
}

/** A deep copy through JSON; undefined when the value has no JSON form (undefined, a function). */
function jsonCopy(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}
