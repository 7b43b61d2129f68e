import { randomUUID } from 'node:crypto';
import {
  findRetriedAppend,
  matchesExpectation,
  normaliseAppend,
  type StoredLocation,
} from './append-rules';
import { InvalidAppendError } from './errors';
import { newEvent } from './testing/new-event';

describe('append rules', () => {
  it('decides expectations the same way for every adapter', () => {
    const cases: [Parameters<typeof matchesExpectation>[0], number | undefined, boolean][] = [
      ['any', undefined, true],
      ['any', 3, true],
      ['no_stream', undefined, true],
      ['no_stream', 0, false],
      ['stream_exists', undefined, false],
      ['stream_exists', 0, true],
      [2, 2, true],
      [2, 3, false],
      [0, undefined, false],
    ];
    for (const [expected, actual, result] of cases) {
      expect(matchesExpectation(expected, actual)).toBe(result);
    }
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(() => matchesExpectation(bad, 0)).toThrow(RangeError);
    }
  });

  it('lower-cases ids and keeps events that need no change as they are', () => {
    const upper = newEvent({ id: randomUUID().toUpperCase() });
    const lower = newEvent();

    const [first, second] = normaliseAppend('s', [upper, lower]);

    expect(first).toEqual({ ...upper, id: upper.id.toLowerCase() });
    expect(second).toBe(lower);
  });

  it('refuses what no adapter can store, naming the stream', () => {
    const event = newEvent();
    for (const [stream, events] of [
      ['', [event]],
      ['$all', [event]],
      ['s', [newEvent({ id: 'x' })]],
      ['s', [newEvent({ type: '$metadata' })]],
      ['s', [newEvent({ type: '' })]],
      ['s', [event, { ...event, id: event.id.toUpperCase() }]],
    ] as const) {
      expect(() => normaliseAppend(stream, events)).toThrow(InvalidAppendError);
    }
  });

  describe('finding a retried append', () => {
    const at = (streamName: string, revision: number, position: bigint): StoredLocation => ({
      streamName,
      revision,
      position,
    });

    it('answers with the last stored event of the batch when every id is stored', () => {
      const [a, b, c] = [newEvent(), newEvent(), newEvent()];
      const stored = new Map([
        [a.id, at('s', 0, 10n)],
        [b.id, at('s', 1, 20n)],
        [c.id, at('s', 2, 30n)],
      ]);

      expect(findRetriedAppend('s', [a, b], (id) => stored.get(id))).toEqual({
        revision: 1,
        position: 20n,
      });
      expect(findRetriedAppend('s', [c], (id) => stored.get(id))).toEqual({
        revision: 2,
        position: 30n,
      });
    });

    it('is no retry when no id is stored, or nothing is appended', () => {
      expect(findRetriedAppend('s', [newEvent()], () => undefined)).toBeUndefined();
      expect(findRetriedAppend('s', [], () => at('s', 0, 1n))).toBeUndefined();
    });

    it('refuses a batch of which only some ids are stored, or an id of another stream', () => {
      const a = newEvent();
      const stored = new Map([[a.id, at('s', 0, 1n)]]);
      expect(() => findRetriedAppend('s', [a, newEvent()], (id) => stored.get(id))).toThrow(
        /1 of 2 event ids/,
      );
      expect(() => findRetriedAppend('t', [a], (id) => stored.get(id))).toThrow(
        /already used in another stream/,
      );
    });
  });
});
