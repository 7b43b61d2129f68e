/**
 * What the KurrentDB adapter does beyond the contract, through the real client over gRPC against
 * the KurrentDB test double: hiding erased streams that `$all` still returns, what start-up and
 * an append cost the server, reading from the leader, refusing a log whose positions do not
 * increase, and reads that give up instead of hanging.
 */
import { AccessDeniedError } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { KurrentDbDouble, TOMBSTONE_TYPE } from '../../../../test/support/kurrentdb-double';
import type { StoredEvent } from '../event-store.port';
import { waitFor, withTimeout } from '../../../../test/support/wait-for';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
import { newEvent } from '../testing/new-event';

describe('KurrentDbEventStore against the double', () => {
  let double: KurrentDbDouble;
  const stores: KurrentDbEventStore[] = [];
  const open = (
    options: KurrentDbEventStoreOptions = {},
    params: Record<string, string> = {},
  ): KurrentDbEventStore => {
    const store = new KurrentDbEventStore(
      double.connectionString({ discoveryInterval: '20', ...params }),
      { maxResubscribeDelayMs: 50, ...options },
    );
    stores.push(store);
    return store;
  };
  /** A system record, as the server writes them between user events. */
  const systemRecords = (): void => {
    double.log.writeSystem(`$$participant-${randomUUID()}`, '$metadata', { $maxAge: 10 });
    double.log.writeSystem('$stats-127.0.0.1:2113', '$statsCollected', {});
  };

  beforeEach(async () => {
    double = await KurrentDbDouble.start();
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await double.close();
  });

  it('hides a tombstoned stream that $all still returns until a scavenge', async () => {
    const store = open();
    await store.append('participant-1', [newEvent(), newEvent()], 'no_stream');
    await store.append('association-A', [newEvent()], 'no_stream');
    await store.deleteStream('participant-1');

    // The server still holds the erased events (and the tombstone) ...
    expect(
      double.log
        .all()
        .filter((r) => r.streamName === 'participant-1')
        .map((r) => r.type),
    ).toEqual(['ParticipantEnrolled', 'ParticipantEnrolled', TOMBSTONE_TYPE]);
    // ... but none of it reaches the port, from this adapter or a fresh one.
    for (const reader of [store, open()]) {
      const all = await reader.readAll({ limit: 100 });
      expect(all.map((event) => event.streamName)).toEqual(['association-A']);
      expect(await reader.isDeleted('participant-1')).toBe(true);
    }
  });

  it('headPosition skips system records and erased streams', async () => {
    const store = open();
    const kept = await store.append('association-A', [newEvent()], 'no_stream');
    await store.append('participant-1', [newEvent()], 'no_stream');
    systemRecords();
    await store.deleteStream('participant-1');
    systemRecords();

    expect(await store.headPosition()).toBe(kept.position);
    expect(await open().headPosition()).toBe(kept.position);
  });

  it('pages past long runs of system records and erased events', async () => {
    const store = open();
    const first = await store.append('association-A', [newEvent()], 'no_stream');
    for (let i = 0; i < 5; i += 1) {
      await store.append(`participant-${i}`, [newEvent(), newEvent()], 'no_stream');
      await store.deleteStream(`participant-${i}`);
      systemRecords();
    }
    const last = await store.append('association-A', [newEvent()], 0);

    const page = await open().readAll({ after: first.position, limit: 1 });

    expect(page.map((event) => event.position)).toEqual([last.position]);
  });

  it('does not write a retried batch again, whatever revision the retry expects', async () => {
    const store = open();
    const batch = [newEvent(), newEvent()];
    const first = await store.append('participant-1', batch, 'no_stream');
    await store.append('participant-1', [newEvent()], 1);
    const received = double.node.stats.appendsReceived;

    expect(await store.append('participant-1', batch, 2)).toEqual(first);
    expect(double.node.stats.appendsReceived).toBe(received);
    expect(double.log.all().filter((r) => r.streamName === 'participant-1')).toHaveLength(3);
  });

  // Fix 9: the answer's position, not a read back.
  it('takes the position of the last appended event from the append answer', async () => {
    const store = open();
    const result = await store.append('association-A', [newEvent(), newEvent(), newEvent()], 'any');
    const written = double.log.all().filter((r) => r.streamName === 'association-A');

    expect(result).toEqual({ revision: 2, position: written[2]?.position });
    // One read of the stream: the idempotency check before the write, nothing after it.
    expect(double.node.stats.streamReads.get('association-A')).toBe(1);
  });

  // Fix 4: start-up does not grow with the log.
  it('serves its first reads without scanning the log for tombstones', async () => {
    const writer = open();
    for (let i = 0; i < 150; i += 1) {
      const stream = `participant-${i}`;
      await writer.append(stream, [newEvent(), newEvent(), newEvent()], 'no_stream');
      if (i % 10 === 0) await writer.deleteStream(stream);
    }
    const head = await writer.headPosition();
    const fresh = open();
    const scannedBefore = double.node.stats.allRecordsScanned;

    expect(await fresh.headPosition()).toBe(head);
    expect(await fresh.readAll({ after: head, limit: 100 })).toEqual([]);
    const controller = new AbortController();
    const received: StoredEvent[] = [];
    const following = (async () => {
      for await (const event of fresh.follow({ after: head, signal: controller.signal })) {
        received.push(event);
      }
    })();
    const next = await writer.append('association-A', [newEvent()], 'no_stream');
    await waitFor(() => received.length === 1, { message: 'the new event' });
    controller.abort();
    await withTimeout(following, 5000, 'follow ends');

    expect(received[0]?.position).toBe(next.position);
    // The log holds ~470 records; a start-up scan of it would examine every one of them.
    expect(double.log.all().length).toBeGreaterThan(450);
    expect(double.node.stats.allRecordsScanned - scannedBefore).toBeLessThan(20);
  });

  it('learns a stream deleted after it was checked, on the next page it reads', async () => {
    const writer = open();
    const reader = open();
    await writer.append('participant-1', [newEvent()], 'no_stream');
    expect((await reader.readAll({ limit: 10 })).map((e) => e.streamName)).toEqual([
      'participant-1',
    ]);

    await writer.deleteStream('participant-1');

    expect(await reader.readAll({ limit: 10 })).toEqual([]);
    expect(await reader.isDeleted('participant-1')).toBe(true);
  });

  // Fix 3: positions that fail to increase are refused, not skipped.
  it('refuses a page of $all whose positions do not increase', async () => {
    const store = open();
    await store.append('association-A', [newEvent(), newEvent(), newEvent()], 'no_stream');
    double.node.failNext('read', 'repeat-record');

    await expect(store.readAll({ limit: 10 })).rejects.toThrow(/positions must increase/);
  });

  it('ends a follow whose subscription repeats a position', async () => {
    const store = open();
    await store.append('association-A', [newEvent(), newEvent(), newEvent()], 'no_stream');
    double.node.failNext('subscribe', 'repeat-record');
    const controller = new AbortController();

    const iteration = (async () => {
      for await (const _ of store.follow({ signal: controller.signal })) continue;
    })();

    await expect(withTimeout(iteration, 5000, 'follow fails')).rejects.toThrow(
      /positions must increase/,
    );
    controller.abort();
  });

  it('ends the iteration with the error when resubscribing cannot cure it', async () => {
    const store = open();
    double.node.failNext('subscribe', 'access-denied');
    const controller = new AbortController();

    const iteration = (async () => {
      for await (const _ of store.follow({ signal: controller.signal })) break;
    })();

    await expect(withTimeout(iteration, 5000, 'follow fails')).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    controller.abort();
  });

  it('unsubscribes when the follower is aborted', async () => {
    const store = open();
    const controller = new AbortController();
    const done = (async () => {
      for await (const _ of store.follow({ signal: controller.signal })) break;
    })();
    await waitFor(() => double.node.stats.openSubscriptions === 1, { message: 'a subscription' });

    controller.abort();
    await withTimeout(done, 5000, 'follow ends after abort');

    await waitFor(() => double.node.stats.openSubscriptions === 0, { message: 'unsubscribed' });
  });

  // Fix 5: reads have a deadline.
  it('gives up on a read the node never answers and tries again', async () => {
    const store = open({ deadlineMs: 300 });
    await store.append('association-A', [newEvent()], 'no_stream');
    double.node.failNext('read', 'hang');
    const started = Date.now();

    const events = await withTimeout(store.readStream('association-A'), 5000, 'the read');

    expect(events).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});

// Fix 7: what decides hiding and readiness is read from the leader.
describe('KurrentDbEventStore against a cluster with a lagging follower', () => {
  let double: KurrentDbDouble;
  const stores: KurrentDbEventStore[] = [];

  beforeEach(async () => {
    double = await KurrentDbDouble.start({ nodes: 2 });
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await double.close();
  });

  const open = (nodePreference: string): KurrentDbEventStore => {
    const store = new KurrentDbEventStore(
      double.connectionString({ discoveryInterval: '20', nodePreference }),
    );
    stores.push(store);
    return store;
  };

  it('sees deletions and the head of the log that the follower has not replicated yet', async () => {
    const writer = open('leader');
    await writer.append('participant-1', [newEvent()], 'no_stream');
    const follower = double.nodes[1];
    if (follower === undefined) throw new Error('two nodes');
    follower.pauseReplication();

    await writer.deleteStream('participant-1');
    const head = await writer.append('association-A', [newEvent()], 'no_stream');
    const reader = open('follower');

    expect(await reader.isDeleted('participant-1')).toBe(true);
    expect(await reader.headPosition()).toBe(head.position);
    expect(await reader.readStream('association-A')).toHaveLength(1);
  });

  it('is not ready while the cluster has no leader', async () => {
    const store = open('leader');
    await store.append('association-A', [newEvent()], 'no_stream');
    for (const node of double.nodes) node.role = 'follower';
    const probe = new KurrentDbEventStore(double.connectionString({ discoveryInterval: '20' }), {
      attempts: 2,
    });
    stores.push(probe);

    await expect(probe.headPosition()).rejects.toThrow();
  });
});
