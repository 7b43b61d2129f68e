import type { StegvisEvent } from '@stegvis/domain';

/** An event as projections see it: the domain event plus where it sits in the log. */
export type ProjectedEvent = StegvisEvent & {
  readonly id: string;
  readonly position: bigint;
  readonly recordedAt: string;
};

/**
 * A projection is pure: which document an event touches, and how that document evolves.
 * The runner (libs/read-side) is the only I/O: it loads the documents a batch touches, folds the
 * events with `evolve`, and commits the results with the checkpoint in one atomic step.
 */
export type Projection<D> = {
  readonly collection: string;
  /** The id of the document the event changes, or undefined when it does not concern this projection. */
  documentId(event: ProjectedEvent): string | undefined;
  /** The next version of the document; undefined removes it. */
  evolve(doc: D | undefined, event: ProjectedEvent): D | undefined;
  /** Tags the document can be listed by. */
  tags(doc: D): string[];
};

/** A projection whose document type the runner need not know. */
export type UntypedProjection = Projection<unknown>;

export function untyped<D>(projection: Projection<D>): UntypedProjection {
  // Sound in practice: the runner only passes a projection the documents it produced itself.
  return projection;
}
