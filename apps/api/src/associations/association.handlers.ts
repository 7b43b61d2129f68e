import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { associationDecider, streamNames } from '@stegvis/domain';
import { access } from '../platform/access';
import { pseudonym } from '../platform/pseudonyms';
import { folding } from '../platform/stream-reader';
import { StreamWriter } from '../platform/stream-writer';
import { ChangeAssociationRequest, RegisterAssociationRequest } from './association.requests';

@CommandHandler(RegisterAssociationRequest)
export class RegisterAssociationHandler implements ICommandHandler<RegisterAssociationRequest> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ body, ctx }: RegisterAssociationRequest) {
    const associationId = pseudonym('F', ctx.idempotencyKey);
    const answer = await this.writer.write(
      streamNames.association(associationId),
      ctx,
      { stateOf: folding(associationDecider) },
      (state, today) =>
        associationDecider.decide(
          { type: 'RegisterAssociation', associationId, body, today },
          state,
        ),
    );
    return { associationId, ...answer };
  }
}

@CommandHandler(ChangeAssociationRequest)
export class ChangeAssociationHandler implements ICommandHandler<ChangeAssociationRequest> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ associationId, command, ctx }: ChangeAssociationRequest) {
    access.manageAssociation(ctx.actor, associationId);
    return this.writer.write(
      streamNames.association(associationId),
      ctx,
      { stateOf: folding(associationDecider) },
      (state, today) => associationDecider.decide({ ...command, today }, state),
    );
  }
}
