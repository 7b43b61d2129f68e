import {
  AccessDeniedError,
  BACKWARDS,
  DeadlineExceededError,
  KurrentDBClient,
  NO_STREAM,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  convertToCommandError,
} from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent,
  AppendStreamState,
  EventData,
  Filter,
  Position,
  ReadPosition,
  RecordedEvent,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import type { NewEvent, StoredEvent } from '../event-store.port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { waitFor, withTimeout } from '../testing/wait-for';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import type { KurrentDbClientLike } from './kurrentdb-event-store';
import {
  SubscriptionEndedError,
  findRetriedAppend,
  fromCurrentStreamState,
  isAfter,
  isStreamDeletedError,
  isStreamNotFoundError,
  isSystemStream,
  isTransientError,
  isUserEvent,
  matchesExpectation,
  normaliseConnectionString,
  observedStreamState,
  resubscribeDelayMs,
  toEventData,
  toGlobalPosition,
  toPortError,
  toReadPosition,
  toStoredEvent,
  toStreamState,
} from './kurrentdb-mapping';

/** A grpc-js ServiceError as the client receives it: status code plus trailing metadata. */
function serviceError(code: number, metadata: Record<string, string>): Error {
  return Object.assign(new Error(`${code} ${metadata.exception ?? ''}`), {
    code,
    details: 'simulated',
    metadata: { getMap: () => metadata },
  });
}

function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'ParticipantEnrolled',
    data: { participantId: 'D-7K3QX9MW2A', birthYear: 1990 },
    metadata: {
      recordedAt: '2025-03-01T09:00:00.000Z',
      actor: 'staff-1',
      correlationId: randomUUID(),
    },
    ...overrides,
  };
}

function recorded(overrides: Partial<Record<keyof RecordedEvent, unknown>> = {}): RecordedEvent {
  return {
    streamId: 'participant-1',
    id: randomUUID(),
    isJson: true,
    revision: 3n,
    type: 'SatisfactionRecorded',
    created: new Date(),
    data: { score: 5 },
    metadata: { recordedAt: '2025-03-01T09:00:00.000Z', actor: 'a', correlationId: 'c' },
    position: { commit: 4242n, prepare: 4242n },
    ...overrides,
  } as RecordedEvent;
}

