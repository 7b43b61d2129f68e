import {
  assignmentAims,
  followUpStatuses,
  genders,
  incomeSources,
  outcomes,
  type Gender,
  type IncomeSource,
  type IsoDate,
  type Outcome,
} from '@stegvis/domain';
import type { InterventionSummary } from '../projections/interventions.projection';
import type { ParticipantSummary } from '../projections/participants.projection';
import { countByKey, countGenders, emptyCounts } from './counts';
import type { SelfAssessmentChange } from './participant-facts';
import type { ParticipantFacts, ReportFacts } from './report-facts';
import {
  EMPLOYMENT_STATUSES,
  FOLLOW_UP_MARKS,
  type Completeness,
  type Counts,
  type DaysStatistics,
  type DimensionCounts,
  type EmploymentStatus,
  type ReportTables,
} from './report.schema';

export type Exited = ParticipantSummary & {
  readonly exit: NonNullable<ParticipantSummary['exit']>;
};

/**
 * The tables made only of the participants exited in the period: most of a report's work, and
 * unchanged by what happens to those still participating (an enrolment, a ladder step), so a
 * ReportMemo keeps them while the same participants, unchanged, are the period's exited.
 */
export type ExitedTables = Pick<
  ReportTables,
  | 'incomeSourceAtExit'
  | 'outcomes'
  | 'daysInIntervention'
  | 'satisfaction'
  | 'assignments'
  | 'followUp'
  | 'employmentStatus'
  | 'incomeSourceChange'
  | 'completeness'
> & {
  readonly exitedCounts: Counts;
  readonly progression: Omit<ReportTables['progression'], 'ongoing'>;
};

export function employmentBefore(source: IncomeSource): EmploymentStatus {
  if (source === 'salary') return 'work';
  if (source === 'student_aid') return 'studies';
  if (source === 'unemployment_support') return 'job_seeking';
  return 'other';
}

export function employmentAfter(outcome: Outcome): EmploymentStatus {
  return outcome === 'work' || outcome === 'studies' || outcome === 'job_seeking'
    ? outcome
    : 'other';
}

