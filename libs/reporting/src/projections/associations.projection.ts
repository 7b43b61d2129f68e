import type { Goal, Party } from '@stegvis/domain';
import type { Projection } from './projection';
import { collections, readModelTags } from './read-model-names';

export type AssociationSummary = {
  readonly associationId: string;
  readonly name: string;
  readonly orgNumber: string;
  readonly parties: readonly Party[];
  /** The goals in force per year: the latest AssociationGoalsSet for that year wins. */
  readonly goals: Readonly<Record<string, readonly Goal[]>>;
};

export const associationsProjection: Projection<AssociationSummary> = {
  collection: collections.associations,

  documentId(event) {
    switch (event.type) {
      case 'AssociationRegistered':
      case 'AssociationGoalsSet':
        return event.data.associationId;
      default:
        return undefined;
    }
  },

  evolve(doc, event) {
    if (event.type === 'AssociationRegistered') {
      const { occurredOn: _, ...data } = event.data;
      return { ...data, goals: {} };
    }
    if (doc === undefined || event.type !== 'AssociationGoalsSet') return doc;
    return { ...doc, goals: { ...doc.goals, [event.data.year]: event.data.goals } };
  },

  tags: () => [readModelTags.everyAssociation],
};