describe('KurrentDB mapping', () => {
  describe('connection strings', () => {
    it('maps the deprecated esdb schemes to kurrentdb and keeps everything after them', () => {
      expect(normaliseConnectionString('esdb://localhost:2113?tls=false')).toBe(
        'kurrentdb://localhost:2113?tls=false',
      );
      expect(
        normaliseConnectionString(
          ' esdb+discover://admin:changeit@a:2113,b:2113?nodePreference=leader ',
        ),
      ).toBe('kurrentdb+discover://admin:changeit@a:2113,b:2113?nodePreference=leader');
      expect(normaliseConnectionString('ESDB://host')).toBe('kurrentdb://host');
    });

    it('leaves kurrentdb connection strings as they are', () => {
      for (const url of [
        'kurrentdb://localhost:2113?tls=false',
        'kurrentdb+discover://cluster.example:2113',
        'kdb://h:1',
      ]) {
        expect(normaliseConnectionString(url)).toBe(url);
      }
    });

    it('refuses other schemes and missing hosts without echoing the password', () => {
      for (const url of ['http://user:s3cret@host:2113', 'localhost:2113', 'redis://h', '']) {
        expect(() => normaliseConnectionString(url)).toThrow(/EVENTSTORE_URL must start/);
        try {
          normaliseConnectionString(url);
        } catch (error) {
          expect(String(error)).not.toContain('s3cret');
        }
      }
      expect(() => normaliseConnectionString('kurrentdb://?tls=false')).toThrow(/no host/);
    });

    it('produces strings the real client accepts, without its esdb deprecation warning', async () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        for (const url of ['esdb://localhost:2113?tls=false', 'esdb+discover://a:2113,b:2113']) {
          const client = KurrentDBClient.connectionString(normaliseConnectionString(url));
          await client.dispose();
        }
        expect(warn).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe('expected revisions', () => {
    it('maps every port expectation to the client stream state', () => {
      expect(toStreamState('any')).toBe('any');
      expect(toStreamState('no_stream')).toBe('no_stream');
      expect(toStreamState('stream_exists')).toBe('stream_exists');
      expect(toStreamState(0)).toBe(0n);
      expect(toStreamState(41)).toBe(41n);
    });

    it('refuses numbers that cannot be revisions', () => {
      for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
        expect(() => toStreamState(bad)).toThrow(RangeError);
      }
    });

    it('sends the observed revision, or no_stream for a missing stream', () => {
      expect(observedStreamState(undefined)).toBe(NO_STREAM);
      expect(observedStreamState(7)).toBe(7n);
    });

    it('decides expectations like the SQLite adapter', () => {
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
    });

    it("reads the client's current stream state as an actual revision", () => {
      expect(fromCurrentStreamState('no_stream')).toBeUndefined();
      expect(fromCurrentStreamState(0n)).toBe(0);
      expect(fromCurrentStreamState(12n)).toBe(12);
      // The multi-stream append API reports deleted (-5) and tombstoned (-6) streams.
      expect(fromCurrentStreamState(-5n)).toBeUndefined();
      expect(fromCurrentStreamState(-6n)).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('maps WrongExpectedVersionError to WrongExpectedRevisionError with the actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'participant-1',
        expected: 3n,
        current: 5n,
      });

      const mapped = toPortError(error, 'participant-1', 3);

      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ streamName: 'participant-1', expected: 3, actual: 5 });
    });

    it('maps a missing stream to an undefined actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 's',
        expected: 'stream_exists',
        current: 'no_stream',
      });

      expect(toPortError(error, 's', 'stream_exists')).toMatchObject({
        expected: 'stream_exists',
        actual: undefined,
      });
    });

    it('maps the errors the client builds from server responses', () => {
      // The unary append path: the server's trailing metadata names the exception.
      const wrong = convertToCommandError(
        serviceError(9, {
          exception: 'wrong-expected-version',
          'stream-name': 'association-A',
          'expected-version': '-1',
          'actual-version': '4',
        }),
      );
      expect(wrong).toBeInstanceOf(WrongExpectedVersionError);
      expect(toPortError(wrong, 'association-A', 'no_stream')).toMatchObject({
        expected: 'no_stream',
        actual: 4,
      });

      const deleted = convertToCommandError(
        serviceError(9, { exception: 'stream-deleted', 'stream-name': 'participant-9' }),
      );
      expect(deleted).toBeInstanceOf(ClientStreamDeletedError);
      expect(toPortError(deleted, 'participant-9', 'any')).toEqual(
        new StreamDeletedError('participant-9'),
      );

      // The newer append API reports a revision conflict in a status detail.
      const conflict = WrongExpectedVersionError.fromRevisionConflict({
        stream: 's',
        expectedRevision: '-1',
        actualRevision: '-1',
      });
      expect(toPortError(conflict, 's', 'no_stream')).toMatchObject({ actual: undefined });
    });

    it('maps deleted and tombstoned streams to StreamDeletedError', () => {
      const batchDeleted = ClientStreamDeletedError.fromStreamName('participant-2');
      const tombstoned = new StreamTombstonedError(
        serviceError(9, {}) as unknown as ConstructorParameters<typeof StreamTombstonedError>[0],
        { stream: 'participant-2' },
      );

      for (const error of [batchDeleted, tombstoned]) {
        expect(isStreamDeletedError(error)).toBe(true);
        const mapped = toPortError(error, 'participant-2', 'any');
        expect(mapped).toBeInstanceOf(StreamDeletedError);
        expect(mapped).toMatchObject({ streamName: 'participant-2' });
      }
    });

    it('recognises a stream that was never written', () => {
      expect(isStreamNotFoundError(new StreamNotFoundError(undefined, 'x'))).toBe(true);
      expect(isStreamNotFoundError(ClientStreamDeletedError.fromStreamName('x'))).toBe(false);
      expect(isStreamDeletedError(new StreamNotFoundError(undefined, 'x'))).toBe(false);
    });

    it('passes any other error through unchanged', () => {
      const unavailable = new UnavailableError();
      const plain = new Error('boom');
      expect(toPortError(unavailable, 's', 'any')).toBe(unavailable);
      expect(toPortError(plain, 's', 'any')).toBe(plain);
      expect(toPortError('text', 's', 'any')).toBe('text');
    });

    it('treats connection loss, timeouts and dropped subscriptions as transient', () => {
      for (const error of [
        new UnavailableError(),
        new DeadlineExceededError(),
        new UnknownError(),
        new SubscriptionEndedError(),
        // The client leaves some ServiceErrors unconverted, e.g. UNAVAILABLE on a batch append.
        serviceError(14, {}),
        serviceError(4, {}),
        convertToCommandError(serviceError(14, {})),
      ]) {
        expect(isTransientError(error)).toBe(true);
      }
    });

    it('treats access, argument, stream and programming errors as permanent', () => {
      for (const error of [
        new AccessDeniedError(),
        ClientStreamDeletedError.fromStreamName('x'),
        new WrongExpectedVersionError(undefined, {
          streamName: 's',
          expected: 'any',
          current: 'no_stream',
        }),
        serviceError(7, {}),
        new Error('Not a Stegvis event'),
        'text',
      ]) {
        expect(isTransientError(error)).toBe(false);
      }
    });

    it('backs off exponentially from 100 ms, bounded by the maximum', () => {
      expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => resubscribeDelayMs(n))).toEqual([
        100, 200, 400, 800, 1600, 3200, 5000, 5000,
      ]);
      expect(resubscribeDelayMs(1000)).toBe(5000);
      expect(resubscribeDelayMs(3, 250)).toBe(250);
    });
  });

  describe('positions', () => {
    it('uses the commit position as the global position', () => {
      expect(toGlobalPosition({ commit: 1234n, prepare: 1234n })).toBe(1234n);
    });

    it('refuses a missing position or the u64::MAX placeholder of old servers', () => {
      expect(() => toGlobalPosition(undefined)).toThrow(/22\.6/);
      expect(() => toGlobalPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toThrow(
        /22\.6/,
      );
    });

    it('reads forwards from the position itself (the caller skips it)', () => {
      expect(toReadPosition(987n)).toEqual({ commit: 987n, prepare: 987n });
      expect(() => toReadPosition(-1n)).toThrow(RangeError);
    });

    it('orders positions strictly', () => {
      expect(isAfter(5n, undefined)).toBe(true);
      expect(isAfter(5n, 4n)).toBe(true);
      expect(isAfter(5n, 5n)).toBe(false);
      expect(isAfter(5n, 6n)).toBe(false);
    });

    it('keeps positions beyond 2^53 exact', () => {
      const big = 2n ** 60n + 3n;
      expect(toGlobalPosition(toReadPosition(big))).toBe(big);
    });
  });

  describe('events', () => {
    it('tells system streams and system events apart from the log', () => {
      expect(isSystemStream('$$participant-1')).toBe(true);
      expect(isSystemStream('$stats-127.0.0.1:2113')).toBe(true);
      expect(isSystemStream('participant-1')).toBe(false);
      expect(isUserEvent({ streamId: 'participant-1', type: 'ParticipantExited' })).toBe(true);
      expect(isUserEvent({ streamId: 'participant-1', type: '$streamDeleted' })).toBe(false);
      expect(isUserEvent({ streamId: '$settings', type: 'update' })).toBe(false);
    });

    it('writes JSON events under the port id, with copies of data and metadata', () => {
      const event = newEvent({ metadata: { ...newEvent().metadata, causationId: 'cause' } });

      const data = toEventData(event);

      expect(data).toEqual({
        id: event.id,
        contentType: 'application/json',
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      });
      expect(data.data).not.toBe(event.data);
    });

    it('reads a recorded event as a StoredEvent', () => {
      const record = recorded({ revision: 7n, position: { commit: 99n, prepare: 99n } });

      expect(toStoredEvent(record)).toEqual({
        id: record.id,
        type: 'SatisfactionRecorded',
        data: { score: 5 },
        metadata: { recordedAt: '2025-03-01T09:00:00.000Z', actor: 'a', correlationId: 'c' },
        streamName: 'participant-1',
        revision: 7,
        position: 99n,
      });
    });

    it('falls back to the resolved commit position when the record has none', () => {
      expect(toStoredEvent(recorded({ position: undefined }), 17n).position).toBe(17n);
      expect(() => toStoredEvent(recorded({ position: undefined }))).toThrow(/position/);
    });

    it('refuses events Stegvis did not write', () => {
      expect(() => toStoredEvent(recorded({ isJson: false, data: new Uint8Array([1]) }))).toThrow(
        /Not a Stegvis event/,
      );
      expect(() => toStoredEvent(recorded({ data: [1, 2] }))).toThrow(/Not a Stegvis event/);
      expect(() => toStoredEvent(recorded({ metadata: undefined }))).toThrow(/recordedAt/);
      expect(() => toStoredEvent(recorded({ metadata: { actor: 'a' } }))).toThrow(/recordedAt/);
      expect(() =>
        toStoredEvent(
          recorded({
            metadata: { recordedAt: 'x', actor: 'a', correlationId: 'c', causationId: 3 },
          }),
        ),
      ).toThrow(/recordedAt/);
    });
  });

  describe('idempotent retries', () => {
    const stored = (event: NewEvent, revision: number, position: bigint): StoredEvent => ({
      ...event,
      streamName: 's',
      revision,
      position,
    });

    it('answers with the last stored event of the batch when every id is stored', () => {
      const [a, b, c] = [newEvent(), newEvent(), newEvent()];
      const log = [stored(a, 0, 10n), stored(b, 1, 20n), stored(c, 2, 30n)];

      expect(findRetriedAppend('s', [a, b], log)).toEqual({ revision: 1, position: 20n });
      expect(findRetriedAppend('s', [c], log)).toEqual({ revision: 2, position: 30n });
    });

    it('is no retry when no id is stored, or nothing is appended', () => {
      expect(findRetriedAppend('s', [newEvent()], [stored(newEvent(), 0, 1n)])).toBeUndefined();
      expect(findRetriedAppend('s', [], [stored(newEvent(), 0, 1n)])).toBeUndefined();
    });

    it('refuses a batch of which only some ids are stored, and repeated ids', () => {
      const a = newEvent();
      expect(() => findRetriedAppend('s', [a, newEvent()], [stored(a, 0, 1n)])).toThrow(
        /1 of 2 event ids/,
      );
      expect(() => findRetriedAppend('s', [a, a], [])).toThrow(/twice/);
    });
  });
});

