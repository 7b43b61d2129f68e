import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { associationDecider, streamNames } from '@stegvis/domain';
import { access } from '../platform/access';
import { ChangeAssociation, RegisterAssociation } from '../platform/commands';
import { pseudonym } from '../platform/pseudonyms';
import { stateOf, StreamWriter } from '../platform/stream-writer';

@CommandHandler(RegisterAssociation)
export class RegisterAssociationHandler implements ICommandHandler<RegisterAssociation> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ body, ctx }: RegisterAssociation) {
    const associationId = pseudonym('F', ctx.idempotencyKey);
    const answer = await this.writer.write(
      streamNames.association(associationId),
      ctx,
      (snapshot, today) =>
        associationDecider.decide(
          { type: 'RegisterAssociation', associationId, body, today },
          stateOf(associationDecider, snapshot),
        ),
    );
    return { associationId, ...answer };
  }
}

@CommandHandler(ChangeAssociation)
export class ChangeAssociationHandler implements ICommandHandler<ChangeAssociation> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ associationId, command, ctx }: ChangeAssociation) {
    access.manageAssociation(ctx.actor, associationId);
    return this.writer.write(streamNames.association(associationId), ctx, (snapshot, today) =>
      associationDecider.decide({ ...command, today }, stateOf(associationDecider, snapshot)),
    );
  }
}
