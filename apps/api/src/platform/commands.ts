import { Command } from '@nestjs/cqrs';
import type {
  AssociationCommand,
  EraseParticipantBody,
  InterventionCommand,
  ParticipantCommand,
  RegisterAssociationBody,
  RegisterInterventionBody,
} from '@stegvis/domain';
import type { WriteContext } from './write-context';

/** What every write answers (DESIGN §5): the new event ids and the stream revision. */
export type WriteAnswer = {
  readonly eventIds: string[];
  readonly revision: number | null;
  /** Global position of the last event: pass it as `minPosition` to read your own write. */
  readonly position: string | null;
};

type Without<C, K extends string> = C extends unknown ? Omit<C, K> : never;

export class RegisterAssociation extends Command<WriteAnswer & { associationId: string }> {
  constructor(
    readonly body: RegisterAssociationBody,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class ChangeAssociation extends Command<WriteAnswer> {
  constructor(
    readonly associationId: string,
    readonly command: Without<
      Extract<AssociationCommand, { type: 'SetAssociationGoals' }>,
      'today'
    >,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class RegisterIntervention extends Command<WriteAnswer & { interventionId: string }> {
  constructor(
    readonly associationId: string,
    readonly body: RegisterInterventionBody,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class ChangeIntervention extends Command<WriteAnswer> {
  constructor(
    readonly interventionId: string,
    readonly command: Without<
      Exclude<InterventionCommand, { type: 'RegisterIntervention' }>,
      'today'
    >,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class EnrolParticipant extends Command<WriteAnswer & { participantId: string }> {
  constructor(
    readonly interventionId: string,
    readonly body: Extract<ParticipantCommand, { type: 'EnrolParticipant' }>['body'],
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class ChangeParticipant extends Command<WriteAnswer> {
  constructor(
    readonly participantId: string,
    readonly command: Without<
      Exclude<ParticipantCommand, { type: 'EnrolParticipant' }>,
      'today' | 'intervention'
    >,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class EraseParticipant extends Command<void> {
  constructor(
    readonly participantId: string,
    readonly body: EraseParticipantBody,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}
