import type { AssociationSummary } from './associations.projection';
import { applyEvents, documentKey } from './apply-events';
import type { InterventionSummary } from './interventions.projection';
import type { ParticipantSummary } from './participants.projection';
import type { ProjectedEvent } from './projection';
import { collections } from './read-model-names';
import { projections } from './registry';

export type AssociationReadModels = {
  readonly association: AssociationSummary | undefined;
  readonly interventions: InterventionSummary[];
  readonly participants: ParticipantSummary[];
};

/**
 * The read models folded in memory from a sequence of events, with the same projections the
 * worker runs: what an as-of report replays into, and how tests build read models from events.
 */
export class ProjectedState {
  private readonly docs = new Map<string, unknown>();
  private last: bigint | undefined;

  apply(events: readonly ProjectedEvent[]): void {
    for (const result of applyEvents(projections, this.docs, events)) {
      const key = documentKey(result.collection, result.id);
      if (result.doc === undefined) this.docs.delete(key);
      else this.docs.set(key, result.doc);
    }
    const position = events.at(-1)?.position;
    if (position !== undefined) this.last = position;
  }

  /** Starts from documents read from a read-model store at `checkpoint`. */
  static from(
    models: AssociationReadModels & { readonly association: AssociationSummary },
    checkpoint: bigint | undefined,
  ): ProjectedState {
    const state = new ProjectedState();
    state.docs.set(
      documentKey(collections.associations, models.association.associationId),
      models.association,
    );
    for (const i of models.interventions)
      state.docs.set(documentKey(collections.interventions, i.interventionId), i);
    for (const p of models.participants)
      state.docs.set(documentKey(collections.participants, p.participantId), p);
    state.last = checkpoint;
    return state;
  }

  /** Position of the last event applied. */
  get checkpoint(): bigint | undefined {
    return this.last;
  }

  of(associationId: string): AssociationReadModels {
    const association = this.docs.get(documentKey(collections.associations, associationId)) as
      AssociationSummary | undefined;
    const interventions: InterventionSummary[] = [];
    const participants: ParticipantSummary[] = [];
    for (const [key, doc] of this.docs) {
      const belongs = (doc as { associationId?: string }).associationId === associationId;
      if (!belongs) continue;
      if (key.startsWith('interventions\u0000')) interventions.push(doc as InterventionSummary);
      if (key.startsWith('participants\u0000')) participants.push(doc as ParticipantSummary);
    }
    return { association, interventions, participants };
  }
}
