import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import type { EventStore, NewEvent, StoredEvent } from '../event-store.port';
import { KurrentDbDouble } from '../../../../test/support/kurrentdb-double';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import {
  EVENT_LOG_FORMAT,
  EVENT_LOG_VERSION,
  EventLogError,
  exportEventLog,
  importEventLog,
} from './event-log-file';

const A = 'F-AAAAAAAAAA';
const B = 'F-BBBBBBBBBB';
const IA = 'I-AAAAAAAAAA';
const IA2 = 'I-AAAAAAAAA2';
const IB = 'I-BBBBBBBBBB';
const PA1 = 'D-AAAAAAAAA1';
const PA2 = 'D-AAAAAAAAA2';
const PA3 = 'D-AAAAAAAAA3';
const PB1 = 'D-BBBBBBBBB1';

const opened: SqliteEventStore[] = [];

function openStore(): SqliteEventStore {
  const store = SqliteEventStore.open(':memory:');
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

function event(type: string, data: Record<string, unknown>, actor = 'chief-a'): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { ...data, occurredOn: '2025-02-03' },
    metadata: {
      recordedAt: new Date().toISOString(),
      actor,
      correlationId: randomUUID(),
      ...(type === 'SatisfactionRecorded' ? { causationId: randomUUID() } : {}),
    },
  };
}

const enrolment = (participantId: string, interventionId: string, associationId: string) =>
  event('ParticipantEnrolled', {
    participantId,
    interventionId,
    associationId,
    enrolledOn: '2025-01-15',
    gender: 'woman',
    birthYear: 1991,
    referringParty: 'FK',
    incomeSourceAtStart: 'sickness_benefit',
    educationLevel: 'upper_secondary',
    supportDurationBefore: '2_5y',
  });

const registration = (interventionId: string, associationId: string, name: string) =>
  event('InterventionRegistered', {
    interventionId,
    associationId,
    name,
    kind: 'individual',
    parties: ['FK', 'MUNICIPALITY'],
    startsOn: '2025-01-01',
    instrument: 'stegvis-5',
    ladder: { levels: [{ level: 1, label: 'Ej aktuell för arbetslivsinriktade insatser' }] },
  });

/**
 * Two förbund as they would look after some months of use: registrations, goals, participants
 * whose events interleave, a batch of several events, and one erased participant.
 */
async function writeRealisticLog(store: EventStore): Promise<void> {
  await store.append(
    `association-${A}`,
    [
      event('AssociationRegistered', {
        associationId: A,
        name: 'Samordningsförbundet Älvdalen',
        orgNumber: '222000-1111',
        parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
      }),
    ],
    'no_stream',
  );
  await store.append(
    `association-${B}`,
    [
      event('AssociationRegistered', {
        associationId: B,
        name: 'Finsam Östra',
        orgNumber: '222000-2222',
        parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
      }),
    ],
    'no_stream',
  );
  await store.append(`intervention-${IA}`, [registration(IA, A, 'Resurslotsen')], 'no_stream');
  await store.append(`intervention-${IB}`, [registration(IB, B, 'SamCoach')], 'no_stream');
  await store.append(
    `intervention-${IA}`,
    [
      event('InterventionGoalsSet', {
        interventionId: IA,
        year: 2025,
        goals: [{ id: 'nojda', label: 'Nöjda deltagare', kind: 'satisfactionShare', target: 0.8 }],
      }),
    ],
    0,
  );
  await store.append(`participant-${PA1}`, [enrolment(PA1, IA, A)], 'no_stream');
  await store.append(`participant-${PB1}`, [enrolment(PB1, IB, B)], 'no_stream');
  await store.append(`participant-${PA2}`, [enrolment(PA2, IA, A)], 'no_stream');
  await store.append(
    `participant-${PA1}`,
    [
      event('SelfAssessmentRecorded', {
        participantId: PA1,
        instrument: 'stegvis-5',
        phase: 'start',
        assessedOn: '2025-01-20',
        scores: { self_esteem: 4, wellbeing: 5, employability: 3 },
      }),
      event('ProgressionStepRecorded', { participantId: PA1, level: 2, stepOn: '2025-01-21' }),
    ],
    0,
  );
  await store.append(`intervention-${IA2}`, [registration(IA2, A, 'Navet')], 'no_stream');
  await store.append(
    `intervention-${IB}`,
    [event('AttendanceRecorded', { interventionId: IB, women: 12, men: 9, other: 1 })],
    0,
  );
  await store.append(`participant-${PA3}`, [enrolment(PA3, IA2, A)], 'no_stream');
  await store.append(
    `participant-${PB1}`,
    [event('SatisfactionRecorded', { participantId: PB1, score: 4, answeredOn: '2025-03-01' })],
    0,
  );
  // Withdrawn consent: the erasure is recorded with the förbund, the person's stream deleted.
  await store.append(
    `association-${A}`,
    [
      event('ParticipantErased', {
        associationId: A,
        participantId: PA2,
        interventionId: IA,
        reason: 'consent_withdrawn',
      }),
    ],
    0,
  );
  await store.deleteStream(`participant-${PA2}`);
  await store.append(
    `participant-${PA1}`,
    [
      event('ParticipantExited', {
        participantId: PA1,
        exitedOn: '2025-06-30',
        outcome: 'work',
        incomeSourceAtExit: 'salary',
        planHandedOver: true,
      }),
    ],
    2,
  );
}

