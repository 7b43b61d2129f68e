import type { GoalResult } from '../../api/reports';
import { count, countOf, decimal, percent, DASH } from '../../format';
import { goalKindLabel, progressionRuleLabel } from '../../labels';
import { SHARE_STEPS, WHOLE_STEPS } from './comparison';

/** A goal judged per self-assessment area: every area must reach the target. */
export const isPerArea = (goal: GoalResult): boolean =>
  goal.definition.kind === 'positiveProgressShare' && goal.definition.rule === 'eachDimension';

/** What kind of goal it is, and for progression which rule counts as positive. */
export function goalKindText(goal: GoalResult): string {
  const kind = goalKindLabel(goal.kind);
  const { definition } = goal;
  if (definition.kind !== 'positiveProgressShare' || definition.source !== 'selfAssessment') {
    return kind;
  }
  const rule = progressionRuleLabel(definition.rule ?? 'anyImproved').toLowerCase();
  return isPerArea(goal)
    ? `${kind}, ${rule}: utfallet är det svagaste området`
    : `${kind}: ${rule}`;
}

/** How finely the goal's value is shown, for saying whether it rose. */
export const goalSteps = (goal: Pick<GoalResult, 'kind'>): number =>
  goal.kind === 'participantCount' ? WHOLE_STEPS : SHARE_STEPS;

/** The goal's target as a person says it: "minst 80 %" (also for a goal not yet evaluated). */
export function goalTarget(goal: Pick<GoalResult, 'kind' | 'target'>): string {
  switch (goal.kind) {
    case 'participantCount':
      return `minst ${count(goal.target)} deltagare`;
    case 'genderBalance':
      return `högst ${decimal(goal.target * 100)} procentenheter mellan andelen kvinnor och män`;
    default:
      return `minst ${percent(goal.target)}`;
  }
}

/** The outcome in the same terms as the target: "83,3 %". */
export function goalValue(goal: Pick<GoalResult, 'kind' | 'value'>): string {
  if (goal.value === null) return DASH;
  switch (goal.kind) {
    case 'participantCount':
      return `${count(goal.value)} deltagare`;
    case 'genderBalance':
      return `${decimal(goal.value * 100)} procentenheter`;
    default:
      return percent(goal.value);
  }
}

/** Whom the denominator counts, per goal kind. */
const BASIS: Record<GoalResult['kind'], string> = {
  outcomeShare: 'avslutade',
  satisfactionShare: 'avslutade som svarat',
  positiveProgressShare: 'avslutade med skattning vid start och avslut',
  planAtExitShare: 'avslutade',
  itemShare: 'som svarat',
  participantCount: 'deltagare',
  genderBalance: 'deltagare',
  assignmentGoalShare: 'avslutade med uppdrag',
  followUpShare: 'följda upp efter avslut',
};

/** What the outcome was computed from: "5 av 6 avslutade som svarat". */
export function goalBasis(goal: Pick<GoalResult, 'kind' | 'numerator' | 'denominator'>): string {
  if (goal.denominator === null) return `${count(goal.numerator)} ${BASIS[goal.kind]}`;
  // The numerator is the difference in head count; the basis is everyone counted.
  if (goal.kind === 'genderBalance') return `${count(goal.denominator)} deltagare`;
  return `${countOf(goal.numerator, goal.denominator)} ${BASIS[goal.kind]}`;
}

/**
 * How far the bar fills (0–1) and where the target mark sits, for the goal's picture; none
 * for gender balance, where less is better and a bar would read the wrong way.
 */
export function goalScale(goal: GoalResult): { value: number; target: number } | undefined {
  if (goal.kind === 'genderBalance') return undefined;
  const value = goal.value ?? 0;
  if (goal.kind === 'participantCount') {
    const top = Math.max(goal.target, value, 1) * 1.2;
    return { value: value / top, target: goal.target / top };
  }
  return { value: Math.min(Math.max(value, 0), 1), target: Math.min(Math.max(goal.target, 0), 1) };
}

export type GoalTally = { total: number; met: number; notMet: number; insufficient: number };

export function tally(goals: readonly GoalResult[]): GoalTally {
  const met = goals.filter((goal) => goal.status === 'met').length;
  const insufficient = goals.filter((goal) => goal.status === 'insufficient_data').length;
  return { total: goals.length, met, insufficient, notMet: goals.length - met - insufficient };
}

/**
 * The one-line summary: "7 av 9 mål uppfyllda, 2 med för litet underlag". Goals without enough
 * data are not counted as failures: they are named apart.
 */
export function goalSummary({ total, met, notMet, insufficient }: GoalTally): string {
  const parts = [`${count(met)} av ${count(total)} mål uppfyllda`];
  if (notMet > 0) parts.push(`${count(notMet)} ej ${notMet === 1 ? 'uppfyllt' : 'uppfyllda'}`);
  if (insufficient > 0) parts.push(`${count(insufficient)} med för litet underlag`);
  return parts.join(', ');
}
