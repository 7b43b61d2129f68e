import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  fold,
  interventionDecider,
  participantDecider,
  streamNames,
  type Decider,
  type ParticipantState,
  type Recorded,
  type RegisteredIntervention,
} from '@stegvis/domain';
import {
  EVENT_STORE,
  readSnapshot,
  type EventStore,
  type StreamSnapshot,
} from '@stegvis/event-store';

type Folding<E, S> = Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>;

/** Turns a stream snapshot into decider state. Events in the store are trusted: the decider wrote them. */
export function stateOf<E, S>(decider: Folding<E, S>, snapshot: StreamSnapshot): S {
  return fold(decider, snapshot.events as unknown as Recorded<E>[]);
}

/** `stateOf` for one decider, as a write's `stateOf`. */
export function folding<E, S>(decider: Folding<E, S>): (snapshot: StreamSnapshot) => S {
  return (snapshot) => stateOf(decider, snapshot);
}

export function participantStateOf(snapshot: StreamSnapshot): ParticipantState {
  return snapshot.deleted ? { status: 'erased' } : stateOf(participantDecider, snapshot);
}

/** Streams read from the event log, for access checks, decisions and a participant's history. */
@Injectable()
export class StreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

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
}
