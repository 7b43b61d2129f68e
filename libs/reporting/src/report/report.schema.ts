import {
  ageGroups,
  AssignmentAim,
  EducationLevel,
  employmentStatuses,
  FOLLOW_UP_MONTHS,
  FollowUpStatus,
  Gender,
  Goal,
  goalKinds,
  goalStatuses,
  IncomeSource,
  InterventionKind,
  IsoDate,
  Outcome,
  ReferringParty,
  SupportDuration,
} from '@stegvis/domain';
import { z } from 'zod';

/*
 * The report JSON (DESIGN §4), defined once: what OpenAPI publishes for the report route, what
 * the contract test checks served reports against, and, inferred from it, the `Report` type
 * the code computes.
 */

export const AGE_GROUPS = ageGroups.keys;
export type { AgeGroup } from '@stegvis/domain';

/** The SUS grouping of employment status before and after the intervention. */
export const EMPLOYMENT_STATUSES = employmentStatuses.keys;
export type { EmploymentStatus } from '@stegvis/domain';

/** The follow-up marks as the report's keys: JSON object keys are strings. */
export const FOLLOW_UP_MARKS = FOLLOW_UP_MONTHS.map(String) as ['3', '6', '12'];
export type FollowUpMark = (typeof FOLLOW_UP_MARKS)[number];

const Count = z.number().int().min(0);
/** Every count in a report, split by gender (DESIGN §4). */
const CountsSchema = z.object({ woman: Count, man: Count, other: Count, total: Count });
export type Counts = z.infer<typeof CountsSchema>;
const table = <K extends z.ZodEnum>(keys: K) => z.record(keys, CountsSchema);
const Share = z.number().min(0).max(1);

/** Inclusive date range the report covers; a calendar year by default. */
const PeriodSchema = z.object({ from: IsoDate, to: IsoDate }).readonly();
export type Period = z.infer<typeof PeriodSchema>;

const DaysSchema = z.object({ mean: z.number().nullable(), median: z.number().nullable() });
export type DaysStatistics = z.infer<typeof DaysSchema>;

/** Share of exited participants for whom a follow-up fact exists. */
const CompletenessSchema = z.object({ count: Count, share: Share.nullable() });
export type Completeness = z.infer<typeof CompletenessSchema>;

const CountPair = <A extends string, B extends string>(a: A, b: B) =>
  z.object({ [a]: CountsSchema, [b]: CountsSchema } as Record<A | B, typeof CountsSchema>);

const GoalStatusSchema = goalStatuses.schema;
export type GoalStatus = z.infer<typeof GoalStatusSchema>;

/** One dimension of a positiveProgressShare goal: its own share, judged against the target. */
const DimensionResult = z.object({
  item: z.string(),
  assessed: Count,
  improved: Count,
  unchanged: Count,
  worse: Count,
  value: Share.nullable(),
  status: GoalStatusSchema,
});
export type DimensionResult = z.infer<typeof DimensionResult>;

const GoalResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(goalKinds.keys),
  /** The share to reach; `min` for participantCount, `maxDeviation` for genderBalance. */
  target: z.number(),
  /** Null when there is nothing to compute it from (denominator 0). */
  value: z.number().nullable(),
  numerator: Count,
  /** Null for participantCount, which is a count and has none. */
  denominator: Count.nullable(),
  status: GoalStatusSchema,
  /** The goal as the chief set it, so a reader sees what was counted. */
  definition: Goal,
  /** positiveProgressShare: every dimension's own share (eachDimension is judged on these). */
  dimensions: z.array(DimensionResult).optional(),
});
export type GoalResult = z.infer<typeof GoalResultSchema>;

/** Per dimension: who answered it at both ends, and how their answer moved. */
const DimensionCounts = z.object({
  assessed: CountsSchema,
  improved: CountsSchema,
  unchanged: CountsSchema,
  worse: CountsSchema,
});
export type DimensionCounts = z.infer<typeof DimensionCounts>;

/** Start against the end of a comparison: positive means higher in at least one dimension. */
const ProgressionSchema = z.object({
  assessed: CountsSchema,
  positive: CountsSchema,
  byDimension: z.record(z.string(), DimensionCounts),
});

const WaitingDaysSchema = DaysSchema.extend({
  /** Participants enrolled in the period with a referral date: whom the figures are over. */
  counted: Count,
});

const ParticipantCounts = z.object({
  activeAtStart: CountsSchema,
  enrolled: CountsSchema,
  exited: CountsSchema,
  activeAtEnd: CountsSchema,
  total: CountsSchema,
});

/**
 * The same key figures a year earlier, with this year's goals evaluated on that year, so a
 * reader can say ökat / minskat.
 */
const PreviousSchema = z.object({
  period: PeriodSchema,
  participants: ParticipantCounts,
  daysInIntervention: DaysSchema,
  waitingDays: WaitingDaysSchema,
  satisfaction: CountPair('answered', 'satisfied'),
  progression: CountPair('assessed', 'positive'),
  goals: z.array(
    GoalResultSchema.pick({
      id: true,
      value: true,
      numerator: true,
      denominator: true,
      status: true,
    }),
  ),
});
export type PreviousYear = z.infer<typeof PreviousSchema>;

