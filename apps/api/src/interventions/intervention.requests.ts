import { Command } from '@nestjs/cqrs';
import type { InterventionCommand, RegisterInterventionBody } from '@stegvis/domain';
import type { WriteAnswer, Without } from '../platform/write-request';
import type { WriteContext } from '../platform/write-context';

export class RegisterInterventionRequest extends Command<WriteAnswer & { interventionId: string }> {
  constructor(
    readonly associationId: string,
    readonly body: RegisterInterventionBody,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class ChangeInterventionRequest extends Command<WriteAnswer> {
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
