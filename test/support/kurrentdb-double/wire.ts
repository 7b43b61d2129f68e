/**
 * Wire helpers of the KurrentDB test double (a TEST DOUBLE, never used outside tests): the
 * message classes the official client ships in `generated/`, and errors shaped exactly as the
 * server sends them (status code plus the `exception` trailer of RpcExceptions.cs, or a
 * google.rpc.Status with packed details inside a batch-append answer, as Status.cs builds it).
 */
import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { Code } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/code_pb';
import {
  AccessDenied,
  BadRequest,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  StreamIdentifier,
  Timeout,
  UUID,
  WrongExpectedVersion,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import type { ExpectedState } from './log';

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * The GUID of a proposed event, as the server parses it (Guid.Parse accepts the hyphenated,
 * plain, braced and parenthesised forms in any case). Undefined when it is not a GUID.
 */
export function parseUuid(uuid: UUID | undefined): string | undefined {
  if (uuid === undefined) return undefined;
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured();
    if (structured === undefined) return undefined;
    const bytes = Buffer.alloc(16);
    bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
    bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
    return formatGuid(bytes.toString('hex'));
  }
  let text = uuid.getString().trim();
  if (/^\{.*\}$|^\(.*\)$/.test(text)) text = text.slice(1, -1);
  if (!GUID.test(text)) return undefined;
  return formatGuid(text.replace(/-/g, '').toLowerCase());
}

export function toUuid(id: string, structured: boolean): UUID {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const bytes = Buffer.from(id.replace(/-/g, ''), 'hex');
  const value = new UUID.Structured();
  value.setMostSignificantBits(bytes.readBigInt64BE(0).toString());
  value.setLeastSignificantBits(bytes.readBigInt64BE(8).toString());
  return uuid.setStructured(value);
}

function formatGuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// RpcExceptions: errors that end a call

export function rpcError(
  code: GrpcStatus,
  details: string,
  trailers: Record<string, string> = {},
): Partial<ServiceError> {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return { code, details, metadata };
}

export const rpc = {
  notLeader: (host: string, port: number) =>
    rpcError(GrpcStatus.NOT_FOUND, 'Leader info available', {
      exception: 'not-leader',
      'leader-endpoint-host': host,
      'leader-endpoint-port': String(port),
    }),
  noLeaderInfo: () => rpcError(GrpcStatus.UNKNOWN, 'No leader info available in response'),
  notReady: () => rpcError(GrpcStatus.UNAVAILABLE, 'Server Is Not Ready'),
  timeout: (message: string) => rpcError(GrpcStatus.ABORTED, `Operation timed out: ${message}`),
  streamDeleted: (streamName: string) =>
    rpcError(GrpcStatus.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
      exception: 'stream-deleted',
      'stream-name': streamName,
    }),
  accessDenied: () =>
    rpcError(GrpcStatus.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' }),
  wrongExpectedVersion: (
    operation: string,
    streamName: string,
    expected: bigint,
    actual: bigint | undefined,
  ) =>
    rpcError(
      GrpcStatus.FAILED_PRECONDITION,
      `${operation} failed due to WrongExpectedVersion. Stream: ${streamName}, ` +
        `Expected version: ${expected}, Actual version: ${actual ?? ''}`,
      {
        exception: 'wrong-expected-version',
        'stream-name': streamName,
        'expected-version': expected.toString(),
        'actual-version': actual?.toString() ?? '',
      },
    ),
  invalidArgument: (message: string) => rpcError(GrpcStatus.INVALID_ARGUMENT, message),
};

// ---------------------------------------------------------------------------------------------
// Status.cs: per-request errors inside a batch-append answer

function status(
  code: Code,
  message: string,
  details: { serializeBinary(): Uint8Array },
  typeName: string,
): Status {
  const any = new Any();
  any.pack(details.serializeBinary(), typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

export const batchStatus = {
  wrongExpectedVersion(current: bigint | undefined, expected: ExpectedState): Status {
    const details = new WrongExpectedVersion();
    if (current === undefined) details.setCurrentNoStream(new GoogleEmpty());
    else details.setCurrentStreamRevision(current.toString());
    switch (expected.kind) {
      case 'any':
        details.setExpectedAny(new GoogleEmpty());
        break;
      case 'no_stream':
        details.setExpectedNoStream(new GoogleEmpty());
        break;
      case 'stream_exists':
        details.setExpectedStreamExists(new GoogleEmpty());
        break;
      case 'revision':
        details.setExpectedStreamPosition(expected.revision.toString());
        break;
    }
    return status(
      Code.ALREADY_EXISTS,
      'WrongExpectedVersion',
      details,
      'event_store.client.WrongExpectedVersion',
    );
  },
  streamDeleted(streamName: string): Status {
    const details = new StreamDeleted().setStreamIdentifier(streamIdentifier(streamName));
    return status(Code.NOT_FOUND, 'StreamDeleted', details, 'event_store.client.StreamDeleted');
  },
  accessDenied(): Status {
    return status(
      Code.PERMISSION_DENIED,
      'AccessDenied',
      new AccessDenied(),
      'event_store.client.AccessDenied',
    );
  },
  timeout(): Status {
    return status(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'event_store.client.Timeout');
  },
  maximumAppendSizeExceeded(maxAppendSize: number): Status {
    const details = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
    return status(
      Code.INVALID_ARGUMENT,
      'MaximumAppendSizeExceeded',
      details,
      'event_store.client.MaximumAppendSizeExceeded',
    );
  },
  badRequest(message: string): Status {
    return status(
      Code.INVALID_ARGUMENT,
      'BadRequest',
      new BadRequest().setMessage(message),
      'event_store.client.BadRequest',
    );
  },
};
