import type { JobContext, JobProcessor, JobQueue, JobState, JobStatus } from '../job-queue.port';
import { eventually, gate, waitFor, type Gate } from '../../../../test/support/wait-for';

export type JobQueueFixture = {
  readonly queue: JobQueue;
  /** Closes everything the fixture opened and removes what it stored. */
  readonly dispose: () => Promise<void>;
  /**
   * Opens another handle on the same jobs, used to read statuses after `queue` has been closed
   * (a closed BullMQ queue has no Redis connection left). Omit it when `queue` still answers
   * `status` after `close`, as the in-process adapter does. The suite closes what this returns.
   */
  readonly reopen?: () => Promise<JobQueue>;
};

/** How long a test waits for a job to reach a state before failing. */
const DEADLINE_MS = 5000;
/**
 * How long `close` must keep waiting while a job is held. Only a negative check needs this: a
 * correct close never resolves while the job is held, so a longer time cannot make it pass.
 */
const CLOSE_HOLD_MS = 200;

/**
 * The behaviour every JobQueue adapter must have. Choices the port leaves open, pinned here so
 * that the adapters agree:
 * - data and results are JSON: a Date in the data reads back as its ISO string, a processor that
 *   returns nothing completes with the result null;
 * - a completed job reports progress 100; progress is clamped to 0–100;
 * - a failed attempt is retried straight away (no backoff) until `attempts` is used up, and the
 *   reason is the last attempt's message, cut to at most 200 characters;
 * - a job whose name has no processor fails at once, whatever its attempts;
 * - ids must not be integers or contain ':' (BullMQ's rules), and generated ids are unique;
 * - an idempotency key of any characters names one job, by an id derived from it alike everywhere;
 * - after `close`, enqueueing rejects and jobs still waiting are not started.
 */
