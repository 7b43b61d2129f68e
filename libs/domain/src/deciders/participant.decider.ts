import type {
  EnrolParticipantBody,
  ExitParticipantBody,
  RecordProgressionStepBody,
  RecordSatisfactionBody,
  RecordSelfAssessmentBody,
  RetractEntryBody,
} from '../commands';
import type { ParticipantEvent } from '../events';
import { ensure } from '../errors';
import type { Decider } from '../shared/decider';
import { maxDate, yearOf, type IsoDate } from '../shared/dates';
import { isOpenOn, type RegisteredIntervention } from './intervention.decider';

type Entry = {
  readonly type: ParticipantEvent['type'];
  readonly occurredOn: IsoDate;
  readonly retracted: boolean;
};

export type EnrolledParticipant = {
  readonly status: 'active' | 'exited';
  readonly participantId: string;
  readonly interventionId: string;
  readonly associationId: string;
  readonly enrolledOn: IsoDate;
  /** Every recorded entry by event id, so retractions can be checked and undone in the state. */
  readonly entries: Readonly<Record<string, Entry>>;
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
  );

const MIN_AGE = 16;
const MAX_AGE = 100;

function decideEnrolment(
  command: Extract<ParticipantCommand, { type: 'EnrolParticipant' }>,
  state: ParticipantState,
): ParticipantEvent[] {
  const { intervention, today, body } = command;
  ensure(state.status === 'new', 'participant_already_enrolled');
  ensure(intervention.kind === 'individual', 'intervention_is_structural');
  ensure(body.enrolledOn <= today, 'date_in_future');
  ensure(intervention.startsOn <= body.enrolledOn, 'date_before_intervention_start');
  ensure(isOpenOn(intervention, body.enrolledOn), 'intervention_not_open');
  const age = yearOf(body.enrolledOn) - body.birthYear;
  ensure(age >= MIN_AGE && age <= MAX_AGE, 'participant_age_out_of_range');
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
        occurredOn: body.enrolledOn,
      },
    },
  ];
}

/** The participant as enrolled, or the precise refusal: never enrolled, or erased. */
export function ensureEnrolled(state: ParticipantState): EnrolledParticipant {
  ensure(state.status !== 'erased', 'participant_erased');
  ensure(state.status !== 'new', 'participant_not_found');
  return state;
}

/** No fact dated in the future, before enrolment or after exit. */
function ensureDateWithinParticipation(
  p: EnrolledParticipant,
  date: IsoDate,
  today: IsoDate,
): void {
  ensure(date <= today, 'date_in_future');
  ensure(p.enrolledOn <= date, 'date_before_enrolment');
  ensure(p.exit === undefined || date <= p.exit.exitedOn, 'date_after_exit');
}

function decide(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
  if (command.type === 'EnrolParticipant') return decideEnrolment(command, state);
  const p = ensureEnrolled(state);
  const { participantId } = p;
  const { intervention, today } = command;
  switch (command.type) {
    case 'RecordSelfAssessment': {
      const { instrument: key, phase, assessedOn, scores } = command.body;
      ensureDateWithinParticipation(p, assessedOn, today);
      const instrument = intervention.instrument;
      ensure(key === instrument.key, 'instrument_not_used');
      const items = new Map(instrument.items.map((i) => [i.key, i]));
      const answered = Object.entries(scores);
      ensure(
        answered.every(([item]) => items.has(item)),
        'instrument_item_unknown',
      );
      ensure(
        answered.every(([item, score]) => {
          const range = items.get(item);
          return range !== undefined && range.min <= score && score <= range.max;
        }),
        'score_out_of_range',
      );
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
      ensureDateWithinParticipation(p, stepOn, today);
      ensure(
        intervention.ladder.levels.some((l) => l.level === level),
        'ladder_level_unknown',
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
      ensureDateWithinParticipation(p, answeredOn, today);
      return [
        {
          type: 'SatisfactionRecorded',
          data: { participantId, score, answeredOn, occurredOn: answeredOn },
        },
      ];
    }
    case 'ExitParticipant': {
      const { exitedOn, outcome, incomeSource, planHandedOver } = command.body;
      ensure(p.exit === undefined, 'participant_already_exited');
      ensureDateWithinParticipation(p, exitedOn, today);
      const latest = maxDate(
        Object.values(p.entries)
          .filter((e) => !e.retracted && e.type !== 'EntryRetracted')
          .map((e) => e.occurredOn),
      );
      ensure(latest === undefined || latest <= exitedOn, 'exit_before_recorded_entries');
      return [
        {
          type: 'ParticipantExited',
          data: {
            participantId,
            exitedOn,
            outcome,
            incomeSourceAtExit: incomeSource,
            planHandedOver,
            occurredOn: exitedOn,
          },
        },
      ];
    }
    case 'RetractEntry': {
      const { eventId, reason } = command.body;
      const target = p.entries[eventId];
      ensure(target !== undefined, 'retraction_target_not_found');
      ensure(
        target.type !== 'ParticipantEnrolled' && target.type !== 'EntryRetracted',
        'retraction_target_not_retractable',
      );
      ensure(!target.retracted, 'retraction_target_already_retracted');
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
        entries: { [event.id]: { type: event.type, occurredOn: enrolledOn, retracted: false } },
      };
    }
    if (state.status !== 'active' && state.status !== 'exited') return state;
    const entries = {
      ...state.entries,
      [event.id]: { type: event.type, occurredOn: event.data.occurredOn, retracted: false },
    };
    switch (event.type) {
      case 'ParticipantExited':
        return {
          ...state,
          entries,
          status: 'exited',
          exit: { eventId: event.id, exitedOn: event.data.exitedOn },
        };
      case 'EntryRetracted': {
        const targetId = event.data.retractedEventId;
        const target = state.entries[targetId];
        if (target === undefined) return { ...state, entries };
        entries[targetId] = { ...target, retracted: true };
        if (state.exit?.eventId !== targetId) return { ...state, entries };
        // Retracting the exit makes the participant active again, ready for a corrected exit.
        const { exit: _retracted, ...rest } = state;
        return { ...rest, entries, status: 'active' };
      }
      default:
        return { ...state, entries };
    }
  },
};
