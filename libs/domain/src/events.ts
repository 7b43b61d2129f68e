import { z } from 'zod';
import { Goal } from './goals';
import { Instrument, Ladder } from './instruments';
import { IsoDate } from './shared/dates';
import { objectOf } from './shared/messages';
import { pseudonymSchema } from './shared/pseudonyms';
import {
  AssessmentPhase,
  AssignmentAim,
  EducationLevel,
  ErasureReason,
  FollowUpMonths,
  FollowUpStatus,
  Gender,
  IncomeSource,
  InterventionKind,
  Outcome,
  Party,
  ReferringParty,
  RetractionReason,
  SupportDuration,
} from './vocabulary';

export const AssociationId = pseudonymSchema('F', 'ett förbunds-id', 'F-4HX9QK2WMP');
export const InterventionId = pseudonymSchema('I', 'ett insats-id', 'I-4HX9QK2WMP');
export const ParticipantId = pseudonymSchema('D', 'ett deltagar-id', 'D-4HX9QK2WMP');

/** The uppdrag of a participant: what the insats is to help the person reach. */
export const Assignment = z.strictObject(
  { aim: AssignmentAim },
  { error: objectOf('aim, t.ex. {"aim": "self_sufficiency"}') },
);
export type Assignment = z.infer<typeof Assignment>;

/** The enrolment fields staff may correct, as the enrolment event names them. */
export const CorrectableEnrolmentFields = z.strictObject({
  gender: Gender.optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  referringParty: ReferringParty.optional(),
  incomeSourceAtStart: IncomeSource.optional(),
  educationLevel: EducationLevel.optional(),
  supportDurationBefore: SupportDuration.optional(),
  referredOn: IsoDate.optional(),
  assignment: Assignment.optional(),
});
export type CorrectableEnrolmentFields = z.infer<typeof CorrectableEnrolmentFields>;

/** Every event data carries `occurredOn`: the date the fact happened, not when it was recorded. */
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({
    type: z.literal(type),
    data: z.strictObject({ ...shape, occurredOn: IsoDate }),
  });

export const AssociationRegistered = event('AssociationRegistered', {
  associationId: AssociationId,
  name: z.string(),
  orgNumber: z.string(),
  parties: z.array(Party),
});
export const AssociationGoalsSet = event('AssociationGoalsSet', {
  associationId: AssociationId,
  year: z.number().int(),
  goals: z.array(Goal),
});
export const ParticipantErased = event('ParticipantErased', {
  associationId: AssociationId,
  participantId: ParticipantId,
  interventionId: InterventionId,
  reason: ErasureReason,
});

export const InterventionRegistered = event('InterventionRegistered', {
  interventionId: InterventionId,
  associationId: AssociationId,
  name: z.string(),
  kind: InterventionKind,
  parties: z.array(Party),
  startsOn: IsoDate,
  endsOn: IsoDate.optional(),
  /** The self-assessment whose start and exit answers progression compares. */
  instrument: Instrument,
  /** v1.1: the further instruments the insats uses (e.g. Navet's participant indicators). */
  instruments: z.array(Instrument).optional(),
  ladder: Ladder,
});
/** v1.1: instruments taken into use later; answers already given keep their instrument. */
export const InterventionInstrumentsChanged = event('InterventionInstrumentsChanged', {
  interventionId: InterventionId,
  instruments: z.array(Instrument).min(1),
});
export const InterventionGoalsSet = event('InterventionGoalsSet', {
  interventionId: InterventionId,
  year: z.number().int(),
  goals: z.array(Goal),
});
export const InterventionClosed = event('InterventionClosed', {
  interventionId: InterventionId,
  closedOn: IsoDate,
});
export const AttendanceRecorded = event('AttendanceRecorded', {
  interventionId: InterventionId,
  women: z.number().int().min(0),
  men: z.number().int().min(0),
  other: z.number().int().min(0),
});

