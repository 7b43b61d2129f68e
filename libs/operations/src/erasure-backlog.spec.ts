import {
  IMMEDIATE_ERASURE,
  KurrentDbEventStore,
  createErasureCompaction,
} from '@stegvis/event-store';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { KurrentDbDouble } from '../../../test/support/kurrentdb-double';
import { ERASURE_BACKLOG_METRIC, runErasureCompaction } from './erasure-backlog';

async function backlog(registry: Registry): Promise<number> {
  const metric = await registry.getSingleMetric(ERASURE_BACKLOG_METRIC)?.get();
  return metric?.values[0]?.value ?? Number.NaN;
}

describe('erasure compaction in the worker', () => {
  it('reports no backlog for a store whose erasures are final at once, and stops on abort', async () => {
    const registry = new Registry();
    const controller = new AbortController();
    const done = runErasureCompaction(IMMEDIATE_ERASURE, controller.signal, registry);

    expect(await backlog(registry)).toBe(0);
    controller.abort();
    await done;
  });

  it('reports the age of an erasure KurrentDB has not scavenged yet', async () => {
    const double = await KurrentDbDouble.start();
    const url = double.connectionString({ discoveryInterval: '20' });
    const store = new KurrentDbEventStore(url);
    // A day of delay: the erasure stays pending for the whole test.
    const scavenger = createErasureCompaction({
      eventStoreUrl: url,
      scavenge: { credentials: undefined, delayMs: 86_400_000 },
    });
    const registry = new Registry();
    const controller = new AbortController();
    try {
      await store.append(
        'participant-1',
        [
          {
            id: randomUUID(),
            type: 'ParticipantEnrolled',
            data: {},
            metadata: { recordedAt: new Date().toISOString(), actor: 'a', correlationId: 'c' },
          },
        ],
        'no_stream',
      );
      const done = runErasureCompaction(scavenger, controller.signal, registry);
      expect(await backlog(registry)).toBe(0);

      await store.deleteStream('participant-1');

      const age = await backlog(registry);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(60);
      expect(double.node.holdsEventsOf('participant-1')).toBe(true);
      controller.abort();
      await done;
    } finally {
      await scavenger.close();
      await store.close();
      await double.close();
    }
  });
});
