import { FOLLOW_UP_MONTHS, type Goal, type InterventionKind } from '@stegvis/domain';
import type { ParticipantSummary } from '../projections/participants.projection';
import {
  latestItemScore,
  positiveUnder,
  selfAssessmentChange,
  type SelfAssessmentChange,
} from './participant-facts';
import type { ReportFacts } from './report-facts';
import type { DimensionResult, GoalResult, GoalStatus, Period } from './report.schema';

/** Below this many people a share says nothing (and would point at individuals). */
export const MIN_DENOMINATOR = 5;

/** Shares are compared as numerator ≥ target × denominator; this absorbs float noise. */
const EPSILON = 1e-9;

/**
 * What a `participantCount` goal (and the Uppföljning Finsam row) counts on a level: the
 * participants of the period, or for a structural insats, which enrols nobody, the head counts
 * recorded in the period. An association's level (`kind` undefined) counts its participants:
 * head counts are visits, not people, and adding them would count one person once per visit;
 * a head-count goal belongs on the structural insats itself (docs/reports.md).
 */
export function participantCountBasis(
  kind: InterventionKind | undefined,
): 'participants' | 'attendance' {
  return kind === 'structural' ? 'attendance' : 'participants';
}

export type GoalPopulation = {
  readonly period: Period;
  /** False for a period that has not begun: there is nothing to judge a goal on yet. */
  readonly begun: boolean;
  /** What a participantCount goal counts here (see `participantCountBasis`). */
  readonly participantCount: number;
  /** Participants active at some time during the period. */
  readonly total: readonly ParticipantSummary[];
  /** Participants exited during the period. */
  readonly exited: readonly ParticipantSummary[];
  /** The participants' facts (and the instrument progression compares, of their intervention). */
  readonly facts: ReportFacts;
  /** The items of the instruments progression compares here, in their order. */
  readonly progressionItems: readonly string[];
};

/** A participant's start-to-exit change, limited to `items` when given. */
function changeOn(
  pop: GoalPopulation,
  p: ParticipantSummary,
  items: readonly string[] | undefined,
): SelfAssessmentChange {
  if (items === undefined) return pop.facts.of(p).change;
  return selfAssessmentChange(p, pop.facts.instrumentOf(p), items);
}

type Fraction = { numerator: number; denominator: number };
type ShareGoal = Exclude<Goal, { kind: 'participantCount' | 'genderBalance' }>;
type ProgressionGoal = Extract<Goal, { kind: 'positiveProgressShare' }>;

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (predicate(item)) n += 1;
  return n;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function shareStatus(target: number, { numerator, denominator }: Fraction): GoalStatus {
  if (denominator < MIN_DENOMINATOR) return 'insufficient_data';
  return numerator >= target * denominator - EPSILON ? 'met' : 'not_met';
}

const valueOf = ({ numerator, denominator }: Fraction) =>
  denominator === 0 ? null : round(numerator / denominator);

function base(goal: Goal) {
  return { id: goal.id, label: goal.label, kind: goal.kind, definition: goal };
}

function shareResult(goal: ShareGoal, fraction: Fraction): GoalResult {
  return {
    ...base(goal),
    target: goal.target,
    value: valueOf(fraction),
    ...fraction,
    status: shareStatus(goal.target, fraction),
  };
}

/** Whether an exited participant is in an outcomeShare's denominator (v1.1 `among`). */
function amongOf(goal: Extract<Goal, { kind: 'outcomeShare' }>) {
  const { aims, excludeOutcomes } = goal.among ?? {};
  return (p: ParticipantSummary): boolean =>
    (aims === undefined || (p.assignment !== undefined && aims.includes(p.assignment.aim))) &&
    (excludeOutcomes === undefined ||
      (p.exit !== null && !excludeOutcomes.includes(p.exit.outcome)));
}

