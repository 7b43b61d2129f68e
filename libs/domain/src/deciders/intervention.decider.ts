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
  CloseInterventionBody,
  RecordAttendanceBody,
  RegisterInterventionBody,
} from '../commands';
import { DomainError, ensure } from '../errors';
import type { AssociationState } from './association.decider';
import type { HolderStatus } from './unique-value.decider';
import { ensureGoalsFitInstrument, ensureUniqueGoalIds } from './goal-rules';

export type RegisteredIntervention = {
  readonly status: 'registered';
  readonly interventionId: string;
  readonly associationId: string;
  readonly kind: InterventionKind;
  readonly startsOn: IsoDate;
  readonly endsOn?: IsoDate;
  readonly closedOn?: IsoDate;
  readonly instrument: Instrument;
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
  | { type: 'CloseIntervention'; body: CloseInterventionBody; today: IsoDate }
  | { type: 'RecordAttendance'; body: RecordAttendanceBody; today: IsoDate };

function resolveInstrument(instrument: RegisterInterventionBody['instrument']): Instrument {
  if (instrument === undefined) return STEGVIS_5;
  if (typeof instrument !== 'string') return instrument;
  const builtIn = BUILT_IN_INSTRUMENTS[instrument];
  if (!builtIn) throw new DomainError('instrument_unknown', { builtIn: BUILT_IN_INSTRUMENT_KEYS });
  return builtIn;
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
            instrument: resolveInstrument(body.instrument),
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
        ensureGoalsFitInstrument(command.goals, state.instrument);
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
          ladder,
        };
      }
      case 'InterventionClosed':
        return state.status === 'registered' ? { ...state, closedOn: event.data.closedOn } : state;
      case 'InterventionGoalsSet':
      case 'AttendanceRecorded':
        return state;
    }
  },
};
