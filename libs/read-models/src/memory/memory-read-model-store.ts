import { randomBytes } from 'node:crypto';
import {
  CheckpointConflictError,
  type Document,
  type DocumentChange,
  type ListOptions,
  type ReadModelGeneration,
  type ReadModelStore,
} from '../read-model-store.port';

/**
 * The embedded ReadModelStore: everything in this process, rebuilt from the event store at boot.
 *
 * Documents are stored the way the Redis adapter stores them, as JSON: a put serialises the
 * document and parses it back, so both adapters agree on what survives (undefined properties are
 * dropped, Dates become strings, a BigInt is refused). The parsed copy is deep-frozen and handed
 * out as is, so reads cost no copying and a caller that mutates a document it read fails loudly
 * instead of silently changing stored state.
 *
 * Every operation is synchronous under the hood, so a commit cannot interleave with another one:
 * it is atomic by construction, as long as nothing can throw half-way (see `prepare`).
 */
export class MemoryReadModelStore implements ReadModelStore {
  private readonly generations = new Map<string, MemoryGeneration>();
  private activeId: string | undefined;
  private readonly leases = new Map<string, { owner: string; expiresAt: number }>();

  async active(): Promise<ReadModelGeneration> {
    if (this.activeId === undefined) {
      const generation = this.newGeneration();
      this.activeId = generation.id;
    }
    return this.generation(this.activeId);
  }

  async createGeneration(): Promise<ReadModelGeneration> {
    return this.newGeneration();
  }

  async activate(generationId: string): Promise<void> {
    const generation = this.generations.get(generationId);
    if (!generation) throw new Error(`Unknown read-model generation ${generationId}`);
    const previous = this.activeId;
    this.activeId = generationId;
    if (previous !== undefined && previous !== generationId) this.remove(previous);
  }

  async drop(generationId: string): Promise<void> {
    if (generationId === this.activeId) {
      throw new Error(`Read-model generation ${generationId} is active and cannot be dropped`);
    }
    this.remove(generationId);
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    assertTtl(ttlMs);
    const now = Date.now();
    const lease = this.leases.get(name);
    if (lease && lease.owner !== owner && lease.expiresAt > now) return false;
    this.leases.set(name, { owner, expiresAt: now + ttlMs });
    return true;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    if (this.leases.get(name)?.owner === owner) this.leases.delete(name);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private newGeneration(): MemoryGeneration {
    // Same shape as the Redis adapter's ids, so logs look alike whichever adapter runs.
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const generation = new MemoryGeneration(id);
    this.generations.set(id, generation);
    return generation;
  }

  private generation(id: string): MemoryGeneration {
    const generation = this.generations.get(id);
    if (!generation) throw new Error(`Unknown read-model generation ${id}`);
    return generation;
  }

  private remove(id: string): void {
    const generation = this.generations.get(id);
    if (!generation) return;
    this.generations.delete(id);
    generation.discard();
  }
}

type StoredDocument = { readonly doc: Document; readonly tags: readonly string[] };

type Collection = {
  readonly docs: Map<string, StoredDocument>;
  readonly tags: Map<string, SortedIdSet>;
};

type PreparedChange =
  | { kind: 'put'; collection: string; id: string; doc: Document; tags: readonly string[] }
  | { kind: 'delete'; collection: string; id: string };

class MemoryGeneration implements ReadModelGeneration {
  private collections = new Map<string, Collection>();
  private checkpoints = new Map<string, bigint>();
  /** Set once the generation was dropped or replaced; a runner still holding it must not write. */
  private discarded = false;

  constructor(readonly id: string) {}

  async checkpoint(projection: string): Promise<bigint | undefined> {
    return this.checkpoints.get(projection);
  }

  async commit(
    projection: string,
    expected: bigint | undefined,
    next: bigint,
    changes: readonly DocumentChange[],
  ): Promise<void> {
    if (this.discarded) {
      throw new Error(`Read-model generation ${this.id} has been dropped; commit refused`);
    }
    // Everything that can throw happens before the first write, so a commit is all or nothing.
    const prepared = changes.map(prepare);
    const actual = this.checkpoints.get(projection);
    if (actual !== expected) throw new CheckpointConflictError(projection, expected, actual);
    for (const change of prepared) {
      if (change.kind === 'put') this.put(change.collection, change.id, change.doc, change.tags);
      else this.delete(change.collection, change.id);
    }
    this.checkpoints.set(projection, next);
  }

