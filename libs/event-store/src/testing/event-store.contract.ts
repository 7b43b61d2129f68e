import { randomUUID } from 'node:crypto';
import { InvalidAppendError, StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  StoredEvent,
} from '../event-store.port';
import { waitFor, withTimeout } from '../../../../test/support/wait-for';

export type EventStoreFixture = {
  readonly store: EventStore;
  readonly dispose: () => Promise<void>;
};

const STOP_TIMEOUT_MS = 5000;

/**
 * The behaviour every EventStore adapter must have. Each test writes only to streams of its own
 * (random names) and never assumes the global log is empty, so the suite also runs against a
 * shared server: positions are compared with what the test itself wrote, and readAll and follow
 * results are filtered to the test's streams.
 *
 * Choices the port leaves open, pinned here so that adapters agree:
 * - appending zero events checks the stream exactly like a real append (deleted, expected
 *   revision) and writes nothing; it returns the stream's last revision and position, or
 *   revision -1 and position -1n when the stream does not exist;
 * - a deleted stream refuses every append with StreamDeletedError, even a retry of its events;
 * - a follow whose signal is already aborted yields nothing.
 */
export function describeEventStoreContract(
  adapterName: string,
  create: () => Promise<EventStoreFixture>,
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let fixture: EventStoreFixture | undefined;
    let followers: Follower[] = [];

    const store = (): EventStore => {
      if (!fixture) throw new Error('the store is created in beforeEach');
      return fixture.store;
    };

    const follow = (after: GlobalPosition | undefined, streams: readonly string[]): Follower => {
      const follower = startFollower(store(), after, streams);
      followers.push(follower);
      return follower;
    };

    beforeEach(async () => {
      fixture = await create();
    });

    afterEach(async () => {
      // A follower left running would outlive the store it reads from.
      const running = followers;
      followers = [];
      await Promise.all(running.map((follower) => follower.stop()));
      await fixture?.dispose();
      fixture = undefined;
    });

    describe('append and readStream', () => {
      it('stores the events with their id, type, data and metadata, revisions from 0', async () => {
        const stream = streamName();
        const events = [
          newEvent('ParticipantEnrolled', {
            participantId: randomUUID(),
            name: 'Åsa Öberg-Ängström',
            birthYear: 1987,
            tags: ['a', 'b'],
            nested: { ok: true, nothing: null, score: 7.5 },
          }),
          newEvent('SelfAssessmentRecorded', { scores: { wellbeing: 4 } }, randomUUID()),
          newEvent('ParticipantExited', {}),
        ];

        const result = await store().append(stream, events, 'no_stream');
        const stored = await store().readStream(stream);

        expect(stored.map(withoutPosition)).toEqual(
          events.map((event, revision) => ({ ...event, streamName: stream, revision })),
        );
        expectStrictlyIncreasing(stored.map((event) => event.position));
        expect(result).toEqual({ revision: 2, position: stored[2]?.position });
      });

      it('continues the revisions of a stream across appends', async () => {
        const stream = streamName();
        const first = await store().append(stream, [newEvent(), newEvent()], 'no_stream');
        const second = await store().append(stream, [newEvent()], 1);

        const stored = await store().readStream(stream);

        expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
        expect(first.revision).toBe(1);
        expect(second.revision).toBe(2);
        expect(second.position > first.position).toBe(true);
        expect(stored[1]?.position).toBe(first.position);
        expect(stored[2]?.position).toBe(second.position);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await store().readStream(streamName())).toEqual([]);
        expect(await store().isDeleted(streamName())).toBe(false);
      });

      it('keeps streams apart', async () => {
        const a = streamName();
        const b = streamName();
        const eventA = newEvent();
        const eventB = newEvent();

        await store().append(a, [eventA], 'no_stream');
        await store().append(b, [eventB], 'no_stream');

        expect((await store().readStream(a)).map((event) => event.id)).toEqual([eventA.id]);
        expect((await store().readStream(b)).map((event) => event.id)).toEqual([eventB.id]);
        expect((await store().readStream(b))[0]?.revision).toBe(0);
      });
    });

    describe('readAll', () => {
      it('returns interleaved appends to several streams in global order', async () => {
        const a = streamName();
        const b = streamName();
        const start = await store().headPosition();
        const written: { stream: string; event: NewEvent }[] = [];
        for (const stream of [a, b, a, b, a]) {
          const event = newEvent();
          await store().append(stream, [event], 'any');
          written.push({ stream, event });
        }
        const sentinel = await appendSentinel(store());

        const mine = await readMine(store(), start, [a, b], sentinel.position);

        expect(mine.map((event) => [event.streamName, event.id])).toEqual(
          written.map(({ stream, event }) => [stream, event.id]),
        );
        expect(mine.map((event) => event.revision)).toEqual([0, 0, 1, 1, 2]);
        expectStrictlyIncreasing(mine.map((event) => event.position));
        expect(mine.map(withoutPosition)).toEqual(
          [...(await store().readStream(a)), ...(await store().readStream(b))]
            .sort((x, y) => comparePositions(x.position, y.position))
            .map(withoutPosition),
        );
      });

      it('pages with after (exclusive) and limit', async () => {
        const stream = streamName();
        const start = await store().headPosition();
        const events = [newEvent(), newEvent(), newEvent(), newEvent(), newEvent()];
        const result = await store().append(stream, events, 'no_stream');
        const stored = await store().readStream(stream);

        const firstPage = await store().readAll({ after: start, limit: 2 });
        expect(firstPage).toHaveLength(2);

        const mine: StoredEvent[] = [];
        let after = start;
        for (let pages = 0; pages < 10_000; pages += 1) {
          const page = await store().readAll({ after, limit: 2 });
          expect(page.length).toBeLessThanOrEqual(2);
          if (page.length === 0) break;
          expectStrictlyIncreasing([
            ...(after === undefined ? [] : [after]),
            ...page.map((event) => event.position),
          ]);
          mine.push(...page.filter((event) => event.streamName === stream));
          after = page[page.length - 1]?.position;
          if (after !== undefined && after >= result.position) break;
        }
        expect(mine).toEqual(stored);

        const third = stored[2];
        if (!third) throw new Error('the stream should have five events');
        const fromThird = await store().readAll({ after: third.position, limit: 2 });
        expect(fromThird.map((event) => event.id)).toEqual([events[3]?.id, events[4]?.id]);

        const afterLast = await store().readAll({ after: result.position, limit: 100 });
        expect(afterLast.filter((event) => event.streamName === stream)).toEqual([]);
      });
    });

    describe('expected revision', () => {
      it('no_stream fails on an existing stream and writes nothing', async () => {
        const stream = streamName();
        await store().append(stream, [newEvent()], 'no_stream');
        const rejected = newEvent();

        const error = await rejectionOf(store().append(stream, [rejected], 'no_stream'));

        expectWrongRevision(error, { streamName: stream, expected: 'no_stream', actual: 0 });
        expect((await store().readStream(stream)).map((event) => event.revision)).toEqual([0]);
      });

      it('a stale or future revision fails with the actual revision and writes nothing', async () => {
        const stream = streamName();
        await store().append(stream, [newEvent(), newEvent()], 'no_stream');

        for (const expected of [0, 2, 7]) {
          const error = await rejectionOf(store().append(stream, [newEvent()], expected));
          expectWrongRevision(error, { streamName: stream, expected, actual: 1 });
        }
        expect(await store().readStream(stream)).toHaveLength(2);

        const result = await store().append(stream, [newEvent()], 1);
        expect(result.revision).toBe(2);
      });

      it('stream_exists and a number fail on a missing stream and do not create it', async () => {
        const stream = streamName();

        for (const expected of ['stream_exists', 0] as const) {
          const error = await rejectionOf(store().append(stream, [newEvent()], expected));
          expectWrongRevision(error, { streamName: stream, expected, actual: undefined });
        }
        expect(await store().readStream(stream)).toEqual([]);

        const result = await store().append(stream, [newEvent()], 'no_stream');
        expect(result.revision).toBe(0);
      });

      it('stream_exists and the current revision succeed on an existing stream', async () => {
        const stream = streamName();
        await store().append(stream, [newEvent()], 'no_stream');

        expect((await store().append(stream, [newEvent()], 'stream_exists')).revision).toBe(1);
        expect((await store().append(stream, [newEvent()], 1)).revision).toBe(2);
      });

      it('any succeeds whether or not the stream exists', async () => {
        const stream = streamName();

        expect((await store().append(stream, [newEvent()], 'any')).revision).toBe(0);
        expect((await store().append(stream, [newEvent(), newEvent()], 'any')).revision).toBe(2);
        expect(await store().readStream(stream)).toHaveLength(3);
      });
    });

    describe('what an append may hold', () => {
      it('stores event ids in lower case, so a retry in any case is the same append', async () => {
        const stream = streamName();
        const batch = [newEvent(), newEvent()].map((event) => ({
          ...event,
          id: event.id.toUpperCase(),
        }));

        const first = await store().append(stream, batch, 'no_stream');

        expect((await store().readStream(stream)).map((event) => event.id)).toEqual(
          batch.map((event) => event.id.toLowerCase()),
        );
        expect(await store().append(stream, batch, 1)).toEqual(first);
        const lowered = batch.map((event) => ({ ...event, id: event.id.toLowerCase() }));
        expect(await store().append(stream, lowered, 'any')).toEqual(first);
        expect(await store().readStream(stream)).toHaveLength(2);
      });

      it('refuses an event id that is not a UUID and writes nothing of the batch', async () => {
        const stream = streamName();
        for (const id of ['not-a-uuid', '', `${randomUUID()}x`, randomUUID().replace(/-/g, '')]) {
          const error = await rejectionOf(
            store().append(stream, [newEvent(), { ...newEvent(), id }], 'no_stream'),
          );
          expect(error).toBeInstanceOf(InvalidAppendError);
          expect(error).toMatchObject({ streamName: stream });
        }
        expect(await store().readStream(stream)).toEqual([]);
      });

      it('refuses system names: a stream or an event type starting with $', async () => {
        const system = `$${streamName()}`;
        const stream = streamName();

        for (const [name, event] of [
          [system, newEvent()],
          [stream, newEvent('$ContractEventRecorded')],
        ] as const) {
          const error = await rejectionOf(store().append(name, [event], 'any'));
          expect(error).toBeInstanceOf(InvalidAppendError);
          expect(error).toMatchObject({ streamName: name });
        }
        expect(await store().readStream(stream)).toEqual([]);
        expect(await store().readStream(system)).toEqual([]);
      });

      it('refuses the same id twice in one append', async () => {
        const stream = streamName();
        const event = newEvent();

        const error = await rejectionOf(store().append(stream, [event, event], 'no_stream'));

        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(await store().readStream(stream)).toEqual([]);
      });
    });

    describe('atomicity', () => {
      it('writes none of a batch whose expectation fails', async () => {
        const stream = streamName();
        const start = await store().headPosition();
        const first = await store().append(stream, [newEvent()], 'no_stream');
        const batch = [newEvent(), newEvent(), newEvent()];

        for (const expected of ['no_stream', 5] as const) {
          const error = await rejectionOf(store().append(stream, batch, expected));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        }
        const sentinel = await appendSentinel(store());

        expect(await store().readStream(stream)).toHaveLength(1);
        const all = await readMine(store(), start, [stream], sentinel.position);
        expect(all.map((event) => event.position)).toEqual([first.position]);
      });
    });

    describe('idempotent append', () => {
      it('repeating an append with the same ids writes nothing and returns the first result', async () => {
        const stream = streamName();
        const start = await store().headPosition();
        const batch = [newEvent(), newEvent()];
        const first = await store().append(stream, batch, 'no_stream');

        for (const expected of ['no_stream', 'any', 'stream_exists', 0, 9] as const) {
          expect(await store().append(stream, batch, expected)).toEqual(first);
        }

        expect((await store().readStream(stream)).map((event) => event.id)).toEqual(
          batch.map((event) => event.id),
        );
        const sentinel = await appendSentinel(store());
        const all = await readMine(store(), start, [stream], sentinel.position);
        expect(all).toHaveLength(2);
      });

      it('a late retry returns the original result after the stream moved on', async () => {
        const stream = streamName();
        const batch = [newEvent(), newEvent()];
        const first = await store().append(stream, batch, 'no_stream');
        const single = newEvent();
        const second = await store().append(stream, [single], 1);
        await store().append(stream, [newEvent()], 2);

        expect(await store().append(stream, batch, 'no_stream')).toEqual(first);
        expect(await store().append(stream, [single], 1)).toEqual(second);
        expect(await store().readStream(stream)).toHaveLength(4);
        expect(first).toEqual({
          revision: 1,
          position: (await store().readStream(stream))[1]?.position,
        });
      });
    });

    describe('appending zero events', () => {
      it('returns the current revision and position of an existing stream', async () => {
        const stream = streamName();
        const written = await store().append(stream, [newEvent(), newEvent()], 'no_stream');

        expect(await store().append(stream, [], 'any')).toEqual(written);
        expect(await store().append(stream, [], 1)).toEqual(written);
        expect(await store().append(stream, [], 'stream_exists')).toEqual(written);
        expect(await store().readStream(stream)).toHaveLength(2);
      });

      it('still checks the expected revision', async () => {
        const stream = streamName();
        await store().append(stream, [newEvent()], 'no_stream');

        expectWrongRevision(await rejectionOf(store().append(stream, [], 'no_stream')), {
          streamName: stream,
          expected: 'no_stream',
          actual: 0,
        });
        expectWrongRevision(await rejectionOf(store().append(streamName(), [], 'stream_exists')), {
          expected: 'stream_exists',
          actual: undefined,
        });
      });

      it('returns revision -1 and position -1 for a missing stream without creating it', async () => {
        const stream = streamName();

        expect(await store().append(stream, [], 'no_stream')).toEqual({
          revision: -1,
          position: -1n,
        });
        expect(await store().append(stream, [], 'any')).toEqual({ revision: -1, position: -1n });
        expect(await store().readStream(stream)).toEqual([]);
        expect((await store().append(stream, [newEvent()], 'no_stream')).revision).toBe(0);
      });
    });

    describe('follow', () => {
      it('catches up from a position, then yields events appended later, in order', async () => {
        const a = streamName();
        const b = streamName();
        const start = await store().headPosition();
        await store().append(a, [newEvent(), newEvent()], 'no_stream');
        await store().append(b, [newEvent()], 'no_stream');

        const follower = follow(start, [a, b]);
        await waitFor(() => follower.received.length >= 3, { message: 'catch-up events' });

        await store().append(a, [newEvent()], 1);
        await store().append(b, [newEvent(), newEvent()], 0);
        await waitFor(() => follower.received.length >= 6, { message: 'live events' });
        await follower.stop();

        const expected = [...(await store().readStream(a)), ...(await store().readStream(b))].sort(
          (x, y) => comparePositions(x.position, y.position),
        );
        expect(follower.received).toEqual(expected);
        expectStrictlyIncreasing(follower.received.map((event) => event.position));
      });

      it('starts strictly after the given position', async () => {
        const stream = streamName();
        await store().append(stream, [newEvent(), newEvent(), newEvent(), newEvent()], 'no_stream');
        const stored = await store().readStream(stream);
        const second = stored[1];
        if (!second) throw new Error('the stream should have four events');

        const follower = follow(second.position, [stream]);
        await waitFor(() => follower.received.length >= 2, { message: 'events after the second' });
        await follower.stop();

        expect(follower.received).toEqual(stored.slice(2));
      });

      it('ends when the signal aborts while it waits for new events', async () => {
        const stream = streamName();
        const follower = follow(await store().headPosition(), [stream]);
        await store().append(stream, [newEvent()], 'no_stream');
        await waitFor(() => follower.received.length >= 1, { message: 'the first event' });

        await follower.stop();
        await store().append(stream, [newEvent()], 0);

        expect(follower.received).toHaveLength(1);
        expect(follower.received[0]?.revision).toBe(0);
      });

      it('yields nothing when the signal is already aborted', async () => {
        await store().append(streamName(), [newEvent()], 'no_stream');
        const controller = new AbortController();
        controller.abort();
        const received: StoredEvent[] = [];

        await withTimeout(
          (async () => {
            for await (const event of store().follow({ signal: controller.signal })) {
              received.push(event);
            }
          })(),
          STOP_TIMEOUT_MS,
          'follow with an aborted signal',
        );

        expect(received).toEqual([]);
      });

      it('ends when the consumer breaks out of the loop', async () => {
        const stream = streamName();
        const start = await store().headPosition();
        await store().append(stream, [newEvent(), newEvent()], 'no_stream');
        const controller = new AbortController();
        let seen = 0;

        await withTimeout(
          (async () => {
            for await (const event of store().follow({ after: start, signal: controller.signal })) {
              if (event.streamName !== stream) continue;
              seen += 1;
              if (seen === 2) break;
            }
          })(),
          STOP_TIMEOUT_MS,
          'breaking out of follow',
        );
        controller.abort();

        expect(seen).toBe(2);
      });

      it('serves two followers independently', async () => {
        const stream = streamName();
        const start = await store().headPosition();
        const first = follow(start, [stream]);
        const second = follow(start, [stream]);

        await store().append(stream, [newEvent()], 'no_stream');
        await waitFor(() => first.received.length >= 1 && second.received.length >= 1, {
          message: 'both followers see the first event',
        });
        await first.stop();

        await store().append(stream, [newEvent()], 0);
        await waitFor(() => second.received.length >= 2, {
          message: 'the remaining follower sees the second event',
        });
        await second.stop();

        const stored = await store().readStream(stream);
        expect(first.received).toEqual(stored.slice(0, 1));
        expect(second.received).toEqual(stored);
      });
    });

    describe('deleteStream', () => {
      it('erases the stream from readStream, readAll and follow, leaving other streams', async () => {
        const doomed = streamName();
        const kept = streamName();
        const start = await store().headPosition();
        const doomedEvents = [newEvent(), newEvent()];
        await store().append(doomed, doomedEvents, 'no_stream');
        await store().append(kept, [newEvent()], 'no_stream');

        await store().deleteStream(doomed);
        const last = await store().append(kept, [newEvent()], 0);

        expect(await store().readStream(doomed)).toEqual([]);
        const keptEvents = await store().readStream(kept);
        expect(keptEvents).toHaveLength(2);
        expect(await readMine(store(), start, [doomed, kept], last.position)).toEqual(keptEvents);

        const follower = follow(start, [doomed, kept]);
        await waitFor(() => follower.received.length >= 2, { message: 'the kept events' });
        await follower.stop();
        expect(follower.received).toEqual(keptEvents);
      });

      it('remembers the deletion and refuses every later append', async () => {
        const doomed = streamName();
        const kept = streamName();
        const doomedEvents = [newEvent()];
        await store().append(doomed, doomedEvents, 'no_stream');
        await store().append(kept, [newEvent()], 'no_stream');

        await store().deleteStream(doomed);

        expect(await store().isDeleted(doomed)).toBe(true);
        expect(await store().isDeleted(kept)).toBe(false);
        const attempts: [NewEvent[], ExpectedRevision][] = [
          [[newEvent()], 'any'],
          [[newEvent()], 'no_stream'],
          [[newEvent()], 0],
          [doomedEvents, 'no_stream'],
          [[], 'any'],
        ];
        for (const [events, expected] of attempts) {
          const error = await rejectionOf(store().append(doomed, events, expected));
          expect(error).toBeInstanceOf(StreamDeletedError);
          expect(error).toMatchObject({ streamName: doomed });
        }
        expect(await store().readStream(doomed)).toEqual([]);
        expect((await store().append(kept, [newEvent()], 0)).revision).toBe(1);
      });

      it('is idempotent', async () => {
        const doomed = streamName();
        await store().append(doomed, [newEvent()], 'no_stream');

        await store().deleteStream(doomed);
        await store().deleteStream(doomed);

        expect(await store().isDeleted(doomed)).toBe(true);
        expect(await store().readStream(doomed)).toEqual([]);
      });

      it('never reuses the positions of deleted events', async () => {
        const doomed = streamName();
        const erased = await store().append(doomed, [newEvent(), newEvent()], 'no_stream');
        await store().deleteStream(doomed);

        const next = await store().append(streamName(), [newEvent()], 'no_stream');

        expect(next.position > erased.position).toBe(true);
      });
    });

    describe('headPosition', () => {
      it('is at or after the last append', async () => {
        const before = await store().headPosition();
        const first = await store().append(streamName(), [newEvent()], 'no_stream');
        const afterFirst = await store().headPosition();
        const second = await store().append(streamName(), [newEvent(), newEvent()], 'no_stream');
        const afterSecond = await store().headPosition();

        if (afterFirst === undefined || afterSecond === undefined) {
          throw new Error('headPosition must be defined once events exist');
        }
        if (before !== undefined) expect(first.position > before).toBe(true);
        expect(afterFirst >= first.position).toBe(true);
        expect(afterSecond >= second.position).toBe(true);
        expect(second.position > first.position).toBe(true);
      });
    });
  });
}

