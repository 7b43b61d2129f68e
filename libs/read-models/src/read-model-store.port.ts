/**
 * The ReadModelStore port: where projections keep their documents and checkpoints.
 * Adapters: Redis (ioredis) for production, in-process memory for the embedded default.
 * Both must pass `testing/read-model-store.contract.ts`.
 *
 * Documents live in collections (e.g. `participants`) under a string id and carry index tags
 * (e.g. `intervention:I-…`, `association:F-…`) by which they can be listed. All data belongs to
 * a generation: projections write into one, readers read the active one, and a rebuild replays
 * into a fresh generation and then switches atomically, so reads keep working during it.
 */

export type Document = Readonly<Record<string, unknown>>;

export type DocumentChange =
  | {
      readonly kind: 'put';
      readonly collection: string;
      readonly id: string;
      readonly doc: Document;
      /** Replaces the document's previous tags. */
      readonly tags: readonly string[];
    }
  | { readonly kind: 'delete'; readonly collection: string; readonly id: string };

export type ListOptions = {
  /** Exclusive: ids strictly greater than this, in id order. */
  readonly after?: string;
  readonly limit: number;
};

/** A view of one generation. */
export interface ReadModelGeneration {
  readonly id: string;

  /** Global position of the last event the projection applied; undefined before the first. */
  checkpoint(projection: string): Promise<bigint | undefined>;

  /**
   * Applies the changes and moves the projection's checkpoint from `expected` to `next`,
   * atomically: all or nothing. If the stored checkpoint is not `expected` (another runner got
   * there first), nothing is applied and CheckpointConflictError is thrown.
   */
  commit(
    projection: string,
    expected: bigint | undefined,
    next: bigint,
    changes: readonly DocumentChange[],
  ): Promise<void>;

  get(collection: string, id: string): Promise<Document | undefined>;

  /** In the order of `ids`; undefined where there is none. */
  getMany(collection: string, ids: readonly string[]): Promise<(Document | undefined)[]>;

  /** Documents carrying `tag`, in id order, one page. */
  list(
    collection: string,
    tag: string,
    options: ListOptions,
  ): Promise<{ id: string; doc: Document }[]>;

  /** Number of documents carrying `tag`. */
  count(collection: string, tag: string): Promise<number>;

  /** Every document carrying `tag` (for reports: an association's participants). */
  all(collection: string, tag: string): Promise<Document[]>;
}

export interface ReadModelStore {
  /** The generation readers use now. Created empty on first use. */
  active(): Promise<ReadModelGeneration>;

  /** A new, empty generation that readers do not see until it is activated. */
  createGeneration(): Promise<ReadModelGeneration>;

  /** Atomically makes `generationId` the active one; the previous one is dropped afterwards. */
  activate(generationId: string): Promise<void>;

  /** Removes a generation's data (an abandoned rebuild). Refuses the active one. */
  drop(generationId: string): Promise<void>;

  /**
   * A lease so only one runner per projection is active across processes. Returns true when
   * `owner` holds it (acquired or renewed) for `ttlMs` from now; false when someone else does.
   */
  acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;

  /** Liveness of the backing server (readiness checks). */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
  constructor(
    readonly projection: string,
    readonly expected: bigint | undefined,
    readonly actual: bigint | undefined,
  ) {
    super(
      `Projection ${projection}: expected checkpoint ${String(expected)}, found ${String(actual)}`,
    );
  }
}

export const READ_MODEL_STORE = Symbol('ReadModelStore');
