import {
  educationLevels,
  incomeSources,
  referringParties,
  supportDurations,
  type Goal,
  type InterventionKind,
  type IsoDate,
} from '@stegvis/domain';
import type { InterventionSummary } from '../projections/interventions.projection';
import type { ParticipantSummary } from '../projections/participants.projection';
import { countByKey, countGenders, emptyCounts } from './counts';
import { evaluateGoal, participantCountBasis, type GoalPopulation } from './goal-evaluation';
import { byDimension, days, exitedTables, type Exited, type ExitedTables } from './exited-tables';
import { ageAt } from './participant-facts';
import { activeAtEnd, activeAtStart, activeDuring, enrolledIn, exitedIn } from './period';
import type { ReportFacts } from './report-facts';
import {
  AGE_GROUPS,
  type AgeGroup,
  type Counts,
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
  /**
   * The tables of those exited, kept from an earlier report when `exited` is the same (see
   * ReportMemo); computed by `compute` otherwise.
   */
  readonly keepExited?: (exited: readonly Exited[], compute: () => ExitedTables) => ExitedTables;
};

/** Every table but `previous`, which is the same tables a year earlier (see computeReport). */
export type CurrentTables = Omit<ReportTables, 'previous'>;

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
  keepExited = (_, compute) => compute(),
}: TablesInput): CurrentTables {
  const participants = begun ? everyone : [];

  const total = participants.filter((p) => activeDuring(p, period));
  const exited = participants.filter((p): p is Exited => exitedIn(p, period));

  // Each item once, in the instruments' order: insatser often share an instrument.
  const progressionItems = [
    ...new Set(interventions.flatMap((i) => i.instrument.items.map((item) => item.key))),
  ];
  const ofExited = keepExited(exited, () =>
    exitedTables({ exited, interventions, progressionItems, today, facts }),
  );
  // Ongoing: still participating at the end, from start to the latest follow-up answer so far.
  const ongoing = participants
    .filter((p) => activeAtEnd(p, period))
    .map((p) => ({ p, change: facts.ongoingChange(p, period.to) }))
    .filter((c) => c.change.compared.length > 0);
  const enrolledWithReferral = participants.filter(
    (p) => enrolledIn(p, period) && p.referredOn !== undefined,
  );

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

  // In the order of the report's schema, which is the order of its JSON.
  return {
    participants: {
      activeAtStart: countGenders(participants.filter((p) => activeAtStart(p, period))),
      enrolled: countGenders(participants.filter((p) => enrolledIn(p, period))),
      exited: ofExited.exitedCounts,
      activeAtEnd: countGenders(participants.filter((p) => activeAtEnd(p, period))),
      total: countGenders(total),
    },
    ageGroups: countByKey(total, AGE_GROUPS, (p) => ageGroup(ageAt(p, p.enrolledOn))),
    referringParty: countByKey(total, referringParties.keys, (p) => p.referringParty),
    incomeSourceAtStart: countByKey(total, incomeSources.keys, (p) => p.incomeSourceAtStart),
    incomeSourceAtExit: ofExited.incomeSourceAtExit,
    outcomes: ofExited.outcomes,
    daysInIntervention: ofExited.daysInIntervention,
    waitingDays: {
      ...days(enrolledWithReferral.map((p) => facts.of(p).waitingDays ?? 0)),
      counted: enrolledWithReferral.length,
    },
    satisfaction: ofExited.satisfaction,
    progression: {
      ...ofExited.progression,
      ongoing: {
        assessed: countGenders(ongoing.map((c) => c.p)),
        positive: countGenders(ongoing.filter((c) => c.change.improved.length > 0).map((c) => c.p)),
        byDimension: byDimension(ongoing, progressionItems),
      },
    },
    assignments: ofExited.assignments,
    followUp: ofExited.followUp,
    employmentStatus: ofExited.employmentStatus,
    incomeSourceChange: ofExited.incomeSourceChange,
    educationLevel: countByKey(total, educationLevels.keys, (p) => p.educationLevel),
    supportDurationBefore: countByKey(total, supportDurations.keys, (p) => p.supportDurationBefore),
    attendance,
    completeness: ofExited.completeness,
    goals: goals.map((goal) => evaluateGoal(goal, population)),
  };
}
