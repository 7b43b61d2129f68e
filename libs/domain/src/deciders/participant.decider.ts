import type {
  CorrectEnrolmentBody,
  EnrolParticipantBody,
  ExitParticipantBody,
  RecordFollowUpBody,
  RecordProgressionStepBody,
  RecordSatisfactionBody,
  RecordSelfAssessmentBody,
  RetractEntryBody,
} from '../commands';
import type { ParticipantEvent } from '../events';
import { DomainError, ensure } from '../errors';
import { AppendOnlyMap, AppendOnlySet } from '../shared/append-only-map';
import type { Decider } from '../shared/decider';
import { addMonths, maxDate, yearOf, type IsoDate } from '../shared/dates';
import { ensureOpenOn, type RegisteredIntervention } from './intervention.decider';

type Entry = {
  readonly type: ParticipantEvent['type'];
  readonly occurredOn: IsoDate;
  /** The mark of a follow-up after exit. */
  readonly monthsAfterExit?: number;
};

/**
 * The most events one participant's stream takes. A real participant has tens (enrolment, a few
 * self-assessments and steps, satisfaction, exit, the odd retraction); the cap keeps a runaway
 * script from growing one stream without bound, since every write reads the whole stream.
 */
export const MAX_EVENTS_PER_PARTICIPANT = 2_000;

export type EnrolledParticipant = {
  readonly status: 'active' | 'exited';
  readonly participantId: string;
  readonly interventionId: string;
  readonly associationId: string;
  readonly enrolledOn: IsoDate;
  /** Enrolled (or corrected) with an uppdrag: only then may an exit say whether it was reached. */
  readonly hasAssignment: boolean;
  /**
   * Every recorded event by id, so retractions can be checked and undone in the state. Append-only
   * (one entry per event in O(1)), so folding a long history stays linear.
   */
  readonly entries: AppendOnlyMap<string, Entry>;
  /** Ids of the retracted entries. */
  readonly retracted: AppendOnlySet<string>;
  /** The exit in force: the latest one not retracted. */
  readonly exit?: { readonly eventId: string; readonly exitedOn: IsoDate };
};

/**
 * `erased` is never produced by `evolve`: the participant's stream is deleted on erasure, and
 * the application starts from this state when the store reports the stream as deleted.
 */
export type ParticipantState =
  { readonly status: 'new' } | { readonly status: 'erased' } | EnrolledParticipant;

/** Every participant command is decided against the intervention it belongs to and today's date. */
type Context = { intervention: RegisteredIntervention; today: IsoDate };

export type ParticipantCommand = Context &
  (
    | { type: 'EnrolParticipant'; participantId: string; body: EnrolParticipantBody }
    | { type: 'RecordSelfAssessment'; body: RecordSelfAssessmentBody }
    | { type: 'RecordProgressionStep'; body: RecordProgressionStepBody }
    | { type: 'RecordSatisfaction'; body: RecordSatisfactionBody }
    | { type: 'ExitParticipant'; body: ExitParticipantBody }
    | { type: 'RetractEntry'; body: RetractEntryBody }
    | { type: 'RecordFollowUp'; body: RecordFollowUpBody }
    | { type: 'CorrectEnrolment'; body: CorrectEnrolmentBody }
  );

const MIN_AGE = 16;
const MAX_AGE = 100;

function decideEnrolment(
  command: Extract<ParticipantCommand, { type: 'EnrolParticipant' }>,
  state: ParticipantState,
): ParticipantEvent[] {
  const { intervention, today, body } = command;
  const field = 'enrolledOn';
  ensure(state.status === 'new', 'participant_already_enrolled');
  ensure(intervention.kind === 'individual', 'intervention_is_structural');
  ensure(body.enrolledOn <= today, 'date_in_future', { field, today });
  ensure(intervention.startsOn <= body.enrolledOn, 'date_before_intervention_start', {
    field,
    startsOn: intervention.startsOn,
  });
  ensureOpenOn(intervention, body.enrolledOn, field);
  ensureAgeInRange(body.enrolledOn, body.birthYear);
  if (body.referredOn !== undefined) ensureReferralDate(body.referredOn, body.enrolledOn, today);
  return [
    {
      type: 'ParticipantEnrolled',
      data: {
        participantId: command.participantId,
        interventionId: intervention.interventionId,
        associationId: intervention.associationId,
        enrolledOn: body.enrolledOn,
        gender: body.gender,
        birthYear: body.birthYear,
        referringParty: body.referringParty,
        incomeSourceAtStart: body.incomeSource,
        educationLevel: body.educationLevel,
        supportDurationBefore: body.supportDurationBefore,
        ...(body.referredOn === undefined ? {} : { referredOn: body.referredOn }),
        ...(body.assignment === undefined ? {} : { assignment: body.assignment }),
        occurredOn: body.enrolledOn,
      },
    },
  ];
}

