import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  associationDecider,
  comparisonKey,
  DomainError,
  holdsItsName,
  interventionDecider,
  streamNames,
  swedishDate,
  uniqueValueDecider,
  uniqueValueStream,
  type HolderStatus,
  type InterventionState,
  type IsoDate,
  type RegisterInterventionBody,
  type UniqueValueState,
} from '@stegvis/domain';
import { WrongExpectedRevisionError } from '@stegvis/event-store';
import { access } from '../platform/access';
import type { WriteContext } from '../platform/write-context';
import { Problem } from '../platform/problem';
import { pseudonym } from '../platform/pseudonyms';
import { folding, stateOf, StreamReader } from '../platform/stream-reader';
import { StreamWriter } from '../platform/stream-writer';
import { ChangeInterventionRequest, RegisterInterventionRequest } from './intervention.requests';

@CommandHandler(RegisterInterventionRequest)
export class RegisterInterventionHandler implements ICommandHandler<RegisterInterventionRequest> {
  constructor(
    private readonly reader: StreamReader,
    private readonly writer: StreamWriter,
  ) {}

  async execute({ associationId, body, ctx }: RegisterInterventionRequest) {
    access.manageAssociation(ctx.actor, associationId);
    const association = stateOf(
      associationDecider,
      await this.reader.read(streamNames.association(associationId)),
    );
    const interventionId = pseudonym('I', ctx.idempotencyKey);
    const stream = streamNames.intervention(interventionId);
    const register = (state: InterventionState, today: IsoDate) =>
      interventionDecider.decide(
        { type: 'RegisterIntervention', interventionId, body, association, today },
        state,
      );
    const existing = await this.reader.read(stream);
    // A stream that exists already is a retry (replayed below) or a conflict the write reports.
    if (existing.events.length === 0) {
      // Checked and decided once before the name is claimed, so a refused registration never
      // holds a name (the write below checks both again).
      if (ctx.expectedRevision !== undefined) {
        throw new WrongExpectedRevisionError(stream, ctx.expectedRevision, existing.revision);
      }
      register(stateOf(interventionDecider, existing), swedishDate(ctx.now));
      await this.claimName(associationId, body, interventionId, ctx);
    }
    const answer = await this.writer.write(
      stream,
      ctx,
      {
        stateOf: folding(interventionDecider),
      },
      register,
    );
    return { interventionId, ...answer };
  }

  /**
   * The name's claim is written first, on its own stream, with the revision read: of two
   * simultaneous registrations of one name only one claim is appended, the other sees it on its
   * retry and is refused (see the unique-value decider for why a stream per value).
   */
  private async claimName(
    associationId: string,
    body: RegisterInterventionBody,
    interventionId: string,
    ctx: WriteContext,
  ): Promise<void> {
    const claimStream = uniqueValueStream(
      'intervention-name',
      `${associationId}/${comparisonKey(body.name)}`,
    );
    // If-Match and the key concern the intervention's stream; a repeated claim is a no-op anyway.
    const claimCtx = { ...ctx, idempotencyKey: undefined, expectedRevision: undefined };
    const today = swedishDate(ctx.now);
    try {
      await this.writer.write(
        claimStream,
        claimCtx,
        {
          stateOf: folding(uniqueValueDecider),
          // Whether the name's holder still holds it: read on every attempt, before deciding.
          load: async (claim: UniqueValueState): Promise<HolderStatus> =>
            claim.status === 'claimed' && claim.holderId !== interventionId
              ? holdsItsName(
                  stateOf(
                    interventionDecider,
                    await this.reader.read(streamNames.intervention(claim.holderId)),
                  ),
                  today,
                )
              : 'absent',
        },
        (claim, _today, currentHolder) =>
          uniqueValueDecider.decide(
            {
              type: 'ClaimUniqueValue',
              scope: 'intervention-name',
              holderId: interventionId,
              currentHolder,
              today,
              now: ctx.now,
            },
            claim,
          ),
      );
    } catch (error) {
      // A taken name is a conflict with the state of the association, not a broken rule.
      if (error instanceof DomainError && error.code === 'intervention_name_taken') {
        throw new Problem(409, error.code, error.message);
      }
      throw error;
    }
  }
}

@CommandHandler(ChangeInterventionRequest)
export class ChangeInterventionHandler implements ICommandHandler<ChangeInterventionRequest> {
  constructor(
    private readonly reader: StreamReader,
    private readonly writer: StreamWriter,
  ) {}

  async execute({ interventionId, command, ctx }: ChangeInterventionRequest) {
    const stream = streamNames.intervention(interventionId);
    // Access first, on the stream as read: a retried Idempotency-Key is answered without deciding.
    const snapshot = await this.reader.read(stream);
    const state = stateOf(interventionDecider, snapshot);
    if (state.status !== 'registered') throw new DomainError('intervention_not_found');
    // Staff record head counts for their interventions; goals and closing are the chief's.
    if (command.type === 'RecordAttendance') access.workInIntervention(ctx.actor, state);
    else access.manageAssociation(ctx.actor, state.associationId);
    return this.writer.write(
      stream,
      ctx,
      { stateOf: folding(interventionDecider), snapshot },
      (current, today) => interventionDecider.decide({ ...command, today }, current),
    );
  }
}
