import type { InterventionEvent } from '../events';
import type { Goal } from '../goals';
import {
  BUILT_IN_INSTRUMENT_KEYS,
  BUILT_IN_INSTRUMENTS,
  DEFAULT_LADDER,
  STEGVIS_5,
  type Instrument,
  type Ladder,
} from '../instruments';
import type { InterventionKind } from '../vocabulary';
import type { Decider } from '../shared/decider';
import type { IsoDate } from '../shared/dates';
import type {
  ChangeInterventionInstrumentsBody,
  CloseInterventionBody,
  RecordAttendanceBody,
  RegisterInterventionBody,
} from '../commands';
import { DomainError, ensure } from '../errors';
import type { AssociationState } from './association.decider';
import type { HolderStatus } from './unique-value.decider';
import { ensureGoalsFitInstruments, ensureUniqueGoalIds } from './goal-rules';

export type RegisteredIntervention = {
  readonly status: 'registered';
  readonly interventionId: string;
  readonly associationId: string;
  readonly kind: InterventionKind;
  readonly startsOn: IsoDate;
  readonly endsOn?: IsoDate;
  readonly closedOn?: IsoDate;
  /** The self-assessment whose start and exit answers progression compares. */
  readonly instrument: Instrument;
  /** Every instrument the insats uses, `instrument` first (v1.1: several). */
  readonly instruments: readonly Instrument[];
  readonly ladder: Ladder;
};

export type InterventionState = { readonly status: 'unregistered' } | RegisteredIntervention;

export type InterventionCommand =
  | {
      type: 'RegisterIntervention';
      interventionId: string;
      body: RegisterInterventionBody;
      association: AssociationState;
      today: IsoDate;
    }
  | { type: 'SetInterventionGoals'; year: number; goals: Goal[]; today: IsoDate }
  | {
      type: 'ChangeInterventionInstruments';
      body: ChangeInterventionInstrumentsBody;
      today: IsoDate;
    }
  | { type: 'CloseIntervention'; body: CloseInterventionBody; today: IsoDate }
  | { type: 'RecordAttendance'; body: RecordAttendanceBody; today: IsoDate };

type InstrumentChoice = NonNullable<RegisterInterventionBody['instrument']>;

function resolveInstrument(instrument: InstrumentChoice): Instrument {
  if (typeof instrument !== 'string') return instrument;
  const builtIn = BUILT_IN_INSTRUMENTS[instrument];
  if (!builtIn) throw new DomainError('instrument_unknown', { builtIn: BUILT_IN_INSTRUMENT_KEYS });
  return builtIn;
}

/** The instruments chosen, resolved, each key once (`already` are those in use before). */
function resolveInstruments(
  choices: readonly InstrumentChoice[],
  already: readonly Instrument[] = [],
): Instrument[] {
  const resolved = choices.map(resolveInstrument);
  resolved.forEach((instrument, i) => {
    const first = resolved.findIndex((other) => other.key === instrument.key);
    if (first < i) throw new DomainError('instruments_not_unique', { first, second: i });
    if (already.some((used) => used.key === instrument.key)) {
      throw new DomainError('instrument_already_used', { instrument: instrument.key });
    }
  });
  return resolved;
}

/**
 * The event's fields for the instruments in use: the first as v1's `instrument`, the others,
 * when there are any, as `instruments`, so a v1 registration is written as before.
 */
function instrumentFields([first, ...others]: Instrument[]): {
  instrument: Instrument;
  instruments?: Instrument[];
} {
  if (first === undefined) throw new Error('An intervention uses at least one instrument');
  return { instrument: first, ...(others.length === 0 ? {} : { instruments: others }) };
}

/** The last date the intervention takes new facts: its planned end or its closing, if earlier. */
export function lastOpenDate(intervention: RegisteredIntervention): IsoDate | undefined {
  const { endsOn, closedOn } = intervention;
  if (endsOn === undefined) return closedOn;
  if (closedOn === undefined) return endsOn;
  return closedOn < endsOn ? closedOn : endsOn;
}

export function isOpenOn(intervention: RegisteredIntervention, date: IsoDate): boolean {
  const last = lastOpenDate(intervention);
  return intervention.startsOn <= date && (last === undefined || date <= last);
}

/** Facts dated `date` (named `field` in the request) must fall within the intervention's open time. */
export function ensureOpenOn(intervention: RegisteredIntervention, date: IsoDate, field: string) {
  ensure(isOpenOn(intervention, date), 'intervention_not_open', {
    field,
    startsOn: intervention.startsOn,
    lastOpenDate: lastOpenDate(intervention),
  });
}

