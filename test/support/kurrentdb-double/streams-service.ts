/**
 * The Streams gRPC service of the KurrentDB test double (a TEST DOUBLE, never used outside
 * tests): Read (stream and `$all` reads, catch-up subscriptions), BatchAppend, Delete and
 * Tombstone, answering as src/KurrentDB.Core/Services/Transport/Grpc/Streams.*.cs do. Append
 * (the older client-streaming write) is not served: the client only uses it when the server does
 * not advertise BatchAppend or a call carries its own credentials.
 */
import {
  status as GrpcStatus,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceError,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { AllStreamPosition } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import {
  BatchAppendReq,
  BatchAppendResp,
  DeleteReq,
  DeleteResp,
  ReadReq,
  ReadResp,
  TombstoneReq,
  TombstoneResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Timestamp } from 'google-protobuf/google/protobuf/timestamp_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import { randomUUID } from 'node:crypto';
import type { ExpectedState, LogRecord, ProposedEvent } from './log';
import type { DoubleNode } from './node';
import { batchStatus, parseUuid, rpc, streamIdentifier, streamNameOf, toUuid } from './wire';

type Options = ReadReq.Options;

type Filter = {
  readonly on: 'eventType' | 'streamName';
  readonly regex?: RegExp;
  readonly prefixes?: readonly string[];
};

export function streamsService(node: DoubleNode): UntypedServiceImplementation {
  return {
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => void read(node, call),
    batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) =>
      batchAppend(node, call),
    tombstone: (
      call: ServerUnaryCall<TombstoneReq, TombstoneResp>,
      done: sendUnaryData<TombstoneResp>,
    ) => void remove(node, call, done, 'tombstone'),
    delete: (call: ServerUnaryCall<DeleteReq, DeleteResp>, done: sendUnaryData<DeleteResp>) =>
      void remove(node, call, done, 'delete'),
    append: (_call: unknown, done: sendUnaryData<unknown>) =>
      done({ code: GrpcStatus.UNIMPLEMENTED, details: 'Append is not served by the double' }),
  };
}

function requiresLeader(call: { metadata: { get(key: string): unknown[] } }): boolean {
  return call.metadata.get('requires-leader').map(String).includes('true');
}

// ---------------------------------------------------------------------------------------------
// Read

async function read(
  node: DoubleNode,
  call: ServerWritableStream<ReadReq, ReadResp>,
): Promise<void> {
  const options = call.request.getOptions();
  if (options === undefined) return fail(call, rpc.invalidArgument('Options are required'));
  const fault = node.admit(options.hasSubscription() ? 'subscribe' : 'read', requiresLeader(call));
  if (fault === 'hang') return;
  const repeat = fault === 'repeat-record';
  // Only appends can time out after writing; anything else that is not an error is a timeout.
  if (typeof fault === 'string' && !repeat) return fail(call, rpc.timeout('read'));
  if (typeof fault === 'object') return fail(call, fault);
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const send = (resp: ReadResp): boolean => !call.cancelled && call.write(resp);

  if (options.hasSubscription()) return subscribe(node, call, options, structured, repeat);

  const count = BigInt(options.getCount() || '0');
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  if (options.hasStream()) {
    const streamOptions = options.getStream();
    const name = streamNameOf(streamOptions?.getStreamIdentifier());
    node.stats.streamReads.set(name, (node.stats.streamReads.get(name) ?? 0) + 1);
    const records = node.readStream(name);
    if (records === 'deleted') return fail(call, rpc.streamDeleted(name));
    if (records === 'not_found') {
      send(
        new ReadResp().setStreamNotFound(
          new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)),
        ),
      );
      call.end();
      return;
    }
    let selected = backwards ? [...records].reverse() : records;
    if (streamOptions?.hasRevision()) {
      const from = BigInt(streamOptions.getRevision());
      selected = selected.filter((r) => (backwards ? r.revision <= from : r.revision >= from));
    }
    for (const record of selected.slice(0, Number(count)))
      send(eventResp(record, structured, false));
    call.end();
    return;
  }

  const all = options.getAll();
  const filter = filterOf(options);
  let records = node.readAll();
  if (backwards) records = [...records].reverse();
  if (all?.hasPosition()) {
    const from = BigInt(all.getPosition()?.getCommitPosition() ?? '0');
    // Forwards from a position is inclusive of it; backwards, strictly before it (AllReader).
    records = records.filter((r) => (backwards ? r.position < from : r.position >= from));
  }
  let sent = 0n;
  for (const record of records) {
    if (sent >= count) break;
    node.stats.allRecordsScanned += 1;
    if (!matches(record, filter)) continue;
    send(eventResp(record, structured, true));
    if (repeat && sent === 1n) send(eventResp(record, structured, true));
    sent += 1n;
  }
  call.end();
}

/**
 * A catch-up subscription to `$all`: confirmation, the events after the start position (a
 * subscription is exclusive of it), caught-up, then live events as this node sees them.
 */
