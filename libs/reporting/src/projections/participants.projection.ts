import type {
  AssessmentPhase,
  AssignmentAim,
  EducationLevel,
  FollowUpMonths,
  FollowUpStatus,
  Gender,
  IncomeSource,
  IsoDate,
  Outcome,
  ReferringParty,
  SupportDuration,
} from '@stegvis/domain';
import type { Projection } from './projection';
import { collections, readModelTags } from './read-model-names';

export type ParticipantSummary = {
  readonly participantId: string;
  readonly interventionId: string;
  readonly associationId: string;
  readonly gender: Gender;
  readonly birthYear: number;
  readonly referringParty: ReferringParty;
  readonly incomeSourceAtStart: IncomeSource;
  readonly educationLevel: EducationLevel;
  readonly supportDurationBefore: SupportDuration;
  readonly enrolledOn: IsoDate;
  /** v1.1: the aktualisering (absent in v1 enrolments, as are the other v1.1 fields). */
  readonly referredOn?: IsoDate;
  /** v1.1: the uppdrag. */
  readonly assignment?: { readonly aim: AssignmentAim };
  readonly exit: {
    readonly eventId: string;
    readonly exitedOn: IsoDate;
    readonly outcome: Outcome;
    readonly incomeSourceAtExit: IncomeSource;
    readonly planHandedOver: boolean;
    readonly assignmentGoalReached?: boolean;
  } | null;
  readonly assessments: readonly {
    readonly eventId: string;
    readonly instrument: string;
    readonly phase: AssessmentPhase;
    readonly assessedOn: IsoDate;
    readonly scores: Readonly<Record<string, number>>;
  }[];
  readonly steps: readonly {
    readonly eventId: string;
    readonly level: number;
    readonly stepOn: IsoDate;
  }[];
  readonly satisfaction: readonly {
    readonly eventId: string;
    readonly score: number;
    readonly answeredOn: IsoDate;
  }[];
  /** v1.1: follow-ups after exit, at most one per month mark. */
  readonly followUps?: readonly FollowUp[];
  /** Global position of the last event applied: lets a reader see how fresh the summary is. */
  readonly position: string;
};

export type FollowUp = {
  readonly eventId: string;
  readonly monthsAfterExit: FollowUpMonths;
  readonly followedUpOn: IsoDate;
  readonly status: FollowUpStatus;
  readonly incomeSource: IncomeSource;
};

/** A participant's follow-ups; none in a summary projected before v1.1. */
export function followUpsOf(p: ParticipantSummary): readonly FollowUp[] {
  return p.followUps ?? [];
}

/**
 * One summary per participant: what lists and reports need, with retracted entries removed
 * and erased participants deleted.
 */
export const participantsProjection: Projection<ParticipantSummary> = {
  collection: collections.participants,

  documentId(event) {
    switch (event.type) {
      case 'ParticipantEnrolled':
      case 'SelfAssessmentRecorded':
      case 'ProgressionStepRecorded':
      case 'SatisfactionRecorded':
      case 'ParticipantExited':
      case 'EntryRetracted':
      case 'FollowUpRecorded':
      case 'EnrolmentCorrected':
      case 'ParticipantErased':
        return event.data.participantId;
      default:
        return undefined;
    }
  },

  evolve(doc, event) {
    const position = event.position.toString();
    if (event.type === 'ParticipantEnrolled') {
      const { occurredOn: _, ...data } = event.data;
      return {
        ...data,
        exit: null,
        assessments: [],
        steps: [],
        satisfaction: [],
        followUps: [],
        position,
      };
    }
    if (event.type === 'ParticipantErased' || doc === undefined) return undefined;
    switch (event.type) {
      case 'SelfAssessmentRecorded': {
        const { instrument, phase, assessedOn, scores } = event.data;
        const entry = { eventId: event.id, instrument, phase, assessedOn, scores };
        return { ...doc, assessments: [...doc.assessments, entry], position };
      }
      case 'ProgressionStepRecorded': {
        const { level, stepOn } = event.data;
        return { ...doc, steps: [...doc.steps, { eventId: event.id, level, stepOn }], position };
      }
      case 'SatisfactionRecorded': {
        const { score, answeredOn } = event.data;
        return {
          ...doc,
          satisfaction: [...doc.satisfaction, { eventId: event.id, score, answeredOn }],
          position,
        };
      }
      case 'ParticipantExited': {
        const { occurredOn: _, participantId: _p, ...exit } = event.data;
        return { ...doc, exit: { eventId: event.id, ...exit }, position };
      }
      case 'FollowUpRecorded': {
        const { monthsAfterExit, followedUpOn, status, incomeSource } = event.data;
        const followUp = { eventId: event.id, monthsAfterExit, followedUpOn, status, incomeSource };
        return { ...doc, followUps: [...followUpsOf(doc), followUp], position };
      }
      case 'EnrolmentCorrected':
        // The latest value of each field counts; the log keeps what was entered first.
        return { ...doc, ...event.data.fields, position };
      case 'EntryRetracted': {
        const gone = event.data.retractedEventId;
        return {
          ...doc,
          exit: doc.exit?.eventId === gone ? null : doc.exit,
          assessments: doc.assessments.filter((a) => a.eventId !== gone),
          steps: doc.steps.filter((s) => s.eventId !== gone),
          satisfaction: doc.satisfaction.filter((s) => s.eventId !== gone),
          followUps: followUpsOf(doc).filter((f) => f.eventId !== gone),
          position,
        };
      }
      default:
        return doc;
    }
  },

  tags: (doc) => [
    readModelTags.intervention(doc.interventionId),
    readModelTags.association(doc.associationId),
  ],
};
