import { Command } from '@nestjs/cqrs';
import type { EraseParticipantBody, ParticipantCommand } from '@stegvis/domain';
import type { WriteAnswer, Without } from '../platform/write-request';
import type { WriteContext } from '../platform/write-context';

export class EnrolParticipantRequest extends Command<WriteAnswer & { participantId: string }> {
  constructor(
    readonly interventionId: string,
    readonly body: Extract<ParticipantCommand, { type: 'EnrolParticipant' }>['body'],
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class ChangeParticipantRequest extends Command<WriteAnswer> {
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

export class EraseParticipantRequest extends Command<void> {
  constructor(
    readonly participantId: string,
    readonly body: EraseParticipantBody,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}