function subscribe(
  node: DoubleNode,
  call: ServerWritableStream<ReadReq, ReadResp>,
  options: Options,
  structured: boolean,
  repeat: boolean,
): void {
  if (!options.hasAll())
    return fail(call, rpc.invalidArgument('The double subscribes to $all only'));
  const all = options.getAll();
  const filter = filterOf(options);
  let cursor = all?.hasPosition() ? BigInt(all.getPosition()?.getCommitPosition() ?? '0') : -1n;
  if (all?.hasEnd()) cursor = node.readAll().at(-1)?.position ?? -1n;
  call.write(
    new ReadResp().setConfirmation(
      new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
    ),
  );
  let caughtUp = false;
  let sent = 0;
  const pump = (): void => {
    if (call.cancelled) return;
    for (const record of node.readAll()) {
      if (record.position <= cursor) continue;
      cursor = record.position;
      node.stats.allRecordsScanned += 1;
      if (!matches(record, filter)) continue;
      call.write(eventResp(record, structured, true));
      if (repeat && sent === 1) call.write(eventResp(record, structured, true));
      sent += 1;
    }
    if (!caughtUp) {
      caughtUp = true;
      const caught = new ReadResp.CaughtUp().setTimestamp(Timestamp.fromDate(new Date()));
      if (cursor >= 0n) {
        caught.setPosition(
          new ReadResp.Position()
            .setCommitPosition(cursor.toString())
            .setPreparePosition(cursor.toString()),
        );
      }
      call.write(new ReadResp().setCaughtUp(caught));
    }
  };
  node.stats.openSubscriptions += 1;
  const unsubscribe = node.onVisibleChange(pump);
  let open = true;
  const stop = (): void => {
    unsubscribe();
    if (open) node.stats.openSubscriptions -= 1;
    open = false;
  };
  call.on('cancelled', stop);
  call.on('close', stop);
  node.trackCall(call, stop);
  pump();
}

function filterOf(options: Options): Filter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter();
  const expression = filter?.hasEventType() ? filter.getEventType() : filter?.getStreamIdentifier();
  const regex = expression?.getRegex() ?? '';
  return {
    on: filter?.hasEventType() ? 'eventType' : 'streamName',
    ...(regex === ''
      ? { prefixes: expression?.getPrefixList() ?? [] }
      : { regex: new RegExp(regex) }),
  };
}

function matches(record: LogRecord, filter: Filter | undefined): boolean {
  if (filter === undefined) return true;
  const subject = filter.on === 'eventType' ? record.type : record.streamName;
  if (filter.regex !== undefined) return filter.regex.test(subject);
  return (filter.prefixes ?? []).some((prefix) => subject.startsWith(prefix));
}

function eventResp(record: LogRecord, structured: boolean, withCommitPosition: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(toUuid(record.id, structured))
    .setStreamIdentifier(streamIdentifier(record.streamName))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.position.toString())
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded.getMetadataMap().set('type', record.type);
  recorded.getMetadataMap().set('created', record.created.toString());
  recorded
    .getMetadataMap()
    .set('content-type', record.isJson ? 'application/json' : 'application/octet-stream');
  const event = new ReadResp.ReadEvent().setEvent(recorded);
  // Stream reads carry no commit position of their own (`no_position`); `$all` reads do.
  if (withCommitPosition) event.setCommitPosition(record.position.toString());
  else event.setNoPosition(new Empty());
  return new ReadResp().setEvent(event);
}

// ---------------------------------------------------------------------------------------------
// BatchAppend

type PendingWrite = {
  readonly streamName: string;
  readonly expected: ExpectedState;
  readonly events: ProposedEvent[];
  readonly expectedCase: BatchAppendReq.Options.ExpectedStreamPositionCase;
  badId?: string;
};

