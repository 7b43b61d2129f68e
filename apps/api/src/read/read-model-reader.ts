import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@stegvis/event-store';
import {
  READ_MODEL_STORE,
  type ReadModelGeneration,
  type ReadModelStore,
} from '@stegvis/read-models';
import { PROJECTION } from '../../../worker/src/project-batch';
import { readModelsReaching } from '../../../worker/src/reached';

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
  at(
    minPosition: bigint | undefined,
  ): Promise<{ generation: ReadModelGeneration; checkpoint: bigint | undefined }> {
    return readModelsReaching(this.readModels, minPosition, {
      timeoutMs: MAX_WAIT_MS,
      pollMs: POLL_MS,
    });
  }

  /** How many events the projection is behind, counted up to MAX_LAG_EVENTS. */
  async lag(): Promise<{ checkpoint: bigint | undefined; behind: number }> {
    const generation = await this.readModels.active();
    const checkpoint = await generation.checkpoint(PROJECTION);
    const behind = (await this.store.readAll({ after: checkpoint, limit: MAX_LAG_EVENTS })).length;
    return { checkpoint, behind };
  }
}
