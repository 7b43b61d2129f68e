import { createHash, randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import {
  CheckpointConflictError,
  type Document,
  type DocumentChange,
  type ListOptions,
  type ReadModelGeneration,
  type ReadModelStore,
} from '../read-model-store.port';

export const DEFAULT_READ_MODEL_PREFIX = 'stegvis:rm';

export type RedisReadModelStoreOptions = (
  | {
      /** Connect to this server (`redis://…`); the store owns the connection and closes it. */
      readonly url: string;
      /**
       * Upper bound on any one command, queued or sent, so nothing waits forever on a server that
       * stopped answering without closing the connection. Default 5,000 ms.
       */
      readonly commandTimeoutMs?: number;
    }
  | {
      /**
       * Use this connection. Its options decide how commands behave during an outage (see
       * `redisConnectionOptions` for the ones this store would choose).
       */
      readonly redis: Redis;
      /** Whether `close` quits the connection. Default false: whoever made it closes it. */
      readonly ownsConnection?: boolean;
    }
) & {
  /** Isolates deployments and tests sharing a server. Default `stegvis:rm`. */
  readonly prefix?: string;
};

/**
 * Connection options for a read-model connection: commands fail within about a second while the
 * server is unreachable (one reconnection attempt of grace for a blip, then rejection), instead of
 * queueing until it comes back; ioredis keeps reconnecting in the background, so the same store
 * works again once the server does.
 */
export function redisConnectionOptions(commandTimeoutMs = 5000): RedisOptions {
  return {
    maxRetriesPerRequest: 1,
    // Queue while (re)connecting so start-up and sub-second blips are invisible; the retry limit
    // above and the command timeout bound how long anything stays queued.
    enableOfflineQueue: true,
    connectTimeout: 2000,
    commandTimeout: commandTimeoutMs,
    retryStrategy: (attempt: number) => Math.min(attempt * 50, 500),
  };
}

/**
 * The production ReadModelStore on Redis.
 *
 * Keys (`{…}` is a Redis Cluster hash tag, so every key of a generation lives in one slot and the
 * commit script may touch all of them):
 * - `${prefix}:active`: id of the active generation;
 * - `${prefix}:lease:${name}`: lease owner, expiring with the lease;
 * - `${prefix}:{${gen}}:meta`: exists while the generation does; commits into a generation
 *   without it are refused, so a runner still holding a dropped generation cannot recreate keys
 *   that nothing would ever delete;
 * - `${prefix}:{${gen}}:doc:${collection}:${id}`: the document as JSON;
 * - `${prefix}:{${gen}}:tag:${collection}:${tag}`: sorted set of ids, all scores 0, so
 *   ZRANGEBYLEX pages in id (byte) order;
 * - `${prefix}:{${gen}}:tags:${collection}:${id}`: set of the document's current tags, to remove
 *   stale memberships on put and delete;
 * - `${prefix}:{${gen}}:checkpoint:${projection}`: decimal string.
 *
 * Reads of many documents are two round trips (ids, then MGET in pipelined chunks) and are not a
 * snapshot: a commit landing in between can make a listed document vanish (it is then skipped)
 * or show its newer version.
 */
export class RedisReadModelStore implements ReadModelStore {
  private readonly redis: Redis;
  private readonly ownsConnection: boolean;
  private readonly prefix: string;

  constructor(options: RedisReadModelStoreOptions) {
    const prefix = options.prefix ?? DEFAULT_READ_MODEL_PREFIX;
    if (prefix.length === 0 || /[{}]/.test(prefix)) {
      // A brace in the prefix would become the hash tag and put all generations in one slot.
      throw new Error(`Invalid read-model key prefix ${JSON.stringify(prefix)}`);
    }
    this.prefix = prefix;
    if ('url' in options) {
      this.redis = new Redis(options.url, redisConnectionOptions(options.commandTimeoutMs));
      this.ownsConnection = true;
      // Connection errors also reject the commands they affect, which is where callers see them;
      // without a listener ioredis would print every failed reconnection attempt.
      this.redis.on('error', () => {});
    } else {
      this.redis = options.redis;
      this.ownsConnection = options.ownsConnection ?? false;
    }
  }

  async active(): Promise<ReadModelGeneration> {
    const current = await this.redis.get(this.activeKey());
    if (current !== null) return this.view(current);
    // First use: create a generation and race to make it the active one. The marker is written
    // first so the pointer never names a generation that does not exist.
    const id = newGenerationId();
    await this.redis.set(this.metaKey(id), new Date().toISOString());
    if ((await this.redis.set(this.activeKey(), id, 'NX')) === 'OK') return this.view(id);
    await this.redis.del(this.metaKey(id));
    const winner = await this.redis.get(this.activeKey());
    if (winner === null) throw new Error('The active read-model generation vanished; retry');
    return this.view(winner);
  }

  async createGeneration(): Promise<ReadModelGeneration> {
    const id = newGenerationId();
    await this.redis.set(this.metaKey(id), new Date().toISOString());
    return this.view(id);
  }

  async activate(generationId: string): Promise<void> {
    assertGenerationId(generationId);
    if ((await this.redis.exists(this.metaKey(generationId))) === 0) {
      throw new Error(`Unknown read-model generation ${generationId}`);
    }
    const previous = await this.redis.set(this.activeKey(), generationId, 'GET');
    if (previous !== null && previous !== generationId) await this.deleteGeneration(previous);
  }

  async drop(generationId: string): Promise<void> {
    assertGenerationId(generationId);
    if ((await this.redis.get(this.activeKey())) === generationId) {
      throw new Error(`Read-model generation ${generationId} is active and cannot be dropped`);
    }
    await this.deleteGeneration(generationId);
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    assertTtl(ttlMs);
    // PX takes whole milliseconds; rounding up never shortens what the caller asked for.
    const ttl = `${Math.ceil(ttlMs)}`;
    const reply = await ACQUIRE_LEASE.run(this.redis, [this.leaseKey(name)], [owner, ttl]);
    return reply === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await RELEASE_LEASE.run(this.redis, [this.leaseKey(name)], [owner]);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    if (!this.ownsConnection) return;
    if (this.redis.status === 'ready') {
      try {
        await this.redis.quit();
        return;
      } catch {
        // Lost the connection while quitting: disconnecting below is all that is left to do.
      }
    }
    this.redis.disconnect();
  }

  /** Drops the marker first, so no commit can add keys behind the scan, then deletes the rest. */
  private async deleteGeneration(generationId: string): Promise<void> {
    // The id goes into a SCAN pattern: anything but our own id format could match other data.
    if (!GENERATION_ID.test(generationId)) return;
    await this.redis.del(this.metaKey(generationId));
    const pattern = `${escapeGlob(this.prefix)}:{${generationId}}:*`;
    const unlinks: Promise<number>[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 2000);
      // Not awaited one by one: the next SCAN goes out on the same connection meanwhile.
      if (keys.length > 0) unlinks.push(this.redis.unlink(...keys));
      cursor = next;
    } while (cursor !== '0');
    await Promise.all(unlinks);
  }

  private view(generationId: string): RedisGeneration {
    assertGenerationId(generationId);
    return new RedisGeneration(this.redis, generationId, `${this.prefix}:{${generationId}}:`);
  }

  private activeKey(): string {
    return `${this.prefix}:active`;
  }

  private metaKey(generationId: string): string {
    return `${this.prefix}:{${generationId}}:meta`;
  }

  private leaseKey(name: string): string {
    return `${this.prefix}:lease:${name}`;
  }
}

