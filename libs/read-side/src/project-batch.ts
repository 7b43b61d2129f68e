import type { StoredEvent } from '@stegvis/event-store';
import type { DocumentChange, ReadModelGeneration } from '@stegvis/read-models';
import {
  applyEvents,
  documentKey,
  touchedDocuments,
  type ProjectedEvent,
  type UntypedProjection,
} from '@stegvis/reporting';

/** One checkpoint for all read models: they are applied together, so they never disagree. */
export const PROJECTION = 'stegvis-read-models';

export function toProjected(event: StoredEvent): ProjectedEvent {
  // Stored events were validated when they were decided; re-parsing every one on replay would
  // cost more than the projection itself.
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    position: event.position,
    recordedAt: event.metadata.recordedAt,
  } as ProjectedEvent;
}

/**
 * Applies a batch to one generation: load the touched documents, fold the events (pure), then
 * write the documents and the new checkpoint in one atomic commit. A crash before the commit
 * leaves the generation at `checkpoint`, and the batch is simply applied again.
 */
export async function projectBatch(
  generation: ReadModelGeneration,
  projections: readonly UntypedProjection[],
  checkpoint: bigint | undefined,
  batch: readonly StoredEvent[],
): Promise<bigint | undefined> {
  const last = batch.at(-1);
  if (!last) return checkpoint;
  const events = batch.map(toProjected);
  const byCollection = new Map<string, string[]>();
  for (const ref of touchedDocuments(projections, events)) {
    const ids = byCollection.get(ref.collection);
    if (ids === undefined) byCollection.set(ref.collection, [ref.id]);
    else ids.push(ref.id);
  }
  const loaded = new Map<string, unknown>();
  for (const [collection, ids] of byCollection) {
    const docs = await generation.getMany(collection, ids);
    ids.forEach((id, i) => loaded.set(documentKey(collection, id), docs[i]));
  }
  const changes: DocumentChange[] = applyEvents(projections, loaded, events).map((r) =>
    r.doc === undefined
      ? { kind: 'delete', collection: r.collection, id: r.id }
      : {
          kind: 'put',
          collection: r.collection,
          id: r.id,
          doc: r.doc as Record<string, unknown>,
          tags: r.tags,
        },
  );
  await generation.commit(PROJECTION, checkpoint, last.position, changes);
  return last.position;
}
