import type { Redis } from 'ioredis';
import {
  THROTTLE_WINDOW_MS,
  type SignInThrottle,
  type ThrottleTiming,
} from '../sign-in-throttle.port';
import { subjectKey } from '../session-secrets';
import { connect, type RedisTarget } from './redis-connection';

export type RedisSignInThrottleOptions = ThrottleTiming & RedisTarget & { readonly prefix: string };

/** One failure: a window that has ended (by the clock given) starts again at this one. */
const RECORD = `
local ends = tonumber(redis.call('HGET', KEYS[1], 'endsAt'))
local now = tonumber(ARGV[1])
if ends == nil or ends <= now then
  redis.call('HSET', KEYS[1], 'count', 1, 'endsAt', now + tonumber(ARGV[2]))
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
else
  redis.call('HINCRBY', KEYS[1], 'count', 1)
end
return 1`;

/** Failed sign-ins in Redis (`throttle:<subject hash>`), counted alike by every replica. */
export class RedisSignInThrottle implements SignInThrottle {
  private readonly redis: Redis;
  private readonly owned: boolean;
  private readonly prefix: string;
  private readonly clock: () => number;
  private readonly windowMs: number;

  constructor(options: RedisSignInThrottleOptions) {
    ({ redis: this.redis, owned: this.owned } = connect(options));
    this.prefix = options.prefix;
    this.clock = options.clock ?? Date.now;
    this.windowMs = options.windowMs ?? THROTTLE_WINDOW_MS;
  }

  async failures(subjects: readonly string[]): Promise<number[]> {
    const now = this.clock();
    const pipeline = this.redis.pipeline();
    for (const s of subjects) pipeline.hmget(this.key(s), 'count', 'endsAt');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      const [count, endsAt] = value as [string | null, string | null];
      return count !== null && Number(endsAt) > now ? Number(count) : 0;
    });
  }

  async recordFailure(subjects: readonly string[]): Promise<void> {
    const now = this.clock();
    await Promise.all(
      subjects.map((s) => this.redis.eval(RECORD, 1, this.key(s), now, this.windowMs)),
    );
  }

  async clear(subject: string): Promise<void> {
    await this.redis.del(this.key(subject));
  }

  async close(): Promise<void> {
    if (this.owned && this.redis.status !== 'end') await this.redis.quit();
  }

  private key(subject: string): string {
    return `${this.prefix}:throttle:${subjectKey(subject)}`;
  }
}