/** MGET batch size: big enough to amortise the round trip, small enough not to stall Redis. */
const MGET_CHUNK = 1000;

class RedisGeneration implements ReadModelGeneration {
  constructor(
    private readonly redis: Redis,
    readonly id: string,
    /** `${prefix}:{${id}}:`, shared by every key of the generation. */
    private readonly base: string,
  ) {}

  async checkpoint(projection: string): Promise<bigint | undefined> {
    const value = await this.redis.get(this.checkpointKey(projection));
    return value === null ? undefined : BigInt(value);
  }

  async commit(
    projection: string,
    expected: bigint | undefined,
    next: bigint,
    changes: readonly DocumentChange[],
  ): Promise<void> {
    // Everything that can fail on our side (validation, serialisation) happens before the
    // script is sent, and the script checks before it writes: all or nothing.
    const args: string[] = [expected === undefined ? '' : expected.toString(), next.toString()];
    args.push(this.base);
    for (const change of changes) {
      assertCollection(change.collection);
      if (change.kind === 'put') {
        const tags = [...new Set(change.tags)];
        args.push('p', change.collection, change.id, serialise(change.doc), `${tags.length}`);
        for (const tag of tags) args.push(tag);
      } else {
        args.push('d', change.collection, change.id);
      }
    }
    let reply: unknown;
    try {
      reply = await COMMIT.run(
        this.redis,
        [this.checkpointKey(projection), `${this.base}meta`],
        args,
      );
    } catch (error) {
      if (error instanceof Error && error.message.includes('GENERATION_GONE')) {
        throw new Error(`Read-model generation ${this.id} has been dropped; commit refused`, {
          cause: error,
        });
      }
      throw error;
    }
    if (!Array.isArray(reply) || (reply[0] !== 0 && reply[0] !== 1)) {
      throw new Error(`Unexpected reply from the commit script: ${JSON.stringify(reply)}`);
    }
    if (reply[0] === 1) return;
    const actual: unknown = reply[1];
    throw new CheckpointConflictError(
      projection,
      expected,
      typeof actual === 'string' && actual !== '' ? BigInt(actual) : undefined,
    );
  }