function fractionOf(goal: ShareGoal, pop: GoalPopulation): Fraction {
  switch (goal.kind) {
    case 'outcomeShare': {
      const among = pop.exited.filter(amongOf(goal));
      return {
        numerator: count(among, (p) => p.exit !== null && goal.outcomes.includes(p.exit.outcome)),
        denominator: among.length,
      };
    }
    case 'satisfactionShare': {
      const answers = pop.exited
        .map((p) => pop.facts.of(p).satisfaction)
        .filter((s) => s !== undefined);
      return { numerator: count(answers, (s) => s >= 4), denominator: answers.length };
    }
    case 'positiveProgressShare': {
      if (goal.source === 'ladder') {
        const changes = pop.exited.map((p) => pop.facts.of(p).ladder).filter((c) => c.assessed);
        return { numerator: count(changes, (c) => c.positive), denominator: changes.length };
      }
      const rule =
        goal.rule === undefined || goal.rule === 'eachDimension' ? 'anyImproved' : goal.rule;
      const changes = pop.exited
        .map((p) => changeOn(pop, p, goal.dimensions))
        .filter((c) => c.compared.length > 0);
      return {
        numerator: count(changes, (c) => positiveUnder(rule, c)),
        denominator: changes.length,
      };
    }
    case 'planAtExitShare':
      return {
        numerator: count(pop.exited, (p) => p.exit?.planHandedOver === true),
        denominator: pop.exited.length,
      };
    case 'itemShare': {
      const { instrument, item, phase, atLeast } = goal;
      const { from, to } = pop.period;
      const scores = pop.total
        .map((p) => latestItemScore(p, { instrument, item, phase, from, to }))
        .filter((s) => s !== undefined);
      return { numerator: count(scores, (s) => s >= atLeast), denominator: scores.length };
    }
    case 'assignmentGoalShare': {
      const { aims } = goal;
      const withAssignment = pop.exited.filter(
        (p) =>
          p.assignment !== undefined && (aims === undefined || aims.includes(p.assignment.aim)),
      );
      return {
        numerator: count(withAssignment, (p) => p.exit?.assignmentGoalReached === true),
        denominator: withAssignment.length,
      };
    }
    case 'followUpShare': {
      const mark = FOLLOW_UP_MONTHS.indexOf(goal.monthsAfterExit);
      const followUps = pop.exited
        .map((p) => pop.facts.of(p).followUps[mark])
        .filter((f) => f !== undefined);
      return {
        numerator: count(followUps, (f) => goal.outcomes.includes(f.status)),
        denominator: followUps.length,
      };
    }
  }
}

/**
 * Each dimension's own share of a self-assessment progression goal: of the exited participants
 * who answered the dimension at start and exit, those higher at exit.
 */
function dimensionResults(goal: ProgressionGoal, pop: GoalPopulation): DimensionResult[] {
  const items = goal.dimensions ?? pop.progressionItems;
  // Only whether each item of `items` was compared, improved or worse is read: the change over
  // all items answers that as well as one limited to them.
  const changes = pop.exited.map((p) => pop.facts.of(p).change);
  return items.map((item) => {
    const answered = changes.filter((c) => c.compared.includes(item));
    const improved = count(answered, (c) => c.improved.includes(item));
    const worse = count(answered, (c) => c.worse.includes(item));
    const fraction = { numerator: improved, denominator: answered.length };
    return {
      item,
      assessed: answered.length,
      improved,
      unchanged: answered.length - improved - worse,
      worse,
      value: valueOf(fraction),
      status: shareStatus(goal.target, fraction),
    };
  });
}

/**
 * `eachDimension`: met when every dimension meets the target, insufficient when any dimension
 * has too few answers to say; the figures shown are those of the weakest dimension.
 */
function eachDimensionResult(goal: ProgressionGoal, dimensions: DimensionResult[]): GoalResult {
  const weakest = dimensions.reduce<DimensionResult | undefined>(
    (min, d) => (min === undefined || (d.value ?? -1) < (min.value ?? -1) ? d : min),
    undefined,
  );
  let status: GoalStatus = 'insufficient_data';
  if (dimensions.length > 0 && dimensions.every((d) => d.status !== 'insufficient_data')) {
    status = dimensions.every((d) => d.status === 'met') ? 'met' : 'not_met';
  }
  return {
    ...base(goal),
    target: goal.target,
    value: weakest?.value ?? null,
    numerator: weakest?.improved ?? 0,
    denominator: weakest?.assessed ?? 0,
    status,
    dimensions,
  };
}

/** Evaluates one goal on a population (DESIGN §4). */
export function evaluateGoal(goal: Goal, pop: GoalPopulation): GoalResult {
  if (goal.kind === 'participantCount') {
    const n = pop.participantCount;
    let status: GoalStatus = n >= goal.min ? 'met' : 'not_met';
    if (!pop.begun) status = 'insufficient_data';
    return { ...base(goal), target: goal.min, value: n, numerator: n, denominator: null, status };
  }
  if (goal.kind === 'genderBalance') {
    const women = count(pop.total, (p) => p.gender === 'woman');
    const men = count(pop.total, (p) => p.gender === 'man');
    const denominator = pop.total.length;
    const numerator = Math.abs(women - men);
    let status: GoalStatus;
    if (denominator < MIN_DENOMINATOR) status = 'insufficient_data';
    else status = numerator <= goal.maxDeviation * denominator + EPSILON ? 'met' : 'not_met';
    const value = denominator === 0 ? null : round(numerator / denominator);
    return { ...base(goal), target: goal.maxDeviation, value, numerator, denominator, status };
  }
  if (goal.kind === 'positiveProgressShare' && goal.source === 'selfAssessment') {
    const dimensions = dimensionResults(goal, pop);
    if (goal.rule === 'eachDimension') return eachDimensionResult(goal, dimensions);
    return { ...shareResult(goal, fractionOf(goal, pop)), dimensions };
  }
  return shareResult(goal, fractionOf(goal, pop));
}
