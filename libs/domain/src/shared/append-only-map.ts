/** What every version of one map shares: the entries appended so far, each with its position. */
type Log<K, V> = { readonly entries: Map<K, { readonly value: V; readonly index: number }> };

/**
 * An immutable map that grows by one entry per event in O(1), so folding a stream of n events
 * costs O(n) (a map or set copied per event costs O(n²): 4,000 facts took seconds).
 *
 * Versions share one backing Map; a version sees only the entries appended before it was made,
 * so no version ever changes once made: evolve stays pure. Appending to the newest version
 * extends the shared Map; appending to an older one (a branch, as a test may do) or replacing a
 * key copies what that version sees first.
 */
export class AppendOnlyMap<K, V> {
  private constructor(
    private readonly log: Log<K, V>,
    /** How many entries of the log this version sees. */
    readonly size: number,
  ) {}

  static empty<K, V>(): AppendOnlyMap<K, V> {
    return new AppendOnlyMap<K, V>({ entries: new Map() }, 0);
  }

  get(key: K): V | undefined {
    const entry = this.log.entries.get(key);
    return entry !== undefined && entry.index < this.size ? entry.value : undefined;
  }

  has(key: K): boolean {
    const entry = this.log.entries.get(key);
    return entry !== undefined && entry.index < this.size;
  }

  /** This map with `key` set to `value`: O(1) when appending a new key to the newest version. */
  with(key: K, value: V): AppendOnlyMap<K, V> {
    const { entries } = this.log;
    if (this.size === entries.size && !entries.has(key)) {
      entries.set(key, { value, index: this.size });
      return new AppendOnlyMap(this.log, this.size + 1);
    }
    const copy = new Map<K, { value: V; index: number }>();
    for (const [k, v] of this.entries()) copy.set(k, { value: v, index: copy.size });
    const replaced = copy.get(key);
    copy.set(key, { value, index: replaced?.index ?? copy.size });
    return new AppendOnlyMap({ entries: copy }, copy.size);
  }

  /** The entries this version sees, oldest first. */
  *entries(): IterableIterator<[K, V]> {
    // A Map iterates in insertion order, and indexes grow with insertion: stop at the first unseen.
    for (const [key, entry] of this.log.entries) {
      if (entry.index >= this.size) return;
      yield [key, entry.value];
    }
  }
}

/** A set of the same kind: each version immutable, adding to the newest O(1). */
export class AppendOnlySet<T> {
  private constructor(private readonly map: AppendOnlyMap<T, true>) {}

  static empty<T>(): AppendOnlySet<T> {
    return new AppendOnlySet(AppendOnlyMap.empty<T, true>());
  }

  get size(): number {
    return this.map.size;
  }

  has(value: T): boolean {
    return this.map.has(value);
  }

  with(value: T): AppendOnlySet<T> {
    return this.has(value) ? this : new AppendOnlySet(this.map.with(value, true));
  }
}