  async get(collection: string, id: string): Promise<Document | undefined> {
    assertCollection(collection);
    const json = await this.redis.get(this.docKey(collection, id));
    return json === null ? undefined : parse(json);
  }

  async getMany(collection: string, ids: readonly string[]): Promise<(Document | undefined)[]> {
    assertCollection(collection);
    const values = await this.fetch(ids.map((id) => this.docKey(collection, id)));
    return values.map((json) => (json === null ? undefined : parse(json)));
  }

  async list(
    collection: string,
    tag: string,
    options: ListOptions,
  ): Promise<{ id: string; doc: Document }[]> {
    assertCollection(collection);
    const { after, limit } = options;
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`list limit must be a non-negative integer, got ${limit}`);
    }
    if (limit === 0) return [];
    const ids = await this.redis.zrangebylex(
      this.tagKey(collection, tag),
      after === undefined ? '-' : `(${after}`,
      '+',
      'LIMIT',
      0,
      limit,
    );
    const values = await this.fetch(ids.map((id) => this.docKey(collection, id)));
    const page: { id: string; doc: Document }[] = [];
    values.forEach((json, i) => {
      // Deleted between the two round trips: the page is a little short, never wrong.
      if (json !== null) page.push({ id: ids[i] as string, doc: parse(json) });
    });
    return page;
  }

  async count(collection: string, tag: string): Promise<number> {
    assertCollection(collection);
    return this.redis.zcard(this.tagKey(collection, tag));
  }

  async all(collection: string, tag: string): Promise<Document[]> {
    assertCollection(collection);
    const ids = await this.redis.zrange(this.tagKey(collection, tag), 0, -1);
    const values = await this.fetch(ids.map((id) => this.docKey(collection, id)));
    const docs: Document[] = [];
    for (const json of values) if (json !== null) docs.push(parse(json));
    return docs;
  }

  /** GETs many keys in one round trip: one MGET, or pipelined MGETs of MGET_CHUNK keys. */
  private async fetch(keys: readonly string[]): Promise<(string | null)[]> {
    if (keys.length === 0) return [];
    if (keys.length <= MGET_CHUNK) return this.redis.mget(...keys);
    const pipeline = this.redis.pipeline();
    for (let start = 0; start < keys.length; start += MGET_CHUNK) {
      pipeline.mget(...keys.slice(start, start + MGET_CHUNK));
    }
    const results = await pipeline.exec();
    if (results === null) throw new Error('Redis pipeline was aborted');
    const values: (string | null)[] = [];
    for (const [error, chunk] of results) {
      if (error) throw error;
      for (const value of chunk as (string | null)[]) values.push(value);
    }
    return values;
  }

  private docKey(collection: string, id: string): string {
    return `${this.base}doc:${collection}:${id}`;
  }

  private tagKey(collection: string, tag: string): string {
    return `${this.base}tag:${collection}:${tag}`;
  }

  private checkpointKey(projection: string): string {
    return `${this.base}checkpoint:${projection}`;
  }
}

/**
 * A Lua script run by EVALSHA, loaded with EVAL when the server does not know it (first use, or
 * after a restart emptied the script cache). Our own runner instead of ioredis' defineCommand so
 * a connection handed to us is not given new methods.
 */
