import type { Redis } from 'ioredis';
import type { SetupCodes } from '../setup-codes.port';
import { newSetupCode, setupCodeHash } from '../session-secrets';
import { connect, type RedisTarget } from './redis-connection';

export type RedisSetupCodesOptions = RedisTarget & { readonly prefix: string };

/** Takes every code if the one given is among them: atomic, so only one redemption wins. */
const REDEEM = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

/** Setup codes in Redis, seen by every replica: `setup-codes`, a hash of code hash → issued (ms). */
export class RedisSetupCodes implements SetupCodes {
  private readonly redis: Redis;
  private readonly owned: boolean;
  private readonly key: string;

  constructor(options: RedisSetupCodesOptions) {
    ({ redis: this.redis, owned: this.owned } = connect(options));
    this.key = `${options.prefix}:setup-codes`;
  }

  async issue(): Promise<string> {
    const { code, hash } = newSetupCode();
    await this.redis.hset(this.key, hash, Date.now());
    return code;
  }

  async pending(): Promise<boolean> {
    return (await this.redis.exists(this.key)) === 1;
  }

  async redeem(code: string): Promise<boolean> {
    const hash = setupCodeHash(code);
    if (hash === undefined) return false;
    return (await this.redis.eval(REDEEM, 1, this.key, hash)) === 1;
  }

  async clear(): Promise<void> {
    await this.redis.del(this.key);
  }

  async close(): Promise<void> {
    if (this.owned && this.redis.status !== 'end') await this.redis.quit();
  }
}