function ensureAgeInRange(enrolledOn: IsoDate, birthYear: number): void {
  const year = yearOf(enrolledOn);
  const age = year - birthYear;
  ensure(age >= MIN_AGE && age <= MAX_AGE, 'participant_age_out_of_range', {
    earliest: year - MAX_AGE,
    latest: year - MIN_AGE,
  });
}

/** The aktualisering comes before the enrolment (waiting time is never negative). */
function ensureReferralDate(referredOn: IsoDate, enrolledOn: IsoDate, today: IsoDate): void {
  ensure(referredOn <= today, 'date_in_future', { field: 'referredOn', today });
  ensure(referredOn <= enrolledOn, 'referral_after_enrolment', { enrolledOn });
}

/** The participant as enrolled, or the precise refusal: never enrolled, or erased. */
export function ensureEnrolled(state: ParticipantState): EnrolledParticipant {
  ensure(state.status !== 'erased', 'participant_erased');
  ensure(state.status !== 'new', 'participant_not_found');
  return state;
}

/** No fact dated in the future, before enrolment or after exit (`field` names the date). */
function ensureDateWithinParticipation(
  p: EnrolledParticipant,
  date: IsoDate,
  field: string,
  today: IsoDate,
): void {
  ensure(date <= today, 'date_in_future', { field, today });
  ensure(p.enrolledOn <= date, 'date_before_enrolment', { field, enrolledOn: p.enrolledOn });
  if (p.exit !== undefined && date > p.exit.exitedOn) {
    throw new DomainError('date_after_exit', { field, exitedOn: p.exit.exitedOn });
  }
}

/** Entries dated by when staff acted on the record, not by when something happened to the person. */
const ABOUT_THE_RECORD: ReadonlySet<ParticipantEvent['type']> = new Set([
  'EntryRetracted',
  'EnrolmentCorrected',
  'FollowUpRecorded',
]);

/** The date of the latest fact of the participation still in force: an exit may not come before it. */
function latestFactDate(p: EnrolledParticipant): IsoDate | undefined {
  const dates: IsoDate[] = [];
  for (const [id, entry] of p.entries.entries()) {
    if (!ABOUT_THE_RECORD.has(entry.type) && !p.retracted.has(id)) dates.push(entry.occurredOn);
  }
  return maxDate(dates);
}

/** The months after exit at which a follow-up is in force (recorded and not retracted). */
function followUpMarks(p: EnrolledParticipant): Set<number> {
  const marks = new Set<number>();
  for (const [id, entry] of p.entries.entries()) {
    if (entry.type === 'FollowUpRecorded' && !p.retracted.has(id)) {
      marks.add(entry.monthsAfterExit ?? 0);
    }
  }
  return marks;
}

function decideFollowUp(
  p: EnrolledParticipant,
  body: RecordFollowUpBody,
  today: IsoDate,
): ParticipantEvent[] {
  const { monthsAfterExit: months, followedUpOn, status, incomeSource } = body;
  if (p.exit === undefined) throw new DomainError('participant_not_exited');
  ensure(followedUpOn <= today, 'date_in_future', { field: 'followedUpOn', today });
  const { exitedOn } = p.exit;
  const earliest = addMonths(exitedOn, months);
  ensure(followedUpOn >= earliest, 'follow_up_before_mark', { months, exitedOn, earliest });
  ensure(!followUpMarks(p).has(months), 'follow_up_already_recorded', { months });
  return [
    {
      type: 'FollowUpRecorded',
      data: {
        participantId: p.participantId,
        monthsAfterExit: months,
        followedUpOn,
        status,
        incomeSource,
        occurredOn: followedUpOn,
      },
    },
  ];
}

function decideCorrection(
  p: EnrolledParticipant,
  { fields }: CorrectEnrolmentBody,
  today: IsoDate,
): ParticipantEvent[] {
  if (fields.birthYear !== undefined) ensureAgeInRange(p.enrolledOn, fields.birthYear);
  if (fields.referredOn !== undefined) ensureReferralDate(fields.referredOn, p.enrolledOn, today);
  return [
    {
      type: 'EnrolmentCorrected',
      data: { participantId: p.participantId, fields, occurredOn: today },
    },
  ];
}

