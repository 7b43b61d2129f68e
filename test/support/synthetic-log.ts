import type Database from 'better-sqlite3';
import {
  DEFAULT_LADDER,
  STEGVIS_5,
  streamNames,
  type Goal,
  type StegvisEvent,
} from '@stegvis/domain';
import type { ExpectedRevision, NewEvent, SqliteEventStore } from '@stegvis/event-store';

/**
 * A realistic event log, written straight into a SqliteEventStore (not through HTTP): associations
 * and interventions with goals, structural interventions with monthly head counts, and
 * participants going through enrolment, self-assessments, ladder steps, satisfaction, the odd
 * retraction and (for most) exit. The events of many participants interleave in the log, as in a
 * real national log, so a projection batch touches many different documents.
 */
export type LogShape = {
  readonly associations: number;
  /** Individual interventions per association (each association also gets one structural). */
  readonly interventionsPerAssociation: number;
  readonly participants: number;
  /** How many participants' lifecycles interleave in the log at any time. */
  readonly concurrent?: number;
  readonly seed?: number;
};

export type LogSummary = {
  readonly events: number;
  readonly participants: number;
  readonly associationIds: readonly string[];
  readonly interventionIds: readonly string[];
};

/** Measured average of the generator below, to size a log by its number of events. */
export const EVENTS_PER_PARTICIPANT = 10.2;

/** A log of roughly `events` events with the national proportions (DESIGN §6: 2,500 participants per association). */
export function shapeForEvents(events: number, seed = 1): LogShape {
  const participants = Math.max(1, Math.round(events / EVENTS_PER_PARTICIPANT));
  return {
    associations: Math.max(1, Math.round(participants / 2500)),
    interventionsPerAssociation: 4,
    participants,
    seed,
  };
}

