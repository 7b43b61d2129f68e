import type {
  EducationLevel,
  Gender,
  Goal,
  IncomeSource,
  InterventionKind,
  IsoDate,
  Outcome,
  ReferringParty,
  SupportDuration,
} from '@stegvis/domain';

/** Every count in a report, split by gender (DESIGN §4). */
export type Counts = { woman: number; man: number; other: number; total: number };

/** Inclusive date range the report covers; a calendar year by default. */
export type Period = { readonly from: IsoDate; readonly to: IsoDate };

export const AGE_GROUPS = [
  'under-16',
  '16-19',
  '20-24',
  '25-29',
  '30-39',
  '40-49',
  '50-59',
  '60-64',
  '65+',
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The SUS grouping of employment status before and after the intervention. */
export const EMPLOYMENT_STATUSES = ['work', 'studies', 'job_seeking', 'other'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export type GoalStatus = 'met' | 'not_met' | 'insufficient_data';

export type GoalResult = {
  readonly id: string;
  readonly label: string;
  readonly kind: Goal['kind'];
  /** The share to reach; `min` for participantCount, `maxDeviation` for genderBalance. */
  readonly target: number;
  /** Null when there is nothing to compute it from (denominator 0). */
  readonly value: number | null;
  readonly numerator: number;
  /** Null for participantCount, which is a count and has none. */
  readonly denominator: number | null;
  readonly status: GoalStatus;
};

/** Share of exited participants for whom a follow-up fact exists. */
export type Completeness = { readonly count: number; readonly share: number | null };

export type DaysStatistics = { readonly mean: number | null; readonly median: number | null };

/**
 * The tables of one report, for an association or one intervention. Populations:
 * - demographic tables (ageGroups, referringParty, incomeSourceAtStart, educationLevel,
 *   supportDurationBefore) count participants of the period (`participants.total`);
 * - exit tables (incomeSourceAtExit, outcomes, employmentStatus, incomeSourceChange,
 *   daysInIntervention, satisfaction, progression) count participants exited in the period.
 */
export type ReportTables = {
  readonly participants: {
    readonly activeAtStart: Counts;
    readonly enrolled: Counts;
    readonly exited: Counts;
    readonly activeAtEnd: Counts;
    readonly total: Counts;
  };
  readonly ageGroups: Record<AgeGroup, Counts>;
  readonly referringParty: Record<ReferringParty, Counts>;
  readonly incomeSourceAtStart: Record<IncomeSource, Counts>;
  readonly incomeSourceAtExit: Record<IncomeSource, Counts>;
  readonly outcomes: Record<Outcome, Counts>;
  readonly daysInIntervention: DaysStatistics & {
    readonly byGender: Record<Gender, DaysStatistics>;
  };
  /** Exited participants who answered, and those whose latest answer was 4–5 (nöjd). */
  readonly satisfaction: { readonly answered: Counts; readonly satisfied: Counts };
  /**
   * Exited participants with a start and an exit self-assessment on the intervention's
   * instrument (assessed), and those higher at exit in at least one item (positive); per item;
   * and the same on the step ladder (at least two steps; positive when the last is higher).
   */
  readonly progression: {
    readonly assessed: Counts;
    readonly positive: Counts;
    readonly byItem: Record<string, { readonly assessed: Counts; readonly positive: Counts }>;
    readonly ladder: { readonly assessed: Counts; readonly positive: Counts };
  };
  /** SUS: status before (from income source at start) and after (from the exit outcome). */
  readonly employmentStatus: {
    readonly before: Record<EmploymentStatus, Counts>;
    readonly after: Record<EmploymentStatus, Counts>;
  };
  /** SUS: income source at start (outer key) → at exit (inner key). */
  readonly incomeSourceChange: Record<IncomeSource, Record<IncomeSource, Counts>>;
  readonly educationLevel: Record<EducationLevel, Counts>;
  readonly supportDurationBefore: Record<SupportDuration, Counts>;
  /** Head counts recorded in the period (structural interventions, volume activities). */
  readonly attendance: Counts;
  readonly completeness: {
    readonly exited: number;
    readonly startAndExitAssessment: Completeness;
    readonly satisfactionAnswer: Completeness;
    readonly ladderSteps: Completeness;
    readonly incomeSourceAtExitKnown: Completeness;
  };
  readonly goals: readonly GoalResult[];
};

export type InterventionReport = ReportTables & {
  readonly interventionId: string;
  readonly name: string;
  readonly kind: InterventionKind;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
};

/** DESIGN §4's report JSON. */
export type Report = ReportTables & {
  readonly associationId: string;
  readonly associationName: string;
  readonly year: number;
  readonly period: Period;
  /**
   * The last day counted: `period.to` once the period is over, the day the report was made (the
   * as-of day for an as-of report) while it runs; null when it has not begun, and then every
   * count is 0 and no goal is judged. `activeAtEnd` counts who was active on this day.
   */
  readonly countedThrough: IsoDate | null;
  /** Set when the report is for one intervention; `interventions` is then empty. */
  readonly interventionId?: string;
  readonly interventionName?: string;
  readonly interventionKind?: InterventionKind;
  /** Global position of the last event reflected, as a decimal string; null before any. */
  readonly checkpoint: string | null;
  /** Set for an as-of report: only events recorded up to this instant count. */
  readonly asOf?: string;
  readonly interventions: readonly InterventionReport[];
};
