import { Redis } from 'ioredis';

/** The shared Redis of the machine (tests keep to their own key prefixes on it). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Deletes every key written under `prefix` (read models, leases, BullMQ queues), scanning rather
 * than KEYS so a large run does not block Redis. Redis not running: nothing was written there.
 */
export async function deleteRedisKeys(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => {});
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Unreachable: there is nothing of this prefix to delete.
  } finally {
    redis.disconnect();
  }
  return deleted;
}
