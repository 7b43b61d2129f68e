import { Inject, Injectable, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import { JOB_QUEUE, type JobQueue } from '@stegvis/job-queue';
import { READ_MODEL_STORE, type ReadModelStore } from '@stegvis/read-models';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { LAG_COUNTED_UP_TO, projectionLag } from '@stegvis/read-side';

/**
 * prom-client's gauges of these names end in `_total`, which the exposition format reserves for
 * counters (`promtool check metrics` refuses them); the same figures are in `nodejs_active_*`
 * by type, so nothing is lost.
 */
const NON_CONFORMING_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * What every Stegvis process exposes: Node's and the process's standard metrics under their
 * standard names (stock dashboards find them), and the log, projection and job gauges, computed
 * when scraped so they are never stale.
 */
export function registerProcessMetrics(
  registry: Registry,
  deps: { store: EventStore; readModels: ReadModelStore; jobs: JobQueue },
): void {
  collectDefaultMetrics({ register: registry });
  for (const name of NON_CONFORMING_DEFAULTS) registry.removeSingleMetric(name);
  const { store, readModels, jobs } = deps;
  new Gauge({
    name: 'stegvis_event_log_head_position',
    help: 'Global position of the newest event in the log',
    registers: [registry],
    async collect() {
      this.set(Number((await store.headPosition()) ?? 0n));
    },
  });
  new Gauge({
    name: 'stegvis_projection_lag_events',
    help: `Events not yet applied to the read models (counted up to ${LAG_COUNTED_UP_TO})`,
    registers: [registry],
    async collect() {
      this.set((await projectionLag(readModels, store)).behind);
    },
  });
  new Gauge({
    name: 'stegvis_jobs',
    help: 'Jobs by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      for (const [state, count] of Object.entries(await jobs.counts())) this.set({ state }, count);
    },
  });
}

/**
 * The registry this process serves at /metrics, with the gauges above. One per process: the
 * API adds its request and report histograms, the background work its erasure backlog.
 */
@Injectable()
export class ProcessMetrics {
  readonly registry = new Registry();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(JOB_QUEUE) jobs: JobQueue,
  ) {
    registerProcessMetrics(this.registry, { store, readModels, jobs });
  }
}

@Module({ providers: [ProcessMetrics], exports: [ProcessMetrics] })
export class ProcessMetricsModule {}
