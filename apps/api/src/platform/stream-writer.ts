import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  fold,
  interventionDecider,
  participantDecider,
  streamNames,
  swedishDate,
  type Decider,
  type ParticipantState,
  type Recorded,
  type RegisteredIntervention,
} from '@stegvis/domain';
import {
  EVENT_STORE,
  handleCommand,
  readSnapshot,
  type DomainEvent,
  type EventStore,
  type StreamSnapshot,
} from '@stegvis/event-store';
import type { WriteContext } from './write-context';
import type { WriteAnswer } from './commands';

/** Turns a stream snapshot into decider state. Events in the store are trusted: the decider wrote them. */
export function stateOf<E, S>(
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  snapshot: StreamSnapshot,
): S {
  return fold(decider, snapshot.events as unknown as Recorded<E>[]);
}

export function participantStateOf(snapshot: StreamSnapshot): ParticipantState {
  return snapshot.deleted ? { status: 'erased' } : stateOf(participantDecider, snapshot);
}

/** The application side of every write: read, decide, append, answer. One instance per process. */
@Injectable()
export class StreamWriter {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  read(streamName: string): Promise<StreamSnapshot> {
    return readSnapshot(this.store, streamName);
  }

  async loadIntervention(interventionId: string): Promise<RegisteredIntervention> {
    const state = stateOf(
      interventionDecider,
      await this.read(streamNames.intervention(interventionId)),
    );
    if (state.status !== 'registered') throw new DomainError('intervention_not_found');
    return state;
  }

  /**
   * Check access before this, on the stream as read (pass that `snapshot`): a retried
   * Idempotency-Key is answered here without deciding again.
   */
  async write(
    streamName: string,
    ctx: WriteContext,
    decide: (
      snapshot: StreamSnapshot,
      today: string,
    ) => readonly DomainEvent[] | Promise<readonly DomainEvent[]>,
    snapshot?: StreamSnapshot,
  ): Promise<WriteAnswer> {
    const today = swedishDate(ctx.now);
    const result = await handleCommand(
      this.store,
      streamName,
      (snapshot) => decide(snapshot, today),
      {
        expectedRevision: ctx.expectedRevision,
        ...(snapshot === undefined ? {} : { snapshot }),
        idempotencyKey: ctx.idempotencyKey,
        metadata: { actor: ctx.actor.sub, correlationId: ctx.correlationId },
        now: ctx.now,
      },
    );
    return {
      eventIds: result.eventIds,
      revision: result.revision ?? null,
      position: result.position?.toString() ?? null,
    };
  }
}
