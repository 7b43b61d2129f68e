import {
  assignmentAims,
  educationLevels,
  followUpStatuses,
  genders,
  incomeSources,
  outcomes,
  referringParties,
  supportDurations,
  type Gender,
  type Goal,
  type IncomeSource,
  type InterventionKind,
  type IsoDate,
  type Outcome,
} from '@stegvis/domain';
import type { InterventionSummary } from '../projections/interventions.projection';
import type { ParticipantSummary } from '../projections/participants.projection';
import { countByKey, countGenders, emptyCounts } from './counts';
import { evaluateGoal, participantCountBasis, type GoalPopulation } from './goal-evaluation';
import { ageAt, type SelfAssessmentChange } from './participant-facts';
import { activeAtEnd, activeAtStart, activeDuring, enrolledIn, exitedIn } from './period';
import type { ParticipantFacts, ReportFacts } from './report-facts';
import {
  AGE_GROUPS,
  EMPLOYMENT_STATUSES,
  FOLLOW_UP_MARKS,
  type AgeGroup,
  type Completeness,
  type Counts,
  type DaysStatistics,
  type DimensionCounts,
  type EmploymentStatus,
  type Period,
  type ReportTables,
} from './report.schema';

export type TablesInput = {
  readonly period: Period;
  readonly participants: readonly ParticipantSummary[];
  /** The interventions in scope: their instruments and head counts. */
  readonly interventions: readonly InterventionSummary[];
  readonly goals: readonly Goal[];
  /** The intervention's kind for an intervention's tables; undefined for an association's. */
  readonly kind?: InterventionKind;
  /**
   * False for a period that has not begun: nobody is counted (not even as active at its start,
   * which is not known yet) and no goal is judged.
   */
  readonly begun: boolean;
  /** The day the report is made: which follow-up marks have come for those exited. */
  readonly today: IsoDate;
  /** The participants' facts, shared with the report's other tables. */
  readonly facts: ReportFacts;
};

/** Every table but `previous`, which is the same tables a year earlier (see computeReport). */
export type CurrentTables = Omit<ReportTables, 'previous'>;

type Exited = ParticipantSummary & { readonly exit: NonNullable<ParticipantSummary['exit']> };

export function ageGroup(age: number): AgeGroup {
  if (age < 16) return 'under-16';
  if (age <= 19) return '16-19';
  if (age <= 24) return '20-24';
  if (age <= 29) return '25-29';
  if (age <= 39) return '30-39';
  if (age <= 49) return '40-49';
  if (age <= 59) return '50-59';
  if (age <= 64) return '60-64';
  return '65+';
}

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

function days(values: readonly number[]): DaysStatistics {
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

function sumAttendance(
  interventions: readonly InterventionSummary[],
  { from, to }: Period,
): Counts {
  const counts = emptyCounts();
  for (const intervention of interventions) {
    for (const a of intervention.attendance) {
      if (a.occurredOn < from || a.occurredOn > to) continue;
      counts.woman += a.women;
      counts.man += a.men;
      counts.other += a.other;
      counts.total += a.women + a.men + a.other;
    }
  }
  return counts;
}

/** Every table of DESIGN §4 for one set of participants (an association or an intervention). */
export function reportTables({
  period,
  participants: everyone,
  interventions,
  goals,
  kind,
  begun,
  today,
  facts,
}: TablesInput): CurrentTables {
  const participants = begun ? everyone : [];

  const total = participants.filter((p) => activeDuring(p, period));
  const exited = participants.filter((p): p is Exited => exitedIn(p, period));

  // Looked up once per participant, beside `exited` (index for index).
  const exitedFacts = exited.map((p) => facts.of(p));
  const factsAt = (i: number) => exitedFacts[i] as ParticipantFacts;

  const satisfactionAnswers = exited.map((p, i) => ({ p, score: factsAt(i).satisfaction }));
  const answered = satisfactionAnswers.filter((a) => a.score !== undefined).map((a) => a.p);
  const changes = exited.map((p, i) => ({ p, change: factsAt(i).change }));
  const assessed = changes.filter((c) => c.change.compared.length > 0);
  const ladders = exited.map((p, i) => ({ p, change: factsAt(i).ladder }));
  const ladderAssessed = ladders.filter((l) => l.change.assessed);

  // Each item once, in the instruments' order: insatser often share an instrument.
  const progressionItems = [
    ...new Set(interventions.flatMap((i) => i.instrument.items.map((item) => item.key))),
  ];
  // Ongoing: still participating at the end, from start to the latest follow-up answer so far.
  const ongoing = participants
    .filter((p) => activeAtEnd(p, period))
    .map((p) => ({ p, change: facts.ongoingChange(p, period.to) }))
    .filter((c) => c.change.compared.length > 0);
  const enrolledWithReferral = participants.filter(
    (p) => enrolledIn(p, period) && p.referredOn !== undefined,
  );

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
  const incomeSourceChange = Object.fromEntries(
    incomeKeys.map((before) => [
      before,
      countByKey(
        exited.filter((p) => p.incomeSourceAtStart === before),
        incomeKeys,
        (p) => p.exit.incomeSourceAtExit,
      ),
    ]),
  ) as ReportTables['incomeSourceChange'];

  const attendance = begun ? sumAttendance(interventions, period) : emptyCounts();
  const population: GoalPopulation = {
    period,
    begun,
    participantCount:
      participantCountBasis(kind) === 'attendance' ? attendance.total : total.length,
    total,
    exited,
    facts,
    progressionItems,
  };

  return {
    participants: {
      activeAtStart: countGenders(participants.filter((p) => activeAtStart(p, period))),
      enrolled: countGenders(participants.filter((p) => enrolledIn(p, period))),
      exited: countGenders(exited),
      activeAtEnd: countGenders(participants.filter((p) => activeAtEnd(p, period))),
      total: countGenders(total),
    },
    ageGroups: countByKey(total, AGE_GROUPS, (p) => ageGroup(ageAt(p, p.enrolledOn))),
    referringParty: countByKey(total, referringParties.keys, (p) => p.referringParty),
    incomeSourceAtStart: countByKey(total, incomeKeys, (p) => p.incomeSourceAtStart),
    incomeSourceAtExit: countByKey(exited, incomeKeys, (p) => p.exit.incomeSourceAtExit),
    outcomes: countByKey(exited, outcomes.keys, (p) => p.exit.outcome),
    daysInIntervention: {
      ...daysOf(stays),
      byGender: Object.fromEntries(
        genders.keys.map((g) => [g, daysOf(stays.filter((s) => s.gender === g))]),
      ) as Record<Gender, DaysStatistics>,
    },
    waitingDays: {
      ...days(enrolledWithReferral.map((p) => facts.of(p).waitingDays ?? 0)),
      counted: enrolledWithReferral.length,
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
      ongoing: {
        assessed: countGenders(ongoing.map((c) => c.p)),
        positive: countGenders(ongoing.filter((c) => c.change.improved.length > 0).map((c) => c.p)),
        byDimension: byDimension(ongoing, progressionItems),
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
    incomeSourceChange,
    educationLevel: countByKey(total, educationLevels.keys, (p) => p.educationLevel),
    supportDurationBefore: countByKey(total, supportDurations.keys, (p) => p.supportDurationBefore),
    attendance,
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
    goals: goals.map((goal) => evaluateGoal(goal, population)),
  };
}

/**
 * Per dimension, in the instruments' order: who answered it at both ends and how the answer
 * moved. Every dimension of the instruments is listed, one nobody answered with zeros.
 */
function byDimension(
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