type Follower = {
  /** Events of the followed streams, in the order follow yielded them. */
  readonly received: StoredEvent[];
  /** Aborts and waits for the iteration to end; fails when it does not end in time. */
  stop(): Promise<void>;
};

function startFollower(
  store: EventStore,
  after: GlobalPosition | undefined,
  streams: readonly string[],
): Follower {
  const controller = new AbortController();
  const wanted = new Set(streams);
  const received: StoredEvent[] = [];
  const done = (async () => {
    for await (const event of store.follow({ after, signal: controller.signal })) {
      if (wanted.has(event.streamName)) received.push(event);
    }
  })();
  // Marks a failure as handled until stop() awaits it, so it fails the test rather than the run.
  done.catch(() => undefined);
  return {
    received,
    stop: async () => {
      controller.abort();
      await withTimeout(done, STOP_TIMEOUT_MS, 'follow did not end after abort');
    },
  };
}

/** The test's own events from `after` up to and including `until`, paging through readAll. */
async function readMine(
  store: EventStore,
  after: GlobalPosition | undefined,
  streams: readonly string[],
  until: GlobalPosition,
): Promise<StoredEvent[]> {
  const wanted = new Set(streams);
  const mine: StoredEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ after: cursor, limit: 500 });
    const last = page[page.length - 1];
    if (!last) return mine;
    mine.push(...page.filter((event) => wanted.has(event.streamName)));
    cursor = last.position;
    if (cursor >= until) return mine;
  }
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

