export * from './health';
export * from './process-metrics';
export * from './erasure-backlog';
export * from './worker.module';
export * from './worker.service';
