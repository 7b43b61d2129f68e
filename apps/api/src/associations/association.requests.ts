import { Command } from '@nestjs/cqrs';
import type { AssociationCommand, RegisterAssociationBody } from '@stegvis/domain';
import type { WriteAnswer, Without } from '../platform/write-request';
import type { WriteContext } from '../platform/write-context';

export class RegisterAssociationRequest extends Command<WriteAnswer & { associationId: string }> {
  constructor(
    readonly body: RegisterAssociationBody,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class ChangeAssociationRequest extends Command<WriteAnswer> {
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
