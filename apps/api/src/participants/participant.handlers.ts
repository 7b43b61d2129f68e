import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  associationDecider,
  DomainError,
  ensureEnrolled,
  ParticipantErased,
  participantDecider,
  streamNames,
} from '@stegvis/domain';
import { checkExpectation, EVENT_STORE, type EventStore } from '@stegvis/event-store';
import type { z } from 'zod';
import type { Actor } from '../platform/actor';
import { access, mayWorkInIntervention } from '../platform/access';
import { pseudonym } from '../platform/pseudonyms';
import { folding, participantStateOf, StreamReader } from '../platform/stream-reader';
import { StreamWriter } from '../platform/stream-writer';
import {
  ChangeParticipantRequest,
  EnrolParticipantRequest,
  EraseParticipantRequest,
} from './participant.requests';

@CommandHandler(EnrolParticipantRequest)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipantRequest> {
  constructor(
    private readonly reader: StreamReader,
    private readonly writer: StreamWriter,
  ) {}

  async execute({ interventionId, body, ctx }: EnrolParticipantRequest) {
    const intervention = await this.reader.loadIntervention(interventionId);
    access.workInIntervention(ctx.actor, intervention);
    const participantId = pseudonym('D', ctx.idempotencyKey);
    const answer = await this.writer.write(
      streamNames.participant(participantId),
      ctx,
      { stateOf: participantStateOf },
      (state, today) =>
        participantDecider.decide(
          { type: 'EnrolParticipant', participantId, body, intervention, today },
          state,
        ),
    );
    return { participantId, ...answer };
  }
}

@CommandHandler(ChangeParticipantRequest)
export class ChangeParticipantHandler implements ICommandHandler<ChangeParticipantRequest> {
  constructor(
    private readonly reader: StreamReader,
    private readonly writer: StreamWriter,
  ) {}

  async execute({ participantId, command, ctx }: ChangeParticipantRequest) {
    const stream = streamNames.participant(participantId);
    // Access first, on the stream as read: a retried Idempotency-Key is answered without deciding.
    const snapshot = await this.reader.read(stream);
    const state = participantStateOf(snapshot);
    if (state.status === 'erased') throw await erasureAnswer(this.reader, ctx.actor, participantId);
    const enrolled = ensureEnrolled(state);
    access.workWithParticipant(ctx.actor, enrolled);
    // A participant never changes intervention, so it is loaded once for every attempt.
    const intervention = await this.reader.loadIntervention(enrolled.interventionId);
    return this.writer.write(
      stream,
      ctx,
      { stateOf: participantStateOf, snapshot },
      (current, today) =>
        participantDecider.decide({ ...command, today, intervention }, ensureEnrolled(current)),
    );
  }
}

/**
 * Erasure (withdrawn consent): the fact is written to the association's stream, then the
 * participant's stream is deleted. A crash in between leaves the fact recorded and the stream
 * present; repeating the request (or the worker, on seeing the fact) completes the deletion.
 */
@CommandHandler(EraseParticipantRequest)
export class EraseParticipantHandler implements ICommandHandler<EraseParticipantRequest> {
  constructor(
    private readonly reader: StreamReader,
    private readonly writer: StreamWriter,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ participantId, body, ctx }: EraseParticipantRequest): Promise<void> {
    const participantStream = streamNames.participant(participantId);
    const current = await this.reader.read(participantStream);
    const state = participantStateOf(current);
    if (state.status === 'erased') {
      // Repeating an erasure succeeds for the chief of the association that erased the participant.
      if (await erasureSeenBy(this.reader, ctx.actor, participantId)) return;
      throw new DomainError('participant_not_found');
    }
    if (state.status === 'new') throw new DomainError('participant_not_found');
    access.manageParticipant(ctx.actor, state);
    // If-Match names the participant's revision; the fact itself goes to the association's stream.
    checkExpectation(participantStream, ctx.expectedRevision, current.revision);
    const associationStream = streamNames.association(state.associationId);
    await this.writer.write(
      associationStream,
      { ...ctx, expectedRevision: undefined },
      { stateOf: folding(associationDecider) },
      (association, today) =>
        associationDecider.decide(
          { type: 'EraseParticipant', body, participant: state, today },
          association,
        ),
    );
    await this.store.deleteStream(participantStream);
  }
}

/**
 * The erasure of this participant as recorded in the actor's own association, if the actor could
 * have worked with the participant. Anyone else cannot tell an erased pseudonym from one that
 * never existed.
 */
async function erasureSeenBy(
  reader: StreamReader,
  actor: Actor,
  participantId: string,
): Promise<z.infer<typeof ParticipantErased>['data'] | undefined> {
  if (actor.associationId === undefined) return undefined;
  const association = await reader.read(streamNames.association(actor.associationId));
  for (const event of association.events) {
    const erased = ParticipantErased.safeParse({ type: event.type, data: event.data });
    if (erased.success && erased.data.data.participantId === participantId) {
      return mayWorkInIntervention(actor, erased.data.data) ? erased.data.data : undefined;
    }
  }
  return undefined;
}

/** What a write to an erased participant answers: 422 to those who may know, else unknown (404). */
async function erasureAnswer(
  reader: StreamReader,
  actor: Actor,
  participantId: string,
): Promise<DomainError> {
  const erasure = await erasureSeenBy(reader, actor, participantId);
  return new DomainError(erasure === undefined ? 'participant_not_found' : 'participant_erased');
}
