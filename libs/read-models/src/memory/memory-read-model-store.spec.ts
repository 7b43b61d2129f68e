import { describeReadModelStoreContract, put, del } from '../testing/read-model-store.contract';
import { MemoryReadModelStore } from './memory-read-model-store';

describeReadModelStoreContract('memory', async () => {
  const store = new MemoryReadModelStore();
  return { store, dispose: () => store.close() };
});

describe('MemoryReadModelStore', () => {
  it('hands out frozen documents, so mutating one fails loudly', async () => {
    const store = new MemoryReadModelStore();
    const generation = await store.active();
    await generation.commit('p', undefined, 1n, [
      put('participants', 'p1', { nested: { list: [1] } }, ['t']),
    ]);

    const doc = (await generation.get('participants', 'p1')) as { nested: { list: number[] } };

    expect(Object.isFrozen(doc)).toBe(true);
    expect(() => doc.nested.list.push(2)).toThrow(TypeError);
    expect(await generation.get('participants', 'p1')).toEqual({ nested: { list: [1] } });
  });

  // Documents are copied without going through a JSON string; the copy must still be exactly what
  // a JSON round trip (the Redis adapter) gives.
  it('copies documents exactly like a JSON round trip, edge cases included', async () => {
    const store = new MemoryReadModelStore();
    const generation = await store.active();
    const sparse: unknown[] = [1];
    sparse[3] = 'x';
    const withGetter = Object.defineProperty({ plain: 1 }, 'computed', {
      get: () => ({ at: new Date(86_400_000) }),
      enumerable: true,
    });
    const docs: Record<string, unknown>[] = [
      { nested: { toJSON: () => ({ toJSON: () => 'not called twice', kept: 1 }) } },
      { keyed: { a: { toJSON: (key: string) => `key was ${key}` } }, list: [{ toJSON: String }] },
      { sparse, symbol: Symbol('s'), list: [Symbol('s'), undefined, Number.NaN, -0] },
      { withGetter, map: new Map([[1, 2]]), set: new Set([1]), regexp: /x/g },
      { '2': 'integer keys first', b: 1, '1': 'in order', a: 2, '': 'empty key' },
      { unicode: 'Sollefteå \u{1F600} \u2028', escapes: '\u0000\u001f"\\' },
      { big: Number.MAX_SAFE_INTEGER, tiny: Number.MIN_VALUE, exp: 1.7976931348623157e308 },
    ];

    await generation.commit(
      'p',
      undefined,
      1n,
      docs.map((doc, i) => put('c', `d${i}`, doc)),
    );

    for (const [i, doc] of docs.entries()) {
      const got = await generation.get('c', `d${i}`);
      expect(JSON.stringify(got)).toBe(JSON.stringify(doc));
      expect(got).toStrictEqual(JSON.parse(JSON.stringify(doc)));
    }
  });

  it('keeps separate instances apart', async () => {
    const first = new MemoryReadModelStore();
    const second = new MemoryReadModelStore();
    await (await first.active()).commit('p', undefined, 1n, [put('c', 'x', { v: 1 })]);

    expect(await (await second.active()).get('c', 'x')).toBeUndefined();
    expect(await (await second.active()).checkpoint('p')).toBeUndefined();
    expect(await second.acquireLease('l', 'b', 1000)).toBe(true);
    expect(await first.acquireLease('l', 'a', 1000)).toBe(true);
  });

  // The tag index brings its sorted order up to date lazily, by splicing a few changes in or by
  // re-sorting after many; both paths must agree with a plain model of the memberships.
  it.each([
    { name: 'a few changes between reads', batch: 5 },
    { name: 'many changes between reads', batch: 600 },
  ])('lists tags like a reference model with $name', async ({ batch }) => {
    const store = new MemoryReadModelStore();
    const generation = await store.active();
    const model = new Map<string, Set<string>>();
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let checkpoint: bigint | undefined;

    for (let round = 0; round < 20; round++) {
      const changes = Array.from({ length: batch }, () => {
        const id = `id-${random(400)}`;
        if (random(4) === 0) {
          for (const members of model.values()) members.delete(id);
          return del('participants', id);
        }
        const tags = ['a', 'b', 'c'].filter(() => random(2) === 0);
        for (const [tag, members] of model) if (!tags.includes(tag)) members.delete(id);
        for (const tag of tags) {
          const members = model.get(tag) ?? new Set<string>();
          members.add(id);
          model.set(tag, members);
        }
        return put('participants', id, { round }, tags);
      });
      const next = BigInt(round + 1);
      await generation.commit('p', checkpoint, next, changes);
      checkpoint = next;

      for (const tag of ['a', 'b', 'c']) {
        const expected = [...(model.get(tag) ?? [])].sort();
        const listed = await generation.list('participants', tag, { limit: 1000 });
        expect(listed.map((entry) => entry.id)).toEqual(expected);
        expect(await generation.count('participants', tag)).toBe(expected.length);
        const middle = expected[Math.floor(expected.length / 2)];
        const page = await generation.list('participants', tag, { after: middle, limit: 7 });
        expect(page.map((entry) => entry.id)).toEqual(
          expected.filter((id) => middle !== undefined && id > middle).slice(0, 7),
        );
      }
    }
  });
});
