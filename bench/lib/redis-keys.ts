import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A REDIS_PREFIX of its own per run and part (matches the config's `[A-Za-z0-9_-]{1,40}`). */
export const uniquePrefix = (part: string): string =>
  `bench-${part}-${randomBytes(4).toString('hex')}`;

/** Removes every key under `prefix:` (read models, leases, BullMQ queues of that prefix). */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => {});
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis not running: nothing was written there either.
  } finally {
    redis.disconnect();
  }
  return deleted;
}
