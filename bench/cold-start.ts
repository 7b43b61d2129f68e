import { SqliteEventStore } from '@stegvis/event-store';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnApi, tempDir, type ApiProcess } from './lib/api-process';
import { waitFor200 } from './lib/http';
import { best, log, now, perSecond, processCpuMs, type Row } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { readWholeLog } from './replay';
import { shapeForEvents, writeSyntheticLog } from '../test/support/synthetic-log';

/**
 * Part 3: cold start of the embedded mode. The API process is spawned on a DATA_DIR whose
 * events.db already holds the log; measured until GET /health/ready answers 200 (the projection
 * is then fewer than 10,000 events behind) and until the read models have caught up completely.
 */

const FULL_SIZE = 1_000_000;

/** Spawn → URL printed → /health/ready 200 → projection caught up (lag metric 0). */
async function coldStart(dataDir: string) {
  const start = now();
  let api: ApiProcess | undefined;
  try {
    api = await spawnApi({ DATA_DIR: dataDir }, { timeoutMs: 600_000 });
    const listening = now();
    const ready = await waitFor200(api.client, '/health/ready', 600_000, 100);
    let caughtUp: number;
    for (;;) {
      const metrics = await api.client.send('GET', '/metrics');
      caughtUp = now();
      if (/^stegvis_projection_lag_events 0$/m.test(metrics.body)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const cpuMs = processCpuMs(api.pid);
    return {
      listeningMs: listening - start,
      readyMs: ready - start,
      caughtUpMs: caughtUp - start,
      serverCpuMs: cpuMs,
    };
  } finally {
    await api?.close();
  }
}

export async function benchColdStart(options: BenchOptions): Promise<Row[]> {
  const size = Math.round(FULL_SIZE * options.scale);
  const dir = tempDir('coldstart');
  const emptyDir = tempDir('coldstart-empty');
  try {
    log(`coldstart: writing a log of about ${size} events`);
    const store = SqliteEventStore.open(join(dir, 'events.db'));
    const written = await writeSyntheticLog(store, shapeForEvents(size), (n) =>
      log(`coldstart: ${n} events written`),
    );
    const read = await best(3, () => readWholeLog(store));
    await store.close();
    log(`coldstart: baseline read ${Math.round(perSecond(read.events, read.ms))} ev/s`);

    const empty = await coldStart(emptyDir);
    log(
      `coldstart: empty log ready in ${Math.round(empty.readyMs)} ms; now ${written.events} events`,
    );
    const full = await coldStart(dir);
    const details = {
      events: written.events,
      participants: written.participants,
      baselineRead: read,
      empty,
      full,
    };
    log(`coldstart: ${JSON.stringify(details)}`);
    const extrapolated = (full.readyMs * FULL_SIZE) / written.events;
    return [
      {
        part: 'coldstart',
        metric: `spawn → ready, ${written.events} events`,
        value: full.readyMs / 1000,
        unit: 's',
        baseline: { label: 'readAll + JSON.parse of the log', value: read.ms / 1000, unit: 's' },
        ratio: full.readyMs / read.ms,
        target: options.scale === 1 ? '< 60 s' : `< ${auto60(options.scale)} s (60 s × scale)`,
        met: full.readyMs < 60_000 * options.scale,
        details,
      },
      {
        part: 'coldstart',
        metric: 'spawn → ready, empty log',
        value: empty.readyMs / 1000,
        unit: 's',
      },
      {
        part: 'coldstart',
        metric: 'spawn → caught up',
        value: full.caughtUpMs / 1000,
        unit: 's',
        baseline: { label: 'readAll + JSON.parse of the log', value: read.ms / 1000, unit: 's' },
        ratio: full.caughtUpMs / read.ms,
      },
      ...(options.scale === 1
        ? []
        : [
            {
              part: 'coldstart',
              metric: 'ready, linear to 1 M events',
              value: extrapolated / 1000,
              unit: 's',
              target: '< 60 s',
              met: extrapolated < 60_000,
            },
          ]),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  }
}

const auto60 = (scale: number): string => String(Math.round(60 * scale * 10) / 10);