async function readWholeLog(store: EventStore, pageSize = 7): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position, limit: pageSize });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

function withoutPositions(events: readonly StoredEvent[]): Omit<StoredEvent, 'position'>[] {
  return events.map(({ position: _position, ...rest }) => rest);
}

async function exportToText(
  store: EventStore,
  options?: { associationId?: string },
): Promise<{ text: string; events: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const { events } = await exportEventLog(store, out, options);
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), events };
}

function importText(store: EventStore, text: string): Promise<{ events: number }> {
  return importEventLog(store, Readable.from([text]));
}

function lines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

async function failure(promise: Promise<unknown>): Promise<EventLogError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EventLogError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('portable event log', () => {
  it('moves the whole log to a new store: same ids, streams, revisions, data, order', async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const sourceLog = await readWholeLog(source);

    const { text, events } = await exportToText(source);
    const target = openStore();
    const imported = await importText(target, text);

    const targetLog = await readWholeLog(target);
    expect(events).toBe(sourceLog.length);
    expect(imported.events).toBe(sourceLog.length);
    expect(withoutPositions(targetLog)).toEqual(withoutPositions(sourceLog));
    for (const stream of new Set(sourceLog.map((e) => e.streamName))) {
      expect(withoutPositions(await target.readStream(stream))).toEqual(
        withoutPositions(await source.readStream(stream)),
      );
    }
    // The erasure survives the move: the person's stream stays deleted and refuses writes.
    expect(targetLog.some((e) => e.streamName === `participant-${PA2}`)).toBe(false);
    expect(await target.isDeleted(`participant-${PA2}`)).toBe(true);
  });

  it('writes a header, one line per event without positions, and an end line', async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const sourceLog = await readWholeLog(source);

    const parsed = lines((await exportToText(source)).text);

    expect(parsed[0]).toEqual({
      format: EVENT_LOG_FORMAT,
      version: EVENT_LOG_VERSION,
      exportedAt: expect.any(String),
      associationId: null,
    });
    const eventLines = parsed.filter(
      (line) => typeof line === 'object' && line !== null && 'streamName' in line,
    );
    expect(eventLines).toEqual(withoutPositions(sourceLog));
    expect(parsed).toContainEqual({ deletedStream: `participant-${PA2}` });
    expect(parsed.at(-1)).toEqual({ end: true, events: sourceLog.length, deletedStreams: 1 });
  });

  it("exports exactly one förbund's streams", async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const sourceLog = await readWholeLog(source);
    const streamsOfA = new Set([
      `association-${A}`,
      `intervention-${IA}`,
      `intervention-${IA2}`,
      `participant-${PA1}`,
      `participant-${PA3}`,
    ]);

    const { text, events } = await exportToText(source, { associationId: A });
    const target = openStore();
    await importText(target, text);

    const expected = withoutPositions(sourceLog.filter((e) => streamsOfA.has(e.streamName)));
    expect(events).toBe(expected.length);
    expect(lines(text)[0]).toMatchObject({ associationId: A });
    expect(withoutPositions(await readWholeLog(target))).toEqual(expected);
    expect(await target.isDeleted(`participant-${PA2}`)).toBe(true);

    const { text: textOfB } = await exportToText(source, { associationId: B });
    const streamsOfB = new Set(lines(textOfB).flatMap((line) => eventStream(line)));
    expect(streamsOfB).toEqual(
      new Set([`association-${B}`, `intervention-${IB}`, `participant-${PB1}`]),
    );
  });

  it('pages through a log larger than one read', async () => {
    const source = openStore();
    const batch = Array.from({ length: 2500 }, (_, i) =>
      event('AttendanceRecorded', { interventionId: IB, women: i, men: 0, other: 0 }),
    );
    await source.append(`intervention-${IB}`, [registration(IB, B, 'SamCoach')], 'no_stream');
    for (let i = 0; i < batch.length; i += 500) {
      await source.append(`intervention-${IB}`, batch.slice(i, i + 500), i);
    }

    const { text, events } = await exportToText(source);
    const target = openStore();
    await importText(target, text);

    expect(events).toBe(2501);
    expect(withoutPositions(await readWholeLog(target, 1000))).toEqual(
      withoutPositions(await readWholeLog(source, 1000)),
    );
  });

  it('refuses to import into a store that already holds events', async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const { text } = await exportToText(source);
    const target = openStore();
    const existing = event('AssociationRegistered', { associationId: 'F-CCCCCCCCCC' });
    await target.append('association-F-CCCCCCCCCC', [existing], 'no_stream');

    const error = await failure(importText(target, text));

    expect(error.message).toMatch(/not empty/);
    expect((await readWholeLog(target)).map((e) => e.id)).toEqual([existing.id]);
  });

  it('refuses a corrupt line with its line number', async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const fileLines = (await exportToText(source)).text.split('\n');

    const broken = [...fileLines];
    broken[4] = broken[4]?.slice(0, 20) ?? '';
    const error = await failure(importText(openStore(), broken.join('\n')));
    expect(error.lineNumber).toBe(5);
    expect(error.message).toBe('Line 5: not valid JSON');

    const invalid = [...fileLines];
    invalid[6] = JSON.stringify({ ...(JSON.parse(invalid[6] ?? '') as object), revision: -1 });
    const invalidError = await failure(importText(openStore(), invalid.join('\n')));
    expect(invalidError.lineNumber).toBe(7);
    expect(invalidError.message).toMatch(/^Line 7: not an event line \(revision: /);

    const badHeader = [JSON.stringify({ format: 'something-else' }), ...fileLines.slice(1)];
    expect((await failure(importText(openStore(), badHeader.join('\n')))).lineNumber).toBe(1);
  });

  it('refuses a file with a missing event, naming the line after the gap', async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const fileLines = (await exportToText(source)).text.split('\n');
    const index = fileLines.findIndex((line) => line.includes('"ProgressionStepRecorded"'));
    const withoutEvent = fileLines.filter((_, i) => i !== index - 1); // its SelfAssessment

    const error = await failure(importText(openStore(), withoutEvent.join('\n')));

    expect(error.lineNumber).toBe(index);
    expect(error.message).toMatch(
      /^Line \d+: revision 2 of participant-D-AAAAAAAAA1 does not follow revision 0$/,
    );
  });

  it('refuses a file that repeats an event', async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const fileLines = (await exportToText(source)).text.split('\n');
    const repeated = [...fileLines.slice(0, 3), fileLines[2] ?? '', ...fileLines.slice(3)];

    const error = await failure(importText(openStore(), repeated.join('\n')));

    expect(error.lineNumber).toBe(4);
    expect(error.message).toMatch(/repeats events/);
  });

  it('refuses a file that was cut short', async () => {
    const source = openStore();
    await writeRealisticLog(source);
    const fileLines = (await exportToText(source)).text.trimEnd().split('\n');

    const truncated = fileLines.slice(0, -1).join('\n');
    expect((await failure(importText(openStore(), truncated))).message).toMatch(/cut short/);
    expect((await failure(importText(openStore(), ''))).message).toMatch(/no header/);

    const miscounted = [...fileLines.slice(0, 3), fileLines.at(-1) ?? ''].join('\n');
    expect((await failure(importText(openStore(), miscounted))).message).toMatch(/end line counts/);
  });
});

