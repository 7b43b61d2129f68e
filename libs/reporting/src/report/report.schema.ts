import {
  EducationLevel,
  Gender,
  IncomeSource,
  InterventionKind,
  IsoDate,
  Outcome,
  ReferringParty,
  SupportDuration,
} from '@stegvis/domain';
import { z } from 'zod';
import { AGE_GROUPS, EMPLOYMENT_STATUSES, type Report } from './report.types';

/*
 * The report JSON as a schema: what OpenAPI publishes for the report route and what the
 * contract test checks served reports against. `report.types.ts` stays the readable definition;
 * the assignments at the end fail to compile if the two ever disagree.
 */

const Count = z.number().int().min(0);
const Counts = z.object({ woman: Count, man: Count, other: Count, total: Count });
const table = <K extends z.ZodEnum>(keys: K) => z.record(keys, Counts);
const Share = z.number().min(0).max(1);
const Days = z.object({ mean: z.number().nullable(), median: z.number().nullable() });
const Completeness = z.object({ count: Count, share: Share.nullable() });
const CountPair = <A extends string, B extends string>(a: A, b: B) =>
  z.object({ [a]: Counts, [b]: Counts } as Record<A | B, typeof Counts>);

const GoalResult = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum([
    'outcomeShare',
    'satisfactionShare',
    'positiveProgressShare',
    'participantCount',
    'genderBalance',
    'planAtExitShare',
    'itemShare',
  ]),
  target: z.number(),
  value: z.number().nullable(),
  numerator: Count,
  denominator: Count.nullable(),
  status: z.enum(['met', 'not_met', 'insufficient_data']),
});

const ReportTables = z.object({
  participants: z.object({
    activeAtStart: Counts,
    enrolled: Counts,
    exited: Counts,
    activeAtEnd: Counts,
    total: Counts,
  }),
  ageGroups: table(z.enum(AGE_GROUPS)),
  referringParty: table(ReferringParty),
  incomeSourceAtStart: table(IncomeSource),
  incomeSourceAtExit: table(IncomeSource),
  outcomes: table(Outcome),
  daysInIntervention: Days.extend({ byGender: z.record(Gender, Days) }),
  satisfaction: CountPair('answered', 'satisfied'),
  progression: z.object({
    assessed: Counts,
    positive: Counts,
    byItem: z.record(z.string(), CountPair('assessed', 'positive')),
    ladder: CountPair('assessed', 'positive'),
  }),
  employmentStatus: z.object({
    before: table(z.enum(EMPLOYMENT_STATUSES)),
    after: table(z.enum(EMPLOYMENT_STATUSES)),
  }),
  incomeSourceChange: z.record(IncomeSource, table(IncomeSource)),
  educationLevel: table(EducationLevel),
  supportDurationBefore: table(SupportDuration),
  attendance: Counts,
  completeness: z.object({
    exited: Count,
    startAndExitAssessment: Completeness,
    satisfactionAnswer: Completeness,
    ladderSteps: Completeness,
    incomeSourceAtExitKnown: Completeness,
  }),
  goals: z.array(GoalResult).readonly(),
});

const InterventionReport = ReportTables.extend({
  interventionId: z.string(),
  name: z.string(),
  kind: InterventionKind,
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
});

/** DESIGN §4's report JSON. */
export const ReportSchema = ReportTables.extend({
  associationId: z.string(),
  associationName: z.string(),
  year: z.number().int(),
  period: z.object({ from: IsoDate, to: IsoDate }),
  countedThrough: IsoDate.nullable(),
  interventionId: z.string().optional(),
  interventionName: z.string().optional(),
  interventionKind: InterventionKind.optional(),
  checkpoint: z.string().regex(/^\d+$/).nullable(),
  asOf: z.string().optional(),
  interventions: z.array(InterventionReport).readonly(),
});

// The type and the schema describe the same JSON: each must be assignable to the other.
type Described = z.infer<typeof ReportSchema>;
export const typeMatchesSchema = (report: Report): Described => report;
export const schemaMatchesType = (described: Described): Report => described;