export const ParticipantEnrolled = event('ParticipantEnrolled', {
  participantId: ParticipantId,
  interventionId: InterventionId,
  associationId: AssociationId,
  enrolledOn: IsoDate,
  gender: Gender,
  birthYear: z.number().int(),
  referringParty: ReferringParty,
  incomeSourceAtStart: IncomeSource,
  educationLevel: EducationLevel,
  supportDurationBefore: SupportDuration,
  /** v1.1: the date of the aktualisering, for waiting time. */
  referredOn: IsoDate.optional(),
  /** v1.1: the uppdrag the participant is enrolled with. */
  assignment: Assignment.optional(),
});
export const SelfAssessmentRecorded = event('SelfAssessmentRecorded', {
  participantId: ParticipantId,
  instrument: z.string(),
  phase: AssessmentPhase,
  assessedOn: IsoDate,
  scores: z.record(z.string(), z.number().int()),
});
export const ProgressionStepRecorded = event('ProgressionStepRecorded', {
  participantId: ParticipantId,
  level: z.number().int(),
  stepOn: IsoDate,
});
export const SatisfactionRecorded = event('SatisfactionRecorded', {
  participantId: ParticipantId,
  score: z.number().int().min(1).max(5),
  answeredOn: IsoDate,
});
export const ParticipantExited = event('ParticipantExited', {
  participantId: ParticipantId,
  exitedOn: IsoDate,
  outcome: Outcome,
  incomeSourceAtExit: IncomeSource,
  planHandedOver: z.boolean(),
  /** v1.1: whether the uppdrag's aim was reached (participants enrolled with an uppdrag). */
  assignmentGoalReached: z.boolean().optional(),
});
/** v1.1: what the person does N months after exit; the one fact accepted after exit. */
export const FollowUpRecorded = event('FollowUpRecorded', {
  participantId: ParticipantId,
  monthsAfterExit: FollowUpMonths,
  followedUpOn: IsoDate,
  status: FollowUpStatus,
  incomeSource: IncomeSource,
});
/** v1.1: enrolment fields entered wrongly; the latest value of each field counts. */
export const EnrolmentCorrected = event('EnrolmentCorrected', {
  participantId: ParticipantId,
  fields: CorrectableEnrolmentFields,
});
export const EntryRetracted = event('EntryRetracted', {
  participantId: ParticipantId,
  retractedEventId: z.uuid(),
  reason: RetractionReason,
});

/** What must be unique, and among whom (see the unique-value decider). */
export const UNIQUE_SCOPES = ['intervention-name', 'user-email'] as const;
export type UniqueScope = (typeof UNIQUE_SCOPES)[number];

/** Stream `unique-<scope>-<hash of the value>`: the value now belongs to `holderId`. */
export const UniqueValueClaimed = event('UniqueValueClaimed', {
  scope: z.enum(UNIQUE_SCOPES),
  holderId: z.string().min(1),
  /** The instant of the claim: a claim whose holder never came to exist lapses after a while. */
  claimedAt: z.iso.datetime(),
});

export const AssociationEvent = z.discriminatedUnion('type', [
  AssociationRegistered,
  AssociationGoalsSet,
  ParticipantErased,
]);
export type AssociationEvent = z.infer<typeof AssociationEvent>;

export const InterventionEvent = z.discriminatedUnion('type', [
  InterventionRegistered,
  InterventionGoalsSet,
  InterventionClosed,
  AttendanceRecorded,
  InterventionInstrumentsChanged,
]);
export type InterventionEvent = z.infer<typeof InterventionEvent>;

export const ParticipantEvent = z.discriminatedUnion('type', [
  ParticipantEnrolled,
  SelfAssessmentRecorded,
  ProgressionStepRecorded,
  SatisfactionRecorded,
  ParticipantExited,
  EntryRetracted,
  FollowUpRecorded,
  EnrolmentCorrected,
]);
export type ParticipantEvent = z.infer<typeof ParticipantEvent>;

export const UniqueValueEvent = z.discriminatedUnion('type', [UniqueValueClaimed]);
export type UniqueValueEvent = z.infer<typeof UniqueValueEvent>;

export const StegvisEvent = z.discriminatedUnion('type', [
  ...AssociationEvent.options,
  ...InterventionEvent.options,
  ...ParticipantEvent.options,
  ...UniqueValueEvent.options,
]);
export type StegvisEvent = z.infer<typeof StegvisEvent>;
export type StegvisEventType = StegvisEvent['type'];

export const streamNames = {
  association: (id: string) => `association-${id}`,
  intervention: (id: string) => `intervention-${id}`,
  participant: (id: string) => `participant-${id}`,
} as const;
