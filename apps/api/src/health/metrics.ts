import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import { JOB_QUEUE, type JobQueue } from '@stegvis/job-queue';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { ReadModelReader } from '../read/read-model-reader';

/** Prometheus metrics, computed when scraped so they are never stale. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  /** DESIGN §6: one association's yearly report within 50 ms at p99. */
  readonly reportSeconds = new Histogram({
    name: 'stegvis_report_seconds',
    help: 'Time to compute a report, by source (read models or as-of replay)',
    labelNames: ['source'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30],
    registers: [this.registry],
  });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(JOB_QUEUE) jobs: JobQueue,
    reader: ReadModelReader,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'stegvis_' });
    new Gauge({
      name: 'stegvis_event_log_head_position',
      help: 'Global position of the newest event in the log',
      registers: [this.registry],
      async collect() {
        this.set(Number((await store.headPosition()) ?? 0n));
      },
    });
    new Gauge({
      name: 'stegvis_projection_lag_events',
      help: 'Events not yet applied to the read models (counted up to 10000)',
      registers: [this.registry],
      async collect() {
        this.set((await reader.lag()).behind);
      },
    });
    new Gauge({
      name: 'stegvis_jobs',
      help: 'Jobs by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        for (const [state, count] of Object.entries(await jobs.counts()))
          this.set({ state }, count);
      },
    });
  }
}

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
