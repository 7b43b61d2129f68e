import {
  AccessDeniedError,
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
import type { RecordedEvent } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import {
  DeadlineError,
  PositionOrderError,
  SubscriptionEndedError,
  fromCurrentStreamState,
  isNextInOrder,
  isStreamDeletedError,
  isStreamNotFoundError,
  isSystemStream,
  isTransientError,
  isUserEvent,
  normaliseConnectionString,
  observedStreamState,
  retryDelayMs,
  toEventData,
  toGlobalPosition,
  toPortError,
  toReadPosition,
  toStoredEvent,
  toStreamState,
} from './kurrentdb-mapping';
import { newEvent } from '../testing/new-event';

/** A grpc-js ServiceError as the client receives it: status code plus trailing metadata. */
function serviceError(code: number, metadata: Record<string, string>): Error {
  return Object.assign(new Error(`${code} ${metadata.exception ?? ''}`), {
    code,
    details: 'simulated',
    metadata: { getMap: () => metadata },
  });
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
      expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n))).toEqual([
        100, 200, 400, 800, 1600, 3200, 5000, 5000,
      ]);
      expect(retryDelayMs(1000)).toBe(5000);
      expect(retryDelayMs(3, 250)).toBe(250);
    });

    it('retries deadlines but not broken position order', () => {
      expect(isTransientError(new DeadlineError('a read', 10))).toBe(true);
      expect(isTransientError(new PositionOrderError(5n, 5n))).toBe(false);
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

    it('takes increasing positions, skips only the inclusive start and throws on any other', () => {
      expect(isNextInOrder(5n, undefined, false)).toBe(true);
      expect(isNextInOrder(5n, 4n, false)).toBe(true);
      expect(isNextInOrder(5n, 5n, true)).toBe(false);
      expect(() => isNextInOrder(5n, 5n, false)).toThrow(PositionOrderError);
      expect(() => isNextInOrder(4n, 5n, true)).toThrow(PositionOrderError);
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
});
