/**
 * Scavenging after erasures, against the KurrentDB test double: over the HTTP admin API as
 * KurrentDB documents it (the leader first, the other nodes with syncOnly), with the `$ops`
 * credentials, tracked to completion on every node, and what the metric reports meanwhile.
 */
import {
  KurrentDbDouble,
  type KurrentDbDoubleOptions,
} from '../../../../test/support/kurrentdb-double';
import { waitFor, withTimeout } from '../../../../test/support/wait-for';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { KurrentDbScavenger, type KurrentDbScavengerOptions } from './kurrentdb-scavenger';
import { newEvent } from '../testing/new-event';

let double: KurrentDbDouble;
let store: KurrentDbEventStore;
const running: {
  controller: AbortController;
  done: Promise<void>;
  scavenger: KurrentDbScavenger;
}[] = [];
const warnings: string[] = [];

async function start(options: KurrentDbDoubleOptions = {}): Promise<void> {
  double = await KurrentDbDouble.start({ scavengeMs: 30, ...options });
  store = new KurrentDbEventStore(double.connectionString({ discoveryInterval: '20' }));
}

function scavenger(options: Partial<KurrentDbScavengerOptions> = {}): KurrentDbScavenger {
  return new KurrentDbScavenger(double.connectionString({ discoveryInterval: '20' }), {
    delayMs: 0,
    pollMs: 20,
    log: (level, message) => {
      if (level === 'warn') warnings.push(message);
    },
    ...options,
  });
}

function run(instance: KurrentDbScavenger): KurrentDbScavenger {
  const controller = new AbortController();
  running.push({ controller, done: instance.run(controller.signal), scavenger: instance });
  return instance;
}

async function erase(streamName: string): Promise<void> {
  await store.append(streamName, [newEvent(), newEvent()], 'no_stream');
  await store.deleteStream(streamName);
}

afterEach(async () => {
  for (const { controller, done, scavenger: instance } of running.splice(0)) {
    controller.abort();
    await withTimeout(done, 5000, 'the scavenger stops');
    await instance.close();
  }
  warnings.length = 0;
  await store.close();
  await double.close();
});

describe('one node', () => {
  beforeEach(() => start());

  it('reports the oldest erasure until a scavenge removed it from disk', async () => {
    const before = Date.now();
    await erase('participant-1');
    const watcher = scavenger();
    running.push({
      controller: new AbortController(),
      done: Promise.resolve(),
      scavenger: watcher,
    });

    const pending = await watcher.oldestPendingErasure();
    expect(pending?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(double.node.holdsEventsOf('participant-1')).toBe(true);

    run(scavenger());

    await waitFor(() => !double.node.holdsEventsOf('participant-1'), { message: 'scavenged' });
    await waitFor(async () => (await watcher.oldestPendingErasure()) === undefined, {
      message: 'no erasure pending, as another process reads it',
    });
    expect(double.node.scavenges.map((s) => s.syncOnly)).toEqual([false]);
  });

  it('starts nothing while there is no erasure, or the newest is younger than the delay', async () => {
    run(scavenger());
    await store.append('association-A', [newEvent()], 'no_stream');
    const quiet = scavenger({ delayMs: 60_000 });
    run(quiet);
    await erase('participant-1');

    // Both have looked at the log since the erasure (each refresh reads the tombstones).
    await waitFor(async () => (await quiet.oldestPendingErasure()) !== undefined, {
      message: 'the erasure is seen',
    });
    expect(double.node.scavenges).toHaveLength(0);
  });

  it('scavenges again for erasures made after a round', async () => {
    run(scavenger());
    await erase('participant-1');
    await waitFor(() => !double.node.holdsEventsOf('participant-1'), { message: 'first' });

    await erase('participant-2');

    await waitFor(() => !double.node.holdsEventsOf('participant-2'), { message: 'second' });
    expect(double.node.scavenges.length).toBe(2);
  });

  it('asks a node that restarted during its scavenge again', async () => {
    await double.close();
    await start({ scavengeMs: 400 });
    run(scavenger());
    await erase('participant-1');
    await waitFor(() => scavengeRunning(), {
      message: 'a scavenge is running',
    });

    await double.node.restart(50);

    await waitFor(() => !double.node.holdsEventsOf('participant-1'), {
      timeoutMs: 10_000,
      message: 'scavenged after the restart',
    });
  });
});

function scavengeRunning(): boolean {
  return double.log.all().some((r) => r.type === '$scavengeStarted');
}

describe('a cluster', () => {
  beforeEach(() => start({ nodes: 3 }));

  it('scavenges the leader, then every other node to the same point with syncOnly', async () => {
    const [leader, ...followers] = double.nodes;
    run(scavenger());

    await erase('participant-1');

    for (const node of double.nodes) {
      await waitFor(() => !node.holdsEventsOf('participant-1'), { message: 'every node' });
    }
    expect(leader?.scavenges.map((s) => s.syncOnly)).toEqual([false]);
    for (const follower of followers) {
      expect(follower.scavenges.map((s) => s.syncOnly)).toEqual([true]);
      expect(follower.scavenges[0]?.upTo).toBe(leader?.scavenges[0]?.upTo);
    }
  });

  it('keeps the erasure pending while a node is down, and finishes once it is back', async () => {
    const down = double.nodes[2];
    if (down === undefined) throw new Error('three nodes');
    await erase('participant-1');
    await down.stop();
    const instance = run(scavenger());

    await waitFor(() => warnings.length > 0, { message: 'the round fails' });
    expect(await instance.oldestPendingErasure()).toBeDefined();
    expect(down.holdsEventsOf('participant-1')).toBe(true);

    await down.start();

    await waitFor(async () => (await instance.oldestPendingErasure()) === undefined, {
      timeoutMs: 10_000,
      message: 'complete on every node',
    });
    expect(down.holdsEventsOf('participant-1')).toBe(false);
  });
});

describe('a node that requires credentials', () => {
  beforeEach(() => start({ users: { 'stegvis-ops': { password: 's3cret', groups: ['$ops'] } } }));

  it('scavenges with the $ops credentials and fails visibly without them', async () => {
    await erase('participant-1');
    run(scavenger());
    await waitFor(() => warnings.length > 0, { message: 'refused without credentials' });
    expect(double.node.holdsEventsOf('participant-1')).toBe(true);

    run(scavenger({ credentials: { username: 'stegvis-ops', password: 's3cret' } }));

    await waitFor(() => !double.node.holdsEventsOf('participant-1'), { message: 'scavenged' });
  });
});
