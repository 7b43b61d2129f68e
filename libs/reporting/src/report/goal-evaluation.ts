import type { Goal, InterventionKind } from '@stegvis/domain';
import type { ParticipantSummary } from '../projections/participants.projection';
import {
  latestItemScore,
  latestSatisfaction,
  ladderChange,
  selfAssessmentChange,
} from './participant-facts';
import type { GoalResult, GoalStatus, Period } from './report.types';

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
  /** The self-assessment instrument of a participant's intervention. */
  readonly instrumentOf: (p: ParticipantSummary) => string | undefined;
};

type Fraction = { numerator: number; denominator: number };

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (predicate(item)) n += 1;
  return n;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function shareResult(goal: Goal, target: number, { numerator, denominator }: Fraction): GoalResult {
  let status: GoalStatus;
  if (denominator < MIN_DENOMINATOR) status = 'insufficient_data';
  else status = numerator >= target * denominator - EPSILON ? 'met' : 'not_met';
  const value = denominator === 0 ? null : round(numerator / denominator);
  return {
    id: goal.id,
    label: goal.label,
    kind: goal.kind,
    target,
    value,
    numerator,
    denominator,
    status,
  };
}

function fractionOf(goal: Goal, pop: GoalPopulation): Fraction {
  switch (goal.kind) {
    case 'outcomeShare':
      return {
        numerator: count(
          pop.exited,
          (p) => p.exit !== null && goal.outcomes.includes(p.exit.outcome),
        ),
        denominator: pop.exited.length,
      };
    case 'satisfactionShare': {
      const answers = pop.exited.map(latestSatisfaction).filter((s) => s !== undefined);
      return { numerator: count(answers, (s) => s >= 4), denominator: answers.length };
    }
    case 'positiveProgressShare': {
      if (goal.source === 'ladder') {
        const changes = pop.exited.map(ladderChange).filter((c) => c.assessed);
        return { numerator: count(changes, (c) => c.positive), denominator: changes.length };
      }
      const changes = pop.exited
        .map((p) => selfAssessmentChange(p, pop.instrumentOf(p), goal.dimensions))
        .filter((c) => c.compared.length > 0);
      return {
        numerator: count(changes, (c) => c.improved.length > 0),
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
    case 'participantCount':
    case 'genderBalance':
      throw new Error(`${goal.kind} is not a share`);
  }
}

/** Evaluates one goal on a population (DESIGN §4). */
export function evaluateGoal(goal: Goal, pop: GoalPopulation): GoalResult {
  const base = { id: goal.id, label: goal.label, kind: goal.kind };
  if (goal.kind === 'participantCount') {
    const n = pop.participantCount;
    let status: GoalStatus = n >= goal.min ? 'met' : 'not_met';
    if (!pop.begun) status = 'insufficient_data';
    return { ...base, target: goal.min, value: n, numerator: n, denominator: null, status };
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
    return { ...base, target: goal.maxDeviation, value, numerator, denominator, status };
  }
  return shareResult(goal, goal.target, fractionOf(goal, pop));
}
