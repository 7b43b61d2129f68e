import { SqliteEventStore, type EventStore } from '@stegvis/event-store';
import {
  MemoryReadModelStore,
  RedisReadModelStore,
  type ReadModelGeneration,
  type ReadModelStore,
} from '@stegvis/read-models';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { rebuildReadModels } from '@stegvis/read-side';
import { tempDir } from './lib/api-process';
import { best, log, now, perSecond, type Row } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { deleteRedisKeys } from '../test/support/redis';
import { uniquePrefix } from './lib/redis-keys';
import { shapeForEvents, writeSyntheticLog } from '../test/support/synthetic-log';

/**
 * Part 2: the worker's rebuild (libs/read-side/src/rebuild.ts → project-batch.ts, the code the
 * projection runner uses too) replaying a whole log into a fresh generation, in memory and in
 * Redis, against merely reading and parsing the same log in the same batch size.
 */

const BATCH = 1000; // rebuildReadModels' default batch size

/** Reads the whole log in pages, as the rebuild does, and does nothing with it. */
export async function readWholeLog(store: EventStore): Promise<{ events: number; ms: number }> {
  const start = now();
  let after: bigint | undefined;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: BATCH });
    if (page.length === 0) break;
    events += page.length;
    after = page.at(-1)?.position;
  }
  return { events, ms: now() - start };
}

/** Time spent in each step of the rebuild: reading, loading documents, committing, the rest is folding. */
type Breakdown = { readMs: number; getManyMs: number; commitMs: number };

function timedStore(store: EventStore, breakdown: Breakdown): EventStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'readAll') return Reflect.get(target, key, receiver) as unknown;
      return async (options: Parameters<EventStore['readAll']>[0]) => {
        const start = now();
        const page = await target.readAll(options);
        breakdown.readMs += now() - start;
        return page;
      };
    },
  });
}

function timedReadModels(readModels: ReadModelStore, breakdown: Breakdown): ReadModelStore {
  const wrap = (generation: ReadModelGeneration): ReadModelGeneration =>
    new Proxy(generation, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if ((key !== 'getMany' && key !== 'commit') || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const start = now();
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (key === 'getMany') breakdown.getManyMs += now() - start;
          else breakdown.commitMs += now() - start;
          return result;
        };
      },
    });
  return new Proxy(readModels, {
    get(target, key, receiver) {
      if (key !== 'createGeneration') return Reflect.get(target, key, receiver) as unknown;
      return async () => wrap(await target.createGeneration());
    },
  });
}

async function replay(store: EventStore, readModels: ReadModelStore) {
  const breakdown: Breakdown = { readMs: 0, getManyMs: 0, commitMs: 0 };
  const start = now();
  const { events } = await rebuildReadModels(
    timedStore(store, breakdown),
    timedReadModels(readModels, breakdown),
  );
  const ms = now() - start;
  const foldMs = ms - breakdown.readMs - breakdown.getManyMs - breakdown.commitMs;
  return { events, ms, perSecond: perSecond(events, ms), breakdown: { ...breakdown, foldMs } };
}

export async function benchReplay(options: BenchOptions): Promise<Row[]> {
  const dir = tempDir('replay');
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  const prefix = uniquePrefix('replay');
  try {
    log(`replay: writing a log of about ${options.replayEvents} events`);
    const written = await writeSyntheticLog(store, shapeForEvents(options.replayEvents));
    log(`replay: ${written.events} events, ${written.participants} participants`);

    // The first read also warms up (JIT, SQLite page cache) for the replays measured after it.
    const read = await best(3, () => readWholeLog(store));
    const readRate = perSecond(read.events, read.ms);
    log(`replay: baseline read ${Math.round(readRate)} ev/s; memory replay`);
    const memory = await replay(store, new MemoryReadModelStore());
    log(`replay: memory ${Math.round(memory.perSecond)} ev/s; Redis replay (prefix ${prefix})`);
    const redisStore = new RedisReadModelStore({ url: options.redisUrl, prefix: `${prefix}:rm` });
    let redis: Awaited<ReturnType<typeof replay>>;
    try {
      redis = await replay(store, redisStore);
    } finally {
      await redisStore.close();
    }
    log(`replay: redis ${Math.round(redis.perSecond)} ev/s`);
    const details = {
      log: { events: written.events, participants: written.participants },
      baselineRead: read,
      memory,
      redis,
    };
    log(`replay: ${JSON.stringify(details)}`);
    const baseline = { label: 'readAll + JSON.parse', value: readRate, unit: 'ev/s' };
    return [
      {
        part: 'replay',
        metric: `memory, ${written.events} events`,
        value: memory.perSecond,
        unit: 'ev/s',
        baseline,
        ratio: readRate / memory.perSecond,
        target: '≥ 30,000 ev/s, ≤ 3×',
        met: memory.perSecond >= 30_000 && readRate / memory.perSecond <= 3,
        details: memory,
      },
      {
        part: 'replay',
        metric: `Redis, ${written.events} events`,
        value: redis.perSecond,
        unit: 'ev/s',
        baseline,
        ratio: readRate / redis.perSecond,
        target: '≥ 15,000 ev/s, ≤ 3×',
        met: redis.perSecond >= 15_000 && readRate / redis.perSecond <= 3,
        details: redis,
      },
    ];
  } finally {
    await store.close();
    await deleteRedisKeys(prefix, options.redisUrl);
    rmSync(dir, { recursive: true, force: true });
  }
}
