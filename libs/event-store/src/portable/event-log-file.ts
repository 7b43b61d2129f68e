/**
 * The portable event log: the whole history of Stegvis (or of one förbund) as a plain file that
 * any EventStore adapter can export and import. It is how a förbund moves from the embedded
 * SQLite file to KurrentDB, and how its history outlives Stegvis itself: the file is
 * newline-delimited JSON that any tool can read.
 *
 * Lines, in order:
 *  1. a header: `{"format":"stegvis-event-log","version":1,"exportedAt":…,"associationId":…}`;
 *  2. one line per stored event, in global log order:
 *     `{"id","streamName","revision","type","data","metadata"}`. Positions are left out: they
 *     belong to one store, and the importing store hands out its own in the same order;
 *  3. `{"deletedStream":"participant-…"}` after the ParticipantErased event of an erased
 *     participant whose stream is deleted, so the erasure stays permanent in the new store;
 *  4. a last line `{"end":true,"events":n,"deletedStreams":m}`, so that a file cut short (a
 *     full disk, an interrupted copy) is refused instead of silently losing history.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  GlobalPosition,
  NewEvent,
  StoredEvent,
} from '../event-store.port';

export const EVENT_LOG_FORMAT = 'stegvis-event-log';
export const EVENT_LOG_VERSION = 1;

const PAGE_SIZE = 1000;
/** Consecutive events of one stream are imported in one append of at most this many ... */
const MAX_IMPORT_BATCH = 200;
/**
 * ... and at most this many bytes. KurrentDB refuses an append larger than its MaxAppendSize,
 * 1 MiB by default up to 25.0 (EventStoreDB 22.6–24.10 too), counted as data + metadata + twice
 * the type's length per event; the margin covers ids and the gRPC framing around each event.
 */
const MAX_IMPORT_BATCH_BYTES = 1024 * 1024 - 64 * 1024;
/** What one event adds to an append besides data, metadata and type (id, framing). */
const EVENT_OVERHEAD_BYTES = 128;

export type ExportEventLogOptions = {
  /** Only this förbund's streams: its association stream, interventions and participants. */
  readonly associationId?: string;
};

export type EventLogHeader = {
  readonly format: typeof EVENT_LOG_FORMAT;
  readonly version: typeof EVENT_LOG_VERSION;
  readonly exportedAt: string;
  readonly associationId: string | null;
};

/** One stored event as a line of the file. */
export type EventLogLine = Omit<StoredEvent, 'position'>;

/** The file is not a complete, valid event log, or the target store refused it. */
export class EventLogError extends Error {
  override readonly name = 'EventLogError';
  constructor(
    message: string,
    /** 1-based line of the file the problem is on, when it is about one line. */
    readonly lineNumber?: number,
  ) {
    super(lineNumber === undefined ? message : `Line ${lineNumber}: ${message}`);
  }
}

/**
 * Writes the log (or one förbund's part of it) to `out`, reading the store a page at a time.
 * Only events up to the head at the start are exported, so concurrent writes cannot make the
 * file end in the middle of something; stop the application for a migration all the same.
 * `out` is left open: the caller ends it.
 */
export async function exportEventLog(
  store: EventStore,
  out: NodeJS.WritableStream,
  options: ExportEventLogOptions = {},
): Promise<{ events: number }> {
  const associationId = options.associationId;
  const header: EventLogHeader = {
    format: EVENT_LOG_FORMAT,
    version: EVENT_LOG_VERSION,
    exportedAt: new Date().toISOString(),
    associationId: associationId ?? null,
  };
  await writeLine(out, header);

  const belongs = associationId === undefined ? () => true : associationMembership(associationId);
  const head = await store.headPosition();
  let events = 0;
  let deletedStreams = 0;
  let after: GlobalPosition | undefined;
  while (head !== undefined) {
    const page = await store.readAll({ after, limit: PAGE_SIZE });
    for (const event of page) {
      if (event.position > head) break;
      if (!belongs(event)) continue;
      const line: EventLogLine = {
        id: event.id,
        streamName: event.streamName,
        revision: event.revision,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      };
      await writeLine(out, line);
      events += 1;
      const erased = erasedStreamOf(event);
      if (erased !== undefined && (await store.isDeleted(erased))) {
        await writeLine(out, { deletedStream: erased });
        deletedStreams += 1;
      }
    }
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE_SIZE || last.position >= head) break;
    after = last.position;
  }
  await writeLine(out, { end: true, events, deletedStreams });
  return { events };
}

