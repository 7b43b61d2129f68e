import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { IMMEDIATE_ERASURE, type ErasureCompaction } from './erasure-compaction.port';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { KurrentDbScavenger, type ScavengerLog } from './kurrentdb/kurrentdb-scavenger';
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

/** What makes erasures final on disk for the configured store (erasure-compaction.port.ts). */
export function createErasureCompaction(
  config: {
    eventStoreUrl: string | undefined;
    scavenge: {
      credentials: { username: string; password: string } | undefined;
      delayMs: number;
    };
  },
  log?: ScavengerLog,
): ErasureCompaction {
  if (config.eventStoreUrl === undefined) return IMMEDIATE_ERASURE;
  return new KurrentDbScavenger(config.eventStoreUrl, {
    credentials: config.scavenge.credentials,
    delayMs: config.scavenge.delayMs,
    log,
  });
}
