import type { ReadModelGeneration, ReadModelStore } from '@stegvis/read-models';
import { setTimeout as delay } from 'node:timers/promises';
import { PROJECTION } from './project-batch';

/**
 * The active generation once its checkpoint has reached `minPosition`, or once `timeoutMs` has
 * passed; the caller sees which from the checkpoint. Read-your-writes for the API, and an
 * export's "everything recorded before it was asked for".
 */
export async function readModelsReaching(
  readModels: ReadModelStore,
  minPosition: bigint | undefined,
  options: { readonly timeoutMs: number; readonly pollMs: number },
): Promise<{ generation: ReadModelGeneration; checkpoint: bigint | undefined }> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const generation = await readModels.active();
    const checkpoint = await generation.checkpoint(PROJECTION);
    const reached =
      minPosition === undefined || (checkpoint !== undefined && checkpoint >= minPosition);
    if (reached || Date.now() >= deadline) return { generation, checkpoint };
    await delay(options.pollMs);
  }
}
