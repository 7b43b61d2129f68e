import { SqliteEventStore } from '@stegvis/event-store';
import { MemoryReadModelStore } from '@stegvis/read-models';
import { EventLog } from '../../reporting/src/report/testing/event-log';
import { PROJECTION } from './project-batch';
import { rebuildReadModels } from './rebuild';
import { ReportCache } from './report-cache';

/** A log of one association with one participant, appended to a real (in-memory) store. */
async function storeWith(log: EventLog): Promise<SqliteEventStore> {
  const store = SqliteEventStore.open(':memory:');
  for (const { id, type, data, recordedAt } of log.events) {
    const metadata = { recordedAt, actor: 'test', correlationId: id };
    await store.append('report-cache-test', [{ id, type, data, metadata }], 'any');
  }
  return store;
}

describe('the report cache', () => {
  it('makes a new report after midnight: a cached one counts through the day it was made', async () => {
    // Given an association whose year is running, and a cache whose clock says 10 March
    const log = new EventLog();
    log
      .intervention({ name: 'Navet', startsOn: '2026-01-01' })
      .enrol({ on: '2026-02-01', gender: 'woman' });
    const store = await storeWith(log);
    const readModels = new MemoryReadModelStore();
    await rebuildReadModels(store, readModels);
    let now = new Date('2026-03-10T12:00:00Z');
    const cache = new ReportCache(store, readModels, { capacity: 4, now: () => now });
    const generation = await readModels.active();
    const checkpoint = await generation.checkpoint(PROJECTION);
    const request = { associationId: log.associationId, year: 2026 };

    // When it reports on 10 March, again later that day, and once more the next day
    const first = await cache.report(generation, checkpoint, request);
    now = new Date('2026-03-10T22:59:00Z');
    const sameDay = await cache.report(generation, checkpoint, request);
    now = new Date('2026-03-11T00:01:00Z'); // 01:01 in Sweden
    const nextDay = await cache.report(generation, checkpoint, request);

    // Then the next day's report counts through that day, not through the cached one's
    expect([first.countedThrough, sameDay.countedThrough, nextDay.countedThrough]).toEqual([
      '2026-03-10',
      '2026-03-10',
      '2026-03-11',
    ]);
    await store.close();
  });
});