/**
 * Appends the file's events to an empty store, in file order, keeping ids, types, data and
 * metadata; each event is appended with the revision it had (so a gap or a reordering in the
 * file is refused by the store itself). Reads the input a line at a time.
 *
 * A bad line stops the import with its line number. The events before it are already in the
 * target then (the file is read once, as a stream): discard the target before trying again.
 */
export async function importEventLog(
  store: EventStore,
  input: NodeJS.ReadableStream,
): Promise<{ events: number }> {
  if ((await store.headPosition()) !== undefined) {
    throw new EventLogError(
      'The target event store is not empty; import only into a new, empty store',
    );
  }

  const importer = new Importer(store);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let header: EventLogHeader | undefined;
  let end: EndLine | undefined;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      if (end !== undefined) throw new EventLogError('text after the end line', lineNumber);
      const value = parseJson(text, lineNumber);
      if (header === undefined) {
        header = parseLine(HeaderLine, value, lineNumber, 'a header line');
        continue;
      }
      if (isObjectWith(value, 'end')) {
        end = parseLine(EndLine, value, lineNumber, 'an end line');
        await importer.flush();
        if (end.events !== importer.events || end.deletedStreams !== importer.deletedStreams) {
          throw new EventLogError(
            `the end line counts ${end.events} events and ${end.deletedStreams} deleted streams, ` +
              `the file holds ${importer.events} and ${importer.deletedStreams}`,
            lineNumber,
          );
        }
      } else if (isObjectWith(value, 'deletedStream')) {
        const { deletedStream } = parseLine(DeletionLine, value, lineNumber, 'a deletion line');
        await importer.deleteStream(deletedStream, lineNumber);
      } else {
        const line = parseLine(EventLine, value, lineNumber, 'an event line');
        // Keep the parsed JSON itself rather than the validator's copy: byte for byte the same.
        await importer.add(toEventLogLine(line, value), lineNumber);
      }
    }
  } finally {
    lines.close();
  }

  if (header === undefined) throw new EventLogError('The file is empty: no header line');
  if (end === undefined) {
    await importer.flush();
    throw new EventLogError(
      `The file ends at line ${lineNumber} without its end line: it was cut short. ` +
        `The target holds the ${importer.events} events read so far; discard it.`,
    );
  }
  return { events: importer.events };
}

// ---------------------------------------------------------------------------------------------
// Export helpers

/**
 * Decides, in log order, whether an event belongs to the förbund: its association stream, the
 * interventions it registered and the participants enrolled with it. A stream's registering
 * event is its first, so it is always seen before the rest of the stream.
 */
function associationMembership(associationId: string): (event: StoredEvent) => boolean {
  const associationStream = `association-${associationId}`;
  const members = new Set<string>();
  return (event) => {
    if (event.streamName === associationStream || members.has(event.streamName)) return true;
    const registers =
      (event.type === 'InterventionRegistered' && event.streamName.startsWith('intervention-')) ||
      (event.type === 'ParticipantEnrolled' && event.streamName.startsWith('participant-'));
    if (registers && event.data.associationId === associationId) {
      members.add(event.streamName);
      return true;
    }
    return false;
  };
}

/** The participant stream a ParticipantErased event erased. */
function erasedStreamOf(event: StoredEvent): string | undefined {
  const participantId = event.data.participantId;
  if (event.type !== 'ParticipantErased' || typeof participantId !== 'string') return undefined;
  return `participant-${participantId}`;
}

async function writeLine(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  // Honour back-pressure so a slow disk or pipe never makes the whole log pile up in memory.
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

// ---------------------------------------------------------------------------------------------
// Import helpers

/** The UUID shape (any version): KurrentDB refuses event ids that are not UUIDs. */
const Uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a UUID');

const HeaderLine = z.strictObject({
  format: z.literal(EVENT_LOG_FORMAT),
  version: z.literal(EVENT_LOG_VERSION),
  exportedAt: z.string(),
  associationId: z.string().nullable(),
});

const EventLine = z.strictObject({
  id: Uuid,
  streamName: z
    .string()
    .min(1)
    .refine((name) => !name.startsWith('$'), 'a system stream'),
  revision: z.number().int().nonnegative(),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  // Loose: metadata another version added travels along unchanged.
  metadata: z.looseObject({
    recordedAt: z.string(),
    actor: z.string(),
    correlationId: z.string(),
    causationId: z.string().optional(),
  }),
});

const DeletionLine = z.strictObject({ deletedStream: z.string().min(1) });

const EndLine = z.strictObject({
  end: z.literal(true),
  events: z.number().int().nonnegative(),
  deletedStreams: z.number().int().nonnegative(),
});
type EndLine = z.infer<typeof EndLine>;

function parseJson(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EventLogError('not valid JSON', lineNumber);
  }
}

