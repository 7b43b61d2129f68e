import { Inject, Injectable } from '@nestjs/common';
import {
  READ_MODEL_STORE,
  type ReadModelGeneration,
  type ReadModelStore,
} from '@stegvis/read-models';
import { readModelsReaching } from '@stegvis/read-side';

const MAX_WAIT_MS = 5_000;
const POLL_MS = 20;

/** Reads from the read models, with read-your-writes: every answer carries its checkpoint. */
@Injectable()
export class ReadModelReader {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

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
}
