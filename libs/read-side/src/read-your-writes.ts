import type { EventStore } from '@stegvis/event-store';
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

/** Lag is counted up to this many events: beyond it, "far behind" is all a reader needs to know. */
export const LAG_COUNTED_UP_TO = 10_000;

/** How many events the active generation is behind the log, counted up to LAG_COUNTED_UP_TO. */
export async function projectionLag(
  readModels: ReadModelStore,
  store: EventStore,
): Promise<{ checkpoint: bigint | undefined; behind: number }> {
  const generation = await readModels.active();
  const checkpoint = await generation.checkpoint(PROJECTION);
  const behind = (await store.readAll({ after: checkpoint, limit: LAG_COUNTED_UP_TO })).length;
  return { checkpoint, behind };
}
