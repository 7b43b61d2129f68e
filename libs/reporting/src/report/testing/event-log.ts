import {
  DEFAULT_LADDER,
  STEGVIS_5,
  type AssessmentPhase,
  type AssignmentAim,
  type CorrectableEnrolmentFields,
  type EducationLevel,
  type FollowUpMonths,
  type FollowUpStatus,
  type Gender,
  type Goal,
  type IncomeSource,
  type Instrument,
  type InterventionKind,
  type Outcome,
  type ReferringParty,
  type StegvisEvent,
  type SupportDuration,
} from '@stegvis/domain';
import type { ProjectedEvent } from '../../projections/projection';
import { ProjectedState } from '../../projections/projected-state';
import { computeReport, type ReportInput } from '../compute-report';
import type { Report } from '../report.schema';

export type Enrolment = {
  readonly on: string;
  readonly gender: Gender;
  readonly birthYear?: number;
  readonly referringParty?: ReferringParty;
  readonly incomeSource?: IncomeSource;
  readonly educationLevel?: EducationLevel;
  readonly supportDurationBefore?: SupportDuration;
  readonly referredOn?: string;
  readonly aim?: AssignmentAim;
};

/**
 * Builds an event log for report tests in the words of the domain, and folds it through the
 * worker's projections, so tests start from events exactly as the system records them.
 */
export class EventLog {
  readonly events: ProjectedEvent[] = [];
  private ids = 0;

  constructor(readonly associationId = 'F-0000000001') {
    this.record({
      type: 'AssociationRegistered',
      data: {
        associationId,
        name: 'Samordningsförbundet Test',
        orgNumber: '222000-1974',
        parties: ['FK', 'AF', 'MUNICIPALITY', 'REGION'],
        occurredOn: '2020-01-01',
      },
    });
  }

  record(event: StegvisEvent, recordedAt = '2026-01-01T00:00:00.000Z'): string {
    this.ids += 1;
    const id = `00000000-0000-4000-8000-${String(this.ids).padStart(12, '0')}`;
    this.events.push({ ...event, id, position: BigInt(this.ids), recordedAt });
    return id;
  }

  private nextId(prefix: 'I' | 'D'): string {
    return `${prefix}-${String(this.ids + 1).padStart(10, '0')}`;
  }

  associationGoals(year: number, goals: Goal[]): void {
    this.record({
      type: 'AssociationGoalsSet',
      data: { associationId: this.associationId, year, goals, occurredOn: '2026-01-01' },
    });
  }

  intervention(options: {
    name: string;
    kind?: InterventionKind;
    startsOn?: string;
    instrument?: Instrument;
    /** Instruments used beside `instrument`. */
    instruments?: Instrument[];
  }): InterventionBuilder {
    const interventionId = this.nextId('I');
    this.record({
      type: 'InterventionRegistered',
      data: {
        interventionId,
        associationId: this.associationId,
        name: options.name,
        kind: options.kind ?? 'individual',
        parties: ['FK', 'MUNICIPALITY'],
        startsOn: options.startsOn ?? '2024-01-01',
        instrument: options.instrument ?? STEGVIS_5,
        ...(options.instruments === undefined ? {} : { instruments: options.instruments }),
        ladder: DEFAULT_LADDER,
        occurredOn: options.startsOn ?? '2024-01-01',
      },
    });
    return new InterventionBuilder(this, interventionId);
  }

  state(): ProjectedState {
    const state = new ProjectedState();
    state.apply(this.events);
    return state;
  }

  /**
   * The report as made on `options.today`; by default on a day after every date the tests use,
   * so each of their years is over.
   */
  report(year: number, options: Partial<Omit<ReportInput, 'association'>> = {}): Report {
    const state = this.state();
    const { association, interventions, participants } = state.of(this.associationId);
    if (association === undefined) throw new Error('no association');
    return computeReport({
      association,
      interventions,
      participants,
      checkpoint: state.checkpoint,
      today: '2030-12-31',
      ...options,
      year,
    });
  }
}

export class InterventionBuilder {
  constructor(
    private readonly log: EventLog,
    readonly interventionId: string,
  ) {}

  goals(year: number, goals: Goal[]): this {
    const { interventionId } = this;
    this.log.record({
      type: 'InterventionGoalsSet',
      data: { interventionId, year, goals, occurredOn: '2026-01-01' },
    });
    return this;
  }

