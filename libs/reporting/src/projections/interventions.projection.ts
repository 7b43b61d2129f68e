import type { Goal, Instrument, InterventionKind, IsoDate, Ladder, Party } from '@stegvis/domain';
import type { Projection } from './projection';
import { collections, readModelTags } from './read-model-names';

export type InterventionSummary = {
  readonly interventionId: string;
  readonly associationId: string;
  readonly name: string;
  readonly kind: InterventionKind;
  readonly parties: readonly Party[];
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
  /** The self-assessment whose start and exit answers progression compares. */
  readonly instrument: Instrument;
  /** v1.1: every instrument the insats uses, `instrument` first (absent when projected before). */
  readonly instruments?: readonly Instrument[];
  readonly ladder: Ladder;
  /** The goals in force per year: the latest InterventionGoalsSet for that year wins. */
  readonly goals: Readonly<Record<string, readonly Goal[]>>;
  /** Head counts of structural interventions and volume activities. */
  readonly attendance: readonly {
    readonly occurredOn: IsoDate;
    readonly women: number;
    readonly men: number;
    readonly other: number;
  }[];
};

/** Every instrument an insats uses; its one instrument in a summary projected before v1.1. */
export function instrumentsOf(i: InterventionSummary): readonly Instrument[] {
  return i.instruments ?? [i.instrument];
}

export const interventionsProjection: Projection<InterventionSummary> = {
  collection: collections.interventions,

  documentId(event) {
    switch (event.type) {
      case 'InterventionRegistered':
      case 'InterventionGoalsSet':
      case 'InterventionClosed':
      case 'AttendanceRecorded':
      case 'InterventionInstrumentsChanged':
        return event.data.interventionId;
      default:
        return undefined;
    }
  },

  evolve(doc, event) {
    if (event.type === 'InterventionRegistered') {
      const { occurredOn: _, endsOn, instruments, ...data } = event.data;
      return {
        ...data,
        instruments: [data.instrument, ...(instruments ?? [])],
        endsOn: endsOn ?? null,
        closedOn: null,
        goals: {},
        attendance: [],
      };
    }
    if (doc === undefined) return undefined;
    switch (event.type) {
      case 'InterventionGoalsSet':
        return { ...doc, goals: { ...doc.goals, [event.data.year]: event.data.goals } };
      case 'InterventionClosed':
        return { ...doc, closedOn: event.data.closedOn };
      case 'InterventionInstrumentsChanged':
        return { ...doc, instruments: [...instrumentsOf(doc), ...event.data.instruments] };
      case 'AttendanceRecorded': {
        const { occurredOn, women, men, other } = event.data;
        return { ...doc, attendance: [...doc.attendance, { occurredOn, women, men, other }] };
      }
      default:
        return doc;
    }
  },

  tags: (doc) => [readModelTags.association(doc.associationId)],
};