export function days(values: readonly number[]): DaysStatistics {
  if (values.length === 0) return { mean: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { mean: Math.round(mean * 10) / 10, median };
}

function completeness(count: number, of: number): Completeness {
  return { count, share: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000 };
}

export function exitedTables({
  exited,
  interventions,
  progressionItems,
  today,
  facts,
}: {
  readonly exited: readonly Exited[];
  readonly interventions: readonly InterventionSummary[];
  /** The items of the instruments, each once, in their order. */
  readonly progressionItems: readonly string[];
  /** Which follow-up marks have come. */
  readonly today: IsoDate;
  readonly facts: ReportFacts;
}): ExitedTables {
  // Looked up once per participant, beside `exited` (index for index).
  const exitedFacts = exited.map((p) => facts.of(p));
  const factsAt = (i: number) => exitedFacts[i] as ParticipantFacts;

  const satisfactionAnswers = exited.map((p, i) => ({ p, score: factsAt(i).satisfaction }));
  const answered = satisfactionAnswers.filter((a) => a.score !== undefined).map((a) => a.p);
  const changes = exited.map((p, i) => ({ p, change: factsAt(i).change }));
  const assessed = changes.filter((c) => c.change.compared.length > 0);
  const ladders = exited.map((p, i) => ({ p, change: factsAt(i).ladder }));
  const ladderAssessed = ladders.filter((l) => l.change.assessed);

  const byItem: Record<string, { assessed: Counts; positive: Counts }> = {};
  for (const { p, change } of assessed) {
    for (const item of change.compared) {
      byItem[item] ??= { assessed: emptyCounts(), positive: emptyCounts() };
      tally(byItem[item].assessed, p.gender);
      if (change.improved.includes(item)) tally(byItem[item].positive, p.gender);
    }
  }

  const stays = exited.map((p, i) => ({
    gender: p.gender,
    days: factsAt(i).daysInIntervention ?? 0,
  }));
  const daysOf = (ss: typeof stays) => days(ss.map((s) => s.days));
  const incomeKeys = incomeSources.keys;

  return {
    exitedCounts: countGenders(exited),
    incomeSourceAtExit: countByKey(exited, incomeKeys, (p) => p.exit.incomeSourceAtExit),
    outcomes: countByKey(exited, outcomes.keys, (p) => p.exit.outcome),
    daysInIntervention: {
      ...daysOf(stays),
      byGender: Object.fromEntries(
        genders.keys.map((g) => [g, daysOf(stays.filter((s) => s.gender === g))]),
      ) as Record<Gender, DaysStatistics>,
    },
    satisfaction: {
      answered: countGenders(answered),
      satisfied: countGenders(
        satisfactionAnswers.filter((a) => (a.score ?? 0) >= 4).map((a) => a.p),
      ),
    },
    progression: {
      assessed: countGenders(assessed.map((c) => c.p)),
      positive: countGenders(assessed.filter((c) => c.change.improved.length > 0).map((c) => c.p)),
      byDimension: byDimension(assessed, progressionItems),
      byItem: inInstrumentOrder(byItem, interventions),
      ladder: {
        assessed: countGenders(ladderAssessed.map((l) => l.p)),
        positive: countGenders(ladderAssessed.filter((l) => l.change.positive).map((l) => l.p)),
      },
    },
    assignments: Object.fromEntries(
      assignmentAims.keys.map((aim) => {
        const withAim = exited.filter((p) => p.assignment?.aim === aim);
        return [
          aim,
          {
            exited: countGenders(withAim),
            reached: countGenders(withAim.filter((p) => p.exit.assignmentGoalReached === true)),
          },
        ];
      }),
    ) as ReportTables['assignments'],
    followUp: Object.fromEntries(
      FOLLOW_UP_MARKS.map((mark, index) => {
        const due = exited.filter((_, i) => {
          const dueOn = factsAt(i).followUpDueOn[index];
          return dueOn !== undefined && dueOn !== null && dueOn <= today;
        });
        const followedUp = exited.flatMap((p, i) => {
          const f = factsAt(i).followUps[index];
          return f === undefined ? [] : [{ gender: p.gender, status: f.status }];
        });
        return [
          mark,
          {
            due: countGenders(due),
            followedUp: countGenders(followedUp),
            status: countByKey(followedUp, followUpStatuses.keys, (f) => f.status),
          },
        ];
      }),
    ) as ReportTables['followUp'],
    employmentStatus: {
      before: countByKey(exited, EMPLOYMENT_STATUSES, (p) =>
        employmentBefore(p.incomeSourceAtStart),
      ),
      after: countByKey(exited, EMPLOYMENT_STATUSES, (p) => employmentAfter(p.exit.outcome)),
    },
    incomeSourceChange: Object.fromEntries(
      incomeKeys.map((before) => [
        before,
        countByKey(
          exited.filter((p) => p.incomeSourceAtStart === before),
          incomeKeys,
          (p) => p.exit.incomeSourceAtExit,
        ),
      ]),
    ) as ReportTables['incomeSourceChange'],
    completeness: {
      exited: exited.length,
      startAndExitAssessment: completeness(assessed.length, exited.length),
      satisfactionAnswer: completeness(answered.length, exited.length),
      ladderSteps: completeness(ladderAssessed.length, exited.length),
      incomeSourceAtExitKnown: completeness(
        exited.filter((p) => p.exit.incomeSourceAtExit !== 'unknown').length,
        exited.length,
      ),
    },
  };
}

/**
 * Per dimension, in the instruments' order: who answered it at both ends and how the answer
 * moved. Every dimension of the instruments is listed, one nobody answered with zeros.
 */
export function byDimension(
  changes: readonly { p: ParticipantSummary; change: SelfAssessmentChange }[],
  items: readonly string[],
): Record<string, DimensionCounts> {
  const table: Record<string, DimensionCounts> = {};
  const row = (item: string) =>
    (table[item] ??= {
      assessed: emptyCounts(),
      improved: emptyCounts(),
      unchanged: emptyCounts(),
      worse: emptyCounts(),
    });
  for (const item of items) row(item);
  for (const { p, change } of changes) {
    for (const item of change.compared) {
      const counts = row(item);
      tally(counts.assessed, p.gender);
      if (change.improved.includes(item)) tally(counts.improved, p.gender);
      else if (change.worse.includes(item)) tally(counts.worse, p.gender);
      else tally(counts.unchanged, p.gender);
    }
  }
  return table;
}

function tally(counts: Counts, gender: Gender): void {
  counts[gender] += 1;
  counts.total += 1;
}

/** Items in the order their instruments list them, whatever order participants were read in. */
function inInstrumentOrder<T>(
  byItem: Record<string, T>,
  interventions: readonly InterventionSummary[],
): Record<string, T> {
  const order = interventions.flatMap((i) => i.instrument.items.map((item) => item.key));
  const rank = (item: string) => {
    const index = order.indexOf(item);
    return index === -1 ? order.length : index;
  };
  return Object.fromEntries(
    Object.entries(byItem).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)),
  );
}