/**
 * An insats holds its name among the association's open insatser until it is closed or its
 * planned end has passed: then another may take the name (see the unique-value decider).
 */
export function holdsItsName(intervention: InterventionState, today: IsoDate): HolderStatus {
  if (intervention.status !== 'registered') return 'absent';
  const last = lastOpenDate(intervention);
  return last === undefined || today <= last ? 'holding' : 'released';
}

/** No fact dated in the future or before the intervention starts. */
function ensureDateWithinIntervention(
  intervention: RegisteredIntervention,
  date: IsoDate,
  field: string,
  today: IsoDate,
): void {
  ensure(date <= today, 'date_in_future', { field, today });
  ensure(intervention.startsOn <= date, 'date_before_intervention_start', {
    field,
    startsOn: intervention.startsOn,
  });
}

export const interventionDecider: Decider<
  InterventionCommand,
  InterventionEvent,
  InterventionState
> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    if (command.type === 'RegisterIntervention') {
      const { association, body } = command;
      ensure(association.status === 'registered', 'association_not_found');
      ensure(state.status === 'unregistered', 'intervention_already_registered');
      ensure(
        body.kind !== 'individual' || body.parties.length >= 2,
        'intervention_too_few_parties',
      );
      const outsiders = body.parties.filter((p) => !association.parties.includes(p));
      ensure(outsiders.length === 0, 'intervention_party_not_member', {
        outsiders,
        members: association.parties,
      });
      ensure(
        body.endsOn === undefined || body.startsOn <= body.endsOn,
        'intervention_ends_before_start',
      );
      return [
        {
          type: 'InterventionRegistered',
          data: {
            interventionId: command.interventionId,
            associationId: association.associationId,
            name: body.name,
            kind: body.kind,
            parties: body.parties,
            startsOn: body.startsOn,
            ...(body.endsOn === undefined ? {} : { endsOn: body.endsOn }),
            ...instrumentFields(
              resolveInstruments(body.instruments ?? [body.instrument ?? STEGVIS_5]),
            ),
            ladder: body.ladder ?? DEFAULT_LADDER,
            occurredOn: command.today,
          },
        },
      ];
    }
    ensure(state.status === 'registered', 'intervention_not_found');
    const { interventionId } = state;
    switch (command.type) {
      case 'SetInterventionGoals':
        ensureUniqueGoalIds(command.goals);
        ensureGoalsFitInstruments(command.goals, state.instrument, state.instruments);
        return [
          {
            type: 'InterventionGoalsSet',
            data: {
              interventionId,
              year: command.year,
              goals: command.goals,
              occurredOn: command.today,
            },
          },
        ];
      case 'ChangeInterventionInstruments': {
        const { instrument, instruments: several } = command.body;
        const instruments = resolveInstruments(
          several ?? (instrument === undefined ? [] : [instrument]),
          state.instruments,
        );
        return [
          {
            type: 'InterventionInstrumentsChanged',
            data: { interventionId, instruments, occurredOn: command.today },
          },
        ];
      }
      case 'CloseIntervention': {
        const { closedOn } = command.body;
        if (state.closedOn !== undefined) {
          throw new DomainError('intervention_already_closed', { closedOn: state.closedOn });
        }
        ensureDateWithinIntervention(state, closedOn, 'closedOn', command.today);
        return [
          { type: 'InterventionClosed', data: { interventionId, closedOn, occurredOn: closedOn } },
        ];
      }
      case 'RecordAttendance': {
        const { occurredOn, women, men, other } = command.body;
        ensure(state.kind === 'structural', 'intervention_is_individual');
        ensureDateWithinIntervention(state, occurredOn, 'occurredOn', command.today);
        ensureOpenOn(state, occurredOn, 'occurredOn');
        return [
          { type: 'AttendanceRecorded', data: { interventionId, occurredOn, women, men, other } },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InterventionRegistered': {
        const { interventionId, associationId, kind, startsOn, endsOn, instrument, ladder } =
          event.data;
        return {
          status: 'registered',
          interventionId,
          associationId,
          kind,
          startsOn,
          ...(endsOn === undefined ? {} : { endsOn }),
          instrument,
          instruments: [instrument, ...(event.data.instruments ?? [])],
          ladder,
        };
      }
      case 'InterventionInstrumentsChanged':
        return state.status === 'registered'
          ? { ...state, instruments: [...state.instruments, ...event.data.instruments] }
          : state;
      case 'InterventionClosed':
        return state.status === 'registered' ? { ...state, closedOn: event.data.closedOn } : state;
      case 'InterventionGoalsSet':
      case 'AttendanceRecorded':
        return state;
    }
  },
};
