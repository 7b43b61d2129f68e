import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { associationDecider, DomainError, interventionDecider, streamNames } from '@stegvis/domain';
import { access } from '../auth/access';
import { ChangeIntervention, RegisterIntervention } from './commands';
import { pseudonym } from './pseudonyms';
import { stateOf, StreamWriter } from './stream-writer';

@CommandHandler(RegisterIntervention)
export class RegisterInterventionHandler implements ICommandHandler<RegisterIntervention> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ associationId, body, ctx }: RegisterIntervention) {
    access.manageAssociation(ctx.actor, associationId);
    const association = stateOf(
      associationDecider,
      await this.writer.read(streamNames.association(associationId)),
    );
    const interventionId = pseudonym('I', ctx.idempotencyKey);
    const answer = await this.writer.write(
      streamNames.intervention(interventionId),
      ctx,
      (snapshot, today) =>
        interventionDecider.decide(
          { type: 'RegisterIntervention', interventionId, body, association, today },
          stateOf(interventionDecider, snapshot),
        ),
    );
    return { interventionId, ...answer };
  }
}

@CommandHandler(ChangeIntervention)
export class ChangeInterventionHandler implements ICommandHandler<ChangeIntervention> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ interventionId, command, ctx }: ChangeIntervention) {
    const stream = streamNames.intervention(interventionId);
    // Access first, on the stream as read: a retried Idempotency-Key is answered without deciding.
    const snapshot = await this.writer.read(stream);
    const state = stateOf(interventionDecider, snapshot);
    if (state.status !== 'registered') throw new DomainError('intervention_not_found');
    // Staff record head counts for their interventions; goals and closing are the chief's.
    if (command.type === 'RecordAttendance') access.workInIntervention(ctx.actor, state);
    else access.manageAssociation(ctx.actor, state.associationId);
    return this.writer.write(
      stream,
      ctx,
      (current, today) =>
        interventionDecider.decide({ ...command, today }, stateOf(interventionDecider, current)),
      snapshot,
    );
  }
}
