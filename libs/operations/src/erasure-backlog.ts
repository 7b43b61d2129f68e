import type { ErasureCompaction } from '@stegvis/event-store';
import { Gauge, type Registry } from 'prom-client';

export const ERASURE_BACKLOG_METRIC = 'stegvis_erasure_unscavenged_oldest_seconds';

/**
 * The worker's part in making erasures final (libs/event-store/src/erasure-compaction.port.ts):
 * it runs the store's compaction until shutdown (on KurrentDB: scavenges after erasures) and
 * reports the backlog as a gauge on `registry`, the one the process serves at /metrics.
 */
export function runErasureCompaction(
  compaction: ErasureCompaction,
  signal: AbortSignal,
  registry: Registry,
): Promise<void> {
  erasureBacklogGauge(registry, compaction);
  return compaction.run(signal);
}

/**
 * Seconds since the oldest erasure whose data may still be on a database node's disk; 0 when
 * every erasure is final. Alert when it exceeds what the förbund promised (e.g. a day).
 */
export function erasureBacklogGauge(registry: Registry, compaction: ErasureCompaction): Gauge {
  // One per registry: a process that starts the worker again replaces its predecessor's.
  registry.removeSingleMetric(ERASURE_BACKLOG_METRIC);
  return new Gauge({
    name: ERASURE_BACKLOG_METRIC,
    help: 'Age of the oldest erasure whose events may still be on a KurrentDB node until a scavenge (0: none)',
    registers: [registry],
    async collect() {
      const oldest = await compaction.oldestPendingErasure();
      this.set(oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest.getTime()) / 1000));
    },
  });
}
