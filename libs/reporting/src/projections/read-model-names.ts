/**
 * The read models' names, written once: each projection's collection, and the tags its
 * documents are listed by. Readers name them through these, never as strings of their own.
 */
export const collections = {
  associations: 'associations',
  interventions: 'interventions',
  participants: 'participants',
} as const;

export const readModelTags = {
  /** Every association carries it: the list of all of them. */
  everyAssociation: 'all',
  /** An association's interventions and participants. */
  association: (associationId: string) => `association:${associationId}`,
  /** An intervention's participants. */
  intervention: (interventionId: string) => `intervention:${interventionId}`,
} as const;
