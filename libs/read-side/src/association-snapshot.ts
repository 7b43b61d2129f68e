import type { ReadModelGeneration, ReadModelStore } from '@stegvis/read-models';
import {
  collections,
  readModelTags,
  type AssociationReadModels,
  type AssociationSummary,
  type InterventionSummary,
  type ParticipantSummary,
} from '@stegvis/reporting';
import { PROJECTION } from './project-batch';

/** An association's read models as read at one checkpoint. */
export type AssociationSnapshot = {
  readonly generation: ReadModelGeneration;
  readonly models: AssociationReadModels;
  /** The checkpoint read before the documents: they reflect at least this much. */
  readonly checkpoint: bigint | undefined;
  /** True when no commit fell between the reads: the documents are exactly that checkpoint. */
  readonly consistent: boolean;
};

/** Reads of the documents before settling for an inconsistent one. */
const READ_ATTEMPTS = 3;

/**
 * An association's documents, read so they belong together: the checkpoint is read before and
 * after them (commits are atomic, so equal readings mean none fell in between), and a
 * generation replaced by a rebuild meanwhile (whose keys are being deleted) is read again from
 * the new one.
 */
export async function readAssociation(
  readModels: ReadModelStore,
  generation: ReadModelGeneration,
  associationId: string,
): Promise<AssociationSnapshot> {
  const tag = readModelTags.association(associationId);
  let current = generation;
  for (let attempt = 1; ; attempt += 1) {
    const before = await current.checkpoint(PROJECTION);
    const [association, interventions, participants] = await Promise.all([
      current.get(collections.associations, associationId),
      current.all(collections.interventions, tag),
      current.all(collections.participants, tag),
    ]);
    const after = await current.checkpoint(PROJECTION);
    const active = await readModels.active();
    if (active.id !== current.id) {
      current = active;
      continue;
    }
    const consistent = before === after;
    if (!consistent && attempt < READ_ATTEMPTS) continue;
    const models = {
      association: association as AssociationSummary | undefined,
      interventions: interventions as unknown as InterventionSummary[],
      participants: participants as unknown as ParticipantSummary[],
    };
    return { generation: current, models, checkpoint: before, consistent };
  }
}
