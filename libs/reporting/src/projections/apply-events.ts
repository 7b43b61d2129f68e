import type { ProjectedEvent, UntypedProjection } from './projection';

export type DocumentRef = { readonly collection: string; readonly id: string };

/** A document's final state after a batch; `doc: undefined` means it was removed. */
export type DocumentResult = DocumentRef & {
  readonly doc: unknown;
  readonly tags: readonly string[];
};

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/** The documents a batch of events touches: what the runner must load before applying it. */
export function touchedDocuments(
  projections: readonly UntypedProjection[],
  events: readonly ProjectedEvent[],
): DocumentRef[] {
  const refs = new Map<string, DocumentRef>();
  for (const event of events) {
    for (const p of projections) {
      const id = p.documentId(event);
      if (id !== undefined) refs.set(keyOf(p.collection, id), { collection: p.collection, id });
    }
  }
  return [...refs.values()];
}

/**
 * Folds a batch of events into the loaded documents (pure). Returns each touched document's
 * final state once, however many events touched it, so the runner writes it once.
 */
export function applyEvents(
  projections: readonly UntypedProjection[],
  loaded: ReadonlyMap<string, unknown>,
  events: readonly ProjectedEvent[],
): DocumentResult[] {
  const current = new Map<string, { projection: UntypedProjection; id: string; doc: unknown }>();
  for (const event of events) {
    for (const projection of projections) {
      const id = projection.documentId(event);
      if (id === undefined) continue;
      const key = keyOf(projection.collection, id);
      const doc = current.has(key) ? current.get(key)?.doc : loaded.get(key);
      current.set(key, { projection, id, doc: projection.evolve(doc ?? undefined, event) });
    }
  }
  return [...current.values()].map(({ projection, id, doc }) => ({
    collection: projection.collection,
    id,
    doc,
    tags: doc === undefined ? [] : projection.tags(doc),
  }));
}

export { keyOf as documentKey };