function parseLine<T>(schema: z.ZodType<T>, value: unknown, lineNumber: number, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return `${path === '' ? '' : `${path}: `}${issue.message}`;
    })
    .join('; ');
  throw new EventLogError(`not ${what} (${problems})`, lineNumber);
}

function isObjectWith(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && key in value;
}

function toEventLogLine(line: z.infer<typeof EventLine>, raw: unknown): EventLogLine {
  const original = raw as { data: EventLogLine['data']; metadata: EventLogLine['metadata'] };
  return { ...line, data: original.data, metadata: original.metadata };
}

type PendingRun = {
  readonly streamName: string;
  readonly firstRevision: number;
  readonly firstLine: number;
  readonly events: NewEvent[];
  bytes: number;
};

/** Appends the file's events, joining consecutive events of one stream into one append. */
class Importer {
  events = 0;
  deletedStreams = 0;
  private pending: PendingRun | undefined;
  /** Position of the newest event this import wrote; every real write lands after it. */
  private lastPosition: GlobalPosition | undefined;

  constructor(private readonly store: EventStore) {}

  async add(line: EventLogLine, lineNumber: number): Promise<void> {
    const event: NewEvent = {
      id: line.id,
      type: line.type,
      data: line.data,
      metadata: line.metadata,
    };
    const bytes = appendSize(event);
    const run = this.pending;
    const continues =
      run !== undefined &&
      run.streamName === line.streamName &&
      run.firstRevision + run.events.length === line.revision &&
      run.events.length < MAX_IMPORT_BATCH &&
      run.bytes + bytes <= MAX_IMPORT_BATCH_BYTES;
    if (!continues) {
      await this.flush();
      // An event too large on its own still goes alone: the store says whether it takes it.
      this.pending = {
        streamName: line.streamName,
        firstRevision: line.revision,
        firstLine: lineNumber,
        events: [],
        bytes: 0,
      };
    }
    if (this.pending === undefined) return;
    this.pending.events.push(event);
    this.pending.bytes += bytes;
  }

  async deleteStream(streamName: string, lineNumber: number): Promise<void> {
    await this.flush();
    try {
      await this.store.deleteStream(streamName);
    } catch (error) {
      throw new EventLogError(`deleting ${streamName} failed: ${describe(error)}`, lineNumber);
    }
    this.deletedStreams += 1;
  }

  async flush(): Promise<void> {
    const run = this.pending;
    this.pending = undefined;
    if (run === undefined || run.events.length === 0) return;
    const lastRevision = run.firstRevision + run.events.length - 1;
    const where = run.events.length === 1 ? run.firstLine : undefined;
    const lines =
      run.events.length === 1
        ? ''
        : ` (lines ${run.firstLine}–${run.firstLine + run.events.length - 1})`;
    let result: AppendResult;
    try {
      const expected = run.firstRevision === 0 ? 'no_stream' : run.firstRevision - 1;
      result = await this.store.append(run.streamName, run.events, expected);
    } catch (error) {
      const reason =
        error instanceof WrongExpectedRevisionError
          ? `revision ${run.firstRevision} of ${run.streamName} does not follow ` +
            `${error.actual === undefined ? 'an empty stream' : `revision ${error.actual}`}`
          : describe(error);
      throw new EventLogError(`${reason}${lines}`, where ?? run.firstLine);
    }
    // A store answers an append of already stored ids with the stored revision and position
    // instead of writing: the file repeats an earlier event, so it is corrupt.
    const repeated =
      result.revision !== lastRevision ||
      (this.lastPosition !== undefined && result.position <= this.lastPosition);
    if (repeated) {
      throw new EventLogError(
        `event ids of ${run.streamName} are already imported: the file repeats events${lines}`,
        where ?? run.firstLine,
      );
    }
    this.lastPosition = result.position;
    this.events += run.events.length;
  }
}

/** What an event counts against an append size limit, framing included. */
function appendSize(event: NewEvent): number {
  return (
    Buffer.byteLength(JSON.stringify(event.data)) +
    Buffer.byteLength(JSON.stringify(event.metadata)) +
    event.type.length * 2 +
    EVENT_OVERHEAD_BYTES
  );
}

function describe(error: unknown): string {
  // Some client errors carry no message, only their name (MaxAppendSizeExceededError).
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return String(error);
}
