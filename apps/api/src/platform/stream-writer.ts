import { Inject, Injectable } from '@nestjs/common';
import { swedishDate, type IsoDate } from '@stegvis/domain';
import {
  EVENT_STORE,
  handleCommand,
  type DomainEvent,
  type EventStore,
  type StreamSnapshot,
} from '@stegvis/event-store';
import type { WriteAnswer } from './write-request';
import type { WriteContext } from './write-context';

/** How a write folds its stream and what it loads before deciding (see `handleCommand`). */
export type WriteHandling<State, Needs> = {
  readonly stateOf: (snapshot: StreamSnapshot) => State;
  readonly load?: (state: State) => Promise<Needs>;
  /** The stream as read to check access: the first attempt decides on it. */
  readonly snapshot?: StreamSnapshot;
};

/** The application side of every write: a WriteContext made into `handleCommand`'s options. */
@Injectable()
export class StreamWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Check access before this, on the stream as read (pass that `snapshot`): a retried
   * Idempotency-Key is answered here without deciding again. `decide` is pure: what it needs
   * besides the stream's state comes from `load`.
   */
  async write<State, Needs = undefined>(
    streamName: string,
    ctx: WriteContext,
    handling: WriteHandling<State, Needs>,
    decide: (state: State, today: IsoDate, needs: Needs) => readonly DomainEvent[],
  ): Promise<WriteAnswer> {
    const today = swedishDate(ctx.now);
    const result = await handleCommand<State, Needs>(
      this.store,
      streamName,
      (state, needs) => decide(state, today, needs),
      {
        ...handling,
        expectedRevision: ctx.expectedRevision,
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
