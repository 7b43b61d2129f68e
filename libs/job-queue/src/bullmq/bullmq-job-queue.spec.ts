import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { JobQueue } from '../job-queue.port';
import { describeJobQueueContract } from '../testing/job-queue.contract';
import { eventually, gate } from '../../../../test/support/wait-for';
import { BullMqJobQueue } from './bullmq-job-queue';

/** A real Redis; every test uses keys under a prefix of its own and deletes them afterwards. */
const REDIS_URL = process.env.JOB_QUEUE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const randomPrefix = (): string => `stegvis-test-${randomUUID()}`;

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

async function countKeys(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  try {
    return (await redis.keys(`${prefix}:*`)).length;
  } finally {
    await redis.quit();
  }
}

beforeAll(async () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `These tests need Redis at ${REDIS_URL} (set JOB_QUEUE_TEST_REDIS_URL, or run ` +
        `redis-server --daemonize yes --port 6379 --save "" --appendonly no): ${String(error)}`,
      { cause: error },
    );
  } finally {
    redis.disconnect();
  }
});

describeJobQueueContract('BullMQ', async () => {
  const prefix = randomPrefix();
  const queue = new BullMqJobQueue({ url: REDIS_URL, prefix });
  const readers: JobQueue[] = [];
  return {
    queue,
    reopen: async () => {
      const reader = new BullMqJobQueue({ url: REDIS_URL, prefix });
      readers.push(reader);
      return reader;
    },
    dispose: async () => {
      await queue.close();
      await Promise.all(readers.map((reader) => reader.close()));
      await deleteKeys(prefix);
    },
  };
});

describe('BullMqJobQueue', () => {
  let prefix: string;
  let opened: BullMqJobQueue[];

  const open = (queueName?: string): BullMqJobQueue => {
    const queue = new BullMqJobQueue({ url: REDIS_URL, prefix, queueName });
    opened.push(queue);
    return queue;
  };

  beforeEach(() => {
    prefix = randomPrefix();
    opened = [];
  });

  afterEach(async () => {
    await Promise.all(opened.map((queue) => queue.close()));
    await deleteKeys(prefix);
  });

  it('lets one instance enqueue and read what another instance processes', async () => {
    const api = open();
    const worker = open();
    const release = gate();
    const processedBy: string[] = [];
    await worker.startProcessing({
      export: async (job) => {
        processedBy.push(job.id);
        await job.updateProgress(40);
        await release.promise;
        return { file: `export-${String((job.data as { year: number }).year)}.csv` };
      },
    });

    const id = await api.enqueue('export', { year: 2024 });
    const running = await eventually(
      () => api.status(id),
      (status) => status?.progress === 40,
      { message: 'progress seen by the api' },
    );
    expect(running?.state).toBe('active');
    expect(await api.counts()).toEqual({ waiting: 0, active: 1, completed: 0, failed: 0 });

    release.open();
    const done = await eventually(
      () => api.status(id),
      (status) => status?.state === 'completed',
      { message: 'completion seen by the api' },
    );
    expect(done).toMatchObject({
      id,
      name: 'export',
      result: { file: 'export-2024.csv' },
      data: { year: 2024 },
    });
    expect(processedBy).toEqual([id]);
  });

  it('does not retry a job that has no processor, and keeps finished jobs for 7 days', async () => {
    const queue = open();
    const raw = new Queue('stegvis', { connection: { url: REDIS_URL }, prefix });
    try {
      await queue.startProcessing({
        export: async () => {
          throw new Error('failed with a message that should not be kept as a stack trace');
        },
      });
      const mystery = await queue.enqueue('mystery', {}, { attempts: 3 });
      const failing = await queue.enqueue('export', {});
      for (const id of [mystery, failing]) {
        await eventually(
          () => queue.status(id),
          (status) => status?.state === 'failed',
          { message: `job ${id} to fail` },
        );
      }

      const job = await raw.getJob(mystery);
      expect(job?.attemptsMade).toBe(1);
      expect(job?.opts.removeOnComplete).toEqual({ age: 7 * 24 * 60 * 60, count: 1000 });
      expect(job?.opts.removeOnFail).toEqual({ age: 7 * 24 * 60 * 60, count: 1000 });
      expect((await raw.getJob(failing))?.stacktrace ?? []).toEqual([]);
    } finally {
      await raw.close();
    }
  });

  it('keeps queues with different names apart', async () => {
    const exports = open('exports');
    const rebuilds = open('rebuilds');
    const id = await exports.enqueue('export', {});
    expect(await rebuilds.status(id)).toBeUndefined();
    expect((await exports.status(id))?.state).toBe('waiting');
    expect(await rebuilds.counts()).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0 });
  });

  it('writes only keys under its prefix', async () => {
    const queue = open();
    await queue.enqueue('export', {});
    expect(await countKeys(prefix)).toBeGreaterThan(0);
    expect(await countKeys(`${prefix}-other`)).toBe(0);
  });
});