  instrumentsAdded(instruments: Instrument[], occurredOn = '2026-01-01'): this {
    const { interventionId } = this;
    this.log.record({
      type: 'InterventionInstrumentsChanged',
      data: { interventionId, instruments, occurredOn },
    });
    return this;
  }

  attendance(occurredOn: string, women: number, men: number, other: number): this {
    const { interventionId } = this;
    this.log.record({
      type: 'AttendanceRecorded',
      data: { interventionId, occurredOn, women, men, other },
    });
    return this;
  }

  enrol(e: Enrolment): ParticipantBuilder {
    const participantId = `D-${String(this.log.events.length + 1).padStart(10, '0')}`;
    this.log.record({
      type: 'ParticipantEnrolled',
      data: {
        participantId,
        interventionId: this.interventionId,
        associationId: this.log.associationId,
        enrolledOn: e.on,
        gender: e.gender,
        birthYear: e.birthYear ?? 1990,
        referringParty: e.referringParty ?? 'FK',
        incomeSourceAtStart: e.incomeSource ?? 'sickness_benefit',
        educationLevel: e.educationLevel ?? 'upper_secondary',
        supportDurationBefore: e.supportDurationBefore ?? '1_2y',
        ...(e.referredOn === undefined ? {} : { referredOn: e.referredOn }),
        ...(e.aim === undefined ? {} : { assignment: { aim: e.aim } }),
        occurredOn: e.on,
      },
    });
    return new ParticipantBuilder(this.log, participantId, this.interventionId);
  }
}

export class ParticipantBuilder {
  constructor(
    private readonly log: EventLog,
    readonly participantId: string,
    private readonly interventionId: string,
  ) {}

  assess(
    phase: AssessmentPhase,
    on: string,
    scores: Record<string, number>,
    instrument = STEGVIS_5.key,
  ): string {
    const { participantId } = this;
    return this.log.record({
      type: 'SelfAssessmentRecorded',
      data: { participantId, instrument, phase, assessedOn: on, scores, occurredOn: on },
    });
  }

  step(level: number, on: string): string {
    const { participantId } = this;
    return this.log.record({
      type: 'ProgressionStepRecorded',
      data: { participantId, level, stepOn: on, occurredOn: on },
    });
  }

  satisfaction(score: number, on: string): string {
    const { participantId } = this;
    return this.log.record({
      type: 'SatisfactionRecorded',
      data: { participantId, score, answeredOn: on, occurredOn: on },
    });
  }

  exit(
    on: string,
    outcome: Outcome,
    incomeSourceAtExit: IncomeSource = 'unknown',
    planHandedOver = true,
    assignmentGoalReached?: boolean,
  ): string {
    const { participantId } = this;
    return this.log.record({
      type: 'ParticipantExited',
      data: {
        participantId,
        exitedOn: on,
        outcome,
        incomeSourceAtExit,
        planHandedOver,
        ...(assignmentGoalReached === undefined ? {} : { assignmentGoalReached }),
        occurredOn: on,
      },
    });
  }

  followUp(
    monthsAfterExit: FollowUpMonths,
    on: string,
    status: FollowUpStatus,
    incomeSource: IncomeSource = 'unknown',
  ): string {
    const { participantId } = this;
    return this.log.record({
      type: 'FollowUpRecorded',
      data: {
        participantId,
        monthsAfterExit,
        followedUpOn: on,
        status,
        incomeSource,
        occurredOn: on,
      },
    });
  }

  correct(fields: CorrectableEnrolmentFields, on = '2026-12-01'): string {
    const { participantId } = this;
    return this.log.record({
      type: 'EnrolmentCorrected',
      data: { participantId, fields, occurredOn: on },
    });
  }

  retract(eventId: string, on = '2026-12-01'): string {
    const { participantId } = this;
    return this.log.record({
      type: 'EntryRetracted',
      data: { participantId, retractedEventId: eventId, reason: 'wrong_value', occurredOn: on },
    });
  }

  erase(): string {
    const { participantId, interventionId } = this;
    const { associationId } = this.log;
    return this.log.record({
      type: 'ParticipantErased',
      data: {
        associationId,
        participantId,
        interventionId,
        reason: 'consent_withdrawn',
        occurredOn: '2026-12-01',
      },
    });
  }
}
