import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** EVENTSTORE_URL selects KurrentDB/EventStoreDB; without it the embedded SQLite file in DATA_DIR. */
export function createEventStore(config: {
  eventStoreUrl: string | undefined;
  dataDir: string;
}): EventStore {
  if (config.eventStoreUrl !== undefined) return new KurrentDbEventStore(config.eventStoreUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open(join(config.dataDir, 'events.db'));
}