// -------------------------------------------------------------------------------------------
// A scripted stand-in for the server, reproducing the behaviours the adapter must cope with
// (from the KurrentDB sources): positions are byte offsets with gaps; a forward $all read is
// inclusive of its start position, a subscription exclusive; a tombstone is a `$streamDeleted`
// record in the stream and the stream's events stay in $all; system records ($metadata, $stats)
// are interleaved; reading a missing stream throws StreamNotFoundError and a tombstoned one
// StreamDeletedError; the append answer's position is the *first* event's. It checks the
// adapter's logic; only the live suite (kurrentdb-event-store.esdb.ts) checks the server.

type Record_ = {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: string;
  readonly metadata: string;
  readonly position: bigint;
};

type SimulatedSubscription = PassThrough & { unsubscribe(): Promise<void> };

class SimulatedServer {
  readonly records: Record_[] = [];
  private readonly tombstoned = new Set<string>();
  private readonly subscribers = new Set<(record: Record_) => void>();
  readonly subscriptions: SimulatedSubscription[] = [];
  private nextPosition = 1000n;
  appends = 0;

  client(): KurrentDbClientLike {
    const client = {
      appendToStream: (
        name: string,
        events: EventData[],
        options: { streamState: AppendStreamState },
      ) => this.append(name, events, options.streamState),
      readStream: (name: string, options: { fromRevision?: bigint; maxCount?: number } = {}) =>
        this.readStream(name, options),
      readAll: (options: {
        fromPosition?: ReadPosition;
        maxCount?: number;
        direction?: string;
        filter?: Filter;
      }) => this.readAll(options),
      subscribeToAll: (options: { fromPosition?: ReadPosition; filter?: Filter }) =>
        this.subscribe(options),
      tombstoneStream: async (name: string) => {
        if (this.tombstoned.has(name)) throw ClientStreamDeletedError.fromStreamName(name);
        this.write(name, '$streamDeleted', 2n ** 63n - 1n, '{}', '{}');
        this.tombstoned.add(name);
        return { position: undefined };
      },
      dispose: async () => undefined,
    };
    return client as unknown as KurrentDbClientLike;
  }