  async get(collection: string, id: string): Promise<Document | undefined> {
    assertCollection(collection);
    return this.collections.get(collection)?.docs.get(id)?.doc;
  }

  async getMany(collection: string, ids: readonly string[]): Promise<(Document | undefined)[]> {
    assertCollection(collection);
    const docs = this.collections.get(collection)?.docs;
    return ids.map((id) => docs?.get(id)?.doc);
  }

  async list(
    collection: string,
    tag: string,
    options: ListOptions,
  ): Promise<{ id: string; doc: Document }[]> {
    assertCollection(collection);
    assertLimit(options.limit);
    const found = this.collections.get(collection);
    const index = found?.tags.get(tag);
    if (!found || !index) return [];
    return index
      .page(options.after, options.limit)
      .map((id) => ({ id, doc: documentOf(found, id) }));
  }

  async count(collection: string, tag: string): Promise<number> {
    assertCollection(collection);
    return this.collections.get(collection)?.tags.get(tag)?.size ?? 0;
  }

  async all(collection: string, tag: string): Promise<Document[]> {
    assertCollection(collection);
    const found = this.collections.get(collection);
    const index = found?.tags.get(tag);
    if (!found || !index) return [];
    return index.ids().map((id) => documentOf(found, id));
  }

  /** Frees the data; later reads see an empty generation and commits are refused. */
  discard(): void {
    this.discarded = true;
    this.collections = new Map();
    this.checkpoints = new Map();
  }

  private put(collection: string, id: string, doc: Document, tags: readonly string[]): void {
    const target = this.collection(collection);
    const previous = target.docs.get(id);
    target.docs.set(id, { doc, tags });
    // Replays mostly rewrite documents without changing their tags: touch only what changed.
    if (previous) {
      for (const tag of previous.tags) {
        if (!tags.includes(tag)) untag(target, tag, id);
      }
    }
    for (const tag of tags) {
      if (!previous?.tags.includes(tag)) {
        let index = target.tags.get(tag);
        if (!index) {
          index = new SortedIdSet();
          target.tags.set(tag, index);
        }
        index.add(id);
      }
    }
  }

  private delete(collection: string, id: string): void {
    const target = this.collections.get(collection);
    const previous = target?.docs.get(id);
    if (!target || !previous) return;
    target.docs.delete(id);
    for (const tag of previous.tags) untag(target, tag, id);
  }

  private collection(name: string): Collection {
    let found = this.collections.get(name);
    if (!found) {
      found = { docs: new Map(), tags: new Map() };
      this.collections.set(name, found);
    }
    return found;
  }
}

function untag(collection: Collection, tag: string, id: string): void {
  const index = collection.tags.get(tag);
  if (!index) return;
  index.delete(id);
  // Tags come and go (an intervention ends); empty indexes would otherwise pile up.
  if (index.size === 0) collection.tags.delete(tag);
}

function documentOf(collection: Collection, id: string): Document {
  const stored = collection.docs.get(id);
  // The tag index and the documents are updated together, so this cannot happen.
  if (!stored) throw new Error(`Tag index refers to a missing document ${id}`);
  return stored.doc;
}

function prepare(change: DocumentChange): PreparedChange {
  assertCollection(change.collection);
  if (change.kind === 'delete') {
    return { kind: 'delete', collection: change.collection, id: change.id };
  }
  return {
    kind: 'put',
    collection: change.collection,
    id: change.id,
    doc: toStoredDocument(change.doc),
    tags: [...new Set(change.tags)],
  };
}

/**
 * What the Redis adapter would hand back, `JSON.parse(JSON.stringify(doc))`, deep-frozen so it can
 * be shared. Copied in one pass instead of through a JSON string: several times faster, and a
 * replay puts every event's document.
 */
function toStoredDocument(doc: Document): Document {
  const copy = jsonCopy(doc, '', []);
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) {
    throw new TypeError('A document must be a JSON object');
  }
  return copy as Document;
}

