import { randomUUID } from 'node:crypto';
import {
  CheckpointConflictError,
  type DocumentChange,
  type ReadModelGeneration,
  type ReadModelStore,
} from '../read-model-store.port';
import { waitFor } from '../../../../test/support/wait-for';

export type ReadModelStoreFixture = {
  readonly store: ReadModelStore;
  /** Closes the store and removes whatever it stored. */
  readonly dispose: () => Promise<void>;
};

/**
 * The behaviour every ReadModelStore adapter must have. Each test gets a fresh, empty store from
 * `create` (for a shared server: a fresh key prefix).
 *
 * Choices the port leaves open, pinned here so that adapters agree:
 * - documents are stored as JSON: what comes back is `JSON.parse(JSON.stringify(doc))`, key order
 *   included; a document that JSON cannot hold (a BigInt) makes the whole commit fail;
 * - changes of one commit apply in order; duplicate tags count once;
 * - `all` returns documents in id order, like `list`;
 * - a collection name must be non-empty and free of ':' (it is part of the adapters' keys);
 * - a dropped or replaced generation reads as empty and refuses commits;
 * - `activate` refuses an unknown generation; `drop` of an unknown one does nothing;
 * - a lease ttl is any positive number of milliseconds (adapters may round it up).
 */
export function describeReadModelStoreContract(
  name: string,
  create: () => Promise<ReadModelStoreFixture>,
): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let fixture: ReadModelStoreFixture | undefined;

    const store = (): ReadModelStore => {
      if (!fixture) throw new Error('the store is created in beforeEach');
      return fixture.store;
    };

    beforeEach(async () => {
      fixture = await create();
    });

    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
    });

    /** Commits `changes` to the active generation, moving the projection's checkpoint on. */
    const checkpoints = new Map<string, bigint>();
    const write = async (
      changes: readonly DocumentChange[],
      generation?: ReadModelGeneration,
      projection = 'test',
    ): Promise<ReadModelGeneration> => {
      const target = generation ?? (await store().active());
      const key = `${target.id}/${projection}`;
      const expected = checkpoints.get(key);
      const next = (expected ?? 0n) + 1n;
      await target.commit(projection, expected, next, changes);
      checkpoints.set(key, next);
      return target;
    };
    beforeEach(() => checkpoints.clear());

    describe('documents', () => {
      it('puts and gets a document; a missing one is undefined', async () => {
        const generation = await write([put('participants', 'p1', { name: 'Åsa' }, ['a'])]);

        expect(await generation.get('participants', 'p1')).toEqual({ name: 'Åsa' });
        expect(await generation.get('participants', 'p2')).toBeUndefined();
        expect(await generation.get('interventions', 'p1')).toBeUndefined();
      });

      it('getMany answers in the order asked, undefined where there is none', async () => {
        const generation = await write([
          put('participants', 'p1', { n: 1 }),
          put('participants', 'p2', { n: 2 }),
          put('participants', 'p3', { n: 3 }),
        ]);

        expect(await generation.getMany('participants', ['p3', 'missing', 'p1', 'p3'])).toEqual([
          { n: 3 },
          undefined,
          { n: 1 },
          { n: 3 },
        ]);
        expect(await generation.getMany('participants', [])).toEqual([]);
      });

      it('getMany reads more documents than one batch holds', async () => {
        const ids = Array.from({ length: 2500 }, (_, i) => `p${String(i).padStart(5, '0')}`);
        const generation = await write(ids.map((id, i) => put('participants', id, { i })));

        const docs = await generation.getMany('participants', [...ids, 'missing']);

        expect(docs).toHaveLength(2501);
        expect(docs[0]).toEqual({ i: 0 });
        expect(docs[1999]).toEqual({ i: 1999 });
        expect(docs[2499]).toEqual({ i: 2499 });
        expect(docs[2500]).toBeUndefined();
      });

      it('a put replaces the document', async () => {
        const generation = await write([put('participants', 'p1', { version: 1, old: true })]);
        await write([put('participants', 'p1', { version: 2 })]);

        expect(await generation.get('participants', 'p1')).toEqual({ version: 2 });
      });

      it('deletes a document; deleting a missing one is harmless', async () => {
        const generation = await write([
          put('participants', 'p1', { n: 1 }),
          put('participants', 'p2', { n: 2 }),
        ]);
        await write([del('participants', 'p1'), del('participants', 'never-there')]);

        expect(await generation.get('participants', 'p1')).toBeUndefined();
        expect(await generation.get('participants', 'p2')).toEqual({ n: 2 });
      });

      it('round-trips JSON exactly: nesting, arrays, unicode, numbers, key order', async () => {
        const doc = {
          name: 'Sollefteå',
          municipality: 'Östersund – Åre',
          quotes: 'say "hej"\nnew line\ttab \\ backslash',
          emoji: 'Ⓜ 😀 ∑',
          zebra: 1,
          alpha: 2,
          integer: 9007199254740991,
          negative: -42,
          float: 0.1,
          small: 1.5e-10,
          large: 1e21,
          truthy: true,
          falsy: false,
          nothing: null,
          empty: {},
          emptyList: [],
          nested: {
            list: [1, 'two', { three: [3, null, true] }],
            deep: { deeper: { deepest: 'ä' } },
          },
        };
        const generation = await write([put('participants', 'p1', doc, ['t'])]);

        const got = await generation.get('participants', 'p1');
        const [listed] = await generation.all('participants', 't');

        expect(JSON.stringify(got)).toBe(JSON.stringify(doc));
        expect(got).toEqual(doc);
        expect(JSON.stringify(listed)).toBe(JSON.stringify(doc));
      });

      it('stores what JSON keeps, as JSON.stringify would write it', async () => {
        const doc = {
          kept: 1,
          dropped: undefined,
          alsoDropped: () => 1,
          list: [undefined, () => 1, Number.NaN, 2],
          date: new Date(Date.UTC(2024, 2, 1, 12, 30)),
          notFinite: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
          negativeZero: -0,
          custom: { toJSON: (key: string) => ({ serialisedAs: key }) },
          boxed: [Object(5) as unknown, Object('text') as unknown, Object(false) as unknown],
          // A computed key makes an own property, as JSON.parse does, not the prototype.
          ['__proto__']: { ownProperty: true },
          nested: { deeper: [{ when: new Date(0) }] },
        };
        const generation = await write([put('participants', 'p1', doc, ['t'])]);

        const got = await generation.get('participants', 'p1');

        const expected: unknown = JSON.parse(JSON.stringify(doc));
        expect(got).toStrictEqual(expected);
        expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
        expect(got).toMatchObject({
          list: [null, null, null, 2],
          date: '2024-03-01T12:30:00.000Z',
          custom: { serialisedAs: 'custom' },
          boxed: [5, 'text', false],
        });
        expect(Object.is(got?.negativeZero, 0)).toBe(true);
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
        expect(Object.keys(got ?? {})).not.toContain('dropped');
      });

      it('refuses a document with a cycle and applies nothing', async () => {
        const generation = await store().active();
        const cyclic: Record<string, unknown> = { name: 'loop' };
        cyclic.self = { back: cyclic };

        await expect(
          generation.commit('p', undefined, 1n, [
            put('participants', 'ok', { v: 1 }),
            put('participants', 'bad', cyclic),
          ]),
        ).rejects.toThrow();

        expect(await generation.get('participants', 'ok')).toBeUndefined();
        expect(await generation.checkpoint('p')).toBeUndefined();
      });

      it('ids and tags may contain unicode, spaces and colons', async () => {
        const id = 'association:F-Sollefteå 1';
        const tag = 'intervention:I-Ö:2';
        const generation = await write([put('participants', id, { ok: true }, [tag])]);

        expect(await generation.get('participants', id)).toEqual({ ok: true });
        expect(await generation.list('participants', tag, { limit: 10 })).toEqual([
          { id, doc: { ok: true } },
        ]);
      });

      it('callers cannot change stored documents by mutating objects', async () => {
        const doc = { name: 'Åsa', nested: { list: [1, 2] } };
        const generation = await write([put('participants', 'p1', doc, ['t'])]);
        doc.name = 'changed';
        doc.nested.list.push(3);

        const read = (await generation.get('participants', 'p1')) as {
          name: string;
          nested: { list: number[] };
        };
        try {
          // An adapter may hand out frozen documents; then this throws, which is fine too.
          read.name = 'mutated';
          read.nested.list.push(4);
        } catch {
          // frozen
        }

        const expected = { name: 'Åsa', nested: { list: [1, 2] } };
        expect(await generation.get('participants', 'p1')).toEqual(expected);
        expect(await generation.all('participants', 't')).toEqual([expected]);
      });

      it('keeps collections apart', async () => {
        const generation = await write([
          put('participants', 'x', { in: 'participants' }, ['t']),
          put('interventions', 'x', { in: 'interventions' }, ['t']),
        ]);
        await write([del('interventions', 'x')]);

        expect(await generation.get('participants', 'x')).toEqual({ in: 'participants' });
        expect(await generation.get('interventions', 'x')).toBeUndefined();
        expect(await generation.count('participants', 't')).toBe(1);
        expect(await generation.count('interventions', 't')).toBe(0);
      });

      it('refuses collection names that are empty or contain a colon', async () => {
        const generation = await store().active();

        await expect(generation.get('a:b', 'x')).rejects.toThrow();
        await expect(generation.get('', 'x')).rejects.toThrow();
        await expect(
          generation.commit('test', undefined, 1n, [put('a:b', 'x', {})]),
        ).rejects.toThrow();
        expect(await generation.checkpoint('test')).toBeUndefined();
      });
    });

    describe('tags', () => {
      it('a put replaces the tags of the previous version', async () => {
        const generation = await write([put('participants', 'p1', { v: 1 }, ['a', 'b'])]);
        await write([put('participants', 'p1', { v: 2 }, ['b', 'c'])]);

        expect(await generation.count('participants', 'a')).toBe(0);
        expect(await generation.all('participants', 'a')).toEqual([]);
        expect(await generation.all('participants', 'b')).toEqual([{ v: 2 }]);
        expect(await generation.all('participants', 'c')).toEqual([{ v: 2 }]);
      });

      it('a put without tags removes the document from every tag but keeps it', async () => {
        const generation = await write([put('participants', 'p1', { v: 1 }, ['a', 'b'])]);
        await write([put('participants', 'p1', { v: 2 }, [])]);

        expect(await generation.count('participants', 'a')).toBe(0);
        expect(await generation.count('participants', 'b')).toBe(0);
        expect(await generation.get('participants', 'p1')).toEqual({ v: 2 });
      });

      it('a put with the same tags keeps the memberships', async () => {
        const generation = await write([put('participants', 'p1', { v: 1 }, ['a', 'b'])]);
        await write([put('participants', 'p1', { v: 2 }, ['b', 'a'])]);

        expect(await generation.all('participants', 'a')).toEqual([{ v: 2 }]);
        expect(await generation.all('participants', 'b')).toEqual([{ v: 2 }]);
      });

      it('duplicate tags count once', async () => {
        const generation = await write([put('participants', 'p1', { v: 1 }, ['a', 'a', 'a'])]);

        expect(await generation.count('participants', 'a')).toBe(1);
        expect(await generation.all('participants', 'a')).toEqual([{ v: 1 }]);
        await write([put('participants', 'p1', { v: 2 }, ['a'])]);
        expect(await generation.all('participants', 'a')).toEqual([{ v: 2 }]);
      });

      it('a delete removes the document from its tags', async () => {
        const generation = await write([
          put('participants', 'p1', { n: 1 }, ['a', 'b']),
          put('participants', 'p2', { n: 2 }, ['a']),
        ]);
        await write([del('participants', 'p1')]);

        expect(await generation.count('participants', 'a')).toBe(1);
        expect(await generation.count('participants', 'b')).toBe(0);
        expect(await generation.all('participants', 'a')).toEqual([{ n: 2 }]);
        expect(await generation.list('participants', 'b', { limit: 10 })).toEqual([]);
      });

      it('lists pages in id order with after and limit', async () => {
        const ids = Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, '0')}`);
        const shuffled = [...ids].sort(() => Math.random() - 0.5);
        const generation = await write([
          ...shuffled.map((id) => put('participants', id, { id }, ['assoc'])),
          put('participants', 'other', { id: 'other' }, ['elsewhere']),
        ]);

        const first = await generation.list('participants', 'assoc', { limit: 10 });
        const second = await generation.list('participants', 'assoc', {
          after: first.at(-1)?.id,
          limit: 10,
        });
        const third = await generation.list('participants', 'assoc', {
          after: second.at(-1)?.id,
          limit: 10,
        });

        expect(first.map((entry) => entry.id)).toEqual(ids.slice(0, 10));
        expect(second.map((entry) => entry.id)).toEqual(ids.slice(10, 20));
        expect(third.map((entry) => entry.id)).toEqual(ids.slice(20));
        expect(first[3]).toEqual({ id: 'p03', doc: { id: 'p03' } });
        expect(third[4]).toEqual({ id: 'p24', doc: { id: 'p24' } });
      });

      it('after is exclusive and need not be a member', async () => {
        const generation = await write(
          ['b', 'd', 'f', 'h'].map((id) => put('participants', id, { id }, ['t'])),
        );

        const ids = async (after: string | undefined, limit: number) =>
          (await generation.list('participants', 't', { after, limit })).map((entry) => entry.id);

        expect(await ids('d', 10)).toEqual(['f', 'h']);
        expect(await ids('c', 2)).toEqual(['d', 'f']);
        expect(await ids('a', 1)).toEqual(['b']);
        expect(await ids('h', 10)).toEqual([]);
        expect(await ids('z', 10)).toEqual([]);
        expect(await ids(undefined, 0)).toEqual([]);
        expect(await ids(undefined, 100)).toEqual(['b', 'd', 'f', 'h']);
      });

      it('orders ids as strings, not numbers, with Swedish letters after z', async () => {
        const ids = ['10', '9', '1', 'a', 'B', 'z', 'å', 'ä', 'ö'];
        const generation = await write(ids.map((id) => put('participants', id, { id }, ['t'])));

        const listed = await generation.list('participants', 't', { limit: 100 });

        expect(listed.map((entry) => entry.id)).toEqual([
          '1',
          '10',
          '9',
          'B',
          'a',
          'z',
          'ä',
          'å',
          'ö',
        ]);
      });

      it('counts the documents of a tag', async () => {
        const generation = await write([
          put('participants', 'p1', {}, ['a', 'b']),
          put('participants', 'p2', {}, ['a']),
          put('participants', 'p3', {}, []),
        ]);

        expect(await generation.count('participants', 'a')).toBe(2);
        expect(await generation.count('participants', 'b')).toBe(1);
        expect(await generation.count('participants', 'none')).toBe(0);
      });

      it('all returns every document of a tag in id order, beyond one batch', async () => {
        const ids = Array.from({ length: 3000 }, (_, i) => `p${String(i).padStart(5, '0')}`);
        const generation = await write(
          [...ids].reverse().map((id, i) => put('participants', id, { id, i }, ['assoc'])),
        );
        await write([put('participants', 'x', { id: 'x' }, ['other'])]);

        const docs = await generation.all('participants', 'assoc');

        expect(docs).toHaveLength(3000);
        expect(docs.map((doc) => doc.id)).toEqual(ids);
        expect(await generation.all('participants', 'none')).toEqual([]);
      });
    });

    describe('commit', () => {
      it('moves the checkpoint from undefined on, per projection', async () => {
        const generation = await store().active();
        expect(await generation.checkpoint('participants')).toBeUndefined();

        await generation.commit('participants', undefined, 10n, [put('participants', 'p1', {})]);
        await generation.commit('participants', 10n, 25n, []);
        await generation.commit('reports', undefined, 3n, []);

        expect(await generation.checkpoint('participants')).toBe(25n);
        expect(await generation.checkpoint('reports')).toBe(3n);
        expect(await generation.checkpoint('other')).toBeUndefined();
      });

      it('keeps checkpoints beyond 64 bits exactly', async () => {
        const generation = await store().active();
        const huge = 2n ** 70n + 12345n;

        await generation.commit('p', undefined, huge, []);
        await generation.commit('p', huge, huge + 1n, []);

        expect(await generation.checkpoint('p')).toBe(huge + 1n);
      });

      it('a wrong expected checkpoint throws CheckpointConflictError and applies nothing', async () => {
        const generation = await store().active();
        await generation.commit('p', undefined, 5n, [put('participants', 'p1', { v: 1 }, ['a'])]);

        const attempt = generation.commit('p', 4n, 9n, [
          put('participants', 'p1', { v: 2 }, ['b']),
          put('participants', 'p2', { v: 1 }, ['a']),
          del('participants', 'p1'),
        ]);

        await expect(attempt).rejects.toBeInstanceOf(CheckpointConflictError);
        await expect(attempt).rejects.toMatchObject({
          projection: 'p',
          expected: 4n,
          actual: 5n,
        });
        expect(await generation.checkpoint('p')).toBe(5n);
        expect(await generation.get('participants', 'p1')).toEqual({ v: 1 });
        expect(await generation.get('participants', 'p2')).toBeUndefined();
        expect(await generation.all('participants', 'a')).toEqual([{ v: 1 }]);
        expect(await generation.count('participants', 'b')).toBe(0);
      });

      it('expecting undefined when there is a checkpoint conflicts, and vice versa', async () => {
        const generation = await store().active();

        await expect(generation.commit('p', 1n, 2n, [])).rejects.toMatchObject({
          name: 'CheckpointConflictError',
          expected: 1n,
          actual: undefined,
        });
        await generation.commit('p', undefined, 1n, []);
        await expect(
          generation.commit('p', undefined, 2n, [put('participants', 'p1', {})]),
        ).rejects.toMatchObject({
          name: 'CheckpointConflictError',
          expected: undefined,
          actual: 1n,
        });

        expect(await generation.checkpoint('p')).toBe(1n);
        expect(await generation.get('participants', 'p1')).toBeUndefined();
      });

      it('a big commit is all or nothing', async () => {
        const generation = await store().active();
        const changes = Array.from({ length: 2000 }, (_, i) =>
          put('participants', `p${String(i).padStart(4, '0')}`, { i }, ['assoc', `group-${i % 7}`]),
        );

        await generation.commit('p', undefined, 2000n, changes);
        expect(await generation.count('participants', 'assoc')).toBe(2000);
        expect(await generation.count('participants', 'group-3')).toBe(286);

        const conflicting = generation.commit('p', 1999n, 4000n, [
          ...changes.map((change) => del('participants', change.id)),
          put('participants', 'new', { i: -1 }, ['assoc']),
        ]);
        await expect(conflicting).rejects.toBeInstanceOf(CheckpointConflictError);

        expect(await generation.count('participants', 'assoc')).toBe(2000);
        expect(await generation.get('participants', 'p1234')).toEqual({ i: 1234 });
        expect(await generation.get('participants', 'new')).toBeUndefined();
        expect(await generation.checkpoint('p')).toBe(2000n);
      });

      it('a commit with a document JSON cannot hold fails as a whole', async () => {
        const generation = await store().active();
        const changes: DocumentChange[] = Array.from({ length: 1999 }, (_, i) =>
          put('participants', `p${i}`, { i }, ['assoc']),
        );
        changes.push(put('participants', 'bad', { amount: 10n }, ['assoc']));

        await expect(generation.commit('p', undefined, 1n, changes)).rejects.toThrow();

        expect(await generation.count('participants', 'assoc')).toBe(0);
        expect(await generation.get('participants', 'p0')).toBeUndefined();
        expect(await generation.checkpoint('p')).toBeUndefined();
      });

      it('applies the changes of one commit in order', async () => {
        const generation = await write([
          put('participants', 'a', { v: 1 }, ['t']),
          del('participants', 'a'),
          del('participants', 'b'),
          put('participants', 'b', { v: 1 }, ['t']),
          put('participants', 'c', { v: 1 }, ['x']),
          put('participants', 'c', { v: 2 }, ['t']),
        ]);

        expect(await generation.get('participants', 'a')).toBeUndefined();
        expect(await generation.get('participants', 'b')).toEqual({ v: 1 });
        expect(await generation.get('participants', 'c')).toEqual({ v: 2 });
        expect(await generation.list('participants', 't', { limit: 10 })).toEqual([
          { id: 'b', doc: { v: 1 } },
          { id: 'c', doc: { v: 2 } },
        ]);
        expect(await generation.count('participants', 'x')).toBe(0);
      });

      it('of concurrent commits with the same expected checkpoint exactly one wins', async () => {
        const generation = await store().active();
        await generation.commit('p', undefined, 1n, []);

        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            generation.commit('p', 1n, BigInt(10 + i), [
              put('participants', `runner-${i}`, { i }, ['t']),
            ]),
          ),
        );

        const winners = results.flatMap((result, i) => (result.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        const winner = winners[0] as number;
        for (const result of results) {
          if (result.status === 'rejected') {
            expect(result.reason).toBeInstanceOf(CheckpointConflictError);
          }
        }
        expect(await generation.checkpoint('p')).toBe(BigInt(10 + winner));
        expect(await generation.all('participants', 't')).toEqual([{ i: winner }]);
      });
    });

    describe('generations', () => {
      it('active() is created on first use and stays the same', async () => {
        const first = await store().active();
        const second = await store().active();

        expect(first.id).toBe(second.id);
        expect(first.id).not.toBe('');
        expect(await first.checkpoint('p')).toBeUndefined();
      });

      it('a new generation is empty and invisible until activated, then replaces the old', async () => {
        const old = await write([put('participants', 'p1', { v: 'old' }, ['t'])]);
        const fresh = await store().createGeneration();
        expect(fresh.id).not.toBe(old.id);
        expect(await fresh.get('participants', 'p1')).toBeUndefined();
        expect(await fresh.checkpoint('test')).toBeUndefined();

        await fresh.commit('test', undefined, 7n, [
          put('participants', 'p1', { v: 'new' }, ['t']),
          put('participants', 'p2', { v: 'new' }, ['t']),
        ]);
        const before = await store().active();
        expect(before.id).toBe(old.id);
        expect(await before.get('participants', 'p2')).toBeUndefined();
        expect(await before.count('participants', 't')).toBe(1);

        await store().activate(fresh.id);

        const after = await store().active();
        expect(after.id).toBe(fresh.id);
        expect(await after.get('participants', 'p1')).toEqual({ v: 'new' });
        expect(await after.count('participants', 't')).toBe(2);
        expect(await after.checkpoint('test')).toBe(7n);
        // The previous generation is gone: a view still pointing at it reads nothing.
        expect(await old.get('participants', 'p1')).toBeUndefined();
        expect(await old.count('participants', 't')).toBe(0);
        expect(await old.all('participants', 't')).toEqual([]);
        expect(await old.checkpoint('test')).toBeUndefined();
      });

      it('a replaced generation refuses commits, so nothing writes into it again', async () => {
        const old = await store().active();
        await old.commit('p', undefined, 1n, []);
        const fresh = await store().createGeneration();
        await store().activate(fresh.id);

        await expect(
          old.commit('p', undefined, 2n, [put('participants', 'p1', {}, ['t'])]),
        ).rejects.toThrow();
        await expect(old.commit('p', 1n, 2n, [])).rejects.toThrow();

        expect(await old.get('participants', 'p1')).toBeUndefined();
        expect(await old.checkpoint('p')).toBeUndefined();
      });

      it('activating the active generation changes nothing', async () => {
        const generation = await write([put('participants', 'p1', { v: 1 })]);

        await store().activate(generation.id);

        expect((await store().active()).id).toBe(generation.id);
        expect(await generation.get('participants', 'p1')).toEqual({ v: 1 });
      });

      it('activate refuses an unknown generation', async () => {
        const generation = await write([put('participants', 'p1', { v: 1 })]);

        await expect(store().activate('no-such-generation')).rejects.toThrow();

        expect((await store().active()).id).toBe(generation.id);
        expect(await generation.get('participants', 'p1')).toEqual({ v: 1 });
      });

      it('drop removes an inactive generation and refuses the active one', async () => {
        const active = await write([put('participants', 'p1', { v: 'active' }, ['t'])]);
        const abandoned = await store().createGeneration();
        await abandoned.commit('test', undefined, 3n, [
          put('participants', 'p1', { v: 'abandoned' }, ['t']),
        ]);

        await expect(store().drop(active.id)).rejects.toThrow();
        await store().drop(abandoned.id);

        expect(await abandoned.get('participants', 'p1')).toBeUndefined();
        expect(await abandoned.count('participants', 't')).toBe(0);
        expect(await abandoned.checkpoint('test')).toBeUndefined();
        await expect(abandoned.commit('test', undefined, 4n, [])).rejects.toThrow();
        await expect(store().activate(abandoned.id)).rejects.toThrow();
        expect((await store().active()).id).toBe(active.id);
        expect(await active.get('participants', 'p1')).toEqual({ v: 'active' });
        expect(await active.all('participants', 't')).toEqual([{ v: 'active' }]);
      });
    });

    describe('leases', () => {
      it('one owner at a time; the owner renews; another gets it after release', async () => {
        const lease = `lease-${randomUUID()}`;

        expect(await store().acquireLease(lease, 'a', 10_000)).toBe(true);
        expect(await store().acquireLease(lease, 'b', 10_000)).toBe(false);
        expect(await store().acquireLease(lease, 'a', 10_000)).toBe(true);

        await store().releaseLease(lease, 'b');
        expect(await store().acquireLease(lease, 'b', 10_000)).toBe(false);

        await store().releaseLease(lease, 'a');
        expect(await store().acquireLease(lease, 'b', 10_000)).toBe(true);
        expect(await store().acquireLease(lease, 'a', 10_000)).toBe(false);
      });

      it('leases of different names are independent', async () => {
        expect(await store().acquireLease('projection-x', 'a', 10_000)).toBe(true);
        expect(await store().acquireLease('projection-y', 'b', 10_000)).toBe(true);
        expect(await store().acquireLease('projection-x', 'b', 10_000)).toBe(false);
      });

      it('another owner gets the lease once it expires', async () => {
        const started = Date.now();
        expect(await store().acquireLease('expiring', 'a', 200)).toBe(true);
        expect(await store().acquireLease('expiring', 'b', 200)).toBe(false);

        await waitFor(() => store().acquireLease('expiring', 'b', 10_000), {
          timeoutMs: 3000,
          message: 'lease of a never expired',
        });

        expect(Date.now() - started).toBeGreaterThanOrEqual(150);
        expect(await store().acquireLease('expiring', 'a', 200)).toBe(false);
      });

      it('a renewal extends the lease by the new ttl', async () => {
        expect(await store().acquireLease('renewed', 'a', 150)).toBe(true);
        expect(await store().acquireLease('renewed', 'a', 60_000)).toBe(true);

        // Not synchronisation: the test asserts that nothing happens over a period well past
        // the first ttl.
        await new Promise((resolve) => setTimeout(resolve, 400));

        expect(await store().acquireLease('renewed', 'b', 60_000)).toBe(false);
      });

      it('refuses a ttl that is not a positive number; a fraction is fine', async () => {
        await expect(store().acquireLease('bad', 'a', 0)).rejects.toThrow();
        await expect(store().acquireLease('bad', 'a', -5)).rejects.toThrow();
        await expect(store().acquireLease('bad', 'a', Number.NaN)).rejects.toThrow();
        expect(await store().acquireLease('bad', 'b', 10_000 / 3)).toBe(true);
        expect(await store().acquireLease('bad', 'a', 1000)).toBe(false);
      });
    });

    it('ping resolves while the store is up', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
  });
}

export function put(
  collection: string,
  id: string,
  doc: Record<string, unknown>,
  tags: readonly string[] = [],
): Extract<DocumentChange, { kind: 'put' }> {
  return { kind: 'put', collection, id, doc, tags };
}

export function del(collection: string, id: string): DocumentChange {
  return { kind: 'delete', collection, id };
}

/** One deadline-bounded poll for every suite (the event store's). */
export { waitFor };