  /** A system record, as the server writes them between user events. */
  writeSystemRecord(): void {
    this.write(`$$participant-${randomUUID()}`, '$metadata', 0n, '{"$maxAge":10}', '{}');
    this.write('$stats-127.0.0.1:2113', 'statsCollected', 0n, '{}', '{}');
  }

  /** Makes every open subscription fail the way a lost connection does (error, no end). */
  failSubscriptions(): void {
    for (const subscription of this.subscriptions) {
      if (!subscription.destroyed) subscription.emit('error', new UnavailableError());
    }
  }

  private async append(
    name: string,
    events: EventData[],
    streamState: AppendStreamState,
  ): Promise<{ success: boolean; nextExpectedRevision: bigint; position?: Position }> {
    this.appends += 1;
    if (this.tombstoned.has(name)) throw ClientStreamDeletedError.fromStreamName(name);
    const current = this.streamRecords(name).at(-1)?.revision;
    const ok =
      streamState === 'any' ||
      (streamState === 'no_stream' && current === undefined) ||
      (streamState === 'stream_exists' && current !== undefined) ||
      (typeof streamState === 'bigint' && current === streamState);
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, {
        streamName: name,
        expected: streamState,
        current: current ?? 'no_stream',
      });
    }
    let revision = current ?? -1n;
    let first: bigint | undefined;
    for (const event of events) {
      revision += 1n;
      const record = this.write(
        name,
        event.type,
        revision,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.id,
      );
      first ??= record.position;
    }
    // Deliberately the first event's position: the adapter must not rely on it.
    const position = first === undefined ? undefined : { commit: first, prepare: first };
    return { success: true, nextExpectedRevision: revision, position };
  }

  private async *readStream(
    name: string,
    options: { fromRevision?: bigint; maxCount?: number },
  ): AsyncGenerator<ResolvedEvent> {
    await Promise.resolve();
    if (this.tombstoned.has(name)) throw ClientStreamDeletedError.fromStreamName(name);
    const records = this.streamRecords(name);
    if (records.length === 0) throw new StreamNotFoundError(undefined, name);
    let count = 0;
    for (const record of records) {
      if (options.fromRevision !== undefined && record.revision < options.fromRevision) continue;
      if (count >= (options.maxCount ?? Number.MAX_SAFE_INTEGER)) return;
      count += 1;
      yield { event: toRecorded(record) };
    }
  }

  private async *readAll(options: {
    fromPosition?: ReadPosition;
    maxCount?: number;
    direction?: string;
    filter?: Filter;
  }): AsyncGenerator<AllStreamResolvedEvent> {
    await Promise.resolve();
    const backwards = options.direction === BACKWARDS;
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const candidates = backwards ? [...this.records].reverse() : [...this.records];
    let count = 0;
    for (const record of candidates) {
      if (typeof from === 'object') {
        // Forwards: inclusive of the start position. Backwards: strictly before it.
        if (!backwards && record.position < from.commit) continue;
        if (backwards && record.position >= from.commit) continue;
      }
      if (!passes(record, options.filter)) continue;
      if (count >= max) return;
      count += 1;
      yield {
        event: toRecorded(record),
        commitPosition: record.position,
      } as AllStreamResolvedEvent;
    }
  }

  private subscribe(options: {
    fromPosition?: ReadPosition;
    filter?: Filter;
  }): SimulatedSubscription {
    const stream = new PassThrough({ objectMode: true }) as SimulatedSubscription;
    const from = options.fromPosition ?? 'start';
    const deliver = (record: Record_): void => {
      if (stream.destroyed || stream.writableEnded) return;
      if (typeof from === 'object' && record.position <= from.commit) return; // exclusive
      if (!passes(record, options.filter)) return;
      stream.write({ event: toRecorded(record), commitPosition: record.position });
    };
    stream.unsubscribe = async () => {
      this.subscribers.delete(deliver);
    };
    stream.on('close', () => this.subscribers.delete(deliver));
    this.subscriptions.push(stream);
    setImmediate(() => {
      for (const record of [...this.records]) deliver(record);
      this.subscribers.add(deliver);
    });
    return stream;
  }

  private write(
    streamId: string,
    type: string,
    revision: bigint,
    data: string,
    metadata: string,
    id: string = randomUUID(),
  ): Record_ {
    const record = { streamId, id, type, revision, data, metadata, position: this.nextPosition };
    // Positions are byte offsets in the log: increasing, with gaps.
    this.nextPosition += BigInt(100 + data.length + metadata.length);
    this.records.push(record);
    for (const subscriber of this.subscribers) subscriber(record);
    return record;
  }

  private streamRecords(name: string): Record_[] {
    return this.records.filter(
      (record) => record.streamId === name && !record.type.startsWith('$'),
    );
  }
}

