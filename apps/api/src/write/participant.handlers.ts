import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  associationDecider,
  DomainError,
  ensureEnrolled,
  participantDecider,
  streamNames,
} from '@stegvis/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@stegvis/event-store';
import { access } from '../auth/access';
import { ChangeParticipant, EnrolParticipant, EraseParticipant } from './commands';
import { pseudonym } from './pseudonyms';
import { participantStateOf, stateOf, StreamWriter } from './stream-writer';

@CommandHandler(EnrolParticipant)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipant> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ interventionId, body, ctx }: EnrolParticipant) {
    const intervention = await this.writer.loadIntervention(interventionId);
    access.workInIntervention(ctx.actor, intervention);
    const participantId = pseudonym('D', ctx.idempotencyKey);
    const answer = await this.writer.write(
      streamNames.participant(participantId),
      ctx,
      (snapshot, today) =>
        participantDecider.decide(
          { type: 'EnrolParticipant', participantId, body, intervention, today },
          participantStateOf(snapshot),
        ),
    );
    return { participantId, ...answer };
  }
}

@CommandHandler(ChangeParticipant)
export class ChangeParticipantHandler implements ICommandHandler<ChangeParticipant> {
  constructor(private readonly writer: StreamWriter) {}

  async execute({ participantId, command, ctx }: ChangeParticipant) {
    return this.writer.write(
      streamNames.participant(participantId),
      ctx,
      async (snapshot, today) => {
        const state = ensureEnrolled(participantStateOf(snapshot));
        access.workInIntervention(ctx.actor, state);
        const intervention = await this.writer.loadIntervention(state.interventionId);
        return participantDecider.decide({ ...command, today, intervention }, state);
      },
    );
  }
}

/**
 * Erasure (withdrawn consent): the fact is written to the association's stream, then the
 * participant's stream is deleted. A crash in between leaves the fact recorded and the stream
 * present; repeating the request (or the worker, on seeing the fact) completes the deletion.
 */
@CommandHandler(EraseParticipant)
export class EraseParticipantHandler implements ICommandHandler<EraseParticipant> {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ participantId, body, ctx }: EraseParticipant): Promise<void> {
    const participantStream = streamNames.participant(participantId);
    const current = await this.writer.read(participantStream);
    const state = participantStateOf(current);
    if (state.status === 'erased') {
      return this.alreadyErased(participantId, ctx.actor.associationId);
    }
    if (state.status === 'new') throw new DomainError('participant_not_found');
    access.manageAssociation(ctx.actor, state.associationId);
    // If-Match names the participant's revision; the fact itself goes to the association's stream.
    const { expectedRevision } = ctx;
    if (expectedRevision !== undefined && expectedRevision !== current.revision) {
      throw new WrongExpectedRevisionError(participantStream, expectedRevision, current.revision);
    }
    const associationStream = streamNames.association(state.associationId);
    await this.writer.write(
      associationStream,
      { ...ctx, expectedRevision: undefined },
      (snapshot, today) =>
        associationDecider.decide(
          { type: 'EraseParticipant', body, participant: state, today },
          stateOf(associationDecider, snapshot),
        ),
    );
    await this.store.deleteStream(participantStream);
  }

  /** A repeated erasure succeeds for the chief whose association erased the participant. */
  private async alreadyErased(
    participantId: string,
    associationId: string | undefined,
  ): Promise<void> {
    if (associationId !== undefined) {
      const association = stateOf(
        associationDecider,
        await this.writer.read(streamNames.association(associationId)),
      );
      if (association.status === 'registered' && association.erasedParticipants.has(participantId))
        return;
    }
    throw new DomainError('participant_not_found');
  }
}
