export * from './event-store.port';
export * from './errors';
export * from './erasure-compaction.port';
export * from './command-handler';
export * from './create-event-store';
export * from './event-store.module';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
