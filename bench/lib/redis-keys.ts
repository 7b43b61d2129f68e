import { randomBytes } from 'node:crypto';

/** A REDIS_PREFIX of its own per run and part (matches the config's `[A-Za-z0-9_-]{1,40}`). */
export const uniquePrefix = (part: string): string =>
  `bench-${part}-${randomBytes(4).toString('hex')}`;
