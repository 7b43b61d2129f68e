import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import {
  READ_MODEL_STORE,
  type ReadModelGeneration,
  type ReadModelStore,
} from '@stegvis/read-models';
import { setTimeout as delay } from 'node:timers/promises';
import { PROJECTION } from '../../../worker/src/project-batch';

const MAX_WAIT_MS = 5_000;
const POLL_MS = 20;
/** Readiness fails when the projection is at least this many events behind the log. */
export const MAX_LAG_EVENTS = 10_000;

/** Reads from the read models, with read-your-writes: every answer carries its checkpoint. */
@Injectable()
export class ReadModelReader {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * The active generation, once its checkpoint has reached `minPosition` (the position a write
   * answered with) or a few seconds have passed; the caller sees which from the checkpoint.
   */
  async at(
    minPosition: bigint | undefined,
  ): Promise<{ generation: ReadModelGeneration; checkpoint: bigint | undefined }> {
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const generation = await this.readModels.active();
      const checkpoint = await generation.checkpoint(PROJECTION);
      const reached =
        minPosition === undefined || (checkpoint !== undefined && checkpoint >= minPosition);
      if (reached || Date.now() >= deadline) return { generation, checkpoint };
      await delay(POLL_MS);
    }
  }

  /** How many events the projection is behind, counted up to MAX_LAG_EVENTS. */
  async lag(): Promise<{ checkpoint: bigint | undefined; behind: number }> {
    const generation = await this.readModels.active();
    const checkpoint = await generation.checkpoint(PROJECTION);
    const behind = (await this.store.readAll({ after: checkpoint, limit: MAX_LAG_EVENTS })).length;
    return { checkpoint, behind };
  }
}
