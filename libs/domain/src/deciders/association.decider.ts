import type { AssociationEvent } from '../events';
import type { Goal } from '../goals';
import type { Party } from '../vocabulary';
import type { Decider } from '../shared/decider';
import type { IsoDate } from '../shared/dates';
import type { EraseParticipantBody, RegisterAssociationBody } from '../commands';
import { ensure } from '../errors';
import { AppendOnlySet } from '../shared/append-only-map';
import { ensureUniqueGoalIds } from './goal-rules';

export type AssociationState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly associationId: string;
      readonly parties: readonly Party[];
      /** Append-only, so folding a long history of erasures stays linear. */
      readonly erasedParticipants: AppendOnlySet<string>;
    };

export type AssociationCommand =
  | {
      type: 'RegisterAssociation';
      associationId: string;
      body: RegisterAssociationBody;
      today: IsoDate;
    }
  | { type: 'SetAssociationGoals'; year: number; goals: Goal[]; today: IsoDate }
  | {
      type: 'EraseParticipant';
      body: EraseParticipantBody;
      /** The participant's own enrolment, as read from its stream. */
      participant: { participantId: string; associationId: string; interventionId: string };
      today: IsoDate;
    };

export const associationDecider: Decider<AssociationCommand, AssociationEvent, AssociationState> = {
  initialState: () => ({ status: 'unregistered' }),

  decide(command, state) {
    if (command.type === 'RegisterAssociation') {
      ensure(state.status === 'unregistered', 'association_already_registered');
      const { name, orgNumber, parties } = command.body;
      return [
        {
          type: 'AssociationRegistered',
          data: {
            associationId: command.associationId,
            name,
            orgNumber,
            parties,
            occurredOn: command.today,
          },
        },
      ];
    }
    ensure(state.status === 'registered', 'association_not_found');
    switch (command.type) {
      case 'SetAssociationGoals':
        ensureUniqueGoalIds(command.goals);
        return [
          {
            type: 'AssociationGoalsSet',
            data: {
              associationId: state.associationId,
              year: command.year,
              goals: command.goals,
              occurredOn: command.today,
            },
          },
        ];
      case 'EraseParticipant': {
        const { participant } = command;
        ensure(participant.associationId === state.associationId, 'participant_not_in_association');
        // Already erased: the fact is recorded; the caller only finishes deleting the stream.
        if (state.erasedParticipants.has(participant.participantId)) return [];
        return [
          {
            type: 'ParticipantErased',
            data: {
              associationId: state.associationId,
              participantId: participant.participantId,
              interventionId: participant.interventionId,
              reason: command.body.reason,
              occurredOn: command.today,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AssociationRegistered':
        return {
          status: 'registered',
          associationId: event.data.associationId,
          parties: event.data.parties,
          erasedParticipants: AppendOnlySet.empty(),
        };
      case 'AssociationGoalsSet':
        return state;
      case 'ParticipantErased':
        if (state.status !== 'registered') return state;
        return {
          ...state,
          erasedParticipants: state.erasedParticipants.with(event.data.participantId),
        };
    }
  },
};