function expectWrongRevision(
  error: unknown,
  fields: { streamName?: string; expected: ExpectedRevision; actual: number | undefined },
): void {
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  const { streamName, expected, actual } = error as WrongExpectedRevisionError;
  expect({ expected, actual }).toEqual({ expected: fields.expected, actual: fields.actual });
  if (fields.streamName !== undefined) expect(streamName).toBe(fields.streamName);
}

function expectStrictlyIncreasing(positions: readonly GlobalPosition[]): void {
  positions.slice(1).forEach((position, index) => {
    const previous = positions[index];
    if (previous === undefined || !(position > previous)) {
      throw new Error(
        `positions must increase strictly: ${positions.map(String).join(', ')} (at ${index + 1})`,
      );
    }
  });
}

function comparePositions(x: GlobalPosition, y: GlobalPosition): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function withoutPosition(event: StoredEvent): Omit<StoredEvent, 'position'> {
  const { position: _position, ...rest } = event;
  return rest;
}

/** An event in a stream of its own, written last so that reading up to it covers the test. */
function appendSentinel(store: EventStore): Promise<AppendResult> {
  return store.append(streamName(), [newEvent()], 'no_stream');
}

function streamName(): string {
  return `contract-${randomUUID()}`;
}

function newEvent(
  type = 'ContractEventRecorded',
  data: Record<string, unknown> = { value: randomUUID() },
  causationId?: string,
): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      recordedAt: new Date().toISOString(),
      actor: 'contract-user',
      correlationId: randomUUID(),
      ...(causationId === undefined ? {} : { causationId }),
    },
  };
}
