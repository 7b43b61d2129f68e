import { describeJobQueueContract } from '../testing/job-queue.contract';
import { eventually } from '../../../../test/support/wait-for';
import { InProcessJobQueue } from './in-process-job-queue';

describeJobQueueContract('in-process', async () => {
  const queue = new InProcessJobQueue();
  return { queue, dispose: () => queue.close() };
});

describe('InProcessJobQueue', () => {
  it('generates random UUIDs as job ids', async () => {
    const queue = new InProcessJobQueue();
    const id = await queue.enqueue('export', {});
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await queue.close();
  });

  it('forgets the oldest finished jobs beyond keepFinished, never waiting ones', async () => {
    const queue = new InProcessJobQueue({ keepFinished: 2 });
    const ids: string[] = [];
    for (let n = 0; n < 4; n += 1) ids.push(await queue.enqueue('export', { n }));
    const waiting = await queue.enqueue('held', {});
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await queue.startProcessing({ export: async (job) => job.data, held: () => held });

    await eventually(
      () => queue.status(waiting),
      (status) => status?.state === 'active',
      { message: 'the held job to start' },
    );
    expect(await queue.status(ids[0] ?? '')).toBeUndefined();
    expect(await queue.status(ids[1] ?? '')).toBeUndefined();
    expect((await queue.status(ids[2] ?? ''))?.result).toEqual({ n: 2 });
    expect((await queue.status(ids[3] ?? ''))?.result).toEqual({ n: 3 });
    expect(await queue.counts()).toEqual({ waiting: 0, active: 1, completed: 2, failed: 0 });
    release();
    await queue.close();
  });

  it('does not let a caller change a stored job through what it passed or read', async () => {
    const queue = new InProcessJobQueue();
    const data = { list: [1] };
    const id = await queue.enqueue('export', data);
    data.list.push(2);
    const read = await queue.status(id);
    (read?.data as { list: number[] }).list.push(3);
    expect((await queue.status(id))?.data).toEqual({ list: [1] });
    await queue.close();
  });

  it('refuses a second startProcessing and bad concurrency', async () => {
    const queue = new InProcessJobQueue();
    await expect(queue.startProcessing({}, { concurrency: 0 })).rejects.toThrow(/concurrency/);
    await queue.startProcessing({});
    await expect(queue.startProcessing({})).rejects.toThrow(/already processing/);
    await queue.close();
  });
});
