import { redisConnectionOptions } from '@stegvis/read-models';
import { Redis } from 'ioredis';

export type RedisTarget =
  /** Connect to this server; the adapter owns the connection and quits it on close. */
  | { readonly url: string }
  /** Use this connection (shared by the session store and the throttle); not closed here. */
  | { readonly redis: Redis };

/** The read models' connection settings: commands fail promptly while Redis is away. */
export function connect(target: RedisTarget): { redis: Redis; owned: boolean } {
  if ('redis' in target) return { redis: target.redis, owned: false };
  const redis = new Redis(target.url, redisConnectionOptions());
  // Failures reach the callers through their commands; without a listener ioredis prints each.
  redis.on('error', () => {});
  return { redis, owned: true };
}