/**
 * The tables of one report, for an association or one intervention. Populations:
 * - demographic tables (ageGroups, referringParty, incomeSourceAtStart, educationLevel,
 *   supportDurationBefore) count participants of the period (`participants.total`);
 * - exit tables (incomeSourceAtExit, outcomes, employmentStatus, incomeSourceChange,
 *   daysInIntervention, satisfaction, progression, assignments, followUp) count participants
 *   exited in the period; `waitingDays` those enrolled in it.
 */
const ReportTablesSchema = z.object({
  participants: ParticipantCounts,
  ageGroups: table(z.enum(AGE_GROUPS)),
  referringParty: table(ReferringParty),
  incomeSourceAtStart: table(IncomeSource),
  incomeSourceAtExit: table(IncomeSource),
  outcomes: table(Outcome),
  daysInIntervention: DaysSchema.extend({ byGender: z.record(Gender, DaysSchema) }),
  /** Days from the aktualisering (referredOn) to the enrolment. */
  waitingDays: WaitingDaysSchema,
  /** Exited participants who answered, and those whose latest answer was 4–5 (nöjd). */
  satisfaction: CountPair('answered', 'satisfied'),
  /**
   * Exited participants with a start and an exit self-assessment on the intervention's
   * instrument (assessed), and those higher at exit in at least one item (positive); per item;
   * per dimension with improved / unchanged / worse; the same on the step ladder (at least two
   * steps; positive when the last is higher); and `ongoing`: participants active at the end,
   * from start to their latest follow-up assessment.
   */
  progression: ProgressionSchema.extend({
    byItem: z.record(z.string(), CountPair('assessed', 'positive')),
    ladder: CountPair('assessed', 'positive'),
    ongoing: ProgressionSchema,
  }),
  /** Exited participants per uppdrag aim, and those who reached its aim. */
  assignments: z.record(AssignmentAim, CountPair('exited', 'reached')),
  /**
   * Participants exited in the period, per month mark: whose mark has come (due), who were
   * followed up, and what they did then (however late the follow-up was recorded).
   */
  followUp: z.record(
    z.enum(FOLLOW_UP_MARKS),
    z.object({ due: CountsSchema, followedUp: CountsSchema, status: table(FollowUpStatus) }),
  ),
  /** SUS: status before (from income source at start) and after (from the exit outcome). */
  employmentStatus: z.object({
    before: table(z.enum(EMPLOYMENT_STATUSES)),
    after: table(z.enum(EMPLOYMENT_STATUSES)),
  }),
  /** SUS: income source at start (outer key) → at exit (inner key). */
  incomeSourceChange: z.record(IncomeSource, table(IncomeSource)),
  educationLevel: table(EducationLevel),
  supportDurationBefore: table(SupportDuration),
  /** Head counts recorded in the period (structural interventions, volume activities). */
  attendance: CountsSchema,
  completeness: z.object({
    exited: Count,
    startAndExitAssessment: CompletenessSchema,
    satisfactionAnswer: CompletenessSchema,
    ladderSteps: CompletenessSchema,
    incomeSourceAtExitKnown: CompletenessSchema,
  }),
  goals: z.array(GoalResultSchema).readonly(),
  /** The same period a year earlier. */
  previous: PreviousSchema,
});
export type ReportTables = z.infer<typeof ReportTablesSchema>;

const InterventionReportSchema = ReportTablesSchema.extend({
  interventionId: z.string(),
  name: z.string(),
  kind: InterventionKind,
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
});
export type InterventionReport = z.infer<typeof InterventionReportSchema>;

/** One instrument an insats uses, with the Swedish label of each item the tables name by key. */
const ReportInstrumentSchema = z.object({
  interventionId: z.string(),
  key: z.string(),
  label: z.string(),
  /** The insats's first instrument: the one `progression` (byItem, byDimension) compares. */
  progression: z.boolean(),
  items: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type ReportInstrument = z.infer<typeof ReportInstrumentSchema>;

/** DESIGN §4's report JSON. */
export const ReportSchema = ReportTablesSchema.extend({
  associationId: z.string(),
  associationName: z.string(),
  year: z.number().int(),
  period: PeriodSchema,
  /**
   * The last day counted: `period.to` once the period is over, the day the report was made (the
   * as-of day for an as-of report) while it runs; null when it has not begun, and then every
   * count is 0 and no goal is judged. `activeAtEnd` counts who was active on this day.
   */
  countedThrough: IsoDate.nullable(),
  /** Set when the report is for one intervention; `interventions` is then empty. */
  interventionId: z.string().optional(),
  interventionName: z.string().optional(),
  interventionKind: InterventionKind.optional(),
  /** Global position of the last event reflected, as a decimal string; null before any. */
  checkpoint: z.string().regex(/^\d+$/).nullable(),
  /** Set for an as-of report: only events recorded up to this instant count. */
  asOf: z.string().optional(),
  interventions: z.array(InterventionReportSchema).readonly(),
  /**
   * The instruments of the insatser counted (the one insats, or every insats of the association,
   * also those not in `interventions`), by insats id, each insats's in the order it uses them:
   * where an item key in the tables gets its label. Two insatser may give one key two labels.
   */
  instruments: z.array(ReportInstrumentSchema).readonly(),
});
export type Report = z.infer<typeof ReportSchema>;