/**
 * Copies `value` the way JSON.stringify followed by JSON.parse would (toJSON, boxed primitives,
 * non-finite numbers and -0, undefined/function/symbol skipped in objects and null in arrays,
 * BigInt and cycles refused), freezing every object it creates. Returns undefined where
 * JSON.stringify would leave the value out.
 */
function jsonCopy(value: unknown, key: string, ancestors: object[]): unknown {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
    // Called once: JSON.stringify does not call toJSON on what toJSON returned.
    if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, key);
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (typeof value !== 'object') return undefined;
  if (value instanceof Number) return jsonCopy(Number(value), key, ancestors);
  if (value instanceof String) return String(value);
  if (value instanceof Boolean) return value.valueOf();
  if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.push(value);
  let copy: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    copy = [];
    for (let i = 0; i < value.length; i++) {
      copy.push(jsonCopy(value[i], String(i), ancestors) ?? null);
    }
  } else {
    const source = value as Record<string, unknown>;
    const target: Record<string, unknown> = {};
    for (const name of Object.keys(source)) {
      const child = jsonCopy(source[name], name, ancestors);
      if (child === undefined) continue;
      // JSON.parse makes `__proto__` an own property; an assignment would set the prototype.
      if (name === '__proto__') {
        Object.defineProperty(target, name, {
          value: child,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        target[name] = child;
      }
    }
    copy = target;
  }
  ancestors.pop();
  return Object.freeze(copy);
}

/**
 * Collection names end up inside Redis keys (`doc:${collection}:${id}`); a ':' in one would make
 * two different (collection, id) pairs share a key. Both adapters refuse such names alike.
 */
function assertCollection(collection: string): void {
  if (collection.length === 0 || collection.includes(':')) {
    throw new Error(`Invalid collection name ${JSON.stringify(collection)}: empty or contains ':'`);
  }
}

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`list limit must be a non-negative integer, got ${limit}`);
  }
}

function assertTtl(ttlMs: number): void {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`lease ttl must be a positive number of milliseconds, got ${ttlMs}`);
  }
}

/**
 * Ids of one tag, listable in id order. Membership lives in a Set; the sorted array is brought up
 * to date lazily on the next read, so a replay that adds thousands of ids pays for one sort
 * instead of one array splice per id, while a live update between reads costs a binary search
 * and a splice.
 *
 * Order is JavaScript string order (UTF-16 code units). Redis orders by UTF-8 bytes; the two only
 * differ for characters above U+FFFF against U+E000–U+FFFF, which ids do not contain.
 */
class SortedIdSet {
  private readonly members = new Set<string>();
  private sorted: string[] = [];
  /** Ids whose membership changed since `sorted` was last brought up to date. */
  private readonly pending = new Set<string>();

  get size(): number {
    return this.members.size;
  }

  add(id: string): void {
    if (this.members.has(id)) return;
    this.members.add(id);
    this.pending.add(id);
  }

  delete(id: string): void {
    if (this.members.delete(id)) this.pending.add(id);
  }

  ids(): readonly string[] {
    this.settle();
    return this.sorted;
  }

  page(after: string | undefined, limit: number): string[] {
    const ids = this.ids();
    const start = after === undefined ? 0 : upperBound(ids, after);
    return ids.slice(start, start + limit);
  }

  private settle(): void {
    if (this.pending.size === 0) return;
    // A splice moves memory, a sort compares strings: past a few hundred changes, sorting wins.
    if (this.pending.size > 256) {
      this.sorted = [...this.members].sort();
    } else {
      for (const id of this.pending) {
        const at = lowerBound(this.sorted, id);
        const present = this.sorted[at] === id;
        if (this.members.has(id)) {
          if (!present) this.sorted.splice(at, 0, id);
        } else if (present) {
          this.sorted.splice(at, 1);
        }
      }
    }
    this.pending.clear();
  }
}

/** Index of the first element not less than `id`. */
function lowerBound(sorted: readonly string[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first element greater than `id`. */
function upperBound(sorted: readonly string[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) <= id) low = mid + 1;
    else high = mid;
  }
  return low;
}
