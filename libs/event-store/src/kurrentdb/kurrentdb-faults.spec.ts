/**
 * The KurrentDB adapter when the server misbehaves, through the real client over gRPC against
 * the KurrentDB test double: transient failures during an append, a node restart while
 * following, a leader change during an append, a frozen node, a node that is down when the
 * process starts.
 */
import { randomUUID } from 'node:crypto';
import { KurrentDbDouble, type FaultKind } from '../../../../test/support/kurrentdb-double';
import type { StoredEvent } from '../event-store.port';
import { waitFor, withTimeout } from '../../../../test/support/wait-for';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
import { newEvent } from '../testing/new-event';

let double: KurrentDbDouble;
const stores: KurrentDbEventStore[] = [];

function open(options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
  const store = new KurrentDbEventStore(double.connectionString({ discoveryInterval: '20' }), {
    maxResubscribeDelayMs: 100,
    ...options,
  });
  stores.push(store);
  return store;
}

function userRecordsOf(streamName: string): number {
  return double.log.all().filter((record) => record.streamName === streamName).length;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await double.close();
});

describe('one node', () => {
  beforeEach(async () => {
    double = await KurrentDbDouble.start();
  });

  // Fix 1: transient errors are retried inside the adapter, and never write twice.
  it.each<FaultKind>(['unavailable', 'not-leader', 'not-ready', 'timeout', 'timeout-after-write'])(
    'retries an append that fails with %s and writes it once',
    async (fault) => {
      const store = open();
      const stream = `association-${randomUUID()}`;
      await store.append(stream, [newEvent()], 'no_stream');
      double.node.failNext('append', fault);

      const result = await store.append(stream, [newEvent(), newEvent()], 0);

      expect(result.revision).toBe(2);
      expect(userRecordsOf(stream)).toBe(3);
      expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
    },
  );

  it('retries when the read before an append fails', async () => {
    const store = open();
    double.node.failNext('read', 'unavailable');

    await store.append('association-A', [newEvent()], 'no_stream');

    expect(userRecordsOf('association-A')).toBe(1);
  });

  it('follows across a node restart without gaps or repeats', async () => {
    const store = open();
    const controller = new AbortController();
    const received: StoredEvent[] = [];
    const following = (async () => {
      for await (const event of store.follow({ signal: controller.signal })) received.push(event);
    })();
    following.catch(() => undefined);

    await store.append('association-A', [newEvent(), newEvent()], 'no_stream');
    await waitFor(() => received.length === 2, { message: 'the first events' });
    await double.node.restart(300);
    await store.append('association-A', [newEvent()], 1);
    await double.node.restart(100);
    await store.append('association-A', [newEvent(), newEvent()], 2);
    await waitFor(() => received.length >= 5, {
      timeoutMs: 15_000,
      message: 'events after the restarts',
    });
    controller.abort();
    await withTimeout(following, 5000, 'follow ends after abort');

    expect(received).toEqual(await store.readStream('association-A'));
  });

  // Fix 5: a frozen node (connections accepted, nothing answered) fails reads at the deadline.
  it('gives up on a frozen node at the deadline, and works again once it thaws', async () => {
    const store = open({ deadlineMs: 400, attempts: 2 });
    await store.append('association-A', [newEvent()], 'no_stream');
    double.node.freeze();
    const started = Date.now();

    await expect(store.readStream('association-A')).rejects.toThrow(/did not answer/);
    await expect(store.readAll({ limit: 10 })).rejects.toThrow(/did not answer/);

    // Two attempts of 400 ms each, twice, and the wait between them; far from the 20 s of the
    // keep-alive that would otherwise notice.
    expect(Date.now() - started).toBeLessThan(4000);
    double.node.thaw();
    expect(await store.readStream('association-A')).toHaveLength(1);
  });

  it('reads once the node is up, although it was down when the process started', async () => {
    await double.node.stop();
    const store = open({ attempts: 2 });
    await expect(store.readStream('association-A')).rejects.toThrow();

    await double.node.start();

    await store.append('association-A', [newEvent()], 'no_stream');
    expect(await store.readStream('association-A')).toHaveLength(1);
    expect(await store.headPosition()).toBeDefined();
  });
});

describe('a cluster', () => {
  beforeEach(async () => {
    double = await KurrentDbDouble.start({ nodes: 2 });
  });

  it('moves its appends to the new leader when leadership changes during one', async () => {
    const store = open();
    const [first, second] = double.nodes;
    if (first === undefined || second === undefined) throw new Error('two nodes');
    await store.append('association-A', [newEvent()], 'no_stream');
    // The append reaches the old leader, which never answers it: it is being replaced.
    first.failNext('append', 'hang');
    const appending = store.append('association-A', [newEvent()], 0);
    await waitFor(() => first.stats.appendsReceived === 2, { message: 'the append in flight' });

    double.electLeader(second);
    await first.restart(100);

    const result = await withTimeout(appending, 15_000, 'the append on the new leader');
    expect(result.revision).toBe(1);
    expect(userRecordsOf('association-A')).toBe(2);
    expect(second.stats.appendsReceived).toBeGreaterThanOrEqual(1);
    expect((await store.append('association-A', [newEvent()], 1)).revision).toBe(2);
  });
});