function decide(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
  if (command.type === 'EnrolParticipant') return decideEnrolment(command, state);
  const p = ensureEnrolled(state);
  ensure(p.entries.size < MAX_EVENTS_PER_PARTICIPANT, 'participant_fact_limit_reached', {
    limit: MAX_EVENTS_PER_PARTICIPANT,
  });
  const { participantId } = p;
  const { intervention, today } = command;
  switch (command.type) {
    case 'RecordFollowUp':
      return decideFollowUp(p, command.body, today);
    case 'CorrectEnrolment':
      return decideCorrection(p, command.body, today);
    case 'RecordSelfAssessment': {
      const { instrument: key, phase, assessedOn, scores } = command.body;
      ensureDateWithinParticipation(p, assessedOn, 'assessedOn', today);
      const instrument = intervention.instruments.find((i) => i.key === key);
      ensure(instrument !== undefined, 'instrument_not_used', {
        instruments: intervention.instruments.map((i) => i.key),
      });
      const items = new Map(instrument.items.map((i) => [i.key, i]));
      const answered = Object.entries(scores);
      ensure(
        answered.every(([item]) => items.has(item)),
        'instrument_item_unknown',
        { instrument: instrument.key, items: [...items.keys()] },
      );
      for (const [item, score] of answered) {
        const { min, max } = items.get(item) ?? { min: score, max: score };
        ensure(min <= score && score <= max, 'score_out_of_range', { item, min, max });
      }
      return [
        {
          type: 'SelfAssessmentRecorded',
          data: {
            participantId,
            instrument: key,
            phase,
            assessedOn,
            scores,
            occurredOn: assessedOn,
          },
        },
      ];
    }
    case 'RecordProgressionStep': {
      const { level, stepOn } = command.body;
      ensureDateWithinParticipation(p, stepOn, 'stepOn', today);
      const { levels } = intervention.ladder;
      ensure(
        levels.some((l) => l.level === level),
        'ladder_level_unknown',
        { levels: levels.length },
      );
      return [
        {
          type: 'ProgressionStepRecorded',
          data: { participantId, level, stepOn, occurredOn: stepOn },
        },
      ];
    }
    case 'RecordSatisfaction': {
      const { score, answeredOn } = command.body;
      ensureDateWithinParticipation(p, answeredOn, 'answeredOn', today);
      return [
        {
          type: 'SatisfactionRecorded',
          data: { participantId, score, answeredOn, occurredOn: answeredOn },
        },
      ];
    }
    case 'ExitParticipant': {
      const { exitedOn, outcome, incomeSource, planHandedOver, assignmentGoalReached } =
        command.body;
      if (p.exit !== undefined) {
        throw new DomainError('participant_already_exited', { exitedOn: p.exit.exitedOn });
      }
      ensureDateWithinParticipation(p, exitedOn, 'exitedOn', today);
      const latest = latestFactDate(p);
      if (latest !== undefined && latest > exitedOn) {
        throw new DomainError('exit_before_recorded_entries', { latest });
      }
      ensure(assignmentGoalReached === undefined || p.hasAssignment, 'assignment_missing');
      return [
        {
          type: 'ParticipantExited',
          data: {
            participantId,
            exitedOn,
            outcome,
            incomeSourceAtExit: incomeSource,
            planHandedOver,
            ...(assignmentGoalReached === undefined ? {} : { assignmentGoalReached }),
            occurredOn: exitedOn,
          },
        },
      ];
    }
    case 'RetractEntry': {
      const { eventId, reason } = command.body;
      const target = p.entries.get(eventId);
      ensure(target !== undefined, 'retraction_target_not_found');
      ensure(
        target.type !== 'ParticipantEnrolled' && target.type !== 'EntryRetracted',
        'retraction_target_not_retractable',
      );
      ensure(!p.retracted.has(eventId), 'retraction_target_already_retracted');
      ensure(target.type !== 'EnrolmentCorrected', 'retraction_target_is_correction');
      ensure(p.exit?.eventId !== eventId || followUpMarks(p).size === 0, 'exit_has_follow_ups');
      return [
        {
          type: 'EntryRetracted',
          data: { participantId, retractedEventId: eventId, reason, occurredOn: today },
        },
      ];
    }
  }
}

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  initialState: () => ({ status: 'new' }),
  decide,
  evolve(state, event) {
    if (event.type === 'ParticipantEnrolled') {
      const { participantId, interventionId, associationId, enrolledOn } = event.data;
      return {
        status: 'active',
        participantId,
        interventionId,
        associationId,
        enrolledOn,
        hasAssignment: event.data.assignment !== undefined,
        entries: AppendOnlyMap.empty<string, Entry>().with(event.id, {
          type: event.type,
          occurredOn: enrolledOn,
        }),
        retracted: AppendOnlySet.empty(),
      };
    }
    if (state.status !== 'active' && state.status !== 'exited') return state;
    const entries = state.entries.with(event.id, {
      type: event.type,
      occurredOn: event.data.occurredOn,
      ...(event.type === 'FollowUpRecorded' ? { monthsAfterExit: event.data.monthsAfterExit } : {}),
    });
    switch (event.type) {
      case 'EnrolmentCorrected':
        return {
          ...state,
          entries,
          hasAssignment: state.hasAssignment || event.data.fields.assignment !== undefined,
        };
      case 'ParticipantExited':
        return {
          ...state,
          entries,
          status: 'exited',
          exit: { eventId: event.id, exitedOn: event.data.exitedOn },
        };
      case 'EntryRetracted': {
        const targetId = event.data.retractedEventId;
        if (!state.entries.has(targetId)) return { ...state, entries };
        const retracted = state.retracted.with(targetId);
        if (state.exit?.eventId !== targetId) return { ...state, entries, retracted };
        // Retracting the exit makes the participant active again, ready for a corrected exit.
        const { exit: _retracted, ...rest } = state;
        return { ...rest, entries, retracted, status: 'active' };
      }
      default:
        return { ...state, entries };
    }
  },
};