export function describeJobQueueContract(
  name: string,
  create: () => Promise<JobQueueFixture>,
): void {
  describe(`JobQueue contract: ${name}`, () => {
    let fixture: JobQueueFixture | undefined;
    /** Every gate a test creates; opened after each test so no held job blocks dispose. */
    let gates: Gate[] = [];

    const queue = (): JobQueue => {
      if (!fixture) throw new Error('the queue is created in beforeEach');
      return fixture.queue;
    };

    const newGate = (): Gate => {
      const created = gate();
      gates.push(created);
      return created;
    };

    const statusOf = (id: string): Promise<JobStatus | undefined> => queue().status(id);

    const waitForState = (id: string, state: JobState): Promise<JobStatus | undefined> =>
      eventually(
        () => statusOf(id),
        (status) => status?.state === state,
        { timeoutMs: DEADLINE_MS, message: `job ${id} to be ${state}` },
      );

    beforeEach(async () => {
      gates = [];
      fixture = await create();
    });

    afterEach(async () => {
      for (const held of gates) held.open();
      const current = fixture;
      fixture = undefined;
      await current?.dispose();
    });

    it('keeps a new job waiting, with its name, data and createdAt, until processing starts', async () => {
      const before = Date.now();
      const id = await queue().enqueue('export', { format: 'csv', year: 2024 });
      const after = Date.now();

      const status = await statusOf(id);
      expect(status).toEqual({
        id,
        name: 'export',
        state: 'waiting',
        progress: 0,
        createdAt: expect.any(String) as unknown,
        data: { format: 'csv', year: 2024 },
      });
      const createdAt = Date.parse(status?.createdAt ?? '');
      expect(createdAt).toBeGreaterThanOrEqual(before);
      expect(createdAt).toBeLessThanOrEqual(after);
      expect(await queue().counts()).toEqual({ waiting: 1, active: 0, completed: 0, failed: 0 });
    });

    it('gives each job a distinct id unless one is given', async () => {
      const first = await queue().enqueue('export', {});
      const second = await queue().enqueue('export', {});
      expect(first).not.toBe(second);
      expect(first.length).toBeGreaterThan(0);
      expect(await queue().enqueue('export', {}, { jobId: 'export-2024' })).toBe('export-2024');
    });

    it('returns undefined for an unknown job id', async () => {
      expect(await statusOf('no-such-job')).toBeUndefined();
    });

    it('completes a job with the processor result, progress 100 and finishedAt', async () => {
      const seen: { id: string; name: string; data: unknown }[] = [];
      const id = await queue().enqueue('export', { format: 'csv' });
      await queue().startProcessing({
        export: async (job) => {
          seen.push({ id: job.id, name: job.name, data: job.data });
          return { rows: 3, file: 'export.csv' };
        },
      });

      const status = await waitForState(id, 'completed');
      expect(status).toMatchObject({
        id,
        name: 'export',
        progress: 100,
        result: { rows: 3, file: 'export.csv' },
        data: { format: 'csv' },
      });
      expect(status?.failedReason).toBeUndefined();
      expect(Date.parse(status?.finishedAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(status?.createdAt ?? ''),
      );
      expect(seen).toEqual([{ id, name: 'export', data: { format: 'csv' } }]);
    });

    it('stores data and results as JSON', async () => {
      const seen: unknown[] = [];
      const data = { at: new Date('2024-05-01T08:00:00.000Z'), tags: ['a'] };
      const withDate = await queue().enqueue('dated', data);
      const nothing = await queue().enqueue('nothing', { n: 1 });
      await queue().startProcessing({
        dated: async (job) => {
          seen.push(job.data);
          return { at: new Date('2024-06-01T00:00:00.000Z') };
        },
        nothing: async () => undefined,
      });

      const dated = await waitForState(withDate, 'completed');
      expect(dated?.data).toEqual({ at: '2024-05-01T08:00:00.000Z', tags: ['a'] });
      expect(dated?.result).toEqual({ at: '2024-06-01T00:00:00.000Z' });
      expect(seen).toEqual([{ at: '2024-05-01T08:00:00.000Z', tags: ['a'] }]);
      expect((await waitForState(nothing, 'completed'))?.result).toBeNull();
    });

    it('shows progress while the job runs', async () => {
      const release = newGate();
      const id = await queue().enqueue('rebuild', {});
      await queue().startProcessing({
        rebuild: async (job) => {
          await job.updateProgress(50);
          await release.promise;
          return 'rebuilt';
        },
      });

      const running = await eventually(
        () => statusOf(id),
        (status) => status?.progress === 50,
        { timeoutMs: DEADLINE_MS, message: 'progress 50' },
      );
      expect(running?.state).toBe('active');
      expect(running?.result).toBeUndefined();
      expect(running?.finishedAt).toBeUndefined();

      release.open();
      expect(await waitForState(id, 'completed')).toMatchObject({
        progress: 100,
        result: 'rebuilt',
      });
    });

    it('clamps progress to 0–100', async () => {
      const release = newGate();
      const id = await queue().enqueue('rebuild', {});
      await queue().startProcessing({
        rebuild: async (job) => {
          await job.updateProgress(250);
          await release.promise;
        },
      });
      const running = await eventually(
        () => statusOf(id),
        (status) => status?.state === 'active' && status.progress > 0,
        { timeoutMs: DEADLINE_MS, message: 'progress reported' },
      );
      expect(running?.progress).toBe(100);
    });

    it('fails a job with the error message as reason, without retrying by default', async () => {
      let calls = 0;
      const id = await queue().enqueue('export', {});
      await queue().startProcessing({
        export: async () => {
          calls += 1;
          throw new Error('export failed: disk full');
        },
      });

      const status = await waitForState(id, 'failed');
      expect(status).toMatchObject({ failedReason: 'export failed: disk full', progress: 0 });
      expect(status?.result).toBeUndefined();
      expect(status?.finishedAt).toEqual(expect.any(String));
      expect(calls).toBe(1);
    });

    it('cuts a long failure reason to at most 200 characters', async () => {
      const id = await queue().enqueue('export', {});
      await queue().startProcessing({
        export: async () => {
          throw new Error(`bad input ${'x'.repeat(1000)}`);
        },
      });

      const reason = (await waitForState(id, 'failed'))?.failedReason ?? '';
      expect(reason.length).toBeLessThanOrEqual(200);
      expect(reason.length).toBeGreaterThan(100);
      expect(reason.startsWith('bad input xxx')).toBe(true);
    });

    it('retries a failed attempt when attempts allow, and completes', async () => {
      let calls = 0;
      const id = await queue().enqueue('flaky', {}, { attempts: 2 });
      await queue().startProcessing({
        flaky: async () => {
          calls += 1;
          if (calls === 1) throw new Error('temporary');
          return 'second time lucky';
        },
      });

      const status = await waitForState(id, 'completed');
      expect(status?.result).toBe('second time lucky');
      expect(status?.failedReason).toBeUndefined();
      expect(calls).toBe(2);
    });

    it('fails with the last reason once the attempts are used up', async () => {
      let calls = 0;
      const id = await queue().enqueue('broken', {}, { attempts: 3 });
      await queue().startProcessing({
        broken: async () => {
          calls += 1;
          throw new Error(`attempt ${calls} failed`);
        },
      });

      expect((await waitForState(id, 'failed'))?.failedReason).toBe('attempt 3 failed');
      expect(calls).toBe(3);
    });

    it('deduplicates on jobId, also once the job has finished', async () => {
      let calls = 0;
      const first = await queue().enqueue('export', { version: 1 }, { jobId: 'export-2024' });
      const second = await queue().enqueue('export', { version: 2 }, { jobId: 'export-2024' });
      expect(first).toBe('export-2024');
      expect(second).toBe('export-2024');
      expect((await statusOf(first))?.data).toEqual({ version: 1 });
      expect(await queue().counts()).toEqual({ waiting: 1, active: 0, completed: 0, failed: 0 });

      await queue().startProcessing({
        export: async () => {
          calls += 1;
          return calls;
        },
      });
      await waitForState(first, 'completed');
      expect(await queue().enqueue('export', { version: 3 }, { jobId: 'export-2024' })).toBe(
        'export-2024',
      );
      expect(await statusOf(first)).toMatchObject({
        state: 'completed',
        result: 1,
        data: { version: 1 },
      });
      expect(await queue().counts()).toEqual({ waiting: 0, active: 0, completed: 1, failed: 0 });
      expect(calls).toBe(1);
    });

    it('deduplicates on idempotencyKey, whatever characters the key holds', async () => {
      const key = 'chief-0|POST|/v1/associations/F-1/exports|nyckel:1';
      const first = await queue().enqueue('export', { version: 1 }, { idempotencyKey: key });
      const second = await queue().enqueue('export', { version: 2 }, { idempotencyKey: key });
      const other = await queue().enqueue('export', {}, { idempotencyKey: `${key}x` });
      expect(second).toBe(first);
      expect(other).not.toBe(first);
      // Shaped like a generated id, and nothing of the key (which names the user) shows in it.
      expect(first).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect((await statusOf(first))?.data).toEqual({ version: 1 });
      expect(await queue().counts()).toEqual({ waiting: 2, active: 0, completed: 0, failed: 0 });
    });

    // Pinned: a changed derivation would start a second job for a retry across an upgrade.
    it('derives the same job id from a key in every adapter', async () => {
      expect(await queue().enqueue('export', {}, { idempotencyKey: 'samma-nyckel' })).toBe(
        '4307614f-2705-5f81-a164-1e876908f6ac',
      );
    });

    it('refuses a jobId together with an idempotencyKey, and an empty key', async () => {
      await expect(
        queue().enqueue('export', {}, { jobId: 'export-1', idempotencyKey: 'k' }),
      ).rejects.toThrow(/not both/);
      await expect(queue().enqueue('export', {}, { idempotencyKey: '' })).rejects.toThrow(/empty/);
    });

    it('refuses job ids that BullMQ cannot store', async () => {
      await expect(queue().enqueue('export', {}, { jobId: '42' })).rejects.toThrow(/integer/);
      await expect(queue().enqueue('export', {}, { jobId: 'a:b' })).rejects.toThrow(/':'/);
      await expect(queue().enqueue('export', {}, { jobId: '' })).rejects.toThrow(/empty/);
      await expect(queue().enqueue('export', {}, { attempts: 0 })).rejects.toThrow(/attempts/);
      expect(await queue().counts()).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0 });
    });

    it('fails a job whose name has no processor, with a reason that names it', async () => {
      let otherCalls = 0;
      const id = await queue().enqueue('mystery', {}, { attempts: 3 });
      await queue().startProcessing({
        other: async () => {
          otherCalls += 1;
        },
      });

      const status = await waitForState(id, 'failed');
      expect(status?.failedReason).toMatch(/no processor/);
      expect(status?.failedReason).toContain('"mystery"');
      expect(otherCalls).toBe(0);
    });

    it.each([
      ['with concurrency 1', { concurrency: 1 }],
      ['by default', undefined],
    ])('runs one job at a time, oldest first, %s', async (_label, options) => {
      const keys = ['a', 'b', 'c'] as const;
      const held = new Map<string, Gate>(keys.map((key) => [key, newGate()]));
      const events: string[] = [];
      const ids: string[] = [];
      for (const key of keys) ids.push(await queue().enqueue('ordered', { key }));

      const ordered: JobProcessor = async (job) => {
        const key = keyOf(job);
        events.push(`start ${key}`);
        await held.get(key)?.promise;
        events.push(`finish ${key}`);
        return key;
      };
      await queue().startProcessing({ ordered }, options);

      for (const [index, key] of keys.entries()) {
        await waitForState(ids[index] ?? '', 'active');
        // While this job is held, the ones behind it must still be waiting.
        for (const later of ids.slice(index + 1)) {
          expect((await statusOf(later))?.state).toBe('waiting');
        }
        held.get(key)?.open();
      }
      await waitForState(ids[2] ?? '', 'completed');
      expect(events).toEqual(['start a', 'finish a', 'start b', 'finish b', 'start c', 'finish c']);
    });

    it('runs up to `concurrency` jobs at once', async () => {
      const release = newGate();
      const ids: string[] = [];
      for (const key of ['a', 'b', 'c']) ids.push(await queue().enqueue('parallel', { key }));
      await queue().startProcessing(
        {
          parallel: async () => {
            await release.promise;
          },
        },
        { concurrency: 2 },
      );

      const [first, second, third] = ids;
      await waitForState(first ?? '', 'active');
      await waitForState(second ?? '', 'active');
      expect((await statusOf(third ?? ''))?.state).toBe('waiting');
      expect(await queue().counts()).toEqual({ waiting: 1, active: 2, completed: 0, failed: 0 });

      release.open();
      await waitForState(third ?? '', 'completed');
    });

    it('counts jobs by state', async () => {
      const release = newGate();
      const ok = await queue().enqueue('ok', {});
      const bad = await queue().enqueue('bad', {});
      const held = await queue().enqueue('held', {});
      const later = await queue().enqueue('ok', {});
      expect(await queue().counts()).toEqual({ waiting: 4, active: 0, completed: 0, failed: 0 });

      await queue().startProcessing({
        ok: async () => 'ok',
        bad: async () => {
          throw new Error('bad');
        },
        held: async () => {
          await release.promise;
        },
      });
      await waitForState(held, 'active');
      expect((await statusOf(ok))?.state).toBe('completed');
      expect((await statusOf(bad))?.state).toBe('failed');
      expect(await queue().counts()).toEqual({ waiting: 1, active: 1, completed: 1, failed: 1 });

      release.open();
      await waitForState(later, 'completed');
      expect(await queue().counts()).toEqual({ waiting: 0, active: 0, completed: 3, failed: 1 });
    });

    it('waits in close for the active job to finish and starts no more', async () => {
      const release = newGate();
      const events: string[] = [];
      const slow = await queue().enqueue('slow', {});
      const next = await queue().enqueue('next', {});
      await queue().startProcessing({
        slow: async () => {
          await release.promise;
          events.push('slow finished');
          return 'done';
        },
        next: async () => {
          events.push('next started');
        },
      });
      await waitForState(slow, 'active');

      const closing = queue()
        .close()
        .then(() => {
          events.push('close resolved');
        });
      await expect(
        waitFor(() => events.includes('close resolved'), { timeoutMs: CLOSE_HOLD_MS }),
      ).rejects.toThrow(/timed out/);
      expect(events).toEqual([]);

      release.open();
      await closing;
      expect(events).toEqual(['slow finished', 'close resolved']);
      await expect(queue().enqueue('slow', {})).rejects.toThrow(/closed/);

      const reader = fixture?.reopen ? await fixture.reopen() : queue();
      try {
        expect(await reader.status(slow)).toMatchObject({ state: 'completed', result: 'done' });
        expect((await reader.status(next))?.state).toBe('waiting');
      } finally {
        if (reader !== queue()) await reader.close();
      }
    });

    it('closes at once when no job is active, and refuses new jobs', async () => {
      await queue().startProcessing({ export: async () => 'done' });
      await queue().close();
      await queue().close(); // closing twice is harmless
      await expect(queue().enqueue('export', {})).rejects.toThrow(/closed/);
    });
  });
}

function keyOf(job: JobContext): string {
  const data = job.data;
  const key =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>).key : undefined;
  if (typeof key !== 'string') throw new Error(`job ${job.id} has no key`);
  return key;
}
