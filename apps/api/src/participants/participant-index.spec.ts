import { MemoryReadModelStore, type DocumentChange } from '@stegvis/read-models';
import { collections } from '@stegvis/reporting';
import { ParticipantIndex } from './participant-index';

const TAG = 'association:F-1';

function put(id: string, position: number): DocumentChange {
  const doc = { participantId: id, position: String(position), exit: null };
  return { kind: 'put', collection: collections.participants, id, doc, tags: [TAG] };
}

describe('the participant index', () => {
  // The index merges what changed into the order it kept; it must always list what a full sort
  // of the tag's documents by last change gives.
  it('lists the most recently changed first, like a full sort, through changes and removals', async () => {
    const store = new MemoryReadModelStore();
    const generation = await store.active();
    const index = new ParticipantIndex();
    let position = 0;
    let checkpoint: bigint | undefined;
    let seed = 11;
    const random = (n: number) => {
      // xorshift32: the low bits of a plain LCG repeat too soon for small n.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };

    for (let round = 0; round < 30; round++) {
      const changes = Array.from({ length: 1 + random(round < 2 ? 200 : 12) }, () => {
        const id = `D-${random(300)}`;
        return random(5) === 0
          ? ({ kind: 'delete', collection: collections.participants, id } as const)
          : put(id, ++position);
      });
      const next = BigInt(round + 1);
      await generation.commit('p', checkpoint, next, changes);
      checkpoint = next;

      const all = await generation.all(collections.participants, TAG);
      const expected = [...all]
        .sort((a, b) => Number(b['position']) - Number(a['position']))
        .map((d) => d['participantId']);
      const listed = await index.sorted(generation, TAG);
      expect(listed.map((l) => l.doc.participantId)).toEqual(expected);
    }
  });

  it('starts afresh on a new generation (a rebuild)', async () => {
    const store = new MemoryReadModelStore();
    const first = await store.active();
    await first.commit('p', undefined, 1n, [put('D-A', 1), put('D-B', 2)]);
    const index = new ParticipantIndex();
    expect((await index.sorted(first, TAG)).map((l) => l.doc.participantId)).toEqual([
      'D-B',
      'D-A',
    ]);

    const rebuilt = await store.createGeneration();
    await rebuilt.commit('p', undefined, 3n, [put('D-A', 3)]);
    await store.activate(rebuilt.id);

    const listed = await index.sorted(await store.active(), TAG);
    expect(listed.map((l) => l.doc.participantId)).toEqual(['D-A']);
  });
});