class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    // One array, not spread arguments: a big commit has more arguments than a call may take.
    const params = [...keys, ...args];
    try {
      return await redis.evalsha(this.sha, keys.length, params);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, params);
    }
  }
}

/**
 * KEYS[1] checkpoint, KEYS[2] generation marker.
 * ARGV[1] expected checkpoint ('' = none), ARGV[2] next, ARGV[3] key base `${prefix}:{${gen}}:`,
 * then the changes: `p collection id json tagCount tag…` or `d collection id`, tags deduplicated.
 *
 * The changes are flat arguments rather than one JSON argument: documents must stay the exact
 * strings we serialised (cjson would re-encode numbers with 14 digits and reorder keys), and a
 * JSON string inside JSON would be escaped twice. Other keys are derived from the base; they all
 * carry the generation's hash tag, so they live in the declared keys' slot.
 *
 * Redis does not roll a script back, so it checks everything before its first write and then
 * only runs commands that cannot fail on keys of the types it made.
 */
const COMMIT = new LuaScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then
  return redis.error_reply('GENERATION_GONE')
end
local actual = redis.call('GET', KEYS[1]) or ''
if actual ~= ARGV[1] then
  return {0, actual}
end
local base = ARGV[3]
local i = 4
local n = #ARGV
while i <= n do
  local kind, collection, id = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local docKey = base .. 'doc:' .. collection .. ':' .. id
  local tagsKey = base .. 'tags:' .. collection .. ':' .. id
  local tagBase = base .. 'tag:' .. collection .. ':'
  local old = redis.call('SMEMBERS', tagsKey)
  if kind == 'p' then
    redis.call('SET', docKey, ARGV[i + 3])
    local count = tonumber(ARGV[i + 4])
    local wanted = {}
    for j = 1, count do wanted[ARGV[i + 4 + j]] = true end
    local changed = #old ~= count
    for _, tag in ipairs(old) do
      if wanted[tag] then
        wanted[tag] = false
      else
        redis.call('ZREM', tagBase .. tag, id)
        changed = true
      end
    end
    if changed then
      redis.call('DEL', tagsKey)
      for j = 1, count do
        local tag = ARGV[i + 4 + j]
        if wanted[tag] then redis.call('ZADD', tagBase .. tag, 0, id) end
        redis.call('SADD', tagsKey, tag)
      end
    end
    i = i + 5 + count
  else
    redis.call('DEL', docKey)
    if #old > 0 then
      for _, tag in ipairs(old) do redis.call('ZREM', tagBase .. tag, id) end
      redis.call('DEL', tagsKey)
    end
    i = i + 3
  end
end
redis.call('SET', KEYS[1], ARGV[2])
return {1}
`);

/** Acquires a free lease or renews one's own, in one step. ARGV: owner, ttl in ms. */
const ACQUIRE_LEASE = new LuaScript(`
local owner = redis.call('GET', KEYS[1])
if not owner then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if owner == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`);

/** Releases the lease only if `owner` (ARGV[1]) still holds it. */
const RELEASE_LEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

const GENERATION_ID = /^[A-Za-z0-9_-]+$/;

function newGenerationId(): string {
  // Time first, so generations sort by age in SCAN output and logs.
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

function assertGenerationId(generationId: string): void {
  if (!GENERATION_ID.test(generationId)) {
    throw new Error(`Invalid read-model generation id ${JSON.stringify(generationId)}`);
  }
}

/** See the memory adapter: a ':' in a collection name would make keys ambiguous. */
function assertCollection(collection: string): void {
  if (collection.length === 0 || collection.includes(':')) {
    throw new Error(`Invalid collection name ${JSON.stringify(collection)}: empty or contains ':'`);
  }
}

function assertTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`lease ttl must be a positive number of milliseconds, got ${ttlMs}`);
  }
}

function serialise(doc: Document): string {
  const json: unknown = JSON.stringify(doc);
  // JSON.stringify returns undefined (typed as string) for undefined, functions and symbols.
  if (typeof json !== 'string' || !json.startsWith('{')) {
    throw new TypeError('A document must be a JSON object');
  }
  return json;
}

function parse(json: string): Document {
  return JSON.parse(json) as Document;
}

/** Escapes the characters SCAN's MATCH treats as a pattern. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
