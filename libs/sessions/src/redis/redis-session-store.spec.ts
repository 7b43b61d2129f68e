import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { eventually } from '../../../../test/support/wait-for';
import { SESSION_IDLE_MS } from '../session-store.port';
import { describeSessionStoreContract } from '../testing/session-store.contract';
import { describeSetupCodesContract } from '../testing/setup-codes.contract';
import { describeSignInThrottleContract } from '../testing/sign-in-throttle.contract';
import { RedisSessionStore } from './redis-session-store';
import { RedisSetupCodes } from './redis-setup-codes';
import { RedisSignInThrottle } from './redis-sign-in-throttle';

/** The shared development server; every test keeps to a random prefix and removes it. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const admin = new Redis(REDIS_URL, { lazyConnect: true });
afterAll(() => admin.quit());

const randomPrefix = () => `stegvis:test:auth:${randomUUID()}`;

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys.sort();
}

/** Every key under the prefix with its value, as text. */
async function dump(prefix: string): Promise<string> {
  const entries = [];
  for (const key of await keysUnder(prefix)) {
    const type = await admin.type(key);
    const value = type === 'hash' ? await admin.hgetall(key) : await admin.smembers(key);
    entries.push([key, value]);
  }
  return JSON.stringify(entries);
}

async function removeKeys(prefix: string): Promise<void> {
  const keys = await keysUnder(prefix);
  if (keys.length > 0) await admin.del(...keys);
}

describeSessionStoreContract('Redis', async (timing) => {
  const prefix = randomPrefix();
  const store = new RedisSessionStore({ url: REDIS_URL, prefix, ...timing });
  return {
    store,
    storedText: () => dump(prefix),
    reopen: async () => new RedisSessionStore({ url: REDIS_URL, prefix, ...timing }),
    dispose: async () => {
      await store.close();
      await removeKeys(prefix);
    },
  };
});

describeSignInThrottleContract('Redis', async (timing) => {
  const prefix = randomPrefix();
  const throttle = new RedisSignInThrottle({ url: REDIS_URL, prefix, ...timing });
  return {
    throttle,
    storedText: () => dump(prefix),
    dispose: async () => {
      await throttle.close();
      await removeKeys(prefix);
    },
  };
});

describeSetupCodesContract('Redis', async () => {
  const prefix = randomPrefix();
  const codes = new RedisSetupCodes({ url: REDIS_URL, prefix });
  return {
    codes,
    reopen: async () => new RedisSetupCodes({ url: REDIS_URL, prefix }),
    storedText: () => dump(prefix),
    dispose: async () => {
      await codes.close();
      await removeKeys(prefix);
    },
  };
});

describe('Redis sessions', () => {
  let prefix: string;
  const opened: { close(): Promise<void> }[] = [];
  beforeEach(() => {
    prefix = randomPrefix();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((o) => o.close()));
    await removeKeys(prefix);
  });

  it('keeps keys under its prefix, expiring after the idle time', async () => {
    const store = new RedisSessionStore({ url: REDIS_URL, prefix });
    opened.push(store);
    const { key } = await store.create('U-000000000A');
    expect(await keysUnder(prefix)).toEqual(
      [`${prefix}:session:${key}`, `${prefix}:user-sessions:U-000000000A`].sort(),
    );
    for (const k of await keysUnder(prefix)) {
      const ttl = await admin.pttl(k);
      expect(ttl).toBeGreaterThan(SESSION_IDLE_MS - 60_000);
      expect(ttl).toBeLessThanOrEqual(SESSION_IDLE_MS);
    }
  });

  it('lets Redis remove a session nobody resumes', async () => {
    const store = new RedisSessionStore({ url: REDIS_URL, prefix, idleMs: 300 });
    opened.push(store);
    const { sessionId } = await store.create('U-000000000A');
    await eventually(
      () => keysUnder(prefix),
      (keys) => keys.length === 0,
      {
        message: 'Redis to expire the session keys',
      },
    );
    expect(await store.resume(sessionId)).toBeUndefined();
  });

  it('shares one connection between the store and the throttle and leaves it open', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const store = new RedisSessionStore({ redis, prefix });
      const throttle = new RedisSignInThrottle({ redis, prefix });
      await store.create('U-000000000A');
      await throttle.recordFailure(['address:203.0.113.7']);
      await store.close();
      await throttle.close();
      expect(await redis.ping()).toBe('PONG');
      expect((await keysUnder(prefix)).filter((k) => k.includes(':throttle:'))).toHaveLength(1);
    } finally {
      await redis.quit();
    }
  });
});