function passes(record: Record_, filter: Filter | undefined): boolean {
  if (filter === undefined) return true;
  const subject = filter.filterOn === 'eventType' ? record.type : record.streamId;
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((prefix) => subject.startsWith(prefix));
}

function toRecorded(record: Record_): RecordedEvent {
  return {
    streamId: record.streamId,
    id: record.id,
    isJson: true,
    revision: record.revision,
    type: record.type,
    created: new Date(),
    data: JSON.parse(record.data) as Record<string, unknown>,
    metadata: JSON.parse(record.metadata) as Record<string, unknown>,
    position: { commit: record.position, prepare: record.position },
  };
}

/** Interleaves system records with every write, as a real server's log has them. */
function noisyServer(): SimulatedServer {
  const server = new SimulatedServer();
  server.writeSystemRecord();
  return server;
}

describeEventStoreContract('KurrentDB adapter on a simulated server', async () => {
  const server = noisyServer();
  const store = new KurrentDbEventStore(server.client(), { maxResubscribeDelayMs: 20 });
  return { store, dispose: () => store.close() };
});

describe('KurrentDbEventStore on a simulated server', () => {
  let server: SimulatedServer;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    server = noisyServer();
    store = new KurrentDbEventStore(server.client(), { maxResubscribeDelayMs: 20 });
  });

  afterEach(() => store.close());

  it('hides a tombstoned stream that $all still returns until a scavenge', async () => {
    await store.append('participant-1', [newEvent(), newEvent()], 'no_stream');
    await store.append('association-A', [newEvent()], 'no_stream');
    await store.deleteStream('participant-1');

    // The raw log still holds the erased events (and the tombstone) ...
    expect(server.records.filter((r) => r.streamId === 'participant-1')).toHaveLength(3);
    // ... but none of it reaches the port, from any reader of this or another adapter.
    const fresh = new KurrentDbEventStore(server.client());
    for (const reader of [store, fresh]) {
      const all = await reader.readAll({ limit: 100 });
      expect(all.map((event) => event.streamName)).toEqual(['association-A']);
      expect(await reader.isDeleted('participant-1')).toBe(true);
    }
  });

  it('headPosition skips system records and erased streams', async () => {
    const kept = await store.append('association-A', [newEvent()], 'no_stream');
    await store.append('participant-1', [newEvent()], 'no_stream');
    server.writeSystemRecord();
    await store.deleteStream('participant-1');
    server.writeSystemRecord();

    expect(await store.headPosition()).toBe(kept.position);
  });

  it('pages past long runs of system records and erased events', async () => {
    const first = await store.append('association-A', [newEvent()], 'no_stream');
    for (let i = 0; i < 5; i += 1) {
      await store.append(`participant-${i}`, [newEvent(), newEvent()], 'no_stream');
      await store.deleteStream(`participant-${i}`);
      server.writeSystemRecord();
    }
    const last = await store.append('association-A', [newEvent()], 0);

    const page = await store.readAll({ after: first.position, limit: 1 });

    expect(page.map((event) => event.position)).toEqual([last.position]);
  });

  it('reads back the position of the last appended event, not the batch answer', async () => {
    const result = await store.append('association-A', [newEvent(), newEvent(), newEvent()], 'any');
    const stored = await store.readStream('association-A');

    expect(result).toEqual({ revision: 2, position: stored[2]?.position });
  });

  it('does not write a retried batch again, whatever revision the retry expects', async () => {
    const batch = [newEvent(), newEvent()];
    const first = await store.append('participant-1', batch, 'no_stream');
    await store.append('participant-1', [newEvent()], 1);
    const appends = server.appends;

    expect(await store.append('participant-1', batch, 2)).toEqual(first);
    expect(server.appends).toBe(appends);
  });

  it('resubscribes after a lost connection and continues without gaps or repeats', async () => {
    const controller = new AbortController();
    const received: StoredEvent[] = [];
    const done = (async () => {
      for await (const event of store.follow({ signal: controller.signal })) received.push(event);
    })();
    done.catch(() => undefined);

    await store.append('association-A', [newEvent(), newEvent()], 'no_stream');
    await waitFor(() => received.length >= 2, { message: 'the first events' });
    server.failSubscriptions();
    await store.append('association-A', [newEvent()], 1);
    server.failSubscriptions();
    await store.append('association-A', [newEvent(), newEvent()], 2);
    await waitFor(() => received.length >= 5, { message: 'events after the failures' });
    controller.abort();
    await withTimeout(done, 5000, 'follow ends after abort');

    expect(received).toEqual(await store.readStream('association-A'));
    expect(server.subscriptions.length).toBeGreaterThanOrEqual(2);
  });

  it('ends the iteration with the error when it cannot be cured by resubscribing', async () => {
    const controller = new AbortController();
    const client = server.client();
    const failing = new KurrentDbEventStore(
      {
        ...client,
        subscribeToAll: (...args: Parameters<KurrentDbClientLike['subscribeToAll']>) => {
          const subscription = client.subscribeToAll(...args);
          setImmediate(() => subscription.emit('error', new AccessDeniedError()));
          return subscription;
        },
      },
      { maxResubscribeDelayMs: 20 },
    );

    const iteration = (async () => {
      for await (const _ of failing.follow({ signal: controller.signal })) break;
    })();

    await expect(withTimeout(iteration, 5000, 'follow fails')).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    controller.abort();
  });

  it('unsubscribes when the follower is aborted', async () => {
    const controller = new AbortController();
    const done = (async () => {
      for await (const _ of store.follow({ signal: controller.signal })) break;
    })();
    await waitFor(() => server.subscriptions.length === 1, { message: 'a subscription' });

    controller.abort();
    await withTimeout(done, 5000, 'follow ends after abort');

    expect(server.subscriptions[0]?.destroyed).toBe(true);
  });

  it('reports a tombstoned stream as deleted to appends, including retries', async () => {
    const batch = [newEvent()];
    await store.append('participant-1', batch, 'no_stream');
    await store.deleteStream('participant-1');
    await store.deleteStream('participant-1');

    await expect(store.append('participant-1', batch, 'no_stream')).rejects.toBeInstanceOf(
      StreamDeletedError,
    );
  });
});