// Fix 6: a batch of the import stays below the 1 MiB an append may hold in KurrentDB.
describe('portable event log into KurrentDB', () => {
  let double: KurrentDbDouble;

  beforeEach(async () => {
    double = await KurrentDbDouble.start();
  });

  afterEach(() => double.close());

  it('imports a long stream of large events in appends that the server accepts', async () => {
    const source = openStore();
    const stream = `association-${A}`;
    const notes = 'x'.repeat(8 * 1024);
    const written: NewEvent[] = [];
    for (let i = 0; i < 300; i += 1) written.push(event('AssociationChanged', { notes, i }));
    for (let i = 0; i < written.length; i += 100) {
      await source.append(stream, written.slice(i, i + 100), i === 0 ? 'no_stream' : i - 1);
    }
    const { text } = await exportToText(source);
    const target = new KurrentDbEventStore(double.connectionString({ discoveryInterval: '20' }));
    try {
      expect((await importText(target, text)).events).toBe(300);

      expect((await target.readStream(stream)).map((e) => e.id)).toEqual(written.map((e) => e.id));
      // 300 events of 8 KiB are 2.4 MB: more than two appends, none refused.
      expect(double.node.stats.appendsReceived).toBeGreaterThan(2);
    } finally {
      await target.close();
    }
  });
});

function eventStream(line: unknown): string[] {
  return typeof line === 'object' && line !== null && 'streamName' in line
    ? [String(line.streamName)]
    : [];
}