function batchAppend(
  node: DoubleNode,
  call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
): void {
  const leaderRequired = requiresLeader(call);
  const pending = new Map<string, PendingWrite>();
  node.trackCall(call, () => undefined);
  call.on('data', (request: BatchAppendReq) => {
    const correlation = request.getCorrelationId();
    const key = parseUuid(correlation) ?? '';
    const options = request.getOptions();
    if (options !== undefined) {
      pending.set(key, {
        streamName: streamNameOf(options.getStreamIdentifier()),
        expected: expectedOf(options),
        expectedCase: options.getExpectedStreamPositionCase(),
        events: [],
      });
    }
    const write = pending.get(key);
    if (write === undefined) return;
    for (const message of request.getProposedMessagesList()) {
      const id = parseUuid(message.getId());
      if (id === undefined) {
        write.badId ??= message.getId()?.getString() ?? '';
        continue;
      }
      const metadata = message.getMetadataMap();
      write.events.push({
        id,
        type: metadata.get('type') ?? '',
        isJson: metadata.get('content-type') === 'application/json',
        data: message.getData_asU8(),
        metadata: message.getCustomMetadata_asU8(),
      });
    }
    if (!request.getIsFinal()) return;
    pending.delete(key);
    node.stats.appendsReceived += 1;
    const respond = (fill: (resp: BatchAppendResp) => void): void => {
      const resp = new BatchAppendResp().setStreamIdentifier(streamIdentifier(write.streamName));
      if (correlation !== undefined) resp.setCorrelationId(correlation);
      fill(resp);
      if (!call.cancelled && !call.writableEnded) call.write(resp);
    };
    const fault = node.admit('append', leaderRequired);
    if (fault === 'hang') return;
    if (fault === 'not-ready') return respond((resp) => resp.setError(notReady()));
    if (fault === 'timeout') return respond((resp) => resp.setError(batchStatus.timeout()));
    if (fault !== undefined && fault !== 'timeout-after-write') {
      // NotLeader and a node going away end the whole call, failing every pending append.
      call.emit('error', fault);
      return;
    }
    if (write.badId !== undefined) {
      // Uuid.FromDto throws; the worker answers the request with the exception's message.
      return respond((resp) =>
        resp.setError(batchStatus.badRequest(`Unrecognized Guid format. (${write.badId})`)),
      );
    }
    const outcome = node.log.append(write.streamName, write.events, write.expected);
    if (fault === 'timeout-after-write')
      return respond((resp) => resp.setError(batchStatus.timeout()));
    respond((resp) => {
      switch (outcome.kind) {
        case 'written':
        case 'idempotent': {
          const success = new BatchAppendResp.Success();
          if (outcome.revision < 0n) success.setNoStream(new GoogleEmpty());
          else success.setCurrentRevision(outcome.revision.toString());
          if (outcome.position < 0n) success.setNoPosition(new GoogleEmpty());
          else {
            success.setPosition(
              new AllStreamPosition()
                .setCommitPosition(outcome.position.toString())
                .setPreparePosition(outcome.position.toString()),
            );
          }
          resp.setSuccess(success);
          break;
        }
        case 'wrong_expected_version':
          resp.setError(batchStatus.wrongExpectedVersion(outcome.current, write.expected));
          break;
        case 'stream_deleted':
          resp.setError(batchStatus.streamDeleted(write.streamName));
          break;
        case 'too_big':
          resp.setError(batchStatus.maximumAppendSizeExceeded(outcome.maxAppendSize));
          break;
      }
    });
  });
  call.on('end', () => call.end());
  call.on('error', () => undefined);
}

/** NotHandled(NotReady) inside a batch append: a Status with empty details and only a message. */
function notReady(): Status {
  const any = new Any();
  any.pack(new GoogleEmpty().serializeBinary(), 'google.protobuf.Empty');
  return new Status().setMessage('Server Is Not Ready').setDetails(any);
}

function expectedOf(options: BatchAppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

// ---------------------------------------------------------------------------------------------
// Delete and Tombstone

async function remove<Resp extends DeleteResp | TombstoneResp>(
  node: DoubleNode,
  call: ServerUnaryCall<DeleteReq | TombstoneReq, Resp>,
  done: sendUnaryData<Resp>,
  kind: 'delete' | 'tombstone',
): Promise<void> {
  const fault = node.admit('tombstone', requiresLeader(call));
  if (fault === 'hang') return;
  if (typeof fault === 'string') return done(rpc.timeout('delete'));
  if (fault !== undefined) return done(fault);
  const options = call.request.getOptions();
  const streamName = streamNameOf(options?.getStreamIdentifier());
  const expected: ExpectedState = options?.hasRevision()
    ? { kind: 'revision', revision: BigInt(options.getRevision()) }
    : options?.hasNoStream()
      ? { kind: 'no_stream' }
      : options?.hasStreamExists()
        ? { kind: 'stream_exists' }
        : { kind: 'any' };
  // The double only tombstones: a soft delete (Delete) is not something Stegvis ever does.
  if (kind === 'delete')
    return done({
      code: GrpcStatus.UNIMPLEMENTED,
      details: 'Soft delete is not served by the double',
    });
  const outcome = node.log.tombstone(streamName, expected);
  switch (outcome.kind) {
    case 'stream_deleted':
      return done(rpc.streamDeleted(streamName));
    case 'wrong_expected_version': {
      const expectedVersion =
        expected.kind === 'revision'
          ? expected.revision
          : expected.kind === 'no_stream'
            ? -1n
            : expected.kind === 'any'
              ? -2n
              : -4n;
      return done(rpc.wrongExpectedVersion('Delete', streamName, expectedVersion, outcome.current));
    }
    case 'deleted': {
      const position = new TombstoneResp.Position()
        .setCommitPosition(outcome.position.toString())
        .setPreparePosition(outcome.position.toString());
      return done(null, new TombstoneResp().setPosition(position) as Resp);
    }
  }
}

function fail(call: ServerWritableStream<ReadReq, ReadResp>, error: Partial<ServiceError>): void {
  call.emit('error', error);
}
