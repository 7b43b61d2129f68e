import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { CheckpointConflictError } from '../read-model-store.port';
import { describeReadModelStoreContract, put, waitFor } from '../testing/read-model-store.contract';
import { RedisReadModelStore } from './redis-read-model-store';

/** The shared development server; tests touch only keys under their own random prefix. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const admin = new Redis(REDIS_URL, { lazyConnect: true });

afterAll(async () => {
  await admin.quit();
});

function randomPrefix(): string {
  return `stegvis:test:rm:${randomUUID()}`;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}:*`;
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

async function deleteKeysUnder(prefix: string): Promise<void> {
  const keys = await keysUnder(prefix);
  for (let start = 0; start < keys.length; start += 1000) {
    await admin.unlink(...keys.slice(start, start + 1000));
  }
}

describeReadModelStoreContract('Redis, own connection', async () => {
  const prefix = randomPrefix();
  const store = new RedisReadModelStore({ url: REDIS_URL, prefix });
  return {
    store,
    dispose: async () => {
      await store.close();
      await deleteKeysUnder(prefix);
    },
  };
});

describeReadModelStoreContract('Redis, shared connection', async () => {
  const prefix = randomPrefix();
  const redis = new Redis(REDIS_URL);
  const store = new RedisReadModelStore({ redis, prefix });
  return {
    store,
    dispose: async () => {
      await store.close();
      await redis.quit();
      await deleteKeysUnder(prefix);
    },
  };
});

describe('RedisReadModelStore', () => {
  const prefixes: string[] = [];
  const stores: RedisReadModelStore[] = [];

  const open = (prefix: string): RedisReadModelStore => {
    const store = new RedisReadModelStore({ url: REDIS_URL, prefix });
    stores.push(store);
    prefixes.push(prefix);
    return store;
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const prefix of prefixes.splice(0)) await deleteKeysUnder(prefix);
  });

  it('puts every key of a generation under its hash tag, in one cluster slot', async () => {
    const prefix = randomPrefix();
    const store = open(prefix);
    const active = await store.active();
    await active.commit('participants', undefined, 12345678901234567890n, [
      put('participants', 'p1', { v: 1 }, ['association:F-1', 'intervention:I-1']),
      put('participants', 'p2', { v: 2 }, ['association:F-1']),
    ]);
    const fresh = await store.createGeneration();
    await fresh.commit('participants', undefined, 1n, [put('participants', 'p1', {}, ['a'])]);
    await store.acquireLease('runner', 'me', 10_000);

    const keys = await keysUnder(prefix);

    const generationKeys = (id: string) =>
      keys.filter((key) => key.startsWith(`${prefix}:{${id}}:`));
    expect(generationKeys(active.id).sort()).toEqual(
      [
        'meta',
        'checkpoint:participants',
        'doc:participants:p1',
        'doc:participants:p2',
        'tag:participants:association:F-1',
        'tag:participants:intervention:I-1',
        'tags:participants:p1',
        'tags:participants:p2',
      ]
        .map((suffix) => `${prefix}:{${active.id}}:${suffix}`)
        .sort(),
    );
    expect(generationKeys(fresh.id)).toHaveLength(5);
    const others = keys.filter((key) => !/:\{[^}]+\}:/.test(key)).sort();
    expect(others).toEqual([`${prefix}:active`, `${prefix}:lease:runner`]);
    for (const id of [active.id, fresh.id]) {
      const slots = new Set(generationKeys(id).map(clusterSlot));
      expect(slots).toEqual(new Set([crc16(id) % 16384]));
    }
    // Checkpoints are decimal strings, ids members of sorted sets with score 0.
    expect(await admin.get(`${prefix}:{${active.id}}:checkpoint:participants`)).toBe(
      '12345678901234567890',
    );
    expect(
      await admin.zrange(
        `${prefix}:{${active.id}}:tag:participants:association:F-1`,
        0,
        -1,
        'WITHSCORES',
      ),
    ).toEqual(['p1', '0', 'p2', '0']);
    expect(await admin.get(`${prefix}:{${active.id}}:doc:participants:p1`)).toBe('{"v":1}');
  });

  it('deletes every key of a replaced or dropped generation', async () => {
    const prefix = randomPrefix();
    const store = open(prefix);
    const many = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => put('participants', `p${i}`, { i }, [tag, `g${i % 5}`]));
    const first = await store.active();
    await first.commit('p', undefined, 1n, many(3000, 'first'));
    const second = await store.createGeneration();
    await second.commit('p', undefined, 1n, many(10, 'second'));
    const abandoned = await store.createGeneration();
    await abandoned.commit('p', undefined, 1n, many(2500, 'abandoned'));
    const count = async (id: string) =>
      (await keysUnder(prefix)).filter((key) => key.includes(`:{${id}}:`)).length;
    expect(await count(first.id)).toBe(3000 * 2 + 6 + 2);

    await store.activate(second.id);
    await store.drop(abandoned.id);

    expect(await count(first.id)).toBe(0);
    expect(await count(abandoned.id)).toBe(0);
    expect(await count(second.id)).toBe(10 * 2 + 6 + 2);
    expect((await keysUnder(prefix)).length).toBe(10 * 2 + 6 + 2 + 1);
  });

  it('a drop does not reach into a prefix its own merely matches as a pattern', async () => {
    const base = randomPrefix();
    const patterned = open(`${base}:x?`);
    const victim = open(`${base}:xy`);
    const generation = await victim.createGeneration();
    await generation.commit('p', undefined, 1n, [put('participants', 'p1', { v: 1 })]);

    await patterned.drop(generation.id);

    expect(await generation.get('participants', 'p1')).toEqual({ v: 1 });
  });

  it('holds the checkpoint CAS across stores on separate connections', async () => {
    const prefix = randomPrefix();
    const first = open(prefix);
    const second = open(prefix);
    const [a, b] = await Promise.all([first.active(), second.active()]);
    expect(a.id).toBe(b.id);

    let checkpoint: bigint | undefined;
    const winners: string[] = [];
    for (let round = 0; round < 25; round++) {
      const next = BigInt(round + 1);
      const results = await Promise.allSettled([
        a.commit('p', checkpoint, next, [put('participants', `r${round}`, { by: 'a' }, ['t'])]),
        b.commit('p', checkpoint, next, [put('participants', `r${round}`, { by: 'b' }, ['t'])]),
      ]);
      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      expect(fulfilled).toHaveLength(1);
      const rejected = results.find((result) => result.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(CheckpointConflictError);
      winners.push(results[0]?.status === 'fulfilled' ? 'a' : 'b');
      checkpoint = next;
    }

    expect(await b.checkpoint('p')).toBe(25n);
    expect(await a.count('participants', 't')).toBe(25);
    const docs = await b.getMany(
      'participants',
      winners.map((_, round) => `r${round}`),
    );
    expect(docs.map((doc) => doc?.by)).toEqual(winners);
  });

  it('leaves a connection it was given open on close', async () => {
    const prefix = randomPrefix();
    prefixes.push(prefix);
    const redis = new Redis(REDIS_URL);
    try {
      const store = new RedisReadModelStore({ redis, prefix });
      await store.ping();
      await store.close();

      expect(await redis.ping()).toBe('PONG');
    } finally {
      await redis.quit();
    }
  });

  it('refuses a prefix with braces, which would break the hash tags', () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true });
    expect(() => new RedisReadModelStore({ redis, prefix: 'a{b}' })).toThrow();
    expect(() => new RedisReadModelStore({ redis, prefix: '' })).toThrow();
    redis.disconnect();
  });

  describe('when Redis goes away', () => {
    let server: ChildProcess | undefined;

    const startServer = async (port: number): Promise<ChildProcess> => {
      const child = spawn(
        'redis-server',
        ['--port', `${port}`, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      await once(child, 'spawn');
      return child;
    };

    const stopServer = async (): Promise<void> => {
      const child = server;
      server = undefined;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    };

    afterEach(stopServer);

    it('fails commands promptly during an outage and works again afterwards', async () => {
      const port = await freePort();
      server = await startServer(port);
      const store = new RedisReadModelStore({ url: `redis://127.0.0.1:${port}`, prefix: 'outage' });
      stores.push(store);
      await waitFor(
        () =>
          store.ping().then(
            () => true,
            () => false,
          ),
        {
          timeoutMs: 10_000,
          message: 'the test server never answered',
        },
      );
      const generation = await store.active();
      await generation.commit('p', undefined, 1n, [put('participants', 'p1', { v: 1 })]);

      await stopServer();

      for (let wave = 0; wave < 2; wave++) {
        const started = Date.now();
        const results = await Promise.allSettled([
          store.ping(),
          store.active(),
          generation.get('participants', 'p1'),
          generation.all('participants', 't'),
          generation.commit('p', 1n, 2n, [put('participants', 'p2', { v: 2 })]),
          store.acquireLease('runner', 'me', 1000),
        ]);
        const elapsed = Date.now() - started;

        expect(results.map((result) => result.status)).toEqual(Array(6).fill('rejected'));
        expect(elapsed).toBeLessThan(3000);
      }

      server = await startServer(port);
      await waitFor(
        () =>
          store.ping().then(
            () => true,
            () => false,
          ),
        {
          timeoutMs: 10_000,
          message: 'the store never reconnected',
        },
      );

      // The restarted server kept nothing (no persistence), so this is a fresh generation.
      const after = await store.active();
      await after.commit('p', undefined, 2n, [put('participants', 'p2', { v: 2 }, ['t'])]);
      expect(await after.get('participants', 'p2')).toEqual({ v: 2 });
      expect(await after.all('participants', 't')).toEqual([{ v: 2 }]);
      expect(await store.acquireLease('runner', 'me', 1000)).toBe(true);
    });
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Redis Cluster's slot of a key: CRC16 of its hash tag if it has one, else of the key. */
function clusterSlot(key: string): number {
  const open = key.indexOf('{');
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) return crc16(key.slice(open + 1, close)) % 16384;
  }
  return crc16(key) % 16384;
}

/** CRC16/XMODEM, the checksum Redis Cluster uses for slots. */
function crc16(text: string): number {
  let crc = 0;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}
