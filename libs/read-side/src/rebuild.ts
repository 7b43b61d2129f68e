import type { EventStore } from '@stegvis/event-store';
import type { ReadModelStore } from '@stegvis/read-models';
import { projections } from '@stegvis/reporting';
import { LOG_PAGE_SIZE, logPages } from './log-pages';
import { PROJECTION, projectBatch } from './project-batch';

export const REBUILD_JOB = 'rebuild-read-models';

/**
 * Replays the whole log into a fresh generation while readers keep using the active one, then
 * switches atomically. The new generation carries its own checkpoint, so the live runner simply
 * continues from there: events appended during the switch are applied by it, never lost.
 */
export async function rebuildReadModels(
  store: EventStore,
  readModels: ReadModelStore,
  onProgress: (percent: number) => Promise<void> = async () => undefined,
  batchSize = LOG_PAGE_SIZE,
): Promise<{ generation: string; events: number }> {
  const generation = await readModels.createGeneration();
  try {
    const head = await store.headPosition();
    let checkpoint = await generation.checkpoint(PROJECTION);
    let events = 0;
    for await (const batch of logPages(store, { after: checkpoint, pageSize: batchSize })) {
      checkpoint = await projectBatch(generation, projections, checkpoint, batch);
      events += batch.length;
      if (head !== undefined && checkpoint !== undefined) {
        await onProgress(Math.min(99, Number((checkpoint * 100n) / (head === 0n ? 1n : head))));
      }
    }
    await readModels.activate(generation.id);
    await onProgress(100);
    return { generation: generation.id, events };
  } catch (error) {
    await readModels.drop(generation.id).catch(() => undefined);
    throw error;
  }
}