const DAY_MS = 86_400_000;
const FIRST_ENROLMENT = Date.UTC(2024, 0, 1) / DAY_MS;
const PSEUDONYM_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Deterministic PRNG (mulberry32) so a given shape and seed always give the same log. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  pseudonym(prefix: string): string {
    let id = '';
    for (let i = 0; i < 10; i++) id += PSEUDONYM_ALPHABET[Math.floor(this.next() * 32)];
    return `${prefix}-${id}`;
  }
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++)
      hex += ((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const GOALS: Goal[] = [
  {
    id: 'egen-forsorjning',
    label: 'Egen försörjning',
    kind: 'outcomeShare',
    outcomes: ['work', 'studies'],
    target: 0.35,
  },
  { id: 'nojda', label: 'Nöjda deltagare', kind: 'satisfactionShare', target: 0.8 },
  {
    id: 'stegforflyttning',
    label: 'Stegförflyttning',
    kind: 'positiveProgressShare',
    source: 'ladder',
    target: 0.6,
  },
  { id: 'deltagare', label: 'Antal deltagare', kind: 'participantCount', min: 40 },
  { id: 'jamstalldhet', label: 'Jämn könsfördelning', kind: 'genderBalance', maxDeviation: 0.2 },
  { id: 'plan', label: 'Plan vid avslut', kind: 'planAtExitShare', target: 0.7 },
];

type Pending = {
  readonly stream: string;
  readonly events: NewEvent[];
  revision: number;
  next: number;
};

/** Appends many small appends inside one SQLite transaction (each append is then a savepoint). */
class BulkAppender {
  private readonly db: Database.Database | undefined;
  private pending = 0;
  events = 0;

  constructor(
    private readonly store: SqliteEventStore,
    private readonly perTransaction = 5000,
  ) {
    // The store does not expose its connection. Grouping appends is only a set-up speed-up
    // (about 3×); without the handle every append simply commits on its own.
    const handle = (store as unknown as { db?: Database.Database }).db;
    this.db = typeof handle?.exec === 'function' ? handle : undefined;
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    if (this.db && !this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
    await this.store.append(stream, events, expected);
    this.events += events.length;
    if (++this.pending >= this.perTransaction) this.flush();
  }

  flush(): void {
    if (this.db?.inTransaction) this.db.exec('COMMIT');
    this.pending = 0;
  }
}

export async function writeSyntheticLog(
  store: SqliteEventStore,
  shape: LogShape,
  onProgress: (events: number) => void = () => undefined,
): Promise<LogSummary> {
  const random = new Random(shape.seed ?? 1);
  const writer = new BulkAppender(store);
  // Never in the future: the deciders would not have accepted such an event.
  const lastDay = Math.floor(Date.now() / DAY_MS) - 1;
  const toNew = (event: StegvisEvent, actor: string): NewEvent => ({
    id: random.uuid(),
    type: event.type,
    data: event.data,
    metadata: {
      recordedAt: `${event.data.occurredOn}T09:${String(random.int(10, 59))}:00.000Z`,
      actor,
      correlationId: random.uuid(),
    },
  });

  const associationIds: string[] = [];
  const individual: { interventionId: string; associationId: string }[] = [];
  const structural: string[] = [];
  for (let a = 0; a < shape.associations; a++) {
    const associationId = random.pseudonym('F');
    associationIds.push(associationId);
    const stream = streamNames.association(associationId);
    await writer.append(
      stream,
      [
        toNew(
          {
            type: 'AssociationRegistered',
            data: {
              associationId,
              name: `Samordningsförbundet ${a + 1}`,
              orgNumber: `2220${String(a).padStart(2, '0')}-${String(1000 + a).slice(-4)}`,
              parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
              occurredOn: '2023-12-01',
            },
          },
          'admin',
        ),
        ...[2024, 2025, 2026].map((year) =>
          toNew(
            {
              type: 'AssociationGoalsSet',
              data: { associationId, year, goals: GOALS, occurredOn: `${year - 1}-12-15` },
            },
            'chief',
          ),
        ),
      ],
      'no_stream',
    );
    for (let i = 0; i <= shape.interventionsPerAssociation; i++) {
      const interventionId = random.pseudonym('I');
      const kind = i === shape.interventionsPerAssociation ? 'structural' : 'individual';
      await writer.append(
        streamNames.intervention(interventionId),
        [
          toNew(
            {
              type: 'InterventionRegistered',
              data: {
                interventionId,
                associationId,
                name: kind === 'structural' ? 'Psykeveckan' : `Insats ${i + 1}`,
                kind,
                parties: ['FK', 'MUNICIPALITY'],
                startsOn: '2024-01-01',
                instrument: STEGVIS_5,
                ladder: DEFAULT_LADDER,
                occurredOn: '2023-12-01',
              },
            },
            'chief',
          ),
          ...[2024, 2025, 2026].map((year) =>
            toNew(
              {
                type: 'InterventionGoalsSet',
                data: { interventionId, year, goals: GOALS, occurredOn: `${year - 1}-12-15` },
              },
              'chief',
            ),
          ),
        ],
        'no_stream',
      );
      if (kind === 'structural') structural.push(interventionId);
      else individual.push({ interventionId, associationId });
    }
  }

  const lifecycle = (): Pending => {
    const { interventionId, associationId } = random.pick(individual);
    const participantId = random.pseudonym('D');
    const actor = `staff-${interventionId}`;
    const events: NewEvent[] = [];
    let day = random.int(FIRST_ENROLMENT, Math.max(FIRST_ENROLMENT, lastDay - 90));
    const add = (event: StegvisEvent) => events.push(toNew(event, actor));
    const later = (min: number, max: number) => {
      day += random.int(min, max);
      return day <= lastDay;
    };
    const scores = (base: number) =>
      Object.fromEntries(
        STEGVIS_5.items.map((item) => [
          item.key,
          Math.min(10, Math.max(1, base + random.int(-2, 2))),
        ]),
      );
    const assessment = (phase: 'start' | 'followup' | 'exit', base: number) =>
      add({
        type: 'SelfAssessmentRecorded',
        data: {
          participantId,
          instrument: STEGVIS_5.key,
          phase,
          assessedOn: isoDay(day),
          scores: scores(base),
          occurredOn: isoDay(day),
        },
      });
    add({
      type: 'ParticipantEnrolled',
      data: {
        participantId,
        interventionId,
        associationId,
        enrolledOn: isoDay(day),
        gender: random.pick(['woman', 'woman', 'man', 'man', 'other'] as const),
        birthYear: random.int(1962, 2008),
        referringParty: random.pick([
          'FK',
          'AF',
          'MUNICIPALITY',
          'REGION',
          'SELF',
          'OTHER',
        ] as const),
        incomeSourceAtStart: random.pick([
          'sickness_benefit',
          'activity_compensation',
          'social_assistance',
          'unemployment_support',
          'none',
          'unknown',
        ] as const),
        educationLevel: random.pick([
          'compulsory',
          'upper_secondary',
          'post_secondary',
          'unknown',
        ] as const),
        supportDurationBefore: random.pick([
          'none',
          'under_1y',
          '1_2y',
          '2_5y',
          'over_5y',
          'unknown',
        ] as const),
        occurredOn: isoDay(day),
      },
    });
    assessment('start', random.int(2, 6));
    let level = random.int(1, 3);
    const steps = random.int(3, 6);
    let lastStepId: string | undefined;
    for (let s = 0; s < steps; s++) {
      if (!later(14, 60))
        return { stream: streamNames.participant(participantId), events, revision: -1, next: 0 };
      level = Math.min(6, level + random.pick([0, 1, 1, 2]));
      add({
        type: 'ProgressionStepRecorded',
        data: { participantId, level, stepOn: isoDay(day), occurredOn: isoDay(day) },
      });
      lastStepId = events.at(-1)?.id;
      if (s === 1 && random.chance(0.7)) assessment('followup', random.int(3, 7));
    }
    const answers = random.int(1, 3);
    for (let s = 0; s < answers && later(7, 30); s++) {
      const score = random.pick([1, 2, 3, 4, 4, 5, 5, 5]);
      add({
        type: 'SatisfactionRecorded',
        data: { participantId, score, answeredOn: isoDay(day), occurredOn: isoDay(day) },
      });
    }
    if (lastStepId && random.chance(0.03)) {
      add({
        type: 'EntryRetracted',
        data: {
          participantId,
          retractedEventId: lastStepId,
          reason: 'wrong_value',
          occurredOn: isoDay(day),
        },
      });
    }
    if (random.chance(0.8) && later(7, 60)) {
      assessment('exit', random.int(4, 8));
      add({
        type: 'ParticipantExited',
        data: {
          participantId,
          exitedOn: isoDay(day),
          outcome: random.pick([
            'work',
            'work',
            'studies',
            'job_seeking',
            'other_support',
            'health',
            'moved',
            'dropped_out',
            'other',
          ] as const),
          incomeSourceAtExit: random.pick([
            'salary',
            'student_aid',
            'unemployment_support',
            'sickness_benefit',
            'social_assistance',
            'other',
          ] as const),
          planHandedOver: random.chance(0.7),
          occurredOn: isoDay(day),
        },
      });
    }
    return { stream: streamNames.participant(participantId), events, revision: -1, next: 0 };
  };

  // Monthly-ish head counts on the structural interventions, spread through the log.
  const attendanceEvery = Math.max(
    1,
    Math.round((shape.participants * EVENTS_PER_PARTICIPANT) / Math.max(1, structural.length * 24)),
  );
  let attendanceCount = 0;
  let started = 0;
  let sinceAttendance = 0;
  let reported = 0;
  const pool: Pending[] = [];
  const concurrent = Math.min(shape.concurrent ?? 2000, shape.participants);
  for (; started < concurrent; started++) pool.push(lifecycle());

  while (pool.length > 0) {
    const index = Math.floor(random.next() * pool.length);
    const p = pool[index] as Pending;
    const event = p.events[p.next] as NewEvent;
    await writer.append(p.stream, [event], p.revision < 0 ? 'no_stream' : p.revision);
    p.revision += 1;
    p.next += 1;
    if (p.next === p.events.length) {
      if (started < shape.participants) {
        pool[index] = lifecycle();
        started += 1;
      } else {
        pool[index] = pool[pool.length - 1] as Pending;
        pool.pop();
      }
    }
    if (++sinceAttendance >= attendanceEvery && structural.length > 0) {
      sinceAttendance = 0;
      const interventionId = structural[attendanceCount % structural.length] as string;
      const occurredOn = isoDay(Math.min(lastDay, FIRST_ENROLMENT + (attendanceCount % 900)));
      attendanceCount += 1;
      await writer.append(
        streamNames.intervention(interventionId),
        [
          toNew(
            {
              type: 'AttendanceRecorded',
              data: {
                interventionId,
                women: random.int(1, 30),
                men: random.int(0, 20),
                other: random.int(0, 3),
                occurredOn,
              },
            },
            'staff',
          ),
        ],
        'stream_exists',
      );
    }
    if (writer.events >= reported + 100_000) onProgress((reported = writer.events));
  }
  writer.flush();
  return {
    events: writer.events,
    participants: started,
    associationIds,
    interventionIds: [...individual.map((i) => i.interventionId), ...structural],
  };
}
